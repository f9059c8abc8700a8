// Types of the app context shared by all features: the station profile, the acting person, the restore notice.

export interface StationProfile {
  stationId: string;
  countyId: string;
  stationName: string;
  countyName: string;
  /** Used in case numbers, e.g. 象州. */
  countyShortName: string;
  /** Used in case numbers, e.g. 妙皇. */
  stationShortName: string;
  /** The clerk working on this PC (recorded in history entries). */
  clerkName: string;
  /** 'training': local demo station, never synced; 'enrolled': registered with the county sync server. */
  mode: 'training' | 'enrolled';
}

export interface Actor {
  name: string;
  role: 'station' | 'county';
}

/** What the automatic restore brought back (or why it could not); shown until the clerk dismisses it. */
export interface RestoreNotice {
  /** When the restored backup was made; '' when nothing could be restored. */
  backupCreatedAt: string;
  /** Human summary, e.g. "群众意见 120 条、接待日 8 条"; '' when nothing could be restored. */
  summary: string;
  /** How many newer backups were damaged and skipped (the restored one is older than the newest). */
  skippedBackups?: number;
  /** Set when no backup could be read at all: the app started empty (Chinese, says what to do next). */
  problem?: string;
}
