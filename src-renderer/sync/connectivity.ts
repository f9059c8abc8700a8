// Whether this PC can reach the sync server: the device's own online/offline events and what the server's answers
// (or failures to connect) say. The status shows 离线 and hides the progress while the server is out of reach.

/** The device believes it is online (navigator.onLine; true outside a browser). */
export function deviceOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/** Calls back on the window's online/offline events; returns the way to stop listening. */
export function watchDeviceConnection(handlers: { online: () => void; offline: () => void }): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => undefined;
  window.addEventListener('online', handlers.online);
  window.addEventListener('offline', handlers.offline);
  return () => {
    window.removeEventListener('online', handlers.online);
    window.removeEventListener('offline', handlers.offline);
  };
}

export class Connectivity {
  #reachable: boolean;

  constructor(
    readonly isOnline: () => boolean,
    private readonly report: (patch: { online: boolean; progress?: null }) => void,
  ) {
    this.#reachable = isOnline();
  }

  /** Whether the server answered lately (not merely navigator.onLine). */
  get reachable(): boolean {
    return this.#reachable;
  }

  set(reachable: boolean): void {
    this.#reachable = reachable;
    // Out of reach nothing moves: no progress is shown, only the pending work.
    this.report(reachable ? { online: true } : { online: false, progress: null });
  }

  /** Known reachable without telling the status (the caller reports it with more). */
  assume(reachable: boolean): void {
    this.#reachable = reachable;
  }
}
