// What every StatusStore must do (SQLite and PostgreSQL): heartbeats with bounded history, sync bookkeeping, audit.
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../testing/test-stores';
import type { DocumentStore } from './document-store';
import { withOpened, write } from './document-store-conformance';
import type { HeartbeatRecord, StatusStore } from './status-store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse('2026-03-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function heartbeat(at: number, extra: Partial<HeartbeatRecord> = {}): HeartbeatRecord {
  return {
    stationId: 's1',
    device: 'pc-a',
    at: iso(at),
    appVersion: '0.1.0',
    pendingChanges: 3,
    lastError: null,
    lastSyncAt: iso(at),
    ...extra,
  };
}

export function describeStatusStoreConformance(
  name: string,
  open: () => Promise<OpenedStore<StatusStore & DocumentStore>>,
): void {
  const withStore = (fn: (store: StatusStore & DocumentStore) => Promise<void>) => withOpened(open, fn);

  describe(`${name}: device status and audit`, () => {
    it('keeps the latest heartbeat per device, and per station the latest of any device', () =>
      withStore(async (store) => {
        await store.upsertDocuments('stations', [write('s1', 's1')]);
        await store.recordHeartbeat(heartbeat(start, { pendingChanges: 5 }));
        await store.recordHeartbeat(heartbeat(start + 60_000, { device: 'pc-b', appVersion: '0.2.0' }));
        await store.recordHeartbeat(heartbeat(start + 120_000, { pendingChanges: 0 }));
        expect((await store.listDeviceStatuses('s1')).map((d) => [d.device, d.appVersion, d.pendingChanges])).toEqual([
          ['pc-a', '0.1.0', 0],
          ['pc-b', '0.2.0', 3],
        ]);
        const [state] = await store.listStationSyncStates('c1');
        expect(state).toMatchObject({ stationId: 's1', lastHeartbeatAt: iso(start + 120_000), pendingChanges: 0 });
      }));

    it('keeps an hourly trace and every change of version or error in the history, not every heartbeat', () =>
      withStore(async (store) => {
        // One heartbeat a minute for three hours: history rows at 0 h, 1 h, 2 h, plus the error and the upgrade.
        for (let minute = 0; minute < 180; minute++) {
          const at = start + minute * 60_000;
          const extra: Partial<HeartbeatRecord> =
            minute === 30 ? { lastError: '网络连接失败' } : minute >= 100 ? { appVersion: '0.2.0' } : {};
          await store.recordHeartbeat(heartbeat(at, extra));
        }
        const history = await store.heartbeatHistory('s1', 100);
        expect(history.map((h) => h.at)).toEqual(
          [0, 30, 31, 91, 100, 160].map((m) => iso(start + m * 60_000)).reverse(),
        );
        expect(history.at(-2)?.lastError).toBe('网络连接失败');
      }));

    it('prunes history older than 30 days by itself, and on request', () =>
      withStore(async (store) => {
        await store.recordHeartbeat(heartbeat(start));
        await store.recordHeartbeat(heartbeat(start + 10 * DAY));
        await store.recordHeartbeat(heartbeat(start + 35 * DAY));
        expect((await store.heartbeatHistory('s1', 10)).map((h) => h.at)).toEqual([
          iso(start + 35 * DAY),
          iso(start + 10 * DAY),
        ]);
        expect(await store.pruneHeartbeats(iso(start + 20 * DAY))).toBe(1);
        expect(await store.heartbeatHistory('s1', 10)).toHaveLength(1);
        expect(await store.listDeviceStatuses('s1')).toHaveLength(1);
      }));

    it('lists every station with its last pull and push, also those that never synced', () =>
      withStore(async (store) => {
        await store.upsertDocuments('stations', [write('s1', 's1'), write('s2', 's2'), write('s3', 's3', 'c2')]);
        expect(await store.recordSyncActivity('s1', 'pull', iso(start))).toBe(true);
        await store.recordSyncActivity('s1', 'push', iso(start + HOUR));
        const states = await store.listStationSyncStates('c1');
        expect(states.map((s) => [s.stationId, s.lastPullAt, s.lastPushAt, s.lastHeartbeatAt])).toEqual([
          ['s1', iso(start), iso(start + HOUR), null],
          ['s2', null, null, null],
        ]);
        expect((await store.listStationSyncStates()).map((s) => s.stationId)).toEqual(['s1', 's2', 's3']);
      }));

    it('writes a station’s sync time to the minute, not on every pull of a sync cycle', () =>
      withStore(async (store) => {
        await store.upsertDocuments('stations', [write('s1', 's1')]);
        await store.recordSyncActivity('s1', 'pull', iso(start));
        await store.recordSyncActivity('s1', 'pull', iso(start + 30_000));
        expect((await store.listStationSyncStates('c1'))[0]?.lastPullAt).toBe(iso(start));
        await store.recordSyncActivity('s1', 'pull', iso(start + 61_000));
        expect((await store.listStationSyncStates('c1'))[0]?.lastPullAt).toBe(iso(start + 61_000));
      }));

    it('lists the audit log newest first', () =>
      withStore(async (store) => {
        for (const action of ['enrol', 'login', 'report.export']) {
          await store.audit({ at: iso(start), actor: 'cli', action, target: null, detail: null });
        }
        expect((await store.listAudit(2)).map((e) => e.action)).toEqual(['report.export', 'login']);
      }));
  });
}
