// Two server instances on one PostgreSQL database, as a city deployment runs them: a push through one is pulled and
// streamed through the other, a session opened on one works (and ends) on the other, rate limits count across both.
import { afterEach, describe, expect, it } from 'vitest';
import { syncRoutes } from '../../../src-shared/api/routes';
import { makeOpinion } from '../../../src-shared/testing/factories';
import { addStaff } from '../services/staff';
import { PostgresStore } from '../store/postgres-store';
import { testDatabase } from '../testing/test-postgres';
import { auth, insertRow, pullDocs, pushDocs, startTestServer, type TestServer } from '../testing/test-server';

let servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

/** Instances A and B, each with its own pool and listener on one new database. */
async function twoInstances(rateMax = 1000): Promise<[TestServer, TestServer]> {
  const database = await testDatabase();
  const config = { authRateLimit: { max: rateMax, windowMs: 60_000 } };
  const a = await startTestServer(config, { store: await PostgresStore.open(database.url) });
  servers.push(a);
  const b = await startTestServer(config, { store: await PostgresStore.open(database.url) });
  servers.push(b);
  return [a, b];
}

/** Reads an event stream until its text says `done`. */
async function readUntil(body: ReadableStream<Uint8Array>, done: (text: string) => boolean): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) throw new Error(`stream ended after: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe('two server instances on one PostgreSQL database', () => {
  it('pulls through B what was pushed through A, and B’s stream announces it', async () => {
    const [a, b] = await twoInstances();
    const base = await b.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await fetch(`${base}${syncRoutes.stream('opinions')}?token=${b.tokens.stationA}`);
    expect(stream.status).toBe(200);
    await (b.store as PostgresStore).whenListening();

    const opinion = makeOpinion();
    const pushed = await pushDocs(a.app, a.tokens.stationA, 'opinions', [insertRow(opinion)]);
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(pushed.json()).toEqual([]);

    const announced = await readUntil(stream.body as ReadableStream<Uint8Array>, (t) => t.includes(opinion.id));
    expect(announced.startsWith('data: "RESYNC"')).toBe(true);
    const pulled = await pullDocs(b.app, b.tokens.stationA, 'opinions');
    expect(pulled.json<{ documents: { id: string }[] }>().documents.map((d) => d.id)).toEqual([opinion.id]);
  });

  it('accepts on B a staff session opened on A, and refuses it on A once it ended on B', async () => {
    const [a, b] = await twoInstances();
    await addStaff(a.store, 'li', 'county-xiangzhou', 'a-long-password', a.clock.now());
    const login = await a.app.inject({
      method: 'POST',
      url: syncRoutes.login,
      payload: { user: 'li', password: 'a-long-password' },
    });
    expect(login.statusCode, login.body).toBe(200);
    const { token } = login.json<{ token: string }>();
    expect((await pullDocs(b.app, token, 'opinions')).statusCode).toBe(200);
    const logout = await b.app.inject({ method: 'POST', url: syncRoutes.logout, headers: auth(token) });
    expect(logout.statusCode).toBe(204);
    const after = await pullDocs(a.app, token, 'opinions');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'token_revoked' });
  });

  it('counts login attempts from one address on both instances together', async () => {
    const [a, b] = await twoInstances(3);
    const attempt = (s: TestServer) =>
      s.app.inject({ method: 'POST', url: syncRoutes.login, payload: { user: 'nobody', password: 'wrong-password' } });
    expect((await attempt(a)).statusCode).toBe(401);
    expect((await attempt(b)).statusCode).toBe(401);
    expect((await attempt(a)).statusCode).toBe(401);
    const fourth = await attempt(b);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ error: 'too_many_requests' });
    // Enrolment has its own counter.
    const enrol = await a.app.inject({
      method: 'POST',
      url: syncRoutes.enroll,
      payload: { code: 'ZZZZ-ZZZZ', deviceName: 'pc' },
    });
    expect(enrol.statusCode).toBe(401);
  });
});
