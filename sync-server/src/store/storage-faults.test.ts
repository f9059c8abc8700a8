// A full disk and other storage faults: typed errors, 507 storage_full to the client, reads that keep working,
// bookkeeping that never fails a read or a committed push, and /readyz saying the storage is degraded. First with a
// disk that fails on command (at the SQL edge), then on a real 4 MB file system (tmpfs, root only).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { operationsRoutes, syncRoutes } from '../../../src-shared/api/routes';
import { makeOpinion } from '../../../src-shared/testing/factories';
import { toErrorReply } from '../plugins/errors';
import { auth, insertRow, pullDocs, pushDocs, startTestServer, type TestServer } from '../testing/test-server';
import type { SqlDatabase, SqlParams, SqlSession } from './sql/sql-database';
import { SqliteStore } from './sqlite-store';
import { classifyStorageError, StorageFullError, StorageUnavailableError } from './store-errors';

const run = promisify(execFile);

/** A disk that answers SQLITE_FULL to the writes `failing` matches, as SQLite does when the disk is full. */
class FailingDisk implements SqlDatabase {
  failing: RegExp | null = null;
  readonly dialect;

  constructor(private readonly inner: SqlDatabase) {
    this.dialect = inner.dialect;
  }

  private check(sql: string): void {
    if (this.failing?.test(sql)) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  }

  private session(inner: SqlSession): SqlSession {
    return {
      dialect: inner.dialect,
      all: async <T>(sql: string, params?: SqlParams) => {
        this.check(sql);
        return inner.all<T>(sql, params);
      },
      get: async <T>(sql: string, params?: SqlParams) => {
        this.check(sql);
        return inner.get<T>(sql, params);
      },
      run: async (sql: string, params?: SqlParams) => {
        this.check(sql);
        return inner.run(sql, params);
      },
    };
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.session(this.inner).all<T>(sql, params);
  }
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.session(this.inner).get<T>(sql, params);
  }
  run(sql: string, params?: SqlParams): Promise<number> {
    return this.session(this.inner).run(sql, params);
  }
  transaction<T>(mode: 'write' | 'snapshot', work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inner.transaction(mode, (tx) => work(this.session(tx)));
  }
}

const everyWrite = /^\s*(INSERT|UPDATE|DELETE)/i;
const bookkeeping = /station_sync/;

let server: TestServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverOnFailingDisk(): Promise<{ server: TestServer; disk: FailingDisk }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ls-full-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  let disk: FailingDisk | null = null;
  const store = SqliteStore.open(dir, {
    wrapDatabase: (db) => {
      disk = new FailingDisk(db);
      return disk;
    },
  });
  server = await startTestServer({}, { store });
  return { server, disk: disk as unknown as FailingDisk };
}

describe('storage faults', () => {
  it('classifies SQLite’s and PostgreSQL’s disk-full errors, and lost connections', () => {
    expect(classifyStorageError(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'))).toBeInstanceOf(
      StorageFullError,
    );
    expect(classifyStorageError(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBeInstanceOf(
      StorageFullError,
    );
    expect(classifyStorageError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBeInstanceOf(
      StorageUnavailableError,
    );
    expect(classifyStorageError(Object.assign(new Error('admin shutdown'), { code: '57P01' }))).toBeInstanceOf(
      StorageUnavailableError,
    );
    const constraint = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(classifyStorageError(constraint)).toBe(constraint);
    expect(toErrorReply(new StorageFullError())).toEqual({
      status: 507,
      body: { error: 'storage_full', message: expect.stringContaining('存储空间已满') },
    });
  });

  it('answers 507 storage_full to writes while the disk is full, keeps pulls working, and recovers', async () => {
    const { server: s, disk } = await serverOnFailingDisk();
    const stored = makeOpinion();
    expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(stored)])).statusCode).toBe(200);

    disk.failing = everyWrite;
    const refused = await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(makeOpinion())]);
    expect(refused.statusCode).toBe(507);
    expect(refused.json()).toEqual({ error: 'storage_full', message: expect.stringContaining('存储空间已满') });
    const heartbeat = await s.app.inject({
      method: 'POST',
      url: syncRoutes.heartbeat,
      headers: auth(s.tokens.stationA),
      payload: { appVersion: '0.1.0', pendingChanges: 1, lastError: null, lastSyncAt: null },
    });
    expect(heartbeat.statusCode).toBe(507);
    // Reads go on: the pull answers although its last-pull time cannot be written.
    const pulled = await pullDocs(s.app, s.tokens.stationA, 'opinions');
    expect(pulled.statusCode).toBe(200);
    expect(pulled.json<{ documents: { id: string }[] }>().documents.map((d) => d.id)).toEqual([stored.id]);
    // Not ready (it cannot take writes), yet alive: liveness never touches the store.
    const ready = await s.app.inject({ method: 'GET', url: operationsRoutes.ready });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      ready: false,
      error: 'storage_full',
      storage: { state: 'degraded', readable: true, writable: false, error: 'storage_full' },
    });
    expect((await s.app.inject({ method: 'GET', url: operationsRoutes.health })).statusCode).toBe(200);
    // Operators see it in the metrics: the refused push, the heartbeat, the pull's bookkeeping and the probe.
    const metrics = (await s.app.inject({ method: 'GET', url: operationsRoutes.metrics })).body;
    for (const operation of ['push', 'recordHeartbeat', 'recordSyncActivity', 'health']) {
      expect(metrics, operation).toMatch(
        new RegExp(`^liaison_store_errors_total\\{operation="${operation}"\\} 1$`, 'm'),
      );
    }

    disk.failing = null; // space freed
    expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(makeOpinion())])).statusCode).toBe(200);
    const readyAgain = await s.app.inject({ method: 'GET', url: operationsRoutes.ready });
    expect(readyAgain.statusCode).toBe(200);
    expect(readyAgain.json()).toMatchObject({ ready: true, storage: { state: 'ok', writable: true, kind: 'sqlite' } });
  });

  it('answers a committed push with success even when its bookkeeping cannot be written', async () => {
    const { server: s, disk } = await serverOnFailingDisk();
    disk.failing = bookkeeping;
    const opinion = makeOpinion();
    const pushed = await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(opinion)]);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual([]);
    expect((await s.store.getDocument('opinions', opinion.id))?.body).toEqual(opinion);
    // The station resends what it does not know was stored: the resend is no conflict and stores nothing new.
    const seq = (await s.store.getDocument('opinions', opinion.id))?.seq;
    expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(opinion)])).json()).toEqual([]);
    expect((await s.store.getDocument('opinions', opinion.id))?.seq).toBe(seq);
  });
});

