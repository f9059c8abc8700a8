// Reception days, mediation cases, activities, photos and reference data through their repositories.
import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediationCase } from '../../../src-shared/mediation-case/mediation-case';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import {
  makeActivity,
  makeActor,
  makeDepartment,
  makeMediationCase,
  makeReceptionDay,
  makeRepresentative,
  TINY_JPEG_BASE64,
} from '../../../src-shared/testing/factories';
import type { LiaisonDatabase } from '../database';
import { openTestDatabase, rawIndexedDbContents } from '../testing/test-database';
import { ActivityRepository } from './activity-repository';
import { type MediationCaseInput, MediationCaseRepository } from './mediation-case-repository';
import { PhotoRepository } from './photo-repository';
import { ReceptionDayRepository } from './reception-day-repository';
import { RecordValidationError } from './record-errors';
import type { CreateInput } from './record-repository';
import { ReferenceRepository } from './reference-repository';

const clerk = makeActor('station');
let db: LiaisonDatabase;
let indexedDB: IDBFactory;

function strip<T extends object>(
  doc: T,
): Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'history' | 'status' | 'stationId' | 'countyId'> {
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    history: _h,
    status: _s,
    stationId: _st,
    countyId: _co,
    ...rest
  } = doc as T & Record<'id' | 'createdAt' | 'updatedAt' | 'history' | 'status' | 'stationId' | 'countyId', unknown>;
  return rest;
}

beforeEach(async () => {
  const t = await openTestDatabase();
  db = t.db;
  indexedDB = t.indexedDB;
});
afterEach(async () => {
  await db.close();
});

describe('ReceptionDayRepository', () => {
  it('plans a day, refuses to hold it without the people present, then holds it', async () => {
    const days = new ReceptionDayRepository(db);
    const planned = await days.create(strip(makeReceptionDay()) as CreateInput<ReceptionDay>, clerk);
    expect(planned.status).toBe('planned');
    expect(days.allowedActions(planned, 'station')).toEqual(expect.arrayContaining(['hold', 'cancel']));
    await expect(days.apply(planned.id, { action: 'hold', payload: { visitorCount: 3 } }, clerk)).rejects.toMatchObject(
      {
        code: expect.any(String),
      },
    );
    expect((await days.get(planned.id))?.status).toBe('planned');
    const held = await days.apply(
      planned.id,
      { action: 'hold', payload: { presentRepresentativeIds: ['rep-1'], visitorCount: 12 } },
      clerk,
    );
    expect(held).toMatchObject({ status: 'held', visitorCount: 12 });
    expect(held.history.map((h) => h.action)).toEqual(['create', 'hold']);
    const list = await firstValueFrom(days.list$({ filter: { dateFrom: '2026-03-01', dateTo: '2026-03-31' } }));
    expect(list.map((d) => d.id)).toEqual([planned.id]);
  });

  it('re-plans a planned day with an "update" entry; a printed notice must be printed again', async () => {
    const days = new ReceptionDayRepository(db);
    const planned = await days.create(strip(makeReceptionDay()) as CreateInput<ReceptionDay>, clerk);
    await days.markAnnounced(planned.id, clerk);
    const moved = await days.replan(planned.id, { place: '妙皇村文化室', topic: '春耕生产' }, clerk);
    expect(moved).toMatchObject({ place: '妙皇村文化室', topic: '春耕生产' });
    expect(moved.announcedAt).toBeUndefined();
    expect(moved.history.at(-1)?.note).toBe('修改：接待地点、接待主题、公告时间');
    // An invalid plan is refused at the field and nothing changes.
    const error = await days.replan(planned.id, { startTime: '25:00' }, clerk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).errors[0]?.field).toBe('startTime');
    expect(await days.get(planned.id)).toEqual(moved);
  });

  it('refuses to re-plan a day that was held or cancelled', async () => {
    const days = new ReceptionDayRepository(db);
    const planned = await days.create(strip(makeReceptionDay()) as CreateInput<ReceptionDay>, clerk);
    await days.apply(planned.id, { action: 'cancel', payload: { cancelReason: '台风' } }, clerk);
    await expect(days.replan(planned.id, { place: '村委会' }, clerk)).rejects.toMatchObject({
      code: 'reception_day_not_editable',
    });
  });
});

