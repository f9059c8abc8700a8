// Liveness and readiness: /healthz answers while the process lives; /readyz only while the store reads and writes,
// on SQLite and on PostgreSQL (a lost database, a database that turned read-only).
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { operationsRoutes } from '../../../src-shared/api/routes';
import { PostgresStore } from '../store/postgres-store';
import type { StoreHealth } from '../store/store';
import { testDatabase } from '../testing/test-postgres';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function expectReady(s: TestServer, kind: StoreHealth['kind']): Promise<void> {
  const ready = await s.app.inject({ method: 'GET', url: operationsRoutes.ready });
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toMatchObject({ ready: true, storage: { kind, state: 'ok', readable: true, writable: true } });
  expect(ready.headers['cache-control']).toBe('no-store');
}

async function expectLostStorage(s: TestServer): Promise<void> {
  // The database goes away under the running server (a failed disk, a closed connection).
  await s.store.close();
  const notReady = await s.app.inject({ method: 'GET', url: operationsRoutes.ready });
  expect(notReady.statusCode).toBe(503);
  const body = notReady.json();
  expect(body).toMatchObject({
    ready: false,
    error: 'storage_unavailable',
    storage: { state: 'unavailable', readable: false, writable: false },
  });
  expect(body.message).toMatch(/存储/);
  // The detail (it may name files or hosts) stays in the log.
  expect(JSON.stringify(body)).not.toMatch(/not open|pool/i);

  const live = await s.app.inject({ method: 'GET', url: operationsRoutes.health });
  expect(live.statusCode).toBe(200);
  expect(live.json()).toMatchObject({ ok: true });
}

describe('operations routes on SQLite', () => {
  it('is ready while the store works, and only live once it stops working', async () => {
    server = await startTestServer();
    await expectReady(server, 'sqlite');
    await expectLostStorage(server);
  });
});

describe('operations routes on PostgreSQL', () => {
  it('is ready while the database works, and only live once it is lost', async () => {
    server = await startTestServer(
      {},
      { store: await PostgresStore.open((await testDatabase()).url, { poolSize: 2 }) },
    );
    await expectReady(server, 'postgres');
    await expectLostStorage(server);
  });

  it('is not ready while the database only reads, and ready again once it takes writes', async () => {
    const { url } = await testDatabase();
    server = await startTestServer({}, { store: await PostgresStore.open(url, { poolSize: 2 }) });
    const s = server;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    /** New sessions of the database get the setting; the server's open ones are ended, so its pool reconnects. */
    const setReadOnly = async (on: boolean) => {
      await admin.query(`ALTER DATABASE ${name} ${on ? 'SET default_transaction_read_only = on' : 'RESET ALL'}`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    };
    /** /readyz until it answers as wanted: the pool first lets go of the ended connections (each fails once). */
    const readyOnceSettled = async (settled: (state: string) => boolean) => {
      let res = await s.app.inject({ method: 'GET', url: operationsRoutes.ready });
      for (let i = 0; i < 50 && !settled(res.json().storage.state); i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await s.app.inject({ method: 'GET', url: operationsRoutes.ready });
      }
      return res;
    };
    try {
      await expectReady(s, 'postgres');
      await setReadOnly(true);
      const res = await readyOnceSettled((state) => state === 'degraded');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        ready: false,
        error: 'storage_unavailable',
        storage: { kind: 'postgres', state: 'degraded', readable: true, writable: false },
      });
      expect(res.json().message).toMatch(/无法写入/);

      await setReadOnly(false);
      expect((await readyOnceSettled((state) => state === 'ok')).statusCode).toBe(200);
    } finally {
      await admin.end();
    }
  });
});
