// Replication over HTTP against a real SQLite file: paging, resends, conflicts, scope, ownership, validation, 426, 413.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncRoutes } from '../../../src-shared/api/routes';
import { type Opinion, opinionSchema } from '../../../src-shared/opinion/opinion';
import {
  makeDepartment,
  makeOpinion,
  makeReceptionDay,
  makeStation,
  TEST_COUNTY_ID,
} from '../../../src-shared/testing/factories';
import {
  auth,
  insertRow,
  OTHER_COUNTY_ID,
  OTHER_STATION_ID,
  pullDocs,
  pushDocs,
  startTestServer,
  type TestServer,
  updateRow,
} from '../testing/test-server';

interface Pulled {
  documents: (Record<string, unknown> & { id: string; _deleted: boolean })[];
  checkpoint: { seq: number };
  remaining?: number;
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function storedOpinionCount(): Promise<number> {
  return (await server.store.listDocuments('opinions', { kind: 'all' })).length;
}

describe('pull pages by seq', () => {
  it('returns every pushed opinion exactly once across pages, in seq order, and resumes from the checkpoint', async () => {
    const opinions = Array.from({ length: 25 }, (_, i) => makeOpinion({ title: `意见 ${i + 1}` }));
    const pushed = await pushDocs(server.app, server.tokens.stationA, 'opinions', opinions.map(insertRow));
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual([]);

    const seen: string[] = [];
    const checkpoints: number[] = [];
    let seq = 0;
    for (;;) {
      const res = await pullDocs(server.app, server.tokens.stationA, 'opinions', seq, 10);
      expect(res.statusCode).toBe(200);
      const page = res.json<Pulled>();
      if (page.documents.length === 0) {
        expect(page.checkpoint.seq).toBe(seq);
        break;
      }
      expect(page.documents.length).toBeLessThanOrEqual(10);
      seen.push(...page.documents.map((d) => d.id));
      expect(page.checkpoint.seq).toBeGreaterThan(seq);
      checkpoints.push(page.checkpoint.seq);
      seq = page.checkpoint.seq;
    }
    expect(checkpoints).toHaveLength(3);
    expect(seen).toEqual(opinions.map((o) => o.id));
    expect(new Set(seen).size).toBe(25);

    // A later write appears after the last checkpoint, and only it.
    const late = makeOpinion({ title: '后来的意见' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(late)]);
    const next = (await pullDocs(server.app, server.tokens.stationA, 'opinions', seq)).json<Pulled>();
    expect(next.documents.map((d) => d.id)).toEqual([late.id]);
  });

  it('tells how many documents of the caller’s scope remain after each page, for the progress bar', async () => {
    await pushDocs(
      server.app,
      server.tokens.stationA,
      'opinions',
      Array.from({ length: 7 }, () => insertRow(makeOpinion())),
    );
    // Another station's records are out of the caller's scope and not counted.
    await pushDocs(server.app, server.tokens.stationB, 'opinions', [
      insertRow(makeOpinion({ stationId: OTHER_STATION_ID })),
      insertRow(makeOpinion({ stationId: OTHER_STATION_ID })),
    ]);
    const remaining: number[] = [];
    let seq = 0;
    for (;;) {
      const page = (await pullDocs(server.app, server.tokens.stationA, 'opinions', seq, 3)).json<Pulled>();
      remaining.push(page.remaining ?? -1);
      if (page.documents.length === 0) break;
      seq = page.checkpoint.seq;
    }
    expect(remaining).toEqual([4, 1, 0, 0]);
    // County staff see the whole county: 9 opinions.
    const county = (await pullDocs(server.app, server.tokens.staffX, 'opinions', 0, 5)).json<Pulled>();
    expect(county.remaining).toBe(4);
  });

  it('returns documents on the wire with _deleted and without server bookkeeping', async () => {
    const opinion = makeOpinion();
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(opinion)]);
    const page = (await pullDocs(server.app, server.tokens.stationA, 'opinions')).json<Pulled>();
    expect(page.documents[0]).toEqual({ ...opinion, _deleted: false });
  });
});

