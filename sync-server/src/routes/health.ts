// GET /healthz: liveness for installers and monitoring; also tells the schema versions the server requires.

import type { FastifyPluginAsync } from 'fastify';
import { syncRoutes } from '../../../src-shared/api/routes';
import { requiredSchemaVersions } from '../replication/schema-versions';
import type { ServerContext } from '../server-context';

export const healthRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(syncRoutes.health, async () => {
    await ctx.store.listCounties();
    return { ok: true, time: ctx.now().toISOString(), schemaVersions: requiredSchemaVersions() };
  });
};
