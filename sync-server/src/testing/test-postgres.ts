// The test run's PostgreSQL cluster: the first test file that needs it starts it (under a lock, so parallel test
// workers share one), later ones reuse it; postgres-global-setup.ts stops it. Fails, never skips, without PostgreSQL.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { PostgresStore } from '../store/postgres-store';
import { createDatabase, type PostgresCluster, startPostgresCluster } from './postgres-cluster';

/** A database migrated to the current schema once per run, copied for each test. */
const templateDatabase = 'ls_template';

type SharedCluster = Pick<PostgresCluster, 'url' | 'port'>;

let cluster: Promise<SharedCluster> | null = null;

async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, 'lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(lock);
  }
}

async function startOrJoin(): Promise<SharedCluster> {
  const runDir = inject('lsPostgresRunDir');
  if (!runDir) throw new Error('PostgreSQL tests need vitest.config.ts globalSetup postgres-global-setup.ts');
  const record = path.join(runDir, 'cluster.json');
  const failure = path.join(runDir, 'failed.txt');
  const { port } = await withLock(runDir, async () => {
    if (existsSync(failure)) throw new Error(await readFile(failure, 'utf8'));
    if (existsSync(record)) return JSON.parse(await readFile(record, 'utf8')) as { dir: string; port: number };
    try {
      const started = await startPostgresCluster();
      const info = { dir: started.dir, port: started.port };
      await createDatabase(started).then(async (db) => {
        await (await PostgresStore.open(db.url, { poolSize: 1 })).close();
        const admin = new pg.Client({ connectionString: started.url() });
        await admin.connect();
        await admin.query(`ALTER DATABASE ${new URL(db.url).pathname.slice(1)} RENAME TO ${templateDatabase}`);
        await admin.end();
      });
      await writeFile(record, JSON.stringify(info));
      return info;
    } catch (error) {
      // Later test files fail at once with the same message instead of trying again.
      await writeFile(failure, error instanceof Error ? error.message : String(error));
      throw error;
    }
  });
  return { port, url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}` };
}

/** The run's cluster (started on first use). */
export function testPostgresCluster(): Promise<SharedCluster> {
  cluster ??= startOrJoin();
  return cluster;
}

/** A new database in the run's cluster: migrated to the current schema, or `empty` (for migration tests). */
export async function testDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  return createDatabase(await testPostgresCluster(), options.empty ? undefined : templateDatabase);
}