describe('push', () => {
  it('treats a resend of the same batch as no change: no conflict, no new seq', async () => {
    const rows = [insertRow(makeOpinion()), insertRow(makeOpinion())];
    expect((await pushDocs(server.app, server.tokens.stationA, 'opinions', rows)).json()).toEqual([]);
    const first = (await pullDocs(server.app, server.tokens.stationA, 'opinions')).json<Pulled>();

    // The connection dropped before the answer arrived; the app sends the batch again (keys in another order).
    const reordered = rows.map((r) => ({
      assumedMasterState: null,
      newDocumentState: Object.fromEntries(Object.entries(r.newDocumentState).reverse()),
    }));
    const again = await pushDocs(server.app, server.tokens.stationA, 'opinions', reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([]);
    const after = (await pullDocs(server.app, server.tokens.stationA, 'opinions', first.checkpoint.seq)).json<Pulled>();
    expect(after.documents).toEqual([]);
    expect(await storedOpinionCount()).toBe(2);
  });

  it('returns the master state on a stale assumedMasterState and stores nothing', async () => {
    const original = makeOpinion({ status: 'submitted' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(original)]);
    // County staff accept it meanwhile.
    const accepted: Opinion = { ...original, status: 'accepted', updatedAt: '2026-03-03T01:00:00.000Z' };
    expect(
      (await pushDocs(server.app, server.tokens.staffX, 'opinions', [updateRow(original, accepted)])).json(),
    ).toEqual([]);

    // The station, still believing the original is stored, edits the content.
    const edited: Opinion = { ...original, content: '补充：路面塌陷已扩大', updatedAt: '2026-03-03T02:00:00.000Z' };
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [updateRow(original, edited)]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ ...accepted, _deleted: false }]);
    const stored = await server.store.getDocument('opinions', original.id);
    expect(stored?.body).toEqual(accepted);

    // A new document pushed as if new while one exists is a conflict too.
    const dup = await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(edited)]);
    expect(dup.json()).toEqual([{ ...accepted, _deleted: false }]);
  });

  it('writes the other rows of a batch when one row conflicts', async () => {
    const a = makeOpinion();
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(a)]);
    const b = makeOpinion();
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [
      insertRow({ ...a, title: '冲突的修改' }),
      insertRow(b),
    ]);
    expect(res.json()).toHaveLength(1);
    expect(await server.store.getDocument('opinions', b.id)).not.toBeNull();
  });

  it('stores a deletion as _deleted and sends it on pull', async () => {
    const a = makeOpinion();
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(a)]);
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [
      { assumedMasterState: { ...a, _deleted: false }, newDocumentState: { ...a, _deleted: true } },
    ]);
    expect(res.json()).toEqual([]);
    const page = (await pullDocs(server.app, server.tokens.stationA, 'opinions')).json<Pulled>();
    expect(page.documents).toEqual([{ ...a, _deleted: true }]);
  });
});

