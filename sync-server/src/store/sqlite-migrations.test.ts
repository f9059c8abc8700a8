// The SQLite file's migrations: each step on top of the one before, today's v1 → v2 change on a file written the
// way the first server wrote it, and the refusal of a file from a newer server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeOpinion, makeStation, TEST_COUNTY_ID, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import { migrateSqlite, readSqliteSchemaVersion, sqliteMigrations, sqliteSchemaVersion } from './sqlite-migrations';
import { databaseFileName, SqliteStore } from './sqlite-store';
import { StoreVersionError } from './store-errors';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function newDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ls-migrate-'));
  dirs.push(dir);
  return dir;
}

const opinion = makeOpinion({ id: 'op-old', receivedAt: '2026-02-28T17:30:00.000Z', status: 'submitted' });
const station = makeStation();

/**
 * A data folder as the first server (schema version 1) left it: its tables (step 1 is that DDL, unchanged), its
 * `meta` rows, documents written with a global seq, a heartbeat per call, and user_version never set.
 */
async function firstServerFile(): Promise<string> {
  const dir = await newDir();
  const db = new Database(path.join(dir, databaseFileName));
  db.pragma('journal_mode = WAL');
  (sqliteMigrations[0] as (typeof sqliteMigrations)[number]).up(db);
  db.prepare("INSERT INTO meta (key, value) VALUES ('schemaVersion', '1')").run();
  const insert = db.prepare(
    `INSERT INTO documents (collection, id, station_id, county_id, seq, deleted, body, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  insert.run(
    'stations',
    station.id,
    station.id,
    TEST_COUNTY_ID,
    1,
    JSON.stringify(station),
    '2026-03-01T00:00:00.000Z',
  );
  insert.run(
    'opinions',
    opinion.id,
    TEST_STATION_ID,
    TEST_COUNTY_ID,
    2,
    JSON.stringify(opinion),
    '2026-03-01T00:00:00.000Z',
  );
  db.prepare("UPDATE meta SET value = '2' WHERE key = 'seq'").run();
  db.prepare('INSERT INTO counties (id, name) VALUES (?, ?)').run(TEST_COUNTY_ID, '象州县');
  for (const at of ['2026-03-01T00:00:00.000Z', '2026-03-01T00:01:00.000Z']) {
    db.prepare(
      'INSERT INTO heartbeats (station_id, at, app_version, pending_changes, last_error, last_sync_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(TEST_STATION_ID, at, '0.1.0', 2, null, at);
  }
  db.prepare(
    `INSERT INTO station_sync (station_id, last_heartbeat_at, app_version, pending_changes, last_error, last_sync_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(TEST_STATION_ID, '2026-03-01T00:01:00.000Z', '0.1.0', 2, null, '2026-03-01T00:01:00.000Z');
  db.close();
  return dir;
}

describe('SQLite migrations', () => {
  it('applies each step on top of the one before it, recording the version in user_version', () => {
    const db = new Database(':memory:');
    try {
      expect(readSqliteSchemaVersion(db)).toBe(0);
      for (const step of sqliteMigrations) {
        const upTo = sqliteMigrations.filter((m) => m.version <= step.version);
        expect(migrateSqlite(db, 'memory', upTo)).toEqual({ from: step.version - 1, to: step.version });
        expect(db.pragma('user_version', { simple: true })).toBe(step.version);
      }
      expect(sqliteSchemaVersion).toBe(sqliteMigrations.length);
    } finally {
      db.close();
    }
  });

  it('brings a file of the first server (v1) up to date: report dates, device status, seq going on', async () => {
    const dir = await firstServerFile();
    const raw = new Database(path.join(dir, databaseFileName));
    expect(readSqliteSchemaVersion(raw)).toBe(1);
    raw.close();

    const store = SqliteStore.open(dir);
    try {
      expect(store.schemaVersion).toBe(sqliteSchemaVersion);
      // v2: the report date of the old opinion (17:30 UTC on 28 Feb is 1 Mar in Beijing), so reports count it.
      const figures = await store.workReportFigures(
        { countyId: TEST_COUNTY_ID, from: '2026-03-01', to: '2026-03-31', asOf: '2026-04-01' },
        null,
      );
      expect(figures.opinionTotals.received).toBe(1);
      // v3: the station's last heartbeat became its device's, the old history rows are kept.
      expect(await store.listDeviceStatuses(TEST_STATION_ID)).toEqual([
        expect.objectContaining({ device: TEST_STATION_ID, appVersion: '0.1.0', pendingChanges: 2 }),
      ]);
      expect(await store.heartbeatHistory(TEST_STATION_ID, 10)).toHaveLength(2);
      expect(await store.hitRateLimit('k', 1000, 0)).toEqual({ hits: 1, resetAt: 1000 });
      // The documents and their seqs are untouched, and new writes continue after them.
      expect((await store.getDocument('opinions', 'op-old'))?.body).toEqual(opinion);
      const [next] = await store.upsertDocuments('stations', [
        { id: 's2', stationId: 's2', countyId: TEST_COUNTY_ID, deleted: false, body: { id: 's2' } },
      ]);
      expect(next?.seq).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('brings a file of today’s server (v2, marked only in meta) to v3 without touching v2', async () => {
    const dir = await firstServerFile();
    const db = new Database(path.join(dir, databaseFileName));
    migrateSqlite(
      db,
      'test',
      sqliteMigrations.filter((m) => m.version <= 2),
    );
    db.pragma('user_version = 0'); // as today's server left it: the version only in meta
    db.prepare("UPDATE meta SET value = '2' WHERE key = 'schemaVersion'").run();
    expect(readSqliteSchemaVersion(db)).toBe(2);
    db.close();
    const store = SqliteStore.open(dir);
    try {
      expect(store.schemaVersion).toBe(sqliteSchemaVersion);
      expect(await store.listDeviceStatuses(TEST_STATION_ID)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('refuses a file from a newer server, in Chinese and English, and leaves it as it was', async () => {
    const dir = await newDir();
    await SqliteStore.open(dir).close();
    const file = path.join(dir, databaseFileName);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStore.open(dir)).toThrow(StoreVersionError);
    expect(() => SqliteStore.open(dir)).toThrow(
      /结构版本为 99.*\n.*schema version 99, newer than this server supports/s,
    );
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });
});
