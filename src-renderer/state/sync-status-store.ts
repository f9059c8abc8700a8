// Sync state shown in the header and on 工作台; the sync module (a later helper) writes it, the UI only reads it.
import { create } from 'zustand';

export interface SyncProgress {
  /** Documents handled so far in the current run. */
  done: number;
  /** Documents expected in the current run, when known. */
  total: number | null;
}

/** A record the server refused to store (kept here unchanged, retried until the clerk corrects it). */
export interface SyncRefusal {
  collection: string;
  /** The collection's name for the clerk (群众意见建议, 调解案件…). */
  collectionTitle: string;
  id: string;
  /** Title, case number or date: how the clerk knows the record. */
  label: string;
  /** Where the record opens for correction, or null. */
  href: string | null;
  code: string;
  /** The server's Chinese message. */
  message: string;
  /** Fields the server named, with their message when it gave one. */
  fields: { field: string; message?: string }[];
  /** ISO time of the latest refusal. */
  at: string;
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
  /** Records the server refused, until they are stored. */
  refusals: SyncRefusal[];
  update: (patch: Partial<Omit<SyncStatusState, 'update'>>) => void;
}

export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  online: false,
  lastSyncAt: null,
  pending: 0,
  progress: null,
  lastError: null,
  refusals: [],
  update: (patch) => set(patch),
}));