describe('validation', () => {
  it('refuses the whole batch with per-field errors when one document is invalid', async () => {
    const good = makeOpinion();
    const bad = makeOpinion({ title: '', visitor: { name: '李四', phone: 'not a phone' } });
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(good), insertRow(bad)]);
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: string;
      message: string;
      row: number;
      fields: { field: string; message: string }[];
    }>();
    expect(body.error).toBe('validation_failed');
    expect(body.message).toMatch(/第 2 条/);
    expect(body.row).toBe(1);
    expect(body.fields.map((f) => f.field).sort()).toEqual(['title', 'visitor.phone']);
    expect(await storedOpinionCount()).toBe(0);
  });

  it('refuses a malformed body before touching the store', async () => {
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [{ nothing: true }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('scope', () => {
  it("does not show one station's records to another station, nor one county's to another county's staff", async () => {
    const mine = makeOpinion();
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(mine)]);

    const other = (await pullDocs(server.app, server.tokens.stationB, 'opinions')).json<Pulled>();
    expect(other.documents).toEqual([]);
    const otherCounty = (await pullDocs(server.app, server.tokens.staffY, 'opinions')).json<Pulled>();
    expect(otherCounty.documents).toEqual([]);
    const ownCounty = (await pullDocs(server.app, server.tokens.staffX, 'opinions')).json<Pulled>();
    expect(ownCounty.documents.map((d) => d.id)).toEqual([mine.id]);
  });

  it("refuses a station writing under another station's id or overwriting another station's record", async () => {
    const foreign = await pushDocs(server.app, server.tokens.stationB, 'opinions', [insertRow(makeOpinion())]);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: 'out_of_scope' });

    const mine = makeOpinion();
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(mine)]);
    const hijack = await pushDocs(server.app, server.tokens.stationB, 'opinions', [
      insertRow({ ...mine, stationId: OTHER_STATION_ID, title: '改成我的' }),
    ]);
    expect(hijack.statusCode).toBe(403);
    // Not a conflict: the other station's record must not be revealed.
    expect(hijack.body).not.toContain(mine.title);
    expect((await server.store.getDocument('opinions', mine.id))?.body).toEqual(mine);
  });

  it("refuses county staff writing another county's records", async () => {
    const mine = makeOpinion({ status: 'submitted' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(mine)]);
    const res = await pushDocs(server.app, server.tokens.staffY, 'opinions', [
      updateRow(mine, { ...mine, status: 'accepted' }),
    ]);
    expect(res.statusCode).toBe(403);
    const moved = await pushDocs(server.app, server.tokens.staffY, 'departments', [
      insertRow(makeDepartment({ countyId: TEST_COUNTY_ID })),
    ]);
    expect(moved.statusCode).toBe(403);
  });

  it('lets a station read only its own station document and its county departments, and not write them', async () => {
    await pushDocs(server.app, server.tokens.staffX, 'departments', [insertRow(makeDepartment())]);
    await pushDocs(server.app, server.tokens.staffY, 'departments', [
      insertRow(makeDepartment({ countyId: OTHER_COUNTY_ID, name: '武宣县交通运输局' })),
    ]);
    const stations = (await pullDocs(server.app, server.tokens.stationA, 'stations')).json<Pulled>();
    expect(stations.documents.map((d) => d.id)).toEqual([makeStation().id]);
    const departments = (await pullDocs(server.app, server.tokens.stationA, 'departments')).json<Pulled>();
    expect(departments.documents.map((d) => d.countyId)).toEqual([TEST_COUNTY_ID]);

    const write = await pushDocs(server.app, server.tokens.stationA, 'departments', [insertRow(makeDepartment())]);
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ error: 'read_only_collection' });
  });
});

describe('field ownership and lifecycle', () => {
  it('refuses a station writing the county-owned assignment', async () => {
    const opinion = makeOpinion({ status: 'submitted' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(opinion)]);
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [
      updateRow(opinion, {
        ...opinion,
        assignment: { leadDepartmentId: 'dept-1', assistingDepartmentIds: [], deadline: '2026-04-01' },
      }),
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'field_not_owned', fields: ['assignment'] });
    expect((await server.store.getDocument('opinions', opinion.id))?.body).toEqual(opinion);
  });

  it('refuses county staff writing the station-owned visitor', async () => {
    const opinion = makeOpinion({ status: 'submitted' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(opinion)]);
    const res = await pushDocs(server.app, server.tokens.staffX, 'opinions', [
      updateRow(opinion, { ...opinion, visitor: { name: '王五' } }),
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'field_not_owned', fields: ['visitor'] });
  });

  it('accepts a record created offline and already moved on by the station, but not one created past its reach', async () => {
    const submitted = makeOpinion({ status: 'submitted' });
    const ok = await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(submitted)]);
    expect(ok.statusCode).toBe(200);
    const accepted = makeOpinion({ status: 'accepted' });
    const refused = await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(accepted)]);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'transition_not_allowed', to: 'accepted' });
    expect(await server.store.getDocument('opinions', accepted.id)).toBeNull();
  });

  it('allows county steps to county staff and refuses them to the station', async () => {
    const opinion = makeOpinion({ status: 'submitted' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(opinion)]);
    const accepted = { ...opinion, status: 'accepted' as const };
    const byStation = await pushDocs(server.app, server.tokens.stationA, 'opinions', [updateRow(opinion, accepted)]);
    expect(byStation.statusCode).toBe(403);
    expect(byStation.json()).toMatchObject({ error: 'transition_not_allowed' });
    const byCounty = await pushDocs(server.app, server.tokens.staffX, 'opinions', [updateRow(opinion, accepted)]);
    expect(byCounty.statusCode).toBe(200);
    expect(byCounty.json()).toEqual([]);
  });
});

