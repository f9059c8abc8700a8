// Deployment edges: behind a reverse proxy the client IP comes from X-Forwarded-For only when the proxy is trusted;
// without a proxy, Fastify's own HTTPS serves the configured certificate and takes a renewed one on reload.
import { X509Certificate } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { syncRoutes } from '../../src-shared/api/routes';
import { buildServer, createLogger } from './app';
import { ConfigError, loadConfig, testConfig } from './config';
import { SqliteStore } from './store/sqlite-store';
import { startTestServer, type TestServer } from './testing/test-server';
import { getTls, selfSigned } from './testing/tls-fixtures';
import { readTlsFiles, reloadTls } from './tls';

let server: TestServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** An enrolment attempt with a wrong code: refused (401), but counted by the per-IP limit. */
function enrolAttempt(s: TestServer, remoteAddress: string, forwardedFor?: string) {
  return s.app.inject({
    method: 'POST',
    url: syncRoutes.enroll,
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { code: 'ABCD-EFGH', deviceName: '前台电脑' },
  });
}

describe('behind a reverse proxy', () => {
  it('rate-limits by the forwarded client IP only for requests that come from the trusted proxy', async () => {
    server = await startTestServer({ trustProxy: ['10.0.0.1'], authRateLimit: { max: 2, windowMs: 60_000 } });
    const s = server;
    // Two clients behind the proxy have a limit each.
    expect((await enrolAttempt(s, '10.0.0.1', '203.0.113.1')).statusCode).toBe(401);
    expect((await enrolAttempt(s, '10.0.0.1', '203.0.113.1')).statusCode).toBe(401);
    expect((await enrolAttempt(s, '10.0.0.1', '203.0.113.1')).statusCode).toBe(429);
    expect((await enrolAttempt(s, '10.0.0.1', '203.0.113.2')).statusCode).toBe(401);
    // A client that is not the proxy cannot escape its limit by inventing X-Forwarded-For.
    expect((await enrolAttempt(s, '198.51.100.9', '192.0.2.1')).statusCode).toBe(401);
    expect((await enrolAttempt(s, '198.51.100.9', '192.0.2.2')).statusCode).toBe(401);
    expect((await enrolAttempt(s, '198.51.100.9', '192.0.2.3')).statusCode).toBe(429);
  });

  it('ignores X-Forwarded-For by default, and logs the address the request really came from', async () => {
    const dataDir = await tempDir('ls-proxy-');
    const store = SqliteStore.open(dataDir);
    cleanups.push(() => store.close());
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).trim().split('\n'));
        done();
      },
    });
    const logged = async (trustProxy: string[]) => {
      lines.length = 0;
      const app = buildServer(testConfig({ dataDir, trustProxy }), { store, logger: createLogger('info', sink) });
      await app.inject({
        method: 'GET',
        url: syncRoutes.health,
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      await app.close();
      const incoming = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'incoming request');
      return incoming?.req?.remoteAddress;
    };
    expect(loadConfig({}, {}).trustProxy).toEqual([]);
    expect(await logged([])).toBe('127.0.0.1');
    expect(await logged(['loopback'])).toBe('203.0.113.50');
  });

  it('refuses to trust every address, and names the setting when an entry is not an address', () => {
    expect(loadConfig({}, { LS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'loopback',
    ]);
    expect(loadConfig({ trustProxy: 'off' }, { LS_TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual([]);
    expect(() => loadConfig({}, { LS_TRUST_PROXY: 'true' })).toThrow(/伪造/);
    expect(() => loadConfig({}, { LS_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/LS_TRUST_PROXY.*10\.0\.0\.0\/33/);
    expect(() => loadConfig({}, { LS_TRUST_PROXY: 'nginx' })).toThrow(ConfigError);
  });
});

describe("Fastify's own HTTPS", () => {
  it('serves the certificate files, and a renewed certificate after a reload', async () => {
    const dir = await tempDir('ls-tls-');
    const first = selfSigned(dir, 'first');
    const renewed = selfSigned(dir, 'renewed');
    const live = { certFile: path.join(dir, 'live.crt'), keyFile: path.join(dir, 'live.key') };
    await copyFile(first.certFile, live.certFile);
    await copyFile(first.keyFile, live.keyFile);

    const config = testConfig({ dataDir: dir, tls: live });
    const app = buildServer(config);
    cleanups.push(() => app.close());
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const firstPem = await readFile(first.certFile);
    const renewedPem = await readFile(renewed.certFile);
    const health = await getTls(`${base}${syncRoutes.health}`, firstPem);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true });
    expect(health.fingerprint).toBe(new X509Certificate(firstPem).fingerprint256);
    // Plain HTTP on the HTTPS port gets nothing useful.
    await expect(fetch(base.replace('https:', 'http:') + syncRoutes.health)).rejects.toThrow();

    // certbot renews in place; SIGHUP (serve) calls reloadTls.
    await copyFile(renewed.certFile, live.certFile);
    await copyFile(renewed.keyFile, live.keyFile);
    expect(reloadTls(app, config)).toBe(true);
    const after = await getTls(`${base}${syncRoutes.health}`, renewedPem);
    expect(after.fingerprint).toBe(new X509Certificate(renewedPem).fingerprint256);
  });

  it('stops at start with a configuration error for a missing file or a key of another certificate', async () => {
    const dir = await tempDir('ls-tls-');
    const first = selfSigned(dir, 'first');
    const other = selfSigned(dir, 'other');
    expect(() => readTlsFiles({ certFile: first.certFile, keyFile: other.keyFile })).toThrow(/同一对/);
    expect(() => readTlsFiles({ certFile: path.join(dir, 'missing.crt'), keyFile: first.keyFile })).toThrow(
      /无法读取证书.*LS_TLS_CERT/,
    );
    expect(() => loadConfig({ tlsCert: first.certFile }, {})).toThrow(/LS_TLS_KEY/);
    expect(loadConfig({}, { LS_TLS_CERT: first.certFile, LS_TLS_KEY: first.keyFile }).tls).toEqual(first);
  });
});
