// The one owner of a database's sync. Whoever needs the sync running (the station shell, the county workspace)
// holds it with their credentials; the owner runs one session at a time, for the credentials held last, restarts it
// when they change, stops it when no one holds it, and never lets two sessions replicate one database.
import { BehaviorSubject, type Observable } from 'rxjs';
import type { LiaisonDatabase } from '../db/database';
import type { SyncCredentials } from './credentials';
import { type SyncSession, type SyncSessionOptions, startSyncSession } from './sync-session';
import { reportToStore } from './sync-status';

/** Each database's owner: a new owner of a database takes over from the previous one, which stops first. */
const owners = new WeakMap<LiaisonDatabase, SyncOwner>();

/** The owner of the database's sync, if one was made (for code outside React that must stop it). */
export function syncOwnerOf(db: LiaisonDatabase): SyncOwner | undefined {
  return owners.get(db);
}

/** Two credentials run the same sync: same server, same role and identity, same token. */
export function sameSync(a: SyncCredentials, b: SyncCredentials): boolean {
  if (a.role !== b.role || a.serverUrl !== b.serverUrl || a.token !== b.token) return false;
  return a.role === 'station' ? a.stationId === (b as typeof a).stationId : a.user === (b as typeof a).user;
}

export class SyncOwner {
  readonly #db: LiaisonDatabase;
  readonly #options: SyncSessionOptions;
  /** The credentials held, oldest first; the last one is run. */
  readonly #holds: { credentials: SyncCredentials }[] = [];
  readonly #session = new BehaviorSubject<SyncSession | null>(null);
  /** Start and stop run one after the other: two sessions must never replicate one database at once. */
  #queue: Promise<void>;
  #closed = false;

  constructor(db: LiaisonDatabase, options: SyncSessionOptions = {}) {
    this.#db = db;
    this.#options = options;
    const previous = owners.get(db);
    owners.set(db, this);
    this.#queue = previous ? previous.close() : Promise.resolve();
  }

  /** The running session; null when none runs (nothing held, not started yet, or closed). */
  get session(): SyncSession | null {
    return this.#session.getValue();
  }

  get session$(): Observable<SyncSession | null> {
    return this.#session.asObservable();
  }

  /** Keeps a session with these credentials running until the returned release is called. */
  hold(credentials: SyncCredentials): () => void {
    const hold = { credentials };
    this.#holds.push(hold);
    this.#reconcile();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds.splice(this.#holds.indexOf(hold), 1);
      this.#reconcile();
    };
  }

  /** Resolves once the running session matches what is held (started, restarted or stopped). */
  settled(): Promise<void> {
    return this.#queue;
  }

  /** Stops the sync for good (the database is going away, or a new owner takes over). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#reconcile();
    await this.#queue;
    if (owners.get(this.#db) === this) owners.delete(this.#db);
  }

  /** Queues one step towards what is held; the wish is read when the step runs, so a burst of changes is one restart. */
  #reconcile(): void {
    this.#queue = this.#queue.then(async () => {
      const wanted = this.#closed ? null : (this.#holds.at(-1)?.credentials ?? null);
      const running = this.session;
      if (running && wanted && sameSync(running.credentials, wanted)) return;
      const report = this.#options.report ?? reportToStore;
      if (running) {
        this.#session.next(null);
        try {
          await running.stop();
        } catch (error) {
          report({ lastError: error instanceof Error ? error.message : String(error) });
        }
      }
      if (!wanted) return;
      try {
        this.#session.next(await startSyncSession(this.#db, wanted, this.#options));
      } catch (error) {
        report({ lastError: error instanceof Error ? error.message : String(error) });
      }
    });
  }
}
