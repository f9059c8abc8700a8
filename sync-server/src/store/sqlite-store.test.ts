// The Store conformance suites against the SQLite store, on real files in temporary folders, plus its own checks.
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../testing/test-stores';
import { describeStoreConformance } from './store-conformance';

describeStoreConformance('SqliteStore', () => openTestStore('sqlite'));

describe('SqliteStore health', () => {
  it('says it can neither read nor write once its database is closed, instead of throwing', async () => {
    const opened = await openTestStore('sqlite');
    try {
      expect(await opened.store.health()).toMatchObject({ state: 'ok', readable: true, writable: true });
      await opened.store.close();
      const health = await opened.store.health();
      expect(health).toMatchObject({ state: 'unavailable', readable: false, writable: false });
      expect(health.detail).toMatch(/not open/);
    } finally {
      await opened.dispose();
    }
  });
});
