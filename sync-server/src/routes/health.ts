// Operations routes: GET /healthz (liveness, cheap; also the schema versions the server requires) and GET /readyz
// (the store answers a read and takes a write). /metrics lives in plugins/metrics.ts.
import type { FastifyPluginAsync } from 'fastify';
import { operationsRoutes } from '../../../src-shared/api/routes';
import { requiredSchemaVersions } from '../replication/schema-versions';
import type { ServerContext } from '../server-context';

export const healthRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  // Liveness: the process answers. It touches no storage, so a slow disk never gets a working server restarted.
  app.get(operationsRoutes.health, async () => ({
    ok: true,
    time: ctx.now().toISOString(),
    schemaVersions: requiredSchemaVersions(),
  }));

  // Readiness: worth sending traffic here. The failure's detail goes to the log only (it may name paths).
  app.get(operationsRoutes.ready, async (request, reply) => {
    const { readable, writable, detail } = await ctx.store.health();
    const storage = { readable, writable };
    reply.header('cache-control', 'no-store');
    if (readable && writable) return { ready: true, time: ctx.now().toISOString(), storage };
    request.log.error({ storage, detail }, 'storage not ready');
    return reply.status(503).send({
      ready: false,
      error: 'storage_unavailable',
      message: readable ? '数据存储无法写入（磁盘已满或只读？），请检查服务器' : '数据存储无法读取，请检查服务器',
      storage,
    });
  });
};
