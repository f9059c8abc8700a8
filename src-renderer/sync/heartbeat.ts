// The station's heartbeat: every few minutes and after each complete sync it tells the server its app version,
// pending changes and last error, so the county's sync report shows every station's state.
import { syncRoutes } from '../../src-shared/api/routes';
import type { HeartbeatRequest } from '../../src-shared/api/sync-protocol';
import type { SyncClient } from './sync-client';

export interface Heartbeat {
  /** Sends one now; a failure is left to the replication to report. */
  send(): Promise<void>;
  stop(): void;
}

export function startHeartbeat(options: {
  client: SyncClient;
  everyMs: number;
  body: () => HeartbeatRequest;
  /** The server answered: it is reachable. */
  onAnswered: () => void;
}): Heartbeat {
  const send = async () => {
    try {
      await options.client.request(syncRoutes.heartbeat, { method: 'POST', body: options.body() });
      options.onAnswered();
    } catch {
      // The replication reports connection problems itself.
    }
  };
  const timer = setInterval(() => void send(), options.everyMs);
  return { send, stop: () => clearInterval(timer) };
}

/** County staff send no heartbeat (the report is about stations). */
export const noHeartbeat: Heartbeat = { send: async () => undefined, stop: () => undefined };
