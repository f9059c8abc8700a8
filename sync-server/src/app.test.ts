// The app shell: health, JSON 404s, the renderer build with SPA fallback, CORS (desktop app, dev server), clean logs.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { syncRoutes } from '../../src-shared/api/routes';
import { opinionSchema } from '../../src-shared/opinion/opinion';
import { makeOpinion, TEST_COUNTY_ID } from '../../src-shared/testing/factories';
import { buildServer, createLogger } from './app';
import { desktopAppOrigin } from './plugins/cors';
import { addStaff } from './services/staff';
import { auth, insertRow, pushDocs, startTestServer, type TestServer } from './testing/test-server';

let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('app', () => {
  it('answers /healthz with the schema versions it requires, and unknown API paths with a JSON 404', async () => {
    server = await startTestServer();
    const health = await server.app.inject({ method: 'GET', url: syncRoutes.health });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, schemaVersions: { opinions: opinionSchema.version, stations: 1 } });
    const missing = await server.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the renderer build with a fallback to index.html for app routes, never for API paths', async () => {
    const staticDir = await mkdtemp(path.join(tmpdir(), 'ls-static-'));
    dirs.push(staticDir);
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>联络站</title>');
    await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    server = await startTestServer({ staticDir });

    const asset = await server.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    const route = await server.app.inject({ method: 'GET', url: '/opinions/01HX' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>联络站</title>');
    const api = await server.app.inject({ method: 'GET', url: '/v1/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
    const missingAsset = await server.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missingAsset.statusCode).toBe(404);
  });

  it('lets the desktop app (app://liaison) call the sync routes cross-origin, preflight included', async () => {
    server = await startTestServer();
    for (const url of [syncRoutes.pull('opinions'), syncRoutes.push('opinions'), syncRoutes.stream('opinions')]) {
      const preflight = await server.app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: desktopAppOrigin,
          'access-control-request-method': url.endsWith('push') ? 'POST' : 'GET',
          'access-control-request-headers': 'authorization,content-type,x-schema-version,x-app-version',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(desktopAppOrigin);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      for (const header of ['authorization', 'content-type', 'x-schema-version', 'x-app-version']) {
        expect(preflight.headers['access-control-allow-headers']).toContain(header);
      }
    }
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(makeOpinion())]);
    const pull = await server.app.inject({
      method: 'GET',
      url: syncRoutes.pull('opinions'),
      headers: { ...auth(server.tokens.stationA, opinionSchema.version), origin: desktopAppOrigin },
    });
    expect(pull.statusCode).toBe(200);
    expect(pull.headers['access-control-allow-origin']).toBe(desktopAppOrigin);
    expect(pull.headers.vary).toContain('Origin');
    expect(pull.json<{ documents: unknown[] }>().documents).toHaveLength(1);
    // A refusal must be readable too, or the app could not show why (e.g. an outdated client).
    const refused = await server.app.inject({
      method: 'GET',
      url: syncRoutes.pull('opinions'),
      headers: { origin: desktopAppOrigin },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(desktopAppOrigin);
  });

  it('sends the CORS header on the event stream, which bypasses the hooks', async () => {
    server = await startTestServer();
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const stream = await fetch(`${base}${syncRoutes.stream('opinions')}`, {
      headers: { authorization: `Bearer ${server.tokens.stationA}`, origin: desktopAppOrigin },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('access-control-allow-origin')).toBe(desktopAppOrigin);
    controller.abort();
  });

  it('allows the configured origin as well, and no other', async () => {
    server = await startTestServer({ corsOrigin: 'http://localhost:5173' });
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: syncRoutes.pull('opinions'),
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-schema-version');
    const desktop = await server.app.inject({
      method: 'GET',
      url: syncRoutes.health,
      headers: { origin: desktopAppOrigin },
    });
    expect(desktop.headers['access-control-allow-origin']).toBe(desktopAppOrigin);
    for (const origin of ['http://evil.example', 'app://other', 'null']) {
      const other = await server.app.inject({ method: 'GET', url: syncRoutes.health, headers: { origin } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const otherPreflight = await server.app.inject({
        method: 'OPTIONS',
        url: syncRoutes.pull('opinions'),
        headers: { origin, 'access-control-request-method': 'GET' },
      });
      expect(otherPreflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('tells browsers to keep no copy of API answers (personal data on a shared PC)', async () => {
    server = await startTestServer();
    const pulled = await server.app.inject({
      method: 'GET',
      url: `${syncRoutes.pull('opinions')}?seq=0&limit=10`,
      headers: auth(server.tokens.staffX),
    });
    expect(pulled.statusCode).toBe(200);
    expect(pulled.headers['cache-control']).toBe('no-store');
    const refused = await server.app.inject({ method: 'GET', url: `${syncRoutes.pull('opinions')}?seq=0&limit=10` });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('refuses a heartbeat from county staff', async () => {
    server = await startTestServer();
    const res = await server.app.inject({
      method: 'POST',
      url: syncRoutes.heartbeat,
      headers: auth(server.tokens.staffX),
      payload: { appVersion: '1', pendingChanges: 0, lastError: null, lastSyncAt: null },
    });
    expect(res.statusCode).toBe(403);
  });

  it('keeps tokens, passwords and visitors out of the logs', async () => {
    server = await startTestServer();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = buildServer(
      { ...server.config, logLevel: 'trace' },
      {
        store: server.store,
        now: server.clock.now,
        logger: createLogger('trace', sink),
      },
    );
    await addStaff(server.store, 'li', TEST_COUNTY_ID, 'secret-password-1', server.clock.now());
    await app.inject({ method: 'POST', url: syncRoutes.login, payload: { user: 'li', password: 'secret-password-1' } });
    const opinion = makeOpinion({ visitor: { name: '张秘密', phone: '13912345678' } });
    await pushDocs(app, server.tokens.stationA, 'opinions', [insertRow(opinion)]);
    await app.inject({ method: 'GET', url: `${syncRoutes.pull('opinions')}?token=${server.tokens.stationB}` });
    // A refused push logs its refusal, still without the visitor.
    await pushDocs(app, server.tokens.stationB, 'opinions', [insertRow(opinion)]);
    await app.close();

    const log = lines.join('');
    expect(log).toContain('incoming request');
    for (const secret of [
      'secret-password-1',
      server.tokens.stationA,
      server.tokens.stationB,
      '张秘密',
      '13912345678',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
