// The county workspace's helpers: reference lists for filters, and likely duplicates of an opinion (staff only).
import type { FastifyPluginAsync } from 'fastify';
import type { CountyReference, DuplicatesQuery } from '../../../src-shared/api/county-workspace';
import { countyRoutes } from '../../../src-shared/api/routes';
import type { StationKind } from '../../../src-shared/station/station';
import { authenticateStaff } from '../plugins/auth';
import { findDuplicates } from '../reports/duplicates';
import type { ServerContext } from '../server-context';

const duplicatesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
    minScore: { type: 'number', minimum: 0, maximum: 1, default: 0.2 },
  },
} as const;

export const countyWorkspaceRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  /** The county, its townships and stations (for the filters of the opinion queue and the reports). */
  app.get(countyRoutes.reference, async (request): Promise<CountyReference> => {
    const caller = await authenticateStaff(request, ctx.store, ctx.now());
    const county = await ctx.store.getCounty(caller.countyId);
    const stationDocs = (
      await ctx.store.listDocuments('stations', { kind: 'county', countyId: caller.countyId })
    ).filter((d) => !d.deleted);
    const stations = stationDocs
      .map((d) => ({
        id: d.id,
        name: String(d.body.name ?? ''),
        shortName: String(d.body.shortName ?? ''),
        kind: String(d.body.kind ?? '') as StationKind,
        townshipId: String(d.body.townshipId ?? ''),
        townshipName: String(d.body.townshipName ?? ''),
        isDemonstration: d.body.isDemonstration === true,
      }))
      .sort((a, b) => a.townshipName.localeCompare(b.townshipName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
    const townships = new Map((await ctx.store.listTownships(caller.countyId)).map((t) => [t.id, t.name]));
    // Stations may name a township not in the townships table (older data): list those too.
    for (const s of stations)
      if (s.townshipId && !townships.has(s.townshipId)) townships.set(s.townshipId, s.townshipName);
    return {
      county: { id: caller.countyId, name: county?.name ?? caller.countyId },
      townships: [...townships]
        .map(([id, name]) => ({ id, name, stationCount: stations.filter((s) => s.townshipId === id).length }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      stations,
    };
  });

  app.get<{ Params: { id: string }; Querystring: Required<DuplicatesQuery> }>(
    countyRoutes.duplicates.pattern,
    { schema: { querystring: duplicatesQuery } },
    async (request) => {
      const caller = await authenticateStaff(request, ctx.store, ctx.now());
      return findDuplicates(ctx.store, caller.countyId, request.params.id, request.query);
    },
  );
};