describe('rules the app checks, checked again on push', () => {
  it('refuses an opinion whose sort key does not follow its receivedAt, and stores nothing', async () => {
    const good = makeOpinion();
    const forged = { ...makeOpinion(), receivedAt: '2025-06-01T00:00:00.000Z' };
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(good), insertRow(forged)]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'validation_failed',
      row: 1,
      id: forged.id,
      fields: [{ field: 'receivedAtDesc', code: 'derivedMismatch' }],
    });
    expect(await storedOpinionCount()).toBe(0);
  });

  it('refuses a station changing the content of a submitted opinion, but not its visitor', async () => {
    const opinion = makeOpinion({ status: 'submitted' });
    await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(opinion)]);
    const edited = { ...opinion, content: '提交后改写的内容', updatedAt: '2026-03-03T02:00:00.000Z' };
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [updateRow(opinion, edited)]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'opinion_field_locked', fields: ['content'], id: opinion.id });
    expect((await server.store.getDocument('opinions', opinion.id))?.body).toEqual(opinion);

    const phone = { ...opinion, visitor: { ...opinion.visitor, phone: '13900000000' } };
    const ok = await pushDocs(server.app, server.tokens.stationA, 'opinions', [updateRow(opinion, phone)]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual([]);
  });

  it('refuses re-planning a reception day that was held', async () => {
    const held = makeReceptionDay({ status: 'held' });
    await pushDocs(server.app, server.tokens.stationA, 'receptionDays', [insertRow(held)]);
    const moved = { ...held, date: '2026-03-09', place: '村委会' };
    const res = await pushDocs(server.app, server.tokens.stationA, 'receptionDays', [updateRow(held, moved)]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'reception_day_not_editable', fields: ['date', 'place'] });
    expect((await server.store.getDocument('receptionDays', held.id))?.body).toEqual(held);
  });
});

describe('versions and limits', () => {
  it('answers 426 with the required version to an outdated client, before looking at the body', async () => {
    const res = await pushDocs(server.app, server.tokens.stationA, 'opinions', [insertRow(makeOpinion())], {
      'x-schema-version': String(opinionSchema.version - 1),
    });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toMatchObject({ error: 'schema_outdated', requiredVersion: opinionSchema.version });
    expect(res.json<{ message: string }>().message).toMatch(/升级/);
    expect(await storedOpinionCount()).toBe(0);

    const pull = await server.app.inject({
      method: 'GET',
      url: syncRoutes.pull('opinions'),
      headers: auth(server.tokens.stationA, opinionSchema.version - 1),
    });
    expect(pull.statusCode).toBe(426);
    const current = await server.app.inject({
      method: 'GET',
      url: syncRoutes.pull('opinions'),
      headers: auth(server.tokens.stationA, opinionSchema.version),
    });
    expect(current.statusCode).toBe(200);
  });

  it('answers 401 without a token and 404 for an unknown collection', async () => {
    const res = await server.app.inject({ method: 'GET', url: syncRoutes.pull('opinions') });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthenticated' });
    const unknown = await server.app.inject({
      method: 'GET',
      url: '/v1/sync/secrets/pull',
      headers: auth(server.tokens.stationA),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('records when each station last pulled and pushed, and its heartbeat', async () => {
    await pullDocs(server.app, server.tokens.stationA, 'opinions');
    const hb = await server.app.inject({
      method: 'POST',
      url: syncRoutes.heartbeat,
      headers: auth(server.tokens.stationA),
      payload: { appVersion: '0.1.0', pendingChanges: 3, lastError: '网络超时', lastSyncAt: null },
    });
    expect(hb.statusCode).toBe(200);
    const states = await server.store.listStationSyncStates(TEST_COUNTY_ID);
    const a = states.find((s) => s.stationId === makeStation().id);
    expect(a).toMatchObject({ appVersion: '0.1.0', pendingChanges: 3, lastError: '网络超时' });
    expect(a?.lastPullAt).not.toBeNull();
    expect(states.find((s) => s.stationId === OTHER_STATION_ID)?.lastPullAt).toBeNull();
  });
});

describe('body limit', () => {
  it('answers 413 in JSON to a body over the limit and stores nothing', async () => {
    const small = await startTestServer({ bodyLimit: 20_000 });
    try {
      const big = makeOpinion({ content: '很长的内容'.repeat(1000) });
      const rows = Array.from({ length: 3 }, () => insertRow({ ...big, id: makeOpinion().id }));
      const res = await pushDocs(small.app, small.tokens.stationA, 'opinions', rows);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: 'body_too_large' });
      expect(await small.store.listDocuments('opinions', { kind: 'all' })).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
