// vitest globalSetup: one PostgreSQL cluster per test run, started by the first test that asks for it (see
// test-postgres.ts) and stopped and removed here when the run ends. A run without PostgreSQL tests starts none.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's cluster is recorded (cluster.json) once a test has started it. */
    lsPostgresRunDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(path.join(tmpdir(), 'ls-pg-run-'));
  project.provide('lsPostgresRunDir', runDir);
  return async () => {
    const record = path.join(runDir, 'cluster.json');
    if (existsSync(record)) {
      const { dir } = JSON.parse(await readFile(record, 'utf8')) as { dir: string };
      await stopPostgresCluster(dir);
    }
    await rm(runDir, { recursive: true, force: true });
  };
}
