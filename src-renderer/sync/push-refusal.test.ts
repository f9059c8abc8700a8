// A document the server refuses does not block the station: the rest of its batch is stored, the clerk sees which
// record and why, the refused record stays exactly as it is and goes through once corrected. Real HTTP server.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src-shared/common/ids';
import { receivedAtDescOf } from '../../src-shared/opinion/opinion';
import { makeOpinion, makeReceptionDay } from '../../src-shared/testing/factories';
import { type SyncTestServer, startSyncTestServer } from '../../testing/sync-test-server';
import { until } from '../../testing/until';
import { type LiaisonDatabase, openLiaisonDatabase } from '../db/database';
import { setHostForTesting } from '../platform/host';
import { createMemoryHost } from '../platform/memory-host';
import type { SyncRefusal, SyncStatusState } from '../state/sync-status-store';
import { readCredentials } from './credentials';
import { enrolStation } from './enrol';
import { recordHref, recordLabel } from './refused-record';
import { errorFromResponse } from './sync-client';
import { type SyncSession, startSyncSession } from './sync-session';

let server: SyncTestServer;
const opened: { db: LiaisonDatabase; engine?: SyncSession }[] = [];

beforeAll(async () => {
  server = await startSyncTestServer();
});

afterAll(async () => {
  await server?.dispose();
});

afterEach(async () => {
  for (const item of opened.splice(0)) {
    await item.engine?.stop();
    await item.db.close();
  }
  setHostForTesting(undefined);
});

async function onServer(collection: string, id: string) {
  return server.store.getDocument(collection, id);
}

describe('a document the server refuses', () => {
  it('lets the rest of the batch through, says which record and why, keeps it unchanged, and sends the correction', async () => {
    setHostForTesting(createMemoryHost());
    const station = server.demo.stations.filter((s) => s.countyId === 'xincheng')[1]!;
    await enrolStation({ serverUrl: server.url, code: await server.issueCode(station.id), deviceName: 'pc' });
    const credentials = (await readCredentials())!;
    const db = await openLiaisonDatabase({
      name: `refusal-${newId().toLowerCase()}`,
      encryptionKey: 'test-key-123456',
      indexedDB,
      IDBKeyRange,
      multiInstance: false,
    });
    opened.push({ db });

    const scope = { countyId: 'xincheng', stationId: station.id, status: 'submitted' as const };
    const before = makeOpinion({ ...scope, title: '村道路灯不亮' });
    // An old client wrote a sort key that does not match the time received: the server refuses this one.
    const wrongKey = receivedAtDescOf('2020-01-01T00:00:00.000Z');
    const refused = { ...makeOpinion({ ...scope, title: '排序键有误的意见' }), receivedAtDesc: wrongKey };
    const after = makeOpinion({ ...scope, title: '集市垃圾清运不及时' });
    const inserted = await db.opinions.bulkInsert([before, refused, after]);
    expect(inserted.error).toEqual([]);

    const statuses: Partial<SyncStatusState>[] = [];
    const refusalsNow = () => [...statuses].reverse().find((s) => s.refusals !== undefined)?.refusals ?? [];
    const engine = await startSyncSession(db, credentials, {
      report: (patch) => statuses.push(patch),
      retryTime: 300,
      isOnline: () => true,
    });
    opened[0]!.engine = engine;

    // The others of the batch are stored; the refused one is not.
    await until(async () => (await onServer('opinions', before.id)) && (await onServer('opinions', after.id)));
    expect(await onServer('opinions', refused.id)).toBeNull();

    // The clerk is told which record, why, and where to correct it.
    const [refusal] = await until(async () => (refusalsNow().length > 0 ? refusalsNow() : null));
    expect(refusal).toMatchObject<Partial<SyncRefusal>>({
      collection: 'opinions',
      collectionTitle: '群众意见建议',
      id: refused.id,
      label: '排序键有误的意见',
      href: `/opinions/${refused.id}`,
      code: 'validation_failed',
    });
    expect(refusal?.message).toMatch(/请按提示修改后再同步/);
    expect(refusal?.fields).toEqual([expect.objectContaining({ field: 'receivedAtDesc' })]);
    expect(refusal?.fields[0]?.message).toMatch(/receivedAtDesc/);

    // Other collections keep syncing while the refusal stands.
    const day = makeReceptionDay({ countyId: 'xincheng', stationId: station.id });
    await db.receptionDays.insert(day);
    await until(() => onServer('receptionDays', day.id));

    // Retried, never dropped or altered: after several retries the record is still here as the clerk left it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await onServer('opinions', refused.id)).toBeNull();
    const local = await db.opinions.findOne(refused.id).exec();
    expect(local?.receivedAtDesc).toBe(wrongKey);
    expect(local?.title).toBe('排序键有误的意见');

    // The clerk corrects it: it is stored, and the refusal goes away.
    await local!.incrementalPatch({ receivedAtDesc: receivedAtDescOf(refused.receivedAt) });
    const stored = await until(() => onServer('opinions', refused.id));
    expect(stored.body.receivedAtDesc).toBe(receivedAtDescOf(refused.receivedAt));
    await until(async () => refusalsNow().length === 0);
    await engine.syncNow();
    expect(await engine.countPending()).toBe(0);
  });
});

describe('refusal details', () => {
  it('reads the refused row, id and fields of a 400/403, and none from other refusals', () => {
    const validation = errorFromResponse(
      400,
      {
        error: 'validation_failed',
        message: '第 2 条记录填写有误，请按提示修改后再同步',
        row: 1,
        id: 'op-1',
        fields: [{ field: 'title', code: 'required', message: '请填写标题' }],
      },
      'station',
    );
    expect(validation.refusal).toEqual({ row: 1, id: 'op-1', fields: [{ field: 'title', message: '请填写标题' }] });
    const owned = errorFromResponse(
      403,
      { error: 'field_not_owned', message: '联络站无权修改以下字段：reply', row: 0, id: 'op-2', fields: ['reply'] },
      'station',
    );
    expect(owned.refusal).toEqual({ row: 0, id: 'op-2', fields: [{ field: 'reply' }] });
    expect(errorFromResponse(403, { error: 'forbidden', message: '无权' }, 'station').refusal).toBeUndefined();
    expect(errorFromResponse(500, { error: 'x', message: 'y', row: 0 }, 'station').refusal).toBeUndefined();
  });

  it('names each kind of record the way the clerk knows it, with where to open it', () => {
    expect(recordLabel('mediationCases', { id: 'm1', caseNumber: '象州-妙皇-2026-0007' })).toBe('象州-妙皇-2026-0007');
    expect(recordLabel('receptionDays', { id: 'r1', date: '2026-03-05', topic: '春耕' })).toBe('2026-03-05 春耕');
    expect(recordLabel('activities', { id: 'a1' })).toBe('a1');
    expect(recordHref('mediationCases', { id: 'm1' })).toBe('/mediation/m1');
    expect(recordHref('photos', { id: 'p1', ownerCollection: 'receptionDays', ownerId: 'r1' })).toBe(
      '/reception-days/r1',
    );
    expect(recordHref('departments', { id: 'd1' })).toBeNull();
  });
});
