// Opinions through the repository: created with history, refused when invalid, moved atomically, listed by index.
import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-shared/common/domain-error';
import { type Opinion, type OpinionStatus, receivedAtDescOf } from '../../../src-shared/opinion/opinion';
import { makeActor, makeOpinion, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import type { LiaisonDatabase } from '../database';
import { openTestDatabase } from '../testing/test-database';
import {
  type OpinionListQuery,
  OpinionRepository,
  opinionListQuery,
  opinionSelector,
  splitOpinionFilter,
} from './opinion-repository';
import { RecordValidationError } from './record-errors';
import type { CreateInput } from './record-repository';

const clerk = makeActor('station');
const county = makeActor('county');
let db: LiaisonDatabase;
let clock: Date;
let opinions: OpinionRepository;

function input(overrides: Partial<Opinion> = {}): CreateInput<Opinion> {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    history: _h,
    status: _s,
    receivedAtDesc: _k,
    stationId: _st,
    countyId: _co,
    ...rest
  } = makeOpinion(overrides);
  return rest;
}

beforeEach(async () => {
  db = (await openTestDatabase()).db;
  clock = new Date('2026-03-02T02:30:00.000Z');
  opinions = new OpinionRepository(db, { now: () => clock });
});
afterEach(async () => {
  if (!db.closed) await db.close();
});

describe('OpinionRepository', () => {
  it('creates an opinion for this station with a "create" history entry', async () => {
    const created = await opinions.create(input(), clerk);
    expect(created.status).toBe('recorded');
    expect(created.stationId).toBe(TEST_STATION_ID);
    expect(created.createdAt).toBe('2026-03-02T02:30:00.000Z');
    expect(created.history).toEqual([
      expect.objectContaining({ action: 'create', by: clerk.name, role: 'station', to: 'recorded' }),
    ]);
    expect(await opinions.get(created.id)).toEqual(created);
  });

  it('refuses invalid input with a Chinese message per field and stores nothing', async () => {
    const error = await opinions
      .create(input({ title: '', visitor: { name: '张三', phone: '电话号码' } }), clerk)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    const fields = (error as RecordValidationError).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'visitor.phone']));
    expect((error as RecordValidationError).message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await db.opinions.count().exec()).toBe(0);
  });

  it('refuses to create when the installation is not enrolled and no station is given', async () => {
    await db.close(); // RxDB's open-source edition allows 16 open collections per process: one database at a time.
    const t = await openTestDatabase({ enrolled: false });
    const repo = new OpinionRepository(t.db);
    await expect(repo.create(input(), clerk)).rejects.toMatchObject({ code: 'station_not_enrolled' });
    db = t.db;
  });

  it('applies a lifecycle command atomically and appends who, role, when, from, to and note', async () => {
    const created = await opinions.create(input(), clerk);
    clock = new Date('2026-03-03T01:00:00.000Z');
    const submitted = await opinions.apply(created.id, { action: 'submit', note: '请县里尽快处理' }, clerk);
    expect(submitted.status).toBe('submitted');
    expect(submitted.updatedAt).toBe('2026-03-03T01:00:00.000Z');
    expect(submitted.history.at(-1)).toMatchObject({
      action: 'submit',
      by: clerk.name,
      role: 'station',
      at: '2026-03-03T01:00:00.000Z',
      from: 'recorded',
      to: 'submitted',
      note: '请县里尽快处理',
    });
    expect((await opinions.get(created.id))?.status).toBe('submitted');
  });

  it('leaves the record untouched when a command is refused', async () => {
    const created = await opinions.create(input(), clerk);
    // The county cannot submit, and an accept from 'recorded' is not a transition.
    await expect(opinions.apply(created.id, { action: 'submit' }, county)).rejects.toMatchObject({
      code: 'role_not_allowed',
    });
    await expect(opinions.apply(created.id, { action: 'accept' }, county)).rejects.toBeInstanceOf(DomainError);
    // A command whose payload breaks the schema is refused by validation.
    await expect(
      opinions.apply(created.id, { action: 'answerOnSite', payload: { onSiteAnswer: 'x'.repeat(6000) } }, clerk),
    ).rejects.toBeInstanceOf(RecordValidationError);
    expect(await opinions.get(created.id)).toEqual(created);
  });

  it('updates owned fields with an "update" entry and refuses status or fields the role does not own', async () => {
    const created = await opinions.create(input(), clerk);
    const updated = await opinions.update(created.id, { title: '村道破损严重' }, clerk);
    expect(updated.title).toBe('村道破损严重');
    expect(updated.history.at(-1)).toMatchObject({ action: 'update', note: expect.stringContaining('标题') });
    await expect(opinions.update(created.id, { status: 'closed' } as never, clerk)).rejects.toMatchObject({
      code: 'field_not_editable',
    });
    await expect(opinions.update(created.id, { title: '县里改的标题' }, county)).rejects.toMatchObject({
      code: 'field_not_owned',
    });
    expect((await opinions.get(created.id))?.title).toBe('村道破损严重');
  });

  it('reveals personal data only with an accountable history entry', async () => {
    const created = await opinions.create(input(), clerk);
    const revealed = await opinions.revealPersonalData(created.id, clerk);
    expect(revealed).toEqual({ visitor: created.visitor });
    const stored = await opinions.get(created.id);
    expect(stored?.history.at(-1)).toMatchObject({ action: 'revealPersonalData', by: clerk.name });
  });

  it('lists with filters, text search, sorting and paging, and keeps lists current', async () => {
    const make = (day: number, overrides: Partial<Opinion>) =>
      db.opinions.insert(
        makeOpinion({ receivedAt: `2026-03-${String(day).padStart(2, '0')}T02:00:00.000Z`, ...overrides }),
      );
    await make(1, { category: 'pollution', title: '河道垃圾' });
    await make(2, { category: 'pollution', status: 'submitted', title: '工厂排污' });
    await make(3, { category: 'foodDrug', title: '小卖部过期食品' });
    await make(4, { category: 'pollution', representativeId: 'rep-2', title: '养殖场臭味' });

    const pollution = await firstValueFrom(opinions.list$({ filter: { category: 'pollution' } }));
    expect(pollution.map((o) => o.title)).toEqual(['养殖场臭味', '工厂排污', '河道垃圾']);
    const oldestFirst = await firstValueFrom(opinions.list$({ direction: 'asc', limit: 2, skip: 1 }));
    expect(oldestFirst.map((o) => o.title)).toEqual(['工厂排污', '小卖部过期食品']);
    expect((await firstValueFrom(opinions.list$({ filter: { text: '排污' } }))).map((o) => o.title)).toEqual([
      '工厂排污',
    ]);
    // 'YYYY-MM-DD' bounds are whole days in Asia/Shanghai (02:00Z is 10:00 there).
    const range = await firstValueFrom(
      opinions.list$({ filter: { receivedFrom: '2026-03-02', receivedTo: '2026-03-03' } }),
    );
    expect(range.map((o) => o.title)).toEqual(['小卖部过期食品', '工厂排污']);
    expect(await firstValueFrom(opinions.count$({ status: ['recorded'], representativeId: 'rep-2' }))).toBe(1);

    const seen: number[] = [];
    const sub = opinions.count$({ category: 'foodDrug' }).subscribe((n) => seen.push(n));
    await opinions.create(input({ category: 'foodDrug' }), clerk);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sub.unsubscribe();
    expect(seen).toEqual([1, 2]);
  });
});

