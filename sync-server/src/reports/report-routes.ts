// County reports over HTTP (countyRoutes.syncReport and .workReport) as JSON, CSV or XLSX, staff of the county only.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  type ReportFormat,
  reportFormats,
  type SyncReportQuery,
  type WorkReportQuery,
} from '../../../src-shared/api/reports';
import { countyRoutes } from '../../../src-shared/api/routes';
import { actorOf, authenticateStaff } from '../plugins/auth';
import type { ServerContext } from '../server-context';
import { type ReportOutput, syncReportOutput, workReportOutput } from './report-output';

const dateString = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const formatParam = { type: 'string', enum: [...reportFormats], default: 'json' } as const;

const syncQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    countyId: { type: 'string', minLength: 1 },
    // Without it, the server's setting (LS_STALE_DAYS / serve --stale-days, 7 by default).
    staleDays: { type: 'integer', minimum: 1, maximum: 365 },
    format: formatParam,
  },
} as const;

const workQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    countyId: { type: 'string', minLength: 1 },
    townshipId: { type: 'string', minLength: 1 },
    stationId: { type: 'string', minLength: 1 },
    from: dateString,
    to: dateString,
    format: formatParam,
  },
} as const;

/** The shared queries, with the format's default filled in by the schema. */
type WithFormat<Q> = Q & { format: ReportFormat };

function send<J>(reply: FastifyReply, output: ReportOutput<J>): J | FastifyReply {
  if (output.format === 'json') return output.value;
  return reply
    .header('content-type', output.contentType)
    .header('content-disposition', output.contentDisposition)
    .header('cache-control', 'no-store')
    .send(output.body);
}

export const reportRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: WithFormat<SyncReportQuery> }>(
    countyRoutes.syncReport,
    { schema: { querystring: syncQuery } },
    async (request, reply) => {
      const caller = await authenticateStaff(request, ctx.store, ctx.now(), request.query.countyId);
      const { format } = request.query;
      const staleDays = request.query.staleDays ?? ctx.config.staleDays;
      return send(
        reply,
        await syncReportOutput(ctx.store, caller.countyId, staleDays, format, actorOf(caller), ctx.now()),
      );
    },
  );

  app.get<{ Querystring: WithFormat<WorkReportQuery> }>(
    countyRoutes.workReport,
    { schema: { querystring: workQuery } },
    async (request, reply) => {
      const caller = await authenticateStaff(request, ctx.store, ctx.now(), request.query.countyId);
      const { townshipId, stationId, from, to, format } = request.query;
      const output = await workReportOutput(
        ctx.store,
        { countyId: caller.countyId, townshipId, stationId, from, to },
        format,
        actorOf(caller),
        ctx.now(),
      );
      return send(reply, output);
    },
  );
};
