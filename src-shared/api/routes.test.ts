// The route paths are a public contract (other tools speak them, DESIGN.md and sync-server/README.md list them):
// pinned here, so a change is deliberate.
import { describe, expect, it } from 'vitest';
import { countyRoutes, syncRoutes } from './routes';

describe('routes', () => {
  it('are the documented paths', () => {
    expect(syncRoutes.enroll).toBe('/v1/enroll');
    expect(syncRoutes.login).toBe('/v1/auth/login');
    expect(syncRoutes.logout).toBe('/v1/auth/logout');
    expect(syncRoutes.heartbeat).toBe('/v1/sync/heartbeat');
    expect(syncRoutes.pull('opinions')).toBe('/v1/sync/opinions/pull');
    expect(syncRoutes.push('mediationCases')).toBe('/v1/sync/mediationCases/push');
    expect(syncRoutes.stream('photos')).toBe('/v1/sync/photos/stream');
    expect(countyRoutes.reference).toBe('/v1/county/reference');
    expect(countyRoutes.duplicates('op-1')).toBe('/v1/county/opinions/op-1/duplicates');
    expect(countyRoutes.syncReport).toBe('/v1/county/reports/sync');
    expect(countyRoutes.workReport).toBe('/v1/county/reports/work');
  });

  it('give the server a pattern with the parameter named', () => {
    expect(syncRoutes.pull.pattern).toBe('/v1/sync/:collection/pull');
    expect(syncRoutes.push.pattern).toBe('/v1/sync/:collection/push');
    expect(syncRoutes.stream.pattern).toBe('/v1/sync/:collection/stream');
    expect(countyRoutes.duplicates.pattern).toBe('/v1/county/opinions/:id/duplicates');
  });

  it('encode a parameter so it stays one path segment', () => {
    expect(countyRoutes.duplicates('a/b c')).toBe('/v1/county/opinions/a%2Fb%20c/duplicates');
  });
});
