// The replication's "changed since checkpoint" read through the app's storage: every change once, in (lwt, id)
// order, decrypted, deletions included — and reading only what it returns, however many share one write time.
import { IDBCursor as FDBCursor } from 'fake-indexeddb';
import { getChangedDocumentsSince, type RxDocumentData, type RxStorageDefaultCheckpoint } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Opinion } from '../../src-shared/opinion/opinion';
import { makeOpinion } from '../../src-shared/testing/factories';
import type { LiaisonDatabase } from './database';
import { openTestDatabase } from './testing/test-database';

const opened: LiaisonDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => (db.closed ? undefined : db.close())));
});

/** Counts fake-indexeddb cursor steps (`continue()`), the cost that grew quadratically before. */
function countCursorSteps(): { readonly steps: number; restore(): void } {
  const prototype = (FDBCursor as unknown as { prototype: { continue: (...args: unknown[]) => void } }).prototype;
  const original = prototype.continue;
  const counter = {
    steps: 0,
    restore: () => {
      prototype.continue = original;
    },
  };
  prototype.continue = function (this: unknown, ...args: unknown[]) {
    counter.steps++;
    return original.apply(this, args);
  };
  return counter;
}

async function readAllChanges(db: LiaisonDatabase, limit: number, from?: RxStorageDefaultCheckpoint) {
  const pages: RxDocumentData<Opinion>[][] = [];
  let checkpoint = from;
  for (;;) {
    const page = await getChangedDocumentsSince(db.opinions.storageInstance, limit, checkpoint);
    if (page.documents.length === 0) return { pages, checkpoint };
    expect(page.documents.length).toBeLessThanOrEqual(limit);
    pages.push(page.documents);
    checkpoint = page.checkpoint as RxStorageDefaultCheckpoint;
  }
}

describe('changes since a checkpoint', () => {
  it('returns documents of one bulk write page by page, each once, in (lwt, id) order, decrypted', async () => {
    const { db } = await openTestDatabase({ enrolled: false });
    opened.push(db);
    const first = Array.from({ length: 120 }, (_, i) => makeOpinion({ title: `意见 ${i + 1}` }));
    await db.opinions.bulkInsert(first);
    const single = makeOpinion({ title: '单独录入' });
    await db.opinions.insert(single);
    const second = Array.from({ length: 45 }, (_, i) => makeOpinion({ title: `第二批 ${i + 1}` }));
    await db.opinions.bulkInsert(second);

    const { pages, checkpoint } = await readAllChanges(db, 25);
    const docs = pages.flat();
    expect(docs).toHaveLength(166);
    expect(new Set(docs.map((d) => d.id)).size).toBe(166);
    const keys = docs.map((d) => [d._meta.lwt, d.id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [lwt, id] = keys[i] as readonly [number, string];
      const [prevLwt, prevId] = keys[i - 1] as readonly [number, string];
      expect(lwt > prevLwt || (lwt === prevLwt && id > prevId)).toBe(true);
    }
    // Personal fields come back readable through the encryption wrapper.
    expect(docs.find((d) => d.id === single.id)?.visitor).toEqual(single.visitor);

    // Later changes, a deletion included, follow the last checkpoint, and nothing else does.
    await (await db.opinions.findOne(first[0]?.id).exec())?.incrementalPatch({ title: '改过的标题' });
    await (await db.opinions.findOne(first[1]?.id).exec())?.remove();
    const later = (await readAllChanges(db, 25, checkpoint)).pages.flat();
    expect(later.map((d) => [d.id, d._deleted])).toEqual([
      [first[0]?.id, false],
      [first[1]?.id, true],
    ]);
  });

  it('reads only the documents it returns when thousands share one write time', async () => {
    const { db } = await openTestDatabase({ enrolled: false });
    opened.push(db);
    await db.opinions.bulkInsert(Array.from({ length: 1000 }, () => makeOpinion()));
    const counter = countCursorSteps();
    try {
      const { pages } = await readAllChanges(db, 100);
      expect(pages.flat()).toHaveLength(1000);
      // RxDB's own query rescans from the first document of the shared time on every page: ~6,500 steps here.
      expect(counter.steps).toBeLessThanOrEqual(1000 + 2 * pages.length + 2);
    } finally {
      counter.restore();
    }
  });
});
