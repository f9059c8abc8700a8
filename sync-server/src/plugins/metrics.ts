// Prometheus metrics (prom-client) at GET /metrics: requests by route and status, latencies, sync traffic per collection,
// open event streams and store errors. Readable only with LS_METRICS_TOKEN, or without it only from this machine.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { operationsRoutes } from '../../../src-shared/api/routes';
import { isSyncedCollection, type SyncedCollection } from '../../../src-shared/api/sync-protocol';
import type { ServerConfig } from '../config';
import type { Store } from '../store/store';
import { HttpError } from './errors';

type SyncDirection = 'pull' | 'push' | 'stream';

export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status_code'>;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  syncRequests: Counter<'direction' | 'collection' | 'status_code'>;
  syncDocuments: Counter<'direction' | 'collection'>;
  openStreams: Gauge<'collection'>;
  storeErrors: Counter<'operation'>;
}

/** Process metrics (CPU, memory, event loop, handles) are per process, so one registry serves every app instance. */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The server's own metrics, in a registry of their own (tests build many servers in one process). */
export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'liaison_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status_code'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'liaison_http_request_duration_seconds',
      help: 'Time to answer an HTTP request (event streams excluded)',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    syncRequests: new Counter({
      name: 'liaison_sync_requests_total',
      help: 'Replication requests (pull, push, stream) per collection and status',
      labelNames: ['direction', 'collection', 'status_code'],
      registers,
    }),
    syncDocuments: new Counter({
      name: 'liaison_sync_documents_total',
      help: 'Documents sent by pulls (direction=pull) and written by pushes (direction=push), per collection',
      labelNames: ['direction', 'collection'],
      registers,
    }),
    openStreams: new Gauge({
      name: 'liaison_sync_streams_open',
      help: 'Open server-sent event streams (connected station and county clients), per collection',
      labelNames: ['collection'],
      registers,
    }),
    storeErrors: new Counter({
      name: 'liaison_store_errors_total',
      help: 'Store operations that failed (not refusals of a push), by store method',
      labelNames: ['operation'],
      registers,
    }),
  };
}

/** The synced collection and direction of a replication route, or null for any other route. */
function syncRouteOf(request: FastifyRequest): { direction: SyncDirection; collection: SyncedCollection } | null {
  const route = request.routeOptions.url ?? '';
  const direction = (['pull', 'push', 'stream'] as const).find((d) => route.endsWith(`/:collection/${d}`));
  const collection = (request.params as { collection?: unknown } | undefined)?.collection;
  // Only known collections become label values: a client must not be able to invent time series.
  if (!direction || typeof collection !== 'string' || !isSyncedCollection(collection)) return null;
  return { direction, collection };
}

/**
 * The store as routes see it, counting what metrics need: documents pulled and written per collection, and failures.
 * A push refused by its decider (a 4xx for the client) is not a store error.
 */
export function instrumentStore(store: Store, metrics: ServerMetrics): Store {
  const refusals = new WeakSet<object>();
  const failed = (operation: string) => (err: unknown) => {
    const refused = err instanceof HttpError || (typeof err === 'object' && err !== null && refusals.has(err));
    if (!refused) metrics.storeErrors.inc({ operation });
    throw err;
  };
  const pull: Store['pull'] = (collection, scope, afterSeq, limit) =>
    store.pull(collection, scope, afterSeq, limit).then((docs) => {
      metrics.syncDocuments.inc({ direction: 'pull', collection }, docs.length);
      return docs;
    }, failed('pull'));
  const push: Store['push'] = (collection, ids, decide, countyId) => {
    let written = 0;
    return store
      .push(
        collection,
        ids,
        (masters) => {
          try {
            const decision = decide(masters);
            written = decision.writes.length;
            return decision;
          } catch (err) {
            if (typeof err === 'object' && err !== null) refusals.add(err);
            throw err;
          }
        },
        countyId,
      )
      .then((result) => {
        metrics.syncDocuments.inc({ direction: 'push', collection }, written);
        return result;
      }, failed('push'));
  };
  // Failures the store absorbs rather than throws still count: bookkeeping it could not write (the request went on)
  // and a readiness probe that found the storage unreadable or unwritable.
  const recordSyncActivity: Store['recordSyncActivity'] = (stationId, kind, at) =>
    store.recordSyncActivity(stationId, kind, at).then((recorded) => {
      if (!recorded) metrics.storeErrors.inc({ operation: 'recordSyncActivity' });
      return recorded;
    }, failed('recordSyncActivity'));
  const health: Store['health'] = () =>
    store.health().then((result) => {
      if (result.state !== 'ok') metrics.storeErrors.inc({ operation: 'health' });
      return result;
    }, failed('health'));
  return new Proxy(store, {
    get(target, property) {
      if (property === 'pull') return pull;
      if (property === 'push') return push;
      if (property === 'recordSyncActivity') return recordSyncActivity;
      if (property === 'health') return health;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        return result instanceof Promise ? result.catch(failed(property)) : result;
      };
    },
  });
}

const forwardingHeaders = ['x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'forwarded'];

/** A request from this machine that no proxy passed on (a proxy on this machine would otherwise open /metrics). */
function isDirectLocal(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || /^(::ffff:)?127\./.test(address);
  return loopback && !forwardingHeaders.some((h) => request.headers[h] !== undefined);
}

function sameToken(given: string, expected: string): boolean {
  // Compare digests, so the comparison takes the same time whatever the lengths.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function checkMetricsAccess(request: FastifyRequest, config: ServerConfig): void {
  if (config.metricsToken) {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!given || !sameToken(given, config.metricsToken)) {
      throw new HttpError(
        401,
        'metrics_token_required',
        '读取监控指标须提供正确的令牌（Authorization: Bearer <LS_METRICS_TOKEN>）',
      );
    }
    return;
  }
  if (!isDirectLocal(request)) {
    throw new HttpError(
      403,
      'metrics_local_only',
      '监控指标只对本机直接访问开放；从其他机器采集请设置 LS_METRICS_TOKEN 并在请求中携带该令牌',
    );
  }
}

/** Counts every answered request and serves /metrics. Call on the root instance, before the routes are registered. */
export function registerMetrics(app: FastifyInstance, config: ServerConfig, metrics: ServerMetrics): void {
  const labelsOf = (request: FastifyRequest, reply: FastifyReply) => ({
    method: request.method,
    route: request.routeOptions.url ?? 'unmatched',
    status_code: String(reply.statusCode),
  });
  // Streams are counted when they open; the hijacked reply's end must not count them again (nor as a latency).
  const openedStreams = new WeakSet<FastifyRequest>();

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (openedStreams.has(request)) return;
    const labels = labelsOf(request, reply);
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    const sync = syncRouteOf(request);
    if (sync) metrics.syncRequests.inc({ ...sync, status_code: labels.status_code });
  });

  // A stream that its guard let through is counted here, and stays in the gauge until its connection closes.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const sync = syncRouteOf(request);
    if (sync?.direction !== 'stream') return;
    openedStreams.add(request);
    metrics.httpRequests.inc({ ...labelsOf(request, reply), status_code: '200' });
    metrics.syncRequests.inc({ ...sync, status_code: '200' });
    metrics.openStreams.inc({ collection: sync.collection });
    reply.raw.once('close', () => metrics.openStreams.dec({ collection: sync.collection }));
  });

  app.get(operationsRoutes.metrics, async (request, reply) => {
    checkMetricsAccess(request, config);
    const merged = Registry.merge([processMetrics(), metrics.registry]);
    return reply
      .header('cache-control', 'no-store')
      .type(merged.contentType)
      .send(await merged.metrics());
  });
}
