// What every PlaceStore must do (SQLite and PostgreSQL): counties and their townships.
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../testing/test-stores';
import { withOpened } from './document-store-conformance';
import type { PlaceStore } from './place-store';

export function describePlaceStoreConformance(name: string, open: () => Promise<OpenedStore<PlaceStore>>): void {
  const withStore = (fn: (store: PlaceStore) => Promise<void>) => withOpened(open, fn);

  describe(`${name}: places`, () => {
    it('keeps counties by id, renaming on a second write', () =>
      withStore(async (store) => {
        await store.upsertCounties([
          { id: 'wuxuan', name: '武宣' },
          { id: 'xiangzhou', name: '象州县' },
        ]);
        await store.upsertCounties([{ id: 'wuxuan', name: '武宣县' }]);
        expect(await store.listCounties()).toEqual([
          { id: 'wuxuan', name: '武宣县' },
          { id: 'xiangzhou', name: '象州县' },
        ]);
        expect(await store.getCounty('xiangzhou')).toEqual({ id: 'xiangzhou', name: '象州县' });
        expect(await store.getCounty('nowhere')).toBeNull();
      }));

    it('lists townships of one county or of all, by id', () =>
      withStore(async (store) => {
        await store.upsertCounties([
          { id: 'c1', name: '象州县' },
          { id: 'c2', name: '武宣县' },
        ]);
        await store.upsertTownships([
          { id: 't2', countyId: 'c1', name: '妙皇乡' },
          { id: 't1', countyId: 'c1', name: '象州镇' },
          { id: 't3', countyId: 'c2', name: '桐岭镇' },
        ]);
        await store.upsertTownships([{ id: 't2', countyId: 'c1', name: '妙皇乡（新）' }]);
        expect((await store.listTownships('c1')).map((t) => [t.id, t.name])).toEqual([
          ['t1', '象州镇'],
          ['t2', '妙皇乡（新）'],
        ]);
        expect((await store.listTownships()).map((t) => `${t.countyId}/${t.id}`)).toEqual(['c1/t1', 'c1/t2', 'c2/t3']);
      }));
  });
}
