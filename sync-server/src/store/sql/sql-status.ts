// The device status and audit part on SQL, for both databases: heartbeats (latest per device and per station,
// bounded history), the server's own sync bookkeeping, the station sync states and the audit log.
import {
  type AuditEntry,
  type DeviceStatus,
  type HeartbeatRecord,
  heartbeatHistoryDays,
  heartbeatHistoryIntervalMs,
  type StationSyncState,
  type StatusStore,
} from '../status-store';
import type { SqlDatabase } from './sql-database';

const DAY_MS = 86_400_000;
/** Old heartbeat history is deleted at most this often (per server instance). */
const heartbeatPruneMs = 60 * 60 * 1000;
/**
 * A station's last pull or push time is written at most this often per server instance: a sync cycle pulls every
 * collection, and the sync report counts in days, so the writes in between would change nothing anyone reads.
 */
export const syncActivityResolutionMs = 60 * 1000;

interface DeviceRow {
  history_at: string | null;
  app_version: string;
  last_error: string | null;
}

export class SqlStatus implements StatusStore {
  private lastHeartbeatPrune = 0;
  /** `station|kind` → the time last written by this instance. */
  private readonly lastActivity = new Map<string, number>();

  constructor(private readonly db: SqlDatabase) {}

  async recordHeartbeat(h: HeartbeatRecord): Promise<void> {
    const device = h.device ?? h.stationId;
    const atMs = Date.parse(h.at);
    await this.db.transaction('bookkeeping', async (tx) => {
      const previous = await tx.get<DeviceRow>(
        'SELECT history_at, app_version, last_error FROM device_status WHERE device = ?',
        [device],
      );
      // History keeps the changes and an hourly trace, not every heartbeat.
      const keep =
        previous === undefined ||
        previous.history_at === null ||
        atMs - Date.parse(previous.history_at) >= heartbeatHistoryIntervalMs ||
        previous.app_version !== h.appVersion ||
        previous.last_error !== h.lastError;
      const historyAt = keep ? h.at : (previous?.history_at ?? null);
      await tx.run(
        `INSERT INTO device_status (device, station_id, at, app_version, pending_changes, last_error, last_sync_at,
           history_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (device) DO UPDATE SET station_id = excluded.station_id, at = excluded.at,
           app_version = excluded.app_version, pending_changes = excluded.pending_changes,
           last_error = excluded.last_error, last_sync_at = excluded.last_sync_at, history_at = excluded.history_at`,
        [device, h.stationId, h.at, h.appVersion, h.pendingChanges, h.lastError, h.lastSyncAt, historyAt],
      );
      await tx.run(
        `INSERT INTO station_sync (station_id, last_heartbeat_at, app_version, pending_changes, last_error, last_sync_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (station_id) DO UPDATE SET last_heartbeat_at = excluded.last_heartbeat_at,
           app_version = excluded.app_version, pending_changes = excluded.pending_changes,
           last_error = excluded.last_error, last_sync_at = excluded.last_sync_at`,
        [h.stationId, h.at, h.appVersion, h.pendingChanges, h.lastError, h.lastSyncAt],
      );
      if (keep) {
        await tx.run(
          `INSERT INTO heartbeats (station_id, device, at, app_version, pending_changes, last_error, last_sync_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [h.stationId, device, h.at, h.appVersion, h.pendingChanges, h.lastError, h.lastSyncAt],
        );
      }
    });
    if (atMs - this.lastHeartbeatPrune >= heartbeatPruneMs) {
      this.lastHeartbeatPrune = atMs;
      await this.pruneHeartbeats(new Date(atMs - heartbeatHistoryDays * DAY_MS).toISOString());
    }
  }

  listDeviceStatuses(stationId: string): Promise<DeviceStatus[]> {
    return this.db.all<DeviceStatus>(
      `SELECT station_id AS "stationId", device, at, app_version AS "appVersion", pending_changes AS "pendingChanges",
         last_error AS "lastError", last_sync_at AS "lastSyncAt"
       FROM device_status WHERE station_id = ? ORDER BY at DESC, device`,
      [stationId],
    );
  }

  heartbeatHistory(stationId: string, limit: number): Promise<HeartbeatRecord[]> {
    return this.db.all<HeartbeatRecord>(
      `SELECT station_id AS "stationId", device, at, app_version AS "appVersion", pending_changes AS "pendingChanges",
         last_error AS "lastError", last_sync_at AS "lastSyncAt"
       FROM heartbeats WHERE station_id = ? ORDER BY at DESC LIMIT ?`,
      [stationId, limit],
    );
  }

  pruneHeartbeats(before: string): Promise<number> {
    return this.db.run('DELETE FROM heartbeats WHERE at < ?', [before]);
  }

  async recordSyncActivity(stationId: string, kind: 'pull' | 'push', at: string): Promise<boolean> {
    const key = `${stationId}|${kind}`;
    const atMs = Date.parse(at);
    const last = this.lastActivity.get(key);
    if (last !== undefined && atMs >= last && atMs - last < syncActivityResolutionMs) return true;
    const column = kind === 'pull' ? 'last_pull_at' : 'last_push_at';
    await this.db.transaction('bookkeeping', (tx) =>
      tx.run(
        `INSERT INTO station_sync (station_id, ${column}) VALUES (?, ?)
         ON CONFLICT (station_id) DO UPDATE SET ${column} = excluded.${column}`,
        [stationId, at],
      ),
    );
    if (this.lastActivity.size > 100_000) this.lastActivity.clear();
    this.lastActivity.set(key, atMs);
    return true;
  }

  listStationSyncStates(countyId?: string): Promise<StationSyncState[]> {
    // Every station appears, also those that never synced (the report shows them as "never").
    const sql = `SELECT d.id AS "stationId", d.county_id AS "countyId", s.last_heartbeat_at AS "lastHeartbeatAt",
        s.app_version AS "appVersion", s.pending_changes AS "pendingChanges", s.last_error AS "lastError",
        s.last_sync_at AS "lastSyncAt", s.last_pull_at AS "lastPullAt", s.last_push_at AS "lastPushAt"
      FROM documents d LEFT JOIN station_sync s ON s.station_id = d.id
      WHERE d.collection = 'stations' AND NOT d.deleted${countyId === undefined ? '' : ' AND d.county_id = ?'}
      ORDER BY d.county_id, d.id`;
    return this.db.all<StationSyncState>(sql, countyId === undefined ? [] : [countyId]);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.db.run('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)', [
      entry.at,
      entry.actor,
      entry.action,
      entry.target,
      entry.detail,
    ]);
  }

  listAudit(limit: number): Promise<AuditEntry[]> {
    return this.db.all<AuditEntry>('SELECT at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?', [
      limit,
    ]);
  }
}