describe('editing a recorded opinion', () => {
  it('corrects intake fields while recorded, naming the changed fields (not their values) in the history', async () => {
    const created = await opinions.create(input(), clerk);
    clock = new Date('2026-03-02T03:00:00.000Z');
    const edited = await opinions.update(
      created.id,
      { category: 'pollution', visitor: { ...created.visitor, phone: '13900002222' } },
      clerk,
      { alsoChanged: ['照片'] },
    );
    expect(edited.category).toBe('pollution');
    const entry = edited.history.at(-1);
    expect(entry).toMatchObject({ action: 'update', by: clerk.name, at: '2026-03-02T03:00:00.000Z' });
    expect(entry?.note).toBe('修改：类别、联系电话、照片');
    expect(JSON.stringify(edited.history)).not.toContain('13900002222');
  });

  it('keeps the newest-first key in step with a corrected time', async () => {
    const created = await opinions.create(input({ receivedAt: '2026-03-01T02:00:00.000Z' }), clerk);
    const edited = await opinions.update(created.id, { receivedAt: '2026-02-27T10:00:00+08:00' }, clerk);
    expect(edited.receivedAt).toBe('2026-02-27T02:00:00.000Z');
    expect(edited.receivedAtDesc).toBe(receivedAtDescOf('2026-02-27T02:00:00.000Z'));
    await expect(opinions.update(created.id, { receivedAtDesc: '0' } as never, clerk)).rejects.toMatchObject({
      code: 'field_not_editable',
    });
  });

  it('after submission corrects only the visitor; other fields are refused and nothing changes', async () => {
    const created = await opinions.create(input(), clerk);
    const submitted = await opinions.apply(created.id, { action: 'submit' }, clerk);
    await expect(opinions.update(created.id, { title: '提交后改标题' }, clerk)).rejects.toMatchObject({
      code: 'opinion_field_locked',
      field: 'title',
    });
    expect(await opinions.get(created.id)).toEqual(submitted);
    const corrected = await opinions.update(
      created.id,
      { visitor: { ...created.visitor, address: '妙皇村五组' } },
      clerk,
    );
    expect(corrected.visitor.address).toBe('妙皇村五组');
    expect(corrected.status).toBe('submitted');
    expect(corrected.history.at(-1)?.note).toBe('修改：住址');
  });

  it('refuses an invalid edit with the message at the field and stores nothing', async () => {
    const created = await opinions.create(input(), clerk);
    const error = await opinions
      .update(created.id, { visitor: { ...created.visitor, phone: '电话号码' } }, clerk)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).errors[0]).toMatchObject({ field: 'visitor.phone' });
    expect((error as RecordValidationError).errors[0]?.message).toContain('联系电话');
    expect(await opinions.get(created.id)).toEqual(created);
  });
});

