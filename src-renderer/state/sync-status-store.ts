// Sync state shown in the header and on 工作台; the sync module (a later helper) writes it, the UI only reads it.
import { create } from 'zustand';

export interface SyncProgress {
  /** Documents handled so far in the current run. */
  done: number;
  /** Documents expected in the current run, when known. */
  total: number | null;
}

export interface SyncStatusState {
  /** Whether the sync server answered lately (not merely navigator.onLine). */
  online: boolean;
  /** ISO time of the last completed sync, null before the first. */
  lastSyncAt: string | null;
  /** Local changes not yet pushed. */
  pending: number;
  /** Set while a sync runs. */
  progress: SyncProgress | null;
  /** Chinese message of the last failure, cleared by the next success. */
  lastError: string | null;
  update: (patch: Partial<Omit<SyncStatusState, 'update'>>) => void;
}

export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  online: false,
  lastSyncAt: null,
  pending: 0,
  progress: null,
  lastError: null,
  update: (patch) => set(patch),
}));
