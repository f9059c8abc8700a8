// The Store conformance suites, one per part, registered together for one implementation (see *-store.test.ts).

import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../testing/test-stores';
import { describeAccessStoreConformance } from './access-store-conformance';
import { describeDocumentStoreConformance, withOpened, write } from './document-store-conformance';
import { describePlaceStoreConformance } from './place-store-conformance';
import { describeReportStoreConformance } from './report-store-conformance';
import { describeStatusStoreConformance } from './status-store-conformance';
import type { Store } from './store';

export function describeStoreConformance(name: string, open: () => Promise<OpenedStore<Store>>): void {
  describeDocumentStoreConformance(name, open);
  describePlaceStoreConformance(name, open);
  describeAccessStoreConformance(name, open);
  describeStatusStoreConformance(name, open);
  describeReportStoreConformance(name, open);

  describe(`${name}: operations`, () => {
    it('reports healthy storage, readable and writable, with its schema version', () =>
      withOpened(open, async (store) => {
        expect(await store.health()).toEqual({
          kind: store.kind,
          state: 'ok',
          readable: true,
          writable: true,
          error: null,
          schemaVersion: store.schemaVersion,
        });
        expect(store.schemaVersion).toBeGreaterThan(0);
        await store.optimize();
      }));

    it('probes without changing what replication sees', () =>
      withOpened(open, async (store) => {
        await store.push('opinions', ['a'], () => ({ writes: [write('a', 's1')], result: null }));
        const [before] = await store.pull('opinions', { kind: 'all' }, 0, 10);
        expect(await store.health()).toMatchObject({ readable: true, writable: true });
        expect(await store.health()).toMatchObject({ readable: true, writable: true });
        // The probe's write is not a document: no new seq, nothing to pull.
        expect(await store.pull('opinions', { kind: 'all' }, before?.seq ?? 0, 10)).toEqual([]);
        await store.push('opinions', ['b'], () => ({ writes: [write('b', 's1')], result: null }));
        expect((await store.getDocument('opinions', 'b'))?.seq).toBe((before?.seq ?? 0) + 1);
      }));
  });
}