describe('opinion list queries at scale', () => {
  // 50,000 opinions stay fast only if a list page reads one index range in list order and stops after the page.
  it.each<[OpinionListQuery, string[]]>([
    [{ filter: { stationId: TEST_STATION_ID } }, ['stationId', 'receivedAtDesc']],
    [{}, ['receivedAtDesc']],
    [{ filter: { stationId: TEST_STATION_ID, status: ['submitted'] } }, ['stationId', 'status', 'receivedAtDesc']],
    [
      { filter: { stationId: TEST_STATION_ID, category: 'pollution', receivedFrom: '2026-01-01' } },
      ['stationId', 'category', 'receivedAtDesc'],
    ],
    [
      { filter: { stationId: TEST_STATION_ID, representativeId: 'rep-1', receivedTo: '2026-03-01' } },
      ['stationId', 'representativeId', 'receivedAtDesc'],
    ],
  ])('newest first, %j walks the index %j, stops at the page and counts from the index', async (query, leading) => {
    const prepared = db.opinions.find(opinionListQuery({ ...query, limit: 50 })).getPreparedQuery();
    expect(prepared.queryPlan.index.filter((f) => !f.startsWith('_') && f !== 'id')).toEqual(leading);
    expect(prepared.queryPlan.selectorSatisfiedByIndex).toBe(true);
    expect(prepared.queryPlan.sortSatisfiedByIndex).toBe(true);
    const count = db.opinions.count({ selector: opinionSelector(query.filter) }).getPreparedQuery();
    expect(count.queryPlan.selectorSatisfiedByIndex).toBe(true);
  });

  it('sorted by update time a status filter still uses its index', () => {
    const plan = db.opinions
      .find(opinionListQuery({ sortBy: 'updatedAt', filter: { status: 'assigned' }, limit: 50 }))
      .getPreparedQuery().queryPlan;
    expect(plan.index.filter((f) => !f.startsWith('_') && f !== 'id')).toEqual(['status', 'updatedAt']);
  });

  it('oldest-first pages stop reading after the page (the index order is the sort order)', () => {
    const plan = db.opinions
      .find(opinionListQuery({ filter: { stationId: TEST_STATION_ID }, direction: 'asc', limit: 50 }))
      .getPreparedQuery().queryPlan;
    expect(plan.index.filter((f) => !f.startsWith('_') && f !== 'id')).toEqual(['stationId', 'receivedAt']);
    expect(plan.sortSatisfiedByIndex).toBe(true);
  });

  it('a text search walks the station index newest first and stops at the page', () => {
    const plan = db.opinions
      .find(opinionListQuery({ filter: { stationId: TEST_STATION_ID, text: '道路' }, limit: 50 }))
      .getPreparedQuery().queryPlan;
    expect(plan.index).toContain('stationId');
    expect(plan.sortSatisfiedByIndex).toBe(true);
  });

  it('splits several statuses × categories into one index walk each and merges them in list order', async () => {
    expect(splitOpinionFilter({ status: ['submitted'] })).toBeNull();
    expect(splitOpinionFilter({ status: ['submitted', 'recorded'], category: ['pollution', 'other'] })).toHaveLength(4);
    const days = [1, 2, 3, 4, 5, 6];
    const statuses = ['recorded', 'submitted', 'replied'] as const;
    for (const day of days) {
      await db.opinions.insert(
        makeOpinion({
          receivedAt: `2026-03-0${day}T02:00:00.000Z`,
          status: statuses[day % 3],
          title: `第${day}天`,
        }),
      );
    }
    const filter = { stationId: TEST_STATION_ID, status: ['recorded', 'replied'] as OpinionStatus[] };
    const newest = await firstValueFrom(opinions.list$({ filter, limit: 3 }));
    expect(newest.map((o) => o.title)).toEqual(['第6天', '第5天', '第3天']);
    const oldest = await firstValueFrom(opinions.list$({ filter, direction: 'asc', limit: 2, skip: 1 }));
    expect(oldest.map((o) => o.title)).toEqual(['第3天', '第5天']);
    expect(await firstValueFrom(opinions.count$(filter))).toBe(4);
  });
});
