// Choosing the store on the command line (--database, LS_DATABASE_URL), `migrate-store` from a county's SQLite file
// into PostgreSQL with its counts, and the refusal of a database from a newer server at start.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOpinion, TEST_COUNTY_ID } from '../../../src-shared/testing/factories';
import { exitCodes } from '../cli/exit-codes';
import { issueEnrolmentCode } from '../services/enrolment';
import { runCli } from '../testing/run-cli';
import { testDatabase } from '../testing/test-postgres';
import { migrateSqliteToPostgres } from './migrate-store';
import { PostgresStore } from './postgres-store';
import { databaseFileName, SqliteStore } from './sqlite-store';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ls-migrate-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Counted {
  table: string;
  source: number;
  target: number;
}

describe('migrate-store and --database', () => {
  it('moves a county’s SQLite data into PostgreSQL with every count checked, and serves it from there', async () => {
    const data = path.join(dir, 'county');
    const demo = await runCli(['demo', '--data', data, '--sample-records', '--reference-date', '2026-03-31']);
    expect(demo.code, demo.stderr).toBe(0);
    const county = SqliteStore.open(data);
    await issueEnrolmentCode(county, 'st-xiangzhou-miaohuang', new Date());
    await county.close();
    const database = await testDatabase({ empty: true });

    const moved = await runCli([
      'migrate-store',
      '--from',
      path.join(data, databaseFileName),
      '--to',
      database.url,
      '--json',
    ]);
    expect(moved.code, moved.stderr).toBe(0);
    const { counts, seqOffset } = JSON.parse(moved.stdout) as { counts: Counted[]; seqOffset: number };
    expect(seqOffset).toBe(0);
    expect(counts.filter((c) => c.source !== c.target)).toEqual([]);
    const byTable = Object.fromEntries(counts.map((c) => [c.table, c.source]));
    expect(byTable).toMatchObject({ counties: 6, staff: 6, enrolment_codes: 1, 'documents/opinions': 40 });
    expect(byTable['documents/stations']).toBeGreaterThan(30);
    expect(moved.stderr).toContain('迁移完成，条数全部一致');
    expect(moved.stderr).toMatch(/documents\/opinions\s+40\s+40/);

    // The same stations from PostgreSQL (LS_DATABASE_URL) as from the file; the documents keep their seqs.
    const fromFile = await runCli(['stations', 'list', '--json', '--data', data]);
    const fromPostgres = await runCli(['stations', 'list', '--json'], { env: { LS_DATABASE_URL: database.url } });
    expect(fromPostgres.code, fromPostgres.stderr).toBe(0);
    expect(JSON.parse(fromPostgres.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const sqlite = SqliteStore.open(data);
    const postgres = await PostgresStore.open(database.url);
    try {
      const scope = { kind: 'county', countyId: 'xiangzhou' } as const;
      expect(await postgres.listDocuments('opinions', scope)).toEqual(await sqlite.listDocuments('opinions', scope));
      expect(await postgres.listAudit(1000)).toEqual(await sqlite.listAudit(1000));
    } finally {
      await sqlite.close();
      await postgres.close();
    }

    // Twice is refused, and writes nothing.
    const again = await runCli(['migrate-store', '--from', path.join(data, databaseFileName), '--to', database.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('migrate_target_has_documents');
  }, 180_000); // five command-line runs

  it('puts a second county’s file after the first one’s seqs, so no station misses a document', async () => {
    const database = await testDatabase({ empty: true });
    const files: string[] = [];
    for (const county of ['a', 'b']) {
      const folder = path.join(dir, `county-${county}`);
      const store = SqliteStore.open(folder);
      await store.upsertCounties([{ id: TEST_COUNTY_ID, name: '象州县' }]);
      const opinions = [1, 2, 3].map((n) => makeOpinion({ id: `${county}-${n}` }));
      await store.upsertDocuments(
        'opinions',
        opinions.map((o) => ({
          id: o.id,
          stationId: o.stationId,
          countyId: o.countyId,
          deleted: false,
          body: { ...o },
        })),
      );
      // The device tables too: a token, its heartbeat (device status and history), the sync bookkeeping.
      await store.createToken({
        hash: `token-${county}`,
        kind: 'station',
        subject: `station-${county}`,
        countyId: TEST_COUNTY_ID,
        stationId: `station-${county}`,
        deviceName: 'pc',
        createdAt: '2026-03-01T00:00:00.000Z',
        revokedAt: null,
        expiresAt: null,
      });
      await store.recordHeartbeat({
        stationId: `station-${county}`,
        device: `token-${county}`,
        at: '2026-03-01T00:00:00.000Z',
        appVersion: '0.1.0',
        pendingChanges: 2,
        lastError: null,
        lastSyncAt: null,
      });
      await store.recordSyncActivity(`station-${county}`, 'push', '2026-03-01T00:00:00.000Z');
      await store.close();
      files.push(path.join(folder, databaseFileName));
    }
    const first = await migrateSqliteToPostgres(files[0] as string, database.url);
    const second = await migrateSqliteToPostgres(files[1] as string, database.url);
    expect([first.ok, second.ok]).toEqual([true, true]);
    const counted = Object.fromEntries(second.counts.map((c) => [c.table, [c.source, c.target]]));
    expect(counted).toMatchObject({
      counties: [1, 1],
      tokens: [1, 1],
      device_status: [1, 1],
      heartbeats: [1, 1],
      station_sync: [1, 1],
      'documents/opinions': [3, 3],
    });
    expect(first.seqOffset).toBe(0);
    expect(second.seqOffset).toBeGreaterThanOrEqual(3);
    const store = await PostgresStore.open(database.url);
    try {
      const all = await store.pull('opinions', { kind: 'all' }, 0, 100);
      expect(all.map((d) => d.id)).toEqual(['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'b-3']);
      // New writes go after both.
      const [next] = await store.upsertDocuments('opinions', [
        { id: 'c', stationId: 's', countyId: TEST_COUNTY_ID, deleted: false, body: { id: 'c' } },
      ]);
      expect(next?.seq).toBeGreaterThan(all.at(-1)?.seq ?? 0);
    } finally {
      await store.close();
    }
  });

  it('refuses to serve a database written by a newer server, with a message in both languages and exit code 4', async () => {
    const data = path.join(dir, 'newer');
    await SqliteStore.open(data).close();
    const db = new Database(path.join(data, databaseFileName));
    db.pragma('user_version = 42');
    db.close();
    const serve = await runCli(['serve', '--port', '0', '--data', data]);
    expect(serve.code).toBe(exitCodes.storeTooNew);
    expect(serve.stdout).toBe('');
    expect(serve.stderr).toContain('结构版本为 42');
    expect(serve.stderr).toContain('schema version 42, newer than this server supports');
  });
});
