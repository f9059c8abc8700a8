// Where the sync records how far this PC is in sync, kept in a local document so it survives a restart: the time
// of the last complete sync (shown on the 同步 page, sent in the heartbeat, read by the backup) and the local write
// time up to which every change is on the server (the pending count counts the writes after it).
import type { LiaisonDatabase } from '../db/database';
import { getLocalSetting, setLocalSetting } from '../db/local-settings';

declare module '../db/local-settings' {
  interface LocalSettings {
    /** Sync bookkeeping kept by the sync module (see in-sync-mark.ts). */
    'sync-progress': InSyncMark;
  }
}

export interface InSyncMark {
  /** ISO time the last sync finished with everything pushed and pulled. */
  lastSyncAt: string | null;
  /** Local write time (ms, RxDB's `_meta.lwt`) up to which every change is known to be on the server. */
  inSyncUpTo: number;
}

export async function readInSyncMark(db: LiaisonDatabase): Promise<InSyncMark> {
  return (await getLocalSetting(db, 'sync-progress')) ?? { lastSyncAt: null, inSyncUpTo: 0 };
}

/**
 * Records a complete sync of everything written before `startedAt`. The mark never moves back: a "立即同步" started
 * earlier than the last idle moment must not recount synced work.
 */
export async function recordInSync(db: LiaisonDatabase, previous: InSyncMark, startedAt: number): Promise<InSyncMark> {
  const mark: InSyncMark = {
    lastSyncAt: new Date().toISOString(),
    inSyncUpTo: Math.max(previous.inSyncUpTo, startedAt),
  };
  await setLocalSetting(db, 'sync-progress', mark);
  // The backup snapshotter reads this: records changed later are not yet on the server.
  await setLocalSetting(db, 'sync-state', { lastPushedAt: mark.lastSyncAt });
  return mark;
}