const isRoot = process.getuid?.() === 0;

describe('a real full disk (a 4 MB tmpfs)', () => {
  it.skipIf(!isRoot)(
    'refuses writes with 507 once the file system is full, serves reads, and recovers when space is freed',
    async () => {
      const mount = await mkdtemp(path.join(tmpdir(), 'ls-tmpfs-'));
      cleanups.push(() => rm(mount, { recursive: true, force: true }));
      try {
        await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
      } catch (error) {
        throw new Error(`could not mount a 4 MB tmpfs as root (needed for this test): ${String(error)}`);
      }
      cleanups.push(() => run('umount', ['-l', mount]).then(() => undefined));
      const store = SqliteStore.open(path.join(mount, 'data'));
      server = await startTestServer({}, { store });
      const s = server;
      // Fill the file system with a file that can be deleted again, leaving a little room.
      const { stdout } = await run('df', ['--output=avail', '-B1', mount]);
      const available = Number(stdout.split('\n')[1]);
      const filler = path.join(mount, 'filler');
      await writeFile(filler, Buffer.alloc(Math.max(0, available - 256 * 1024)));

      const first = makeOpinion();
      expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(first)])).statusCode).toBe(200);
      const bigBatch = () =>
        Array.from({ length: 20 }, () => insertRow(makeOpinion({ content: '村道破损'.repeat(400) })));
      let full = null;
      let stored = 1;
      for (let i = 0; i < 200 && !full; i++) {
        const res = await pushDocs(s.app, s.tokens.stationA, 'opinions', bigBatch());
        if (res.statusCode === 200) stored += 20;
        else full = res;
      }
      expect(full?.statusCode).toBe(507);
      expect(full?.json()).toMatchObject({ error: 'storage_full' });
      // Take the last bytes too. (SQLite may still fit a small write into its log's free pages; a batch does not.)
      const rest = path.join(mount, 'rest');
      const { stdout: left } = await run('df', ['--output=avail', '-B1', mount]);
      await writeFile(rest, Buffer.alloc(Number(left.split('\n')[1])));
      expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', bigBatch())).statusCode).toBe(507);
      // Everything stored so far is still served, whole batches only.
      let pulled = 0;
      let checkpoint = 0;
      for (;;) {
        const page = await pullDocs(s.app, s.tokens.stationA, 'opinions', checkpoint, 100);
        expect(page.statusCode).toBe(200);
        const body = page.json<{ documents: unknown[]; checkpoint: { seq: number } }>();
        if (body.documents.length === 0) break;
        pulled += body.documents.length;
        checkpoint = body.checkpoint.seq;
      }
      expect(pulled).toBe(stored);

      await rm(filler);
      await rm(rest);
      expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', bigBatch())).statusCode).toBe(200);
      expect((await s.app.inject({ method: 'GET', url: operationsRoutes.ready })).json()).toMatchObject({
        storage: { state: 'ok', writable: true },
      });
    },
  );
});
