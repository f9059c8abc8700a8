// The server-sent event stream: RESYNC on connect, then each commit in the caller's scope, nothing from elsewhere.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncRoutes } from '../../../src-shared/api/routes';
import { makeOpinion } from '../../../src-shared/testing/factories';
import { revokeStation } from '../services/enrolment';
import { insertRow, pushDocs, startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let base: string;
beforeEach(async () => {
  server = await startTestServer();
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
});

/** Reads `data:` events from an SSE response body. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<unknown> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = chunk
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (data) return JSON.parse(data);
        continue; // a keep-alive comment
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describe('stream', () => {
  it('sends RESYNC first, then the commits of the own station only', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}${syncRoutes.stream('opinions')}?token=${server.tokens.stationB}`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const next = eventReader(res.body as ReadableStream<Uint8Array>);
    expect(await next()).toBe('RESYNC');

    // Station A's write is not station B's business; station B's own write arrives.
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(makeOpinion())]);
    const mine = makeOpinion({ stationId: 'station-gude' });
    await pushDocs(server.app, server.tokens.stationB, 'opinions', [insertRow(mine)]);
    const event = (await next()) as { documents: { id: string }[]; checkpoint: { seq: number } };
    expect(event.documents.map((d) => d.id)).toEqual([mine.id]);
    const stored = await server.store.getDocument('opinions', mine.id);
    expect(event.checkpoint).toEqual({ seq: stored?.seq });
    controller.abort();
  });

  it('ends open streams when the server closes, so shutdown does not hang', async () => {
    const res = await fetch(`${base}${syncRoutes.stream('opinions')}?token=${server.tokens.staffX}`);
    const next = eventReader(res.body as ReadableStream<Uint8Array>);
    expect(await next()).toBe('RESYNC');
    await server.app.close();
    await expect(next()).rejects.toThrow('stream ended');
  });

  it('ends the stream of a station that is revoked while connected', async () => {
    await server.close();
    server = await startTestServer({ streamHeartbeatMs: 50 });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base}${syncRoutes.stream('opinions')}?token=${server.tokens.stationA}`);
    const next = eventReader(res.body as ReadableStream<Uint8Array>);
    expect(await next()).toBe('RESYNC');
    await revokeStation(server.store, 'station-miaohuang', server.clock.now());
    await expect(next()).rejects.toThrow('stream ended');
  });

  it('refuses a stream without a valid token', async () => {
    const res = await fetch(`${base}${syncRoutes.stream('opinions')}?token=nope`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
  });
});
