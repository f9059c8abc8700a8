// Pins the RxDB internals the sync status relies on (rxdb-internals.ts) in the app's real database (Dexie on
// fake-indexeddb): an RxDB upgrade that renames `_meta.lwt`, starts flagging pulled documents, or stops retrying a
// failed push with the same documents fails here, rather than showing the clerk a wrong count of changes to send.
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src-shared/common/ids';
import { makeOpinion } from '../../src-shared/testing/factories';
import type { LiaisonDatabase } from '../db/database';
import { openTestDatabase } from '../db/testing/test-database';
import { writtenAfter } from './rxdb-internals';

const open: LiaisonDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function openDb(): Promise<LiaisonDatabase> {
  const { db } = await openTestDatabase({ enrolled: false });
  open.push(db);
  return db;
}

async function later(): Promise<number> {
  const at = Date.now();
  while (Date.now() === at) await new Promise((resolve) => setTimeout(resolve, 1));
  return Date.now();
}

describe('RxDB internals the sync relies on', () => {
  it('stamps every local write with `_meta.lwt` and finds the writes after a moment by it', async () => {
    const db = await openDb();
    const old = makeOpinion({ title: '早先登记' });
    await db.opinions.insert(old);
    const between = await later();
    const recent = makeOpinion({ title: '刚刚登记' });
    await db.opinions.insert(recent);

    const stored = (await db.opinions.findOne(recent.id).exec())!;
    expect(typeof stored._data._meta.lwt).toBe('number');
    expect(stored._data._meta.lwt).toBeGreaterThan(between - 1);
    const found = await db.opinions.find({ selector: writtenAfter(between - 1) }).exec();
    expect(found.map((doc) => doc.id)).toEqual([recent.id]);

    // An edit moves the old document past the mark too.
    const edited = await (await db.opinions.findOne(old.id).exec())!.incrementalPatch({ title: '早先登记（改）' });
    expect(edited._data._meta.lwt).toBeGreaterThan(between);
    const after = await db.opinions.find({ selector: writtenAfter(between - 1) }).exec();
    expect(after.map((doc) => doc.id).sort()).toEqual([old.id, recent.id].sort());
  });

  it('marks no document pulled from a server that sends no revisions: pulled and local writes look alike', async () => {
    const db = await openDb();
    const fromServer = makeOpinion({ title: '县里的答复', status: 'submitted' });
    const identifier = `compat-${newId()}`;
    const mark = await later();
    const replication = replicateRxCollection<unknown, { seq: number }>({
      replicationIdentifier: identifier,
      collection: db.opinions as never,
      live: false,
      waitForLeadership: false,
      pull: {
        // As the sync server answers: the stored document, no `_rev`.
        handler: async (checkpoint) =>
          checkpoint
            ? { documents: [], checkpoint }
            : { documents: [{ ...fromServer, _deleted: false }], checkpoint: { seq: 1 } },
      },
      push: { handler: async () => [] },
    });
    await replication.awaitInitialReplication();
    await replication.cancel();

    const pulled = (await db.opinions.findOne(fromServer.id).exec())!;
    // Only the write time: no replication flag (`rxdbreplication…`) that would tell it came from the server.
    expect(Object.keys(pulled._data._meta)).toEqual(['lwt']);
    // So it counts among the writes after the mark, like a local change, until the next complete sync moves the mark.
    const found = await db.opinions.find({ selector: writtenAfter(mark - 1) }).exec();
    expect(found.map((doc) => doc.id)).toEqual([fromServer.id]);
  });

  it('calls a failed push handler again with the same documents in the same states', async () => {
    const db = await openDb();
    const opinions = [makeOpinion({ title: '甲' }), makeOpinion({ title: '乙' }), makeOpinion({ title: '丙' })];
    await db.opinions.bulkInsert(opinions);
    const calls: string[][] = [];
    const replication = replicateRxCollection<unknown, { seq: number }>({
      replicationIdentifier: `compat-push-${newId()}`,
      collection: db.opinions as never,
      live: false,
      retryTime: 10,
      waitForLeadership: false,
      push: {
        batchSize: 10,
        handler: async (rows) => {
          calls.push(rows.map((row) => JSON.stringify(row.newDocumentState)).sort());
          if (calls.length === 1) throw new Error('the server refused one of them');
          return [];
        },
      },
    });
    await replication.awaitInitialReplication();
    await replication.cancel();

    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    const ids = calls[0]!.map((state) => (JSON.parse(state) as { id: string }).id).sort();
    expect(ids).toEqual(opinions.map((o) => o.id).sort());
  });
});