describe('MediationCaseRepository', () => {
  it('numbers new cases per station and year, and keeps the parties encrypted', async () => {
    const cases = new MediationCaseRepository(db);
    const { caseNumber: _n, ...input } = strip(makeMediationCase()) as MediationCaseInput & { caseNumber?: string };
    const first = await cases.create(input, clerk);
    const second = await cases.create(input, clerk);
    expect(first.caseNumber).toBe('象州-妙皇-2026-0001');
    expect(second.caseNumber).toBe('象州-妙皇-2026-0002');
    expect(first.status).toBe('registered');
    expect(await rawIndexedDbContents(indexedDB)).not.toContain(first.parties[0]?.name ?? '李四');
    const revealed = await cases.revealPersonalData(first.id, clerk);
    expect(revealed.parties).toEqual(first.parties);
    const started = await cases.apply(first.id, { action: 'startMediation' }, clerk);
    expect(started.status).toBe('mediating');
    expect(await firstValueFrom(cases.count$({ status: 'registered' }))).toBe(1);
  });

  it('refuses a case without parties’ required data and stores nothing', async () => {
    const cases = new MediationCaseRepository(db);
    const input = strip(makeMediationCase({ parties: [{ name: '', role: 'applicant' }] })) as MediationCase;
    await expect(cases.create(input, clerk)).rejects.toBeInstanceOf(RecordValidationError);
    expect(await db.mediationCases.count().exec()).toBe(0);
  });
});

describe('ActivityRepository and PhotoRepository', () => {
  it('records an activity with photos linked to it', async () => {
    const activities = new ActivityRepository(db);
    const photos = new PhotoRepository(db);
    const activity = await activities.create(strip(makeActivity({ type: 'training' })) as never, clerk);
    const photo = await photos.add(
      { collection: 'activities', id: activity.id },
      { dataBase64: TINY_JPEG_BASE64, width: 1, height: 1 },
      clerk,
      { caption: '学习培训现场' },
    );
    expect(photo).toMatchObject({ ownerCollection: 'activities', ownerId: activity.id, stationId: activity.stationId });
    expect((await firstValueFrom(photos.byOwner$(activity.id))).map((p) => p.id)).toEqual([photo.id]);
    expect((await firstValueFrom(activities.list$({ filter: { type: 'training' } }))).length).toBe(1);
    await photos.remove(photo.id);
    expect(await firstValueFrom(photos.countByOwner$(activity.id))).toBe(0);
    await expect(
      photos.add(
        { collection: 'activities', id: 'missing' },
        { dataBase64: TINY_JPEG_BASE64, width: 1, height: 1 },
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'record_not_found' });
  });
});

describe('ReferenceRepository', () => {
  it('lists serving representatives of a station and active departments', async () => {
    await db.representatives.bulkInsert([
      makeRepresentative({ name: '韦代表' }),
      makeRepresentative({ name: '蓝代表' }),
      makeRepresentative({ name: '已离任代表', active: false }),
      makeRepresentative({ name: '外站代表', stationId: 'other-station' }),
    ]);
    await db.departments.bulkInsert([
      makeDepartment({ name: '住建局' }),
      makeDepartment({ name: '撤销的局', active: false }),
    ]);
    const reference = new ReferenceRepository(db);
    const reps = await firstValueFrom(reference.representatives$({ stationId: 'station-miaohuang' }));
    expect(reps.map((r) => r.name)).toEqual(['蓝代表', '韦代表']);
    expect((await firstValueFrom(reference.departments$())).map((d) => d.name)).toEqual(['住建局']);
    expect((await reference.station('station-miaohuang'))?.shortName).toBe('妙皇');
  });
});
