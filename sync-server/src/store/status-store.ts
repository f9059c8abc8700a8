// The device status and audit part of the Store: heartbeats (latest per device + 30 days of history), sync activity, audit.

export interface HeartbeatRecord {
  stationId: string;
  /** The reporting device (its token hash); a station may sync from several PCs. Absent: the station itself. */
  device?: string;
  at: string;
  appVersion: string;
  pendingChanges: number;
  lastError: string | null;
  lastSyncAt: string | null;
}

/** Per-station sync state, read by the county sync report. */
export interface StationSyncState {
  stationId: string;
  countyId: string;
  lastHeartbeatAt: string | null;
  appVersion: string | null;
  pendingChanges: number | null;
  lastError: string | null;
  lastSyncAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
}

/** The latest heartbeat of one device of a station. */
export interface DeviceStatus {
  stationId: string;
  device: string;
  at: string;
  appVersion: string;
  pendingChanges: number;
  lastError: string | null;
  lastSyncAt: string | null;
}

export interface AuditEntry {
  at: string;
  /** 'station:<id>', 'staff:<user>' or 'cli'. */
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** How long heartbeat history is kept. */
export const heartbeatHistoryDays = 30;
/** A device's history keeps at most one row per this interval, plus every row whose version or error changed. */
export const heartbeatHistoryIntervalMs = 60 * 60 * 1000;

export interface StatusStore {
  /**
   * Keeps the device's latest heartbeat and the station's, and a bounded history: a history row when the device's
   * last one is older than `heartbeatHistoryIntervalMs` or its app version or error changed; rows older than
   * `heartbeatHistoryDays` are pruned (at most hourly, in the same call).
   */
  recordHeartbeat(heartbeat: HeartbeatRecord): Promise<void>;
  /** The latest heartbeat of each device of a station. */
  listDeviceStatuses(stationId: string): Promise<DeviceStatus[]>;
  /** A station's heartbeat history, newest first. */
  heartbeatHistory(stationId: string, limit: number): Promise<HeartbeatRecord[]>;
  /** Deletes history rows older than `before` (ISO); returns how many. */
  pruneHeartbeats(before: string): Promise<number>;
  /**
   * The server's own record of a station's last pull or push, to the minute (an instance writes a station's time at
   * most once a minute). Bookkeeping, so best-effort: it never rejects (a failed write must not fail a read or turn a
   * committed push into an error); false when it could not be written.
   */
  recordSyncActivity(stationId: string, kind: 'pull' | 'push', at: string): Promise<boolean>;
  listStationSyncStates(countyId?: string): Promise<StationSyncState[]>;

  audit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
}
