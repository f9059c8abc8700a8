// The progress of one sync run as the 同步 page shows it: documents pulled and pushed so far, and, once the server
// said how many remain to pull, the total.
import type { SyncedCollection } from '../../src-shared/api/sync-protocol';
import type { SyncProgress } from '../state/sync-status-store';

export class SyncRun {
  #pulled = 0;
  #pushed = 0;
  /** Documents still on the server after the last pull of each collection (the server's `remaining`). */
  readonly #remaining = new Map<SyncedCollection, number>();

  /** `pushTotal`: the local changes waiting when the run began. */
  constructor(readonly pushTotal: number) {}

  /** Documents pulled or pushed in this run. */
  get moved(): number {
    return this.#pulled + this.#pushed;
  }

  pulled(collection: SyncedCollection, count: number, remaining: number | null): void {
    this.#pulled += count;
    if (remaining !== null) this.#remaining.set(collection, remaining);
  }

  pushed(count: number): void {
    this.#pushed += count;
  }

  /** The total is unknown until a pull has said what remains (the push side alone would understate a first sync). */
  progress(): SyncProgress {
    const done = this.moved;
    if (this.#remaining.size === 0) return { done, total: null };
    const remaining = [...this.#remaining.values()].reduce((sum, n) => sum + n, 0);
    return { done, total: done + remaining + Math.max(0, this.pushTotal - this.#pushed) };
  }
}
