// GET /healthz: liveness for installers and monitoring, with the storage's state (a full disk shows as degraded, 503);
// also tells the schema versions the server requires.
import type { FastifyPluginAsync } from 'fastify';
import { syncRoutes } from '../../../src-shared/sync/protocol';
import { requiredSchemaVersions } from '../replication/schema-versions';
import type { ServerContext } from '../server-context';

export const healthRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(syncRoutes.health, async (_request, reply) => {
    const storage = await ctx.store.health();
    const body = {
      ok: storage.state === 'ok',
      time: ctx.now().toISOString(),
      schemaVersions: requiredSchemaVersions(),
    };
    if (storage.state === 'ok') return { ...body, storage };
    return reply.status(503).send({
      ...body,
      storage,
      error: `storage_${storage.state}`,
      message:
        storage.state === 'degraded'
          ? '服务器存储空间已满或不可写：已保存的数据仍可读取，但暂时无法保存新数据，请清理服务器磁盘'
          : '服务器无法访问数据库，请检查数据库服务与连接设置',
    });
  });
};
