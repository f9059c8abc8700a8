// Operations routes: GET /healthz (liveness, cheap; also the schema versions the server requires) and GET /readyz
// (the store answers a read and takes a write, on SQLite and PostgreSQL alike). /metrics lives in plugins/metrics.ts.
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

  // Readiness: worth sending traffic here. A full disk reads but cannot write (degraded): not ready either.
  // The failure's detail goes to the log only (it may name paths or hosts).
  app.get(operationsRoutes.ready, async (request, reply) => {
    const { detail, ...storage } = await ctx.store.health();
    reply.header('cache-control', 'no-store');
    if (storage.state === 'ok') return { ready: true, time: ctx.now().toISOString(), storage };
    request.log.error({ storage, detail }, 'storage not ready');
    return reply.status(503).send({
      ready: false,
      error: storage.error ?? 'storage_unavailable',
      message:
        storage.state === 'degraded'
          ? '数据存储无法写入（磁盘已满或只读？）：已保存的数据仍可读取，但暂时无法保存新数据，请检查服务器'
          : '数据存储无法读取（数据库不可访问），请检查服务器与数据库连接设置',
      storage,
    });
  });
};
