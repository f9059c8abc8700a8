// What the clerk is told about a running sync (the sync-status store behind the header, 工作台 and the 同步 page):
// the last error and whether it was only the network, the records the server refused, the last complete sync.
import { type SyncRefusal, type SyncStatusState, useSyncStatusStore } from '../state/sync-status-store';
import type { SyncError } from './sync-client';

export type StatusPatch = Partial<Omit<SyncStatusState, 'update'>>;
export type StatusReport = (patch: StatusPatch) => void;

/** The app's sync-status store. */
export const reportToStore: StatusReport = (patch) => useSyncStatusStore.getState().update(patch);

export class SyncStatus {
  #lastError: string | null = null;
  #lastErrorIsNetwork = false;
  /** Records the server refused, by collection and id, until they are stored. */
  readonly #refusals = new Map<string, SyncRefusal>();

  constructor(readonly report: StatusReport) {}

  get lastError(): string | null {
    return this.#lastError;
  }

  /** A session begins: the last complete sync as recorded, nothing failed or refused yet. */
  begin(lastSyncAt: string | null, online: boolean): void {
    this.report({ lastSyncAt, online, lastError: null, progress: null, refusals: [] });
  }

  failed(error: SyncError): void {
    this.#lastError = error.message;
    this.#lastErrorIsNetwork = error.status === 0;
    this.report({ lastError: this.#lastError });
  }

  /** "立即同步" starts over: the old failure is not news. */
  clearError(): void {
    this.#lastError = null;
    this.report({ lastError: null });
  }

  /** The device went offline: a failure to connect is now expected (离线 says it), not an error to show. */
  clearNetworkError(): void {
    if (!this.#lastErrorIsNetwork) return;
    this.#lastError = null;
    this.report({ lastError: null });
  }

  refused(refusals: readonly SyncRefusal[]): void {
    for (const refusal of refusals) this.#refusals.set(`${refusal.collection}:${refusal.id}`, refusal);
    this.#reportRefusals();
  }

  /** Documents stored by the server: a refusal of any of them is over. */
  pushed(collection: string, ids: readonly string[]): void {
    if (this.#refusals.size === 0) return;
    let changed = false;
    for (const id of ids) changed = this.#refusals.delete(`${collection}:${id}`) || changed;
    if (changed) this.#reportRefusals();
  }

  /** Everything pushed and pulled: no error stands and nothing refused is left (every batch went through). */
  inSync(lastSyncAt: string | null): void {
    this.#lastError = null;
    this.#refusals.clear();
    this.report({ lastSyncAt, lastError: null, progress: null, online: true, refusals: [] });
  }

  #reportRefusals(): void {
    this.report({ refusals: [...this.#refusals.values()] });
  }
}
