// The behaviour every Store implementation must show (SQLite now, PostgreSQL later): run it against each one.
import { describe, expect, it } from 'vitest';
import type { DocumentWrite, Store } from './store';

function write(id: string, stationId: string, countyId = 'c1', extra: Record<string, unknown> = {}): DocumentWrite {
  return { id, stationId, countyId, deleted: false, body: { id, stationId, countyId, ...extra } };
}

/** Registers the conformance tests; `open` gives a fresh, empty store and `dispose` cleans it up. */
export function describeStoreConformance(
  name: string,
  open: () => Promise<Store>,
  dispose: (store: Store) => Promise<void>,
): void {
  async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await dispose(store);
    }
  }

  describe(`${name} conformance`, () => {
    it('assigns one strictly increasing seq across collections and pulls by scope in seq order', () =>
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
        expect((await store.getDocument('activities', 'b'))?.seq).toBe((seqs[0] as number) + 1);
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

    it('keeps the seq of an unchanged reference document and moves a changed one to the end', () =>
      withStore(async (store) => {
        const [first] = await store.upsertDocuments('departments', [write('d1', 's1', 'c1', { name: 'A' })]);
        expect(await store.upsertDocuments('departments', [write('d1', 's1', 'c1', { name: 'A' })])).toEqual([]);
        const [changed] = await store.upsertDocuments('departments', [write('d1', 's1', 'c1', { name: 'B' })]);
        expect(changed?.seq).toBeGreaterThan(first?.seq ?? Number.POSITIVE_INFINITY);
      }));

    it('lets an enrolment code be used once, and revokes a station with its unused codes', () =>
      withStore(async (store) => {
        const at = '2026-03-01T00:00:00.000Z';
        const code = { stationId: 's1', countyId: 'c1', createdAt: at, expiresAt: '2026-03-08T00:00:00.000Z' };
        await store.createEnrolmentCode({ ...code, hash: 'h1' });
        await store.createEnrolmentCode({ ...code, hash: 'h2' });
        const token = { kind: 'station' as const, deviceName: 'pc', createdAt: at, revokedAt: null, expiresAt: null };
        expect(await store.enrol('h1', at, { ...token, hash: 't1' })).toEqual({
          ok: true,
          stationId: 's1',
          countyId: 'c1',
        });
        expect(await store.enrol('h1', at, { ...token, hash: 't2' })).toEqual({ ok: false, reason: 'used' });
        expect(await store.findToken('t2')).toBeNull();
        expect(await store.revokeStation('s1', at)).toBe(1);
        expect((await store.findToken('t1'))?.revokedAt).toBe(at);
        expect(await store.enrol('h2', at, { ...token, hash: 't3' })).toEqual({ ok: false, reason: 'revoked' });
      }));

    it('reports itself readable and writable when it works, without changing what replication sees', () =>
      withStore(async (store) => {
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
