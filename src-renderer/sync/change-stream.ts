// Listens to the server's change stream (server-sent events over fetch) and tells the replication when to pull.
// fetch instead of EventSource: the token travels in the Authorization header (never in a URL that
// proxies log), and it runs in Node tests too. Every event becomes a 'RESYNC' (the server also sends one on each
// connection, so commits missed while disconnected are pulled from the checkpoint).
import { Observable } from 'rxjs';
import type { SyncClient } from './sync-client';
import { serverEndpoint } from './sync-client';

export interface ChangeStreamOptions {
  client: SyncClient;
  route: string;
  /** Wait before reconnecting after the stream broke (ms). */
  reconnectMs?: number;
  /** Whether connecting makes sense now (navigator.onLine); checked before each attempt. */
  isOnline?: () => boolean;
}

/** 'RESYNC' each time the server reports a commit or a (re)connection; the pull handler then fetches by checkpoint. */
export function changeStream(options: ChangeStreamOptions): Observable<'RESYNC'> {
  const { client, route } = options;
  const reconnectMs = options.reconnectMs ?? 5_000;
  const doFetch = client.options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return new Observable<'RESYNC'>((subscriber) => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });

    const run = async () => {
      while (!abort.signal.aborted) {
        if (options.isOnline && !options.isOnline()) {
          await wait(reconnectMs);
          continue;
        }
        try {
          const headers: Record<string, string> = { accept: 'text/event-stream' };
          if (client.options.token) headers.authorization = `Bearer ${client.options.token}`;
          const response = await doFetch(serverEndpoint(client.options.serverUrl, route), {
            headers,
            signal: abort.signal,
          });
          if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            // Events end with a blank line; comment lines (":") are keep-alives and carry no news.
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (block.split('\n').some((line) => line.startsWith('data:'))) subscriber.next('RESYNC');
              end = buffer.indexOf('\n\n');
            }
          }
        } catch {
          // Offline, server down or restarted: the pull handler reports the error; here we only reconnect.
        }
        if (!abort.signal.aborted) await wait(reconnectMs);
      }
    };
    void run();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
    };
  });
}
