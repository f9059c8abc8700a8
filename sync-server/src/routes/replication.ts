// RxDB replication over HTTP for every synced collection: pull by seq, push with conflicts, server-sent event stream.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { syncRoutes } from '../../../src-shared/api/routes';
import type { PullQuery, PushRow, SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { isSyncedCollection, schemaVersionHeader, syncedCollections } from '../../../src-shared/api/sync-protocol';
import { authenticate, type Caller } from '../plugins/auth';
import { corsHeaders } from '../plugins/cors';
import { badRequest, HttpError } from '../plugins/errors';
import { domainRules } from '../replication/domain-rules';
import { decidePush, toWire } from '../replication/push-decision';
import { requiredSchemaVersion } from '../replication/schema-versions';
import { inScope, isReferenceCollection, readScope } from '../replication/scope';
import type { ServerContext } from '../server-context';
import type { StoredDocument } from '../store/store';

const pullQuery = {
  type: 'object',
  properties: {
    seq: { type: 'integer', minimum: 0, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    token: { type: 'string' },
  },
} as const;

const pushBody = {
  type: 'array',
  maxItems: 1000,
  items: {
    type: 'object',
    required: ['newDocumentState'],
    properties: {
      assumedMasterState: { anyOf: [{ type: 'object' }, { type: 'null' }] },
      newDocumentState: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    },
  },
} as const;

interface CollectionParams {
  collection: string;
}

/** 426 when the client's schema is older than the server's; a missing header is not checked (tools, curl). */
function checkSchemaVersion(request: FastifyRequest, collection: SyncedCollection): void {
  const header = request.headers[schemaVersionHeader];
  if (header === undefined) return;
  const value = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isInteger(value) || value < 0) {
    throw badRequest('invalid_schema_version', `请求头 ${schemaVersionHeader} 无效，请升级客户端`);
  }
  const required = requiredSchemaVersion(collection);
  if (value < required) {
    throw new HttpError(
      426,
      'schema_outdated',
      `客户端版本过旧（${collection} 数据格式第 ${value} 版，服务器要求第 ${required} 版），请升级联络站客户端后再同步`,
      { requiredVersion: required },
    );
  }
}

function collectionOf(request: FastifyRequest): SyncedCollection {
  const { collection } = request.params as CollectionParams;
  if (!isSyncedCollection(collection)) {
    throw new HttpError(404, 'unknown_collection', `没有名为 ${collection} 的同步数据集，请升级客户端`);
  }
  return collection;
}

/** County of each station named in a staff push, so staff cannot file records under another county's station. */
async function stationCountiesOf(
  ctx: ServerContext,
  collection: SyncedCollection,
  caller: Caller,
  rows: readonly PushRow<Record<string, unknown>>[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (caller.kind !== 'staff' || isReferenceCollection(collection)) return out;
  for (const row of rows) {
    const stationId = row.newDocumentState.stationId;
    if (typeof stationId !== 'string' || out.has(stationId)) continue;
    const station = await ctx.store.getDocument('stations', stationId);
    if (station) out.set(stationId, station.countyId);
  }
  return out;
}

export const replicationRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  // Open event streams, ended when the server closes so that close() does not wait for them.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });

  // Authentication and the schema check run before body validation: an outdated client learns it must upgrade.
  const guard = (allowQuery: boolean) => async (request: FastifyRequest) => {
    const collection = collectionOf(request);
    await authenticate(request, ctx.store, ctx.now(), { allowQuery });
    checkSchemaVersion(request, collection);
  };

  app.get<{ Params: CollectionParams; Querystring: PullQuery }>(
    syncRoutes.pull.pattern,
    { schema: { querystring: pullQuery }, preValidation: guard(false) },
    async (request) => {
      const collection = collectionOf(request);
      const caller = request.caller as Caller;
      const { seq, limit } = request.query;
      const scope = readScope(caller, collection);
      const docs = await ctx.store.pull(collection, scope, seq, limit);
      if (caller.kind === 'station')
        await ctx.store.recordSyncActivity(caller.stationId, 'pull', ctx.now().toISOString());
      const last = docs.at(-1);
      const checkpoint = { seq: last ? last.seq : seq };
      // A full batch may have more behind it; a short one is the end (no count needed).
      const remaining = docs.length < limit ? 0 : await ctx.store.countAfter(collection, scope, checkpoint.seq);
      return { documents: docs.map(toWire), checkpoint, remaining };
    },
  );

  app.post<{ Params: CollectionParams; Body: PushRow<Record<string, unknown>>[] }>(
    syncRoutes.push.pattern,
    { schema: { body: pushBody }, preValidation: guard(false) },
    async (request) => {
      const collection = collectionOf(request);
      const caller = request.caller as Caller;
      const rows = request.body;
      const stationCounties = await stationCountiesOf(ctx, collection, caller, rows);
      const ids = rows.map((row) => row.newDocumentState.id as string);
      const conflicts = await ctx.store.push(
        collection,
        ids,
        (masters) => decidePush({ collection, caller, rules: domainRules, stationCounties }, rows, masters),
        caller.countyId,
      );
      if (caller.kind === 'station')
        await ctx.store.recordSyncActivity(caller.stationId, 'push', ctx.now().toISOString());
      return conflicts;
    },
  );

  app.get<{ Params: CollectionParams }>(
    syncRoutes.stream.pattern,
    { preValidation: guard(true) },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const collection = collectionOf(request);
      const caller = request.caller as Caller;
      const scope = readScope(caller, collection);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        // Hijacked: the CORS hook's headers are not sent, so they are written here.
        ...corsHeaders(ctx.config, request.headers.origin),
      });
      const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
      // A new connection may have missed commits while it was away: ask the client to pull from its checkpoint.
      send('RESYNC');
      const unsubscribe = ctx.store.onCommit((changed, documents: readonly StoredDocument[]) => {
        if (changed !== collection) return;
        const visible = documents.filter((doc) => inScope(scope, doc));
        const last = visible.at(-1);
        if (last) send({ documents: visible.map(toWire), checkpoint: { seq: last.seq } });
      });
      // The keep-alive also re-checks the token, so a revoked station or an expired session loses its stream too.
      const ping = setInterval(() => {
        void ctx.store.findToken(caller.tokenHash).then((token) => {
          const now = ctx.now().toISOString();
          if (!token || token.revokedAt || (token.expiresAt !== null && token.expiresAt <= now)) end();
          else res.write(': ping\n\n');
        }, end);
      }, ctx.config.streamHeartbeatMs);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(ping);
        unsubscribe();
        streams.delete(end);
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      request.raw.on('close', end);
      res.on('error', end);
    },
  );
};

/** Exported for documentation and tests: the route paths of every synced collection. */
export const replicationPaths = syncedCollections.map((c) => ({
  pull: syncRoutes.pull(c),
  push: syncRoutes.push(c),
  stream: syncRoutes.stream(c),
}));
