// What every DocumentStore must do (SQLite and PostgreSQL): seqs, scoped pulls, atomic pushes, reference upserts.
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../testing/test-stores';
import type { DocumentStore, DocumentWrite } from './document-store';
import type { PlaceStore } from './place-store';

export function write(
  id: string,
  stationId: string,
  countyId = 'c1',
  extra: Record<string, unknown> = {},
): DocumentWrite {
  return { id, stationId, countyId, deleted: false, body: { id, stationId, countyId, ...extra } };
}

/** Runs `fn` on a fresh store and disposes of it whatever happens. */
export async function withOpened<S>(
  open: () => Promise<OpenedStore<S>>,
  fn: (store: S) => Promise<void>,
): Promise<void> {
  const opened = await open();
  try {
    await fn(opened.store);
  } finally {
    await opened.dispose();
  }
}

export function describeDocumentStoreConformance(
  name: string,
  open: () => Promise<OpenedStore<DocumentStore & PlaceStore>>,
): void {
  const withStore = (fn: (store: DocumentStore & PlaceStore) => Promise<void>) => withOpened(open, fn);

  describe(`${name}: documents`, () => {
    it('assigns strictly increasing seqs across collections and pulls by scope in seq order', () =>
      withStore(async (store) => {
        await store.push('opinions', ['a'], () => ({ writes: [write('a', 's1')], result: null }));
        await store.push('activities', ['b'], () => ({ writes: [write('b', 's1')], result: null }));
        await store.push('opinions', ['c', 'd'], () => ({
          writes: [write('c', 's2'), write('d', 's1', 'c2')],
          result: null,
        }));
        const all = await store.pull('opinions', { kind: 'all' }, 0, 10);
        expect(all.map((d) => d.id)).toEqual(['a', 'c', 'd']);
        const seqs = all.map((d) => d.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(3);
        const b = (await store.getDocument('activities', 'b'))?.seq ?? 0;
        expect(b).toBeGreaterThan(seqs[0] as number);
        expect(b).toBeLessThan(seqs[1] as number);
        expect(
          (await store.pull('opinions', { kind: 'station', stationId: 's1', countyId: 'c1' }, 0, 10)).map((d) => d.id),
        ).toEqual(['a', 'd']);
        expect((await store.pull('opinions', { kind: 'county', countyId: 'c1' }, 0, 10)).map((d) => d.id)).toEqual([
          'a',
          'c',
        ]);
        expect((await store.pull('opinions', { kind: 'all' }, seqs[0] as number, 1)).map((d) => d.id)).toEqual(['c']);
      }));

    it('counts the documents in scope after a seq, for the progress of a pull', () =>
      withStore(async (store) => {
        await store.push('opinions', ['a', 'b', 'c', 'd'], () => ({
          writes: [write('a', 's1'), write('b', 's2'), write('c', 's1'), write('d', 's1', 'c2')],
          result: null,
        }));
        await store.push('activities', ['e'], () => ({ writes: [write('e', 's1')], result: null }));
        const station = { kind: 'station', stationId: 's1', countyId: 'c1' } as const;
        const [first] = await store.pull('opinions', station, 0, 1);
        expect(await store.countAfter('opinions', station, 0)).toBe(3);
        expect(await store.countAfter('opinions', station, first?.seq ?? 0)).toBe(2);
        expect(await store.countAfter('opinions', { kind: 'county', countyId: 'c1' }, 0)).toBe(3);
        expect(await store.countAfter('opinions', { kind: 'all' }, 0)).toBe(4);
        const last = (await store.pull('opinions', { kind: 'all' }, 0, 10)).at(-1);
        expect(await store.countAfter('opinions', { kind: 'all' }, last?.seq ?? 0)).toBe(0);
      }));

    it('stores nothing from a batch whose decider refuses, and tells listeners only about commits', () =>
      withStore(async (store) => {
        const seen: string[] = [];
        const off = store.onCommit((_c, docs) => seen.push(...docs.map((d) => d.id)));
        await expect(
          store.push('opinions', ['x'], () => {
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
        expect(await store.getDocument('opinions', 'x')).toBeNull();
        await store.push('opinions', ['y'], (masters) => {
          expect(masters.size).toBe(0);
          return { writes: [write('y', 's1')], result: null };
        });
        off();
        await store.push('opinions', ['z'], () => ({ writes: [write('z', 's1')], result: null }));
        expect(seen).toEqual(['y']);
      }));

    it('gives the decider the stored masters, and stores bodies, tombstones and times as written', () =>
      withStore(async (store) => {
        const body = { id: 'a', stationId: 's1', countyId: 'c1', title: '村道破损', nested: { list: [1, '二', null] } };
        await store.push('opinions', ['a'], () => ({
          writes: [{ id: 'a', stationId: 's1', countyId: 'c1', deleted: false, body }],
          result: null,
        }));
        const seen = await store.push('opinions', ['a', 'new'], (masters) => ({
          writes: [{ id: 'a', stationId: 's1', countyId: 'c1', deleted: true, body }],
          result: [...masters.keys()],
        }));
        expect(seen).toEqual(['a']);
        const stored = await store.getDocument('opinions', 'a');
        expect(stored).toMatchObject({
          collection: 'opinions',
          id: 'a',
          stationId: 's1',
          countyId: 'c1',
          deleted: true,
        });
        expect(stored?.body).toEqual(body);
        expect(Date.parse(stored?.storedAt ?? '')).not.toBeNaN();
        expect(await store.getDocument('activities', 'a')).toBeNull();
      }));

    it('stores the last state of an id a batch names twice, once', () =>
      withStore(async (store) => {
        const seen: number[] = [];
        store.onCommit((_c, docs) => seen.push(docs.length));
        await store.push('opinions', ['a'], () => ({
          writes: [write('a', 's1', 'c1', { v: 1 }), write('b', 's1'), write('a', 's1', 'c1', { v: 2 })],
          result: null,
        }));
        const all = await store.listDocuments('opinions', { kind: 'all' });
        expect(all.map((d) => [d.id, d.body.v])).toEqual([
          ['b', undefined],
          ['a', 2],
        ]);
        expect(seen).toEqual([2]);
      }));

    it('keeps the seq of an unchanged reference document, whatever its key order, and moves a changed one', () =>
      withStore(async (store) => {
        const [first] = await store.upsertDocuments('departments', [write('d1', 's1', 'c1', { name: 'A', x: 1 })]);
        const reordered: DocumentWrite = {
          id: 'd1',
          stationId: 's1',
          countyId: 'c1',
          deleted: false,
          body: { x: 1, name: 'A', countyId: 'c1', stationId: 's1', id: 'd1' },
        };
        expect(await store.upsertDocuments('departments', [reordered])).toEqual([]);
        const [changed] = await store.upsertDocuments('departments', [write('d1', 's1', 'c1', { name: 'B', x: 1 })]);
        expect(changed?.seq).toBeGreaterThan(first?.seq ?? Number.POSITIVE_INFINITY);
      }));

    it('writes the townships a reference upsert names in the same transaction', () =>
      withStore(async (store) => {
        await store.upsertCounties([{ id: 'c1', name: '象州县' }]);
        await store.upsertDocuments('stations', [write('s1', 's1')], [{ id: 't1', countyId: 'c1', name: '妙皇乡' }]);
        expect(await store.listTownships('c1')).toEqual([{ id: 't1', countyId: 'c1', name: '妙皇乡' }]);
        // A township of an unknown county breaks the foreign key: neither it nor the station is written.
        await expect(
          store.upsertDocuments('stations', [write('s2', 's2')], [{ id: 't2', countyId: 'nowhere', name: '某乡' }]),
        ).rejects.toThrow();
        expect(await store.getDocument('stations', 's2')).toBeNull();
      }));

    it('keeps every document of concurrent pushes, and a puller following its checkpoint sees each once', () =>
      withStore(async (store) => {
        const batches = Array.from({ length: 20 }, (_, b) =>
          Array.from({ length: 5 }, (_, i) => write(`b${b}-${i}`, `s${b % 3}`)),
        );
        await Promise.all(
          batches.map((writes) =>
            store.push(
              'opinions',
              writes.map((w) => w.id),
              () => ({ writes, result: null }),
            ),
          ),
        );
        const seen: string[] = [];
        let checkpoint = 0;
        for (;;) {
          const page = await store.pull('opinions', { kind: 'all' }, checkpoint, 7);
          if (page.length === 0) break;
          seen.push(...page.map((d) => d.id));
          checkpoint = page.at(-1)?.seq ?? checkpoint;
        }
        expect(seen).toHaveLength(100);
        expect(new Set(seen).size).toBe(100);
      }));
  });
}
