// Opinions through the repository: created with history, refused when invalid, moved atomically, listed by index.
import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-shared/common/domain-error';
import type { Opinion } from '../../../src-shared/opinion/opinion';
import { makeActor, makeOpinion, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import type { LiaisonDatabase } from '../database';
import { openTestDatabase } from '../testing/test-database';
import { OpinionRepository, opinionListQuery } from './opinion-repository';
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

describe('opinion list queries at scale', () => {
  // 50,000 opinions stay fast only if a list page reads one index range instead of the whole collection.
  it.each([
    [{}, ['receivedAt']],
    [{ filter: { status: 'submitted' as const } }, ['status', 'receivedAt']],
    [{ filter: { category: 'pollution' as const, receivedFrom: '2026-01-01' } }, ['category', 'receivedAt']],
    [{ filter: { representativeId: 'rep-1' } }, ['representativeId', 'receivedAt']],
    [{ sortBy: 'updatedAt' as const, filter: { status: 'assigned' as const } }, ['status', 'updatedAt']],
  ])('%j is answered from the index %j', async (query, leading) => {
    const plan = db.opinions.find(opinionListQuery({ ...query, limit: 50 })).getPreparedQuery().queryPlan;
    expect(plan.index.filter((f) => !f.startsWith('_') && f !== 'id')).toEqual(leading);
    expect(plan.selectorSatisfiedByIndex).toBe(true);
  });

  it('oldest-first pages stop reading after the page (the index order is the sort order)', () => {
    const plan = db.opinions
      .find(opinionListQuery({ filter: { status: 'submitted' }, direction: 'asc', limit: 50 }))
      .getPreparedQuery().queryPlan;
    expect(plan.sortSatisfiedByIndex).toBe(true);
  });

  it('a text search narrows by the station index first', () => {
    const plan = db.opinions
      .find(opinionListQuery({ filter: { stationId: TEST_STATION_ID, text: '道路' }, limit: 50 }))
      .getPreparedQuery().queryPlan;
    expect(plan.index).toContain('stationId');
  });
});
