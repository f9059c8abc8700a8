// The Store conformance suites against the PostgreSQL store, each test on a new database of the run's cluster; and
// what only PostgreSQL has: several instances on one database (seq order, commit announcements), its migrations.
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../testing/test-postgres';
import { openTestStore } from '../testing/test-stores';
import { write } from './document-store-conformance';
import { migratePostgres, postgresMigrations, postgresSchemaVersion } from './postgres-migrations';
import { PostgresStore } from './postgres-store';
import { describeStoreConformance } from './store-conformance';
import { StoreVersionError } from './store-errors';

describeStoreConformance('PostgresStore', () => openTestStore('postgres'));

describe('PostgresStore: several instances on one database', () => {
  /** A database whose inserts sleep up to 2 ms per row, widening the gap between drawing seqs and committing. */
  async function slowInsertDatabase(): Promise<string> {
    const database = await testDatabase();
    const setup = new pg.Client({ connectionString: database.url });
    await setup.connect();
    await setup.query(`CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(random() * 0.002); RETURN NEW; END $$`);
    await setup.query(
      'CREATE TRIGGER slow_insert BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION slow_insert()',
    );
    await setup.end();
    return database.url;
  }

  /**
   * Writers push batches through two instances while pullers follow their checkpoints (alternating instances); each
   * puller must end with every document of its scope, once. (Without the writer locks it misses some.)
   */
  async function writeWhilePulling(counties: readonly string[]): Promise<{ pulls: number }> {
    const url = await slowInsertDatabase();
    const a = await PostgresStore.open(url, { poolSize: 6 });
    const b = await PostgresStore.open(url, { poolSize: 6 });
    try {
      const writers = 6;
      const batches = 10;
      const perBatch = 20;
      let writing = writers;
      const written = new Map<string, string[]>(counties.map((c) => [c, []]));
      const writer = async (w: number) => {
        const store = w % 2 === 0 ? a : b;
        const county = counties[w % counties.length] as string;
        for (let n = 0; n < batches; n++) {
          const writes = Array.from({ length: perBatch }, (_, i) => write(`w${w}-${n}-${i}`, `s${w}`, county));
          await store.push(
            'opinions',
            writes.map((x) => x.id),
            () => ({ writes, result: null }),
            county,
          );
          written.get(county)?.push(...writes.map((x) => x.id));
        }
        writing--;
      };
      let pulls = 0;
      const puller = async (county: string) => {
        const seen: string[] = [];
        let checkpoint = 0;
        for (;;) {
          const done = writing === 0;
          const store = pulls++ % 2 === 0 ? a : b;
          const page = await store.pull('opinions', { kind: 'county', countyId: county }, checkpoint, 500);
          for (const doc of page) {
            expect(doc.seq).toBeGreaterThan(checkpoint);
            checkpoint = doc.seq;
            seen.push(doc.id);
          }
          if (done && page.length === 0) return seen;
        }
      };
      const [seen] = await Promise.all([
        Promise.all(counties.map(puller)),
        ...Array.from({ length: writers }, (_, w) => writer(w)),
      ]);
      counties.forEach((county, i) => {
        const mine = written.get(county) ?? [];
        expect(mine.length).toBeGreaterThan(0);
        expect(seen?.[i]).toHaveLength(mine.length);
        expect(new Set(seen?.[i])).toEqual(new Set(mine));
      });
      return { pulls };
    } finally {
      await a.close();
      await b.close();
    }
  }

  it('never lets a puller skip a document committed later with a lower seq, with writers on two pools', async () => {
    const { pulls } = await writeWhilePulling(['c1']);
    // The puller kept up with the writers (it pulled many times while they wrote), so it was at risk.
    expect(pulls).toBeGreaterThan(60);
  });

  it('lets counties commit side by side, each county’s puller missing nothing', async () => {
    await writeWhilePulling(['c1', 'c2', 'c3']);
  });

  it('refuses a county’s push that would write a document of another county', async () => {
    const { store, dispose } = await openTestStore('postgres');
    try {
      await expect(
        store.push('opinions', ['x'], () => ({ writes: [write('x', 's1', 'c2')], result: null }), 'c1'),
      ).rejects.toThrow(/county c1 writes opinions\/x of county c2/);
      expect(await store.getDocument('opinions', 'x')).toBeNull();
    } finally {
      await dispose();
    }
  });

  it('announces a push through one instance to the other’s listeners, which pulls it too', async () => {
    const database = await testDatabase();
    const a = await PostgresStore.open(database.url);
    const b = await PostgresStore.open(database.url);
    try {
      const heardByB: string[] = [];
      const heardByA: string[] = [];
      b.onCommit((collection, docs) => heardByB.push(...docs.map((d) => `${collection}/${d.id}@${d.seq}`)));
      a.onCommit((collection, docs) => heardByA.push(...docs.map((d) => `${collection}/${d.id}@${d.seq}`)));
      await b.whenListening();
      await a.whenListening();
      await a.push('opinions', ['x', 'y'], () => ({ writes: [write('x', 's1'), write('y', 's1')], result: null }));
      await a.push('opinions', ['z'], () => ({ writes: [write('z', 's1')], result: null }));
      const pulled = await b.pull('opinions', { kind: 'station', stationId: 's1', countyId: 'c1' }, 0, 10);
      const expected = pulled.map((d) => `opinions/${d.id}@${d.seq}`);
      expect(pulled.map((d) => d.id)).toEqual(['x', 'y', 'z']);
      await vi.waitFor(() => expect(heardByB).toEqual(expected), { timeout: 10_000 });
      // A heard its own commits at once, and not a second time through the channel.
      expect(heardByA).toEqual(expected);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('PostgresStore: schema', () => {
  it('migrates an empty database once when two instances start together, and records the version', async () => {
    const database = await testDatabase({ empty: true });
    const [a, b] = await Promise.all([PostgresStore.open(database.url), PostgresStore.open(database.url)]);
    try {
      expect(a.schemaVersion).toBe(postgresSchemaVersion);
      expect(b.schemaVersion).toBe(postgresSchemaVersion);
      const rows = await a.database.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
      expect((await a.health()).state).toBe('ok');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('applies each step on top of the one before it', async () => {
    for (const step of postgresMigrations) {
      const database = await testDatabase({ empty: true });
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      try {
        const before = postgresMigrations.filter((m) => m.version < step.version);
        if (before.length > 0) await migratePostgres(pool, 'test', before);
        expect(
          await migratePostgres(
            pool,
            'test',
            postgresMigrations.filter((m) => m.version <= step.version),
          ),
        ).toEqual({
          from: before.at(-1)?.version ?? 0,
          to: step.version,
        });
      } finally {
        await pool.end();
      }
    }
  });

  it('refuses a database from a newer server, saying so in Chinese and English, and changes nothing', async () => {
    const database = await testDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query("INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')");
      const opening = PostgresStore.open(database.url);
      await expect(opening).rejects.toBeInstanceOf(StoreVersionError);
      await expect(opening).rejects.toThrow(/结构版本为 99.*\n.*schema version 99, newer than this server supports/s);
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(postgresMigrations.length + 1);
    } finally {
      await client.end();
    }
  });
});
