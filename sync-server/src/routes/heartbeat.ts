// POST /v1/sync/heartbeat: a station reports its app version, pending changes and last error for the county's sync report.

import type { FastifyPluginAsync } from 'fastify';
import { syncRoutes } from '../../../src-shared/api/routes';
import type { HeartbeatRequest } from '../../../src-shared/api/sync-protocol';
import { authenticate } from '../plugins/auth';
import { forbidden } from '../plugins/errors';
import type { ServerContext } from '../server-context';

const heartbeatBody = {
  type: 'object',
  additionalProperties: false,
  required: ['appVersion', 'pendingChanges', 'lastError', 'lastSyncAt'],
  properties: {
    appVersion: { type: 'string', minLength: 1, maxLength: 40 },
    pendingChanges: { type: 'integer', minimum: 0 },
    lastError: { type: ['string', 'null'], maxLength: 2000 },
    lastSyncAt: { type: ['string', 'null'], maxLength: 40 },
  },
} as const;

export const heartbeatRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Body: HeartbeatRequest }>(syncRoutes.heartbeat, { schema: { body: heartbeatBody } }, async (request) => {
    const caller = await authenticate(request, ctx.store, ctx.now());
    if (caller.kind !== 'station') {
      throw forbidden('station_only', '心跳只由联络站客户端上报');
    }
    const at = ctx.now().toISOString();
    await ctx.store.recordHeartbeat({ stationId: caller.stationId, device: caller.tokenHash, at, ...request.body });
    return { ok: true, serverTime: at };
  });
};
