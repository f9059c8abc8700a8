// Enrolment codes, station tokens, staff login and sessions, rate limits: the ways in, and the ways they are refused.

import { afterEach, describe, expect, it } from 'vitest';
import { syncRoutes } from '../../../src-shared/api/routes';
import { TEST_COUNTY_ID, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import { issueEnrolmentCode, revokeStation } from '../services/enrolment';
import { addStaff } from '../services/staff';
import { auth, pullDocs, startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function enroll(s: TestServer, code: string) {
  return s.app.inject({ method: 'POST', url: syncRoutes.enroll, payload: { code, deviceName: '妙皇站电脑' } });
}

async function login(s: TestServer, user: string, password: string) {
  return s.app.inject({ method: 'POST', url: syncRoutes.login, payload: { user, password } });
}

describe('station enrolment', () => {
  it('exchanges a code once for a working token; the second use is refused', async () => {
    server = await startTestServer();
    const issued = await issueEnrolmentCode(server.store, TEST_STATION_ID, server.clock.now());
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    // Typed in lower case without the dash, as a clerk might.
    const first = await enroll(server, issued.code.toLowerCase().replace('-', ''));
    expect(first.statusCode).toBe(200);
    const body = first.json<{ token: string; stationId: string; stationName: string; countyName: string }>();
    expect(body).toMatchObject({
      stationId: TEST_STATION_ID,
      stationName: '妙皇乡人大代表联络站',
      countyName: '象州县',
    });
    expect((await pullDocs(server.app, body.token, 'opinions')).statusCode).toBe(200);

    const second = await enroll(server, issued.code);
    expect(second.statusCode).toBe(401);
    expect(second.json()).toMatchObject({ error: 'enrolment_code_used' });
  });

  it('refuses an expired code and an unknown one', async () => {
    server = await startTestServer();
    const issued = await issueEnrolmentCode(server.store, TEST_STATION_ID, server.clock.now());
    server.clock.advance(7 * 24 * 3600_000 + 1000);
    const expired = await enroll(server, issued.code);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: 'enrolment_code_expired' });
    const unknown = await enroll(server, 'ZZZZ-ZZZZ');
    expect(unknown.json()).toMatchObject({ error: 'enrolment_code_invalid' });
  });

  it('cuts a revoked station off at once, and voids its unused codes', async () => {
    server = await startTestServer();
    const unused = await issueEnrolmentCode(server.store, TEST_STATION_ID, server.clock.now());
    expect((await pullDocs(server.app, server.tokens.stationA, 'opinions')).statusCode).toBe(200);
    expect(await revokeStation(server.store, TEST_STATION_ID, server.clock.now())).toBe(1);
    const res = await pullDocs(server.app, server.tokens.stationA, 'opinions');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'token_revoked' });
    expect((await enroll(server, unused.code)).json()).toMatchObject({ error: 'enrolment_code_revoked' });
    // Other stations are not affected.
    expect((await pullDocs(server.app, server.tokens.stationB, 'opinions')).statusCode).toBe(200);
  });

  it('stores tokens and codes only hashed', async () => {
    server = await startTestServer();
    const issued = await issueEnrolmentCode(server.store, TEST_STATION_ID, server.clock.now());
    const { token } = (await enroll(server, issued.code)).json<{ token: string }>();
    await server.store.backup(`${server.dataDir}/copy.sqlite`);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(`${server.dataDir}/copy.sqlite`, 'latin1');
    expect(bytes).not.toContain(token);
    expect(bytes).not.toContain(issued.code);
  });
});

describe('county staff login', () => {
  it('refuses a wrong password, issues a session that works, and expires it after 12 hours', async () => {
    server = await startTestServer();
    await addStaff(server.store, 'li', TEST_COUNTY_ID, 'correct horse battery', server.clock.now());

    const wrong = await login(server, 'li', 'wrong password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    const nobody = await login(server, 'nobody', 'whatever1');
    expect(nobody.json()).toMatchObject({ error: 'invalid_credentials' });

    const ok = await login(server, 'li', 'correct horse battery');
    expect(ok.statusCode).toBe(200);
    const session = ok.json<{ token: string; countyId: string; countyName: string; expiresAt: string }>();
    expect(session).toMatchObject({ countyId: TEST_COUNTY_ID, countyName: '象州县' });
    expect(Date.parse(session.expiresAt) - server.clock.now().getTime()).toBe(12 * 3600_000);
    expect((await pullDocs(server.app, session.token, 'opinions')).statusCode).toBe(200);

    server.clock.advance(12 * 3600_000 + 1);
    const expired = await pullDocs(server.app, session.token, 'opinions');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: 'session_expired' });
  });

  it('ends a session on logout', async () => {
    server = await startTestServer();
    const out = await server.app.inject({
      method: 'POST',
      url: syncRoutes.logout,
      headers: auth(server.tokens.staffX),
    });
    expect(out.statusCode).toBe(204);
    expect((await pullDocs(server.app, server.tokens.staffX, 'opinions')).statusCode).toBe(401);
  });

  it('hashes passwords with scrypt and never stores them in clear', async () => {
    server = await startTestServer();
    await addStaff(server.store, 'li', TEST_COUNTY_ID, 'correct horse battery', server.clock.now());
    const account = await server.store.getStaff('li');
    expect(account?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(account?.passwordHash).not.toContain('correct horse battery');
  });
});

describe('rate limits', () => {
  it('answers 429 in JSON after too many login attempts from one address', async () => {
    server = await startTestServer({ authRateLimit: { max: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(server, 'li', `guess-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await login(server, 'li', 'guess-5');
    expect(limited.json()).toMatchObject({ error: 'too_many_requests' });
  });

  it('limits enrolment attempts too, so codes cannot be guessed', async () => {
    server = await startTestServer({ authRateLimit: { max: 2, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await enroll(server, `AAAA-AAA${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
  });
});
