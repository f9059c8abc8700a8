// Runs the Store conformance suite against the SQLite store on real files in temporary folders, plus its own checks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('SqliteStore health', () => {
  it('says it can neither read nor write once its database is closed, instead of throwing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ls-store-'));
    const store = SqliteStore.open(dir);
    try {
      expect(await store.health()).toEqual({ readable: true, writable: true });
      await store.close();
      const health = await store.health();
      expect(health).toMatchObject({ readable: false, writable: false });
      expect(health.detail).toMatch(/not open/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
