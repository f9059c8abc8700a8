// County staff sessions: POST /v1/auth/login (rate-limited per IP) and POST /v1/auth/logout.

import type { FastifyPluginAsync } from 'fastify';
import { syncRoutes } from '../../../src-shared/api/routes';
import type { LoginRequest } from '../../../src-shared/api/staff-session';
import { authenticate } from '../plugins/auth';
import type { ServerContext } from '../server-context';
import { login } from '../services/staff';

const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'password'],
  properties: {
    user: { type: 'string', minLength: 1, maxLength: 40 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

const loginReply = {
  type: 'object',
  required: ['token', 'user', 'countyId', 'countyName', 'expiresAt'],
  properties: {
    token: { type: 'string' },
    user: { type: 'string' },
    countyId: { type: 'string' },
    countyName: { type: 'string' },
    expiresAt: { type: 'string' },
  },
} as const;

export const authRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Body: LoginRequest }>(
    syncRoutes.login,
    {
      schema: { body: loginBody, response: { 200: loginReply } },
      config: { rateLimit: { max: ctx.config.authRateLimit.max, timeWindow: ctx.config.authRateLimit.windowMs } },
    },
    async (request) => login(ctx.store, request.body.user, request.body.password, ctx.now(), ctx.config.staffSessionMs),
  );

  app.post(syncRoutes.logout, async (request, reply) => {
    const caller = await authenticate(request, ctx.store, ctx.now());
    await ctx.store.revokeToken(caller.tokenHash, ctx.now().toISOString());
    return reply.status(204).send();
  });
};
