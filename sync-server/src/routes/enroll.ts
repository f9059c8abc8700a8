// POST /v1/enroll: a station app exchanges its one-time enrolment code for a sync token (rate-limited per IP).

import type { FastifyPluginAsync } from 'fastify';
import type { EnrollRequest } from '../../../src-shared/api/enrolment';
import { syncRoutes } from '../../../src-shared/api/routes';
import type { ServerContext } from '../server-context';
import { enrolDevice } from '../services/enrolment';

const enrollBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'deviceName'],
  properties: {
    code: { type: 'string', minLength: 4, maxLength: 20 },
    deviceName: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

const enrollReply = {
  type: 'object',
  required: ['token', 'stationId', 'stationName', 'countyId', 'countyName'],
  properties: {
    token: { type: 'string' },
    stationId: { type: 'string' },
    stationName: { type: 'string' },
    countyId: { type: 'string' },
    countyName: { type: 'string' },
  },
} as const;

export const enrollRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Body: EnrollRequest }>(
    syncRoutes.enroll,
    {
      schema: { body: enrollBody, response: { 200: enrollReply } },
      config: { rateLimit: { max: ctx.config.authRateLimit.max, timeWindow: ctx.config.authRateLimit.windowMs } },
    },
    async (request) => enrolDevice(ctx.store, request.body.code, request.body.deviceName, ctx.now()),
  );
};
