// Runs the Store conformance suite against the SQLite store on real files in temporary folders.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from './sqlite-store';
import { describeStoreConformance } from './store-conformance';

describeStoreConformance(
  'SqliteStore',
  async () => SqliteStore.open(await mkdtemp(path.join(tmpdir(), 'ls-store-'))),
  async (store) => {
    await store.close();
    await rm(path.dirname((store as SqliteStore).file), { recursive: true, force: true });
  },
);
