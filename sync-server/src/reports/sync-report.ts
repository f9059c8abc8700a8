// The county sync report: every station with its last sync, app version, pending changes, last error, staleness.
import type { StationSyncStatus, SyncReport, SyncReportRow } from '../../../src-shared/api/reports';
import { defaultStaleDays } from '../config';
import { HttpError } from '../plugins/errors';
import type { Store } from '../store/store';
import type { SyncReportSourceRow } from './report-types';

export { defaultStaleDays };

export const stationSyncStatusLabels: Record<StationSyncStatus, string> = {
  fresh: '正常',
  stale: '超期未同步',
  neverSynced: '已注册，从未同步',
  notEnrolled: '未注册',
  revoked: '凭证已吊销',
};

function latest(...values: (string | null)[]): string | null {
  let best: string | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

const DAY_MS = 86_400_000;

function daysSince(at: string | null, now: Date): number | null {
  if (at === null) return null;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? null : Math.max(0, Math.floor((now.getTime() - ms) / DAY_MS));
}

/**
 * A station's row. lastSyncAt is the server's record of its last successful pull or push (server clock, so station
 * clocks cannot make it look fresh); stale = enrolled, synced before, and no successful sync for staleDays or more.
 */
export function syncReportRow(source: SyncReportSourceRow, now: Date, staleDays: number): SyncReportRow {
  const lastSyncAt = latest(source.lastPullAt, source.lastPushAt);
  const lastSeenAt = latest(source.lastHeartbeatAt, source.lastPullAt, source.lastPushAt);
  const enrolled = source.activeTokens > 0;
  const revoked = source.tokensIssued > 0 && !enrolled;
  const neverSynced = lastSeenAt === null;
  const daysSinceSync = daysSince(lastSyncAt, now);
  const stale = enrolled && !neverSynced && (daysSinceSync === null || daysSinceSync >= staleDays);
  const status: StationSyncStatus = revoked
    ? 'revoked'
    : !enrolled
      ? 'notEnrolled'
      : neverSynced
        ? 'neverSynced'
        : stale
          ? 'stale'
          : 'fresh';
  return {
    stationId: source.stationId,
    stationName: source.stationName,
    stationKind: source.stationKind,
    townshipId: source.townshipId,
    townshipName: source.townshipName,
    lastSyncAt,
    reportedLastSyncAt: source.reportedLastSyncAt,
    lastHeartbeatAt: source.lastHeartbeatAt,
    lastSeenAt,
    appVersion: source.appVersion,
    pendingChanges: source.pendingChanges,
    lastError: source.lastError,
    daysSinceSeen: daysSince(lastSeenAt, now),
    daysSinceSync,
    enrolled,
    enrolledAt: source.enrolledAt,
    revoked,
    neverSynced,
    stale,
    status,
    statusLabel: stationSyncStatusLabels[status],
  };
}

export async function buildSyncReport(
  store: Store,
  countyId: string,
  now: Date,
  staleDays = defaultStaleDays,
): Promise<SyncReport> {
  const county = await store.getCounty(countyId);
  if (!county) throw new HttpError(404, 'county_not_found', `没有编号为 ${countyId} 的县(市、区)，请检查县区编号`);
  const stations = (await store.syncReportRows(countyId)).map((row) => syncReportRow(row, now, staleDays));
  const totals = { stations: stations.length, fresh: 0, stale: 0, neverSynced: 0, notEnrolled: 0, revoked: 0 };
  for (const s of stations) totals[s.status]++;
  return {
    countyId,
    countyName: county.name,
    generatedAt: now.toISOString(),
    staleDays,
    stations,
    totals,
  };
}
