// Every HTTP route of the sync server, written once: the server registers these paths (a parameter's `pattern`), the
// app, the tests and the bench request them.
import type { SyncedCollection } from './sync-protocol';

/** A route with one path parameter: called with a value it gives the path to request; `pattern` is what the server
 * registers (`/v1/sync/:collection/pull`). */
export interface ParamRoute<P extends string> {
  (value: P): string;
  readonly pattern: string;
}

function paramRoute<P extends string>(before: string, param: string, after: string): ParamRoute<P> {
  return Object.assign((value: P) => `${before}${encodeURIComponent(value)}${after}`, {
    pattern: `${before}:${param}${after}`,
  });
}

/** Liveness, enrolment, staff sessions and replication (see sync-protocol.ts, enrolment.ts, staff-session.ts). */
export const syncRoutes = {
  health: '/healthz',
  enroll: '/v1/enroll',
  login: '/v1/auth/login',
  logout: '/v1/auth/logout',
  heartbeat: '/v1/sync/heartbeat',
  pull: paramRoute<SyncedCollection>('/v1/sync/', 'collection', '/pull'),
  push: paramRoute<SyncedCollection>('/v1/sync/', 'collection', '/push'),
  stream: paramRoute<SyncedCollection>('/v1/sync/', 'collection', '/stream'),
} as const;

/** The county workspace, county staff only (see county-workspace.ts and reports.ts). */
/** The operators' paths: liveness, readiness (storage readable and writable), Prometheus metrics. */
export const operationsRoutes = {
  health: syncRoutes.health,
  ready: '/readyz',
  metrics: '/metrics',
} as const;

export const countyRoutes = {
  reference: '/v1/county/reference',
  duplicates: paramRoute<string>('/v1/county/opinions/', 'id', '/duplicates'),
  syncReport: '/v1/county/reports/sync',
  workReport: '/v1/county/reports/work',
} as const;
