// Moving PCs: an exported file restores into a brand-new install from first run (station back, only the clerk's name
// missing), into a freshly set-up training app (which adopts the station), and is refused on another enrolled station.
import { afterEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src-shared/common/domain-error';
import { newId } from '../../../src-shared/common/ids';
import {
  makeActivity,
  makeActor,
  makePhoto,
  makeRepresentative,
  makeStation,
  TEST_COUNTY_ID,
  TEST_STATION_ID,
} from '../../../src-shared/testing/factories';
import { createMemoryHost } from '../../platform/memory-host';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting, type StationIdentity, setLocalSetting } from '../local-settings';
import { ActivityRepository } from '../repositories/activity-repository';
import { updateStationIdentity } from '../station-identity';
import { openTestDatabase } from '../testing/test-database';
import { restoreExportedFile } from './restore-exported-file';
import { exportStationData } from './station-data-file';

const open: LiaisonDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
});

const messages = { otherStation: (station: string, current: string) => `属于${station}，本机为${current}` };

/**
 * The export file of a station's PC: one activity with a photo, two representatives; the clerk 韦文书 works there.
 * (Closed afterwards: RxDB's free version allows 13 open collections.)
 */
async function exportedFromAnotherPc(mode: StationIdentity['mode'] = 'enrolled') {
  const { db } = await openTestDatabase();
  await updateStationIdentity(db, {
    stationId: TEST_STATION_ID,
    countyId: TEST_COUNTY_ID,
    mode,
    clerkName: '韦文书',
    deviceCode: 'B',
  });
  await db.representatives.bulkInsert([makeRepresentative({ name: '韦代表' }), makeRepresentative({ name: '蓝代表' })]);
  const { id, countyId, stationId, createdAt, updatedAt, history, ...input } = makeActivity({ title: '学习培训' });
  void [id, countyId, stationId, createdAt, updatedAt, history];
  const activity = await new ActivityRepository(db).create(input, makeActor());
  await db.photos.insert(makePhoto({ ownerCollection: 'activities', ownerId: activity.id }));
  const exported = await exportStationData(db);
  await db.close();
  return exported;
}

/** A new PC set up in training mode: a demo station of its own, no records. */
async function freshTrainingPc(mode: StationIdentity['mode'] = 'training'): Promise<LiaisonDatabase> {
  const { db } = await openTestDatabase({ enrolled: false });
  open.push(db);
  const demo = makeStation({ id: newId(), countyId: newId(), name: '演示联络站', shortName: '演示' });
  await db.stations.insert(demo);
  await db.representatives.insert(
    makeRepresentative({ stationId: demo.id, countyId: demo.countyId, name: '演示代表' }),
  );
  await setLocalSetting(db, 'station-identity', {
    stationId: demo.id,
    countyId: demo.countyId,
    stationName: demo.name,
    countyName: demo.countyName,
    countyShortName: demo.countyShortName,
    stationShortName: demo.shortName,
    clerkName: '黄文书',
    mode,
  });
  return db;
}

describe('restoring an exported file on a brand-new PC (first run)', () => {
  it('brings every record and photo back and the station from the file; only the clerk’s name is missing', async () => {
    const exported = await exportedFromAnotherPc('enrolled');
    expect(exported.data).not.toContain('韦文书');
    const { db } = await openTestDatabase({ enrolled: false });
    open.push(db);
    const host = createMemoryHost();

    const summary = await restoreExportedFile(db, host, new TextEncoder().encode(exported.data), messages);

    expect(summary.restored).toMatchObject({ activities: 1, photos: 1, representatives: 2, stations: 1 });
    const identity = await getLocalSetting(db, 'station-identity');
    expect(identity).toMatchObject({
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      stationName: makeStation().name,
      countyShortName: '象州',
      stationShortName: '妙皇',
      deviceCode: 'B',
      mode: 'enrolled',
    });
    expect(identity?.clerkName).toBeUndefined();
    expect(host.logs.some((l) => l.message.includes('restored') && l.fields?.firstRun === true)).toBe(true);
  });

  it('runs in training mode when the file came from a training PC', async () => {
    const exported = await exportedFromAnotherPc('training');
    const { db } = await openTestDatabase({ enrolled: false });
    open.push(db);

    await restoreExportedFile(db, createMemoryHost(), exported.data, messages);

    expect((await getLocalSetting(db, 'station-identity'))?.mode).toBe('training');
  });

  it('refuses a second restore once the app holds records, and changes nothing', async () => {
    const exported = await exportedFromAnotherPc();
    const { db } = await openTestDatabase({ enrolled: false });
    open.push(db);
    await restoreExportedFile(db, createMemoryHost(), exported.data, messages);

    const refusal = await restoreExportedFile(db, createMemoryHost(), exported.data, messages).catch((e: unknown) => e);

    expect(isDomainError(refusal) && refusal.code).toBe('app_not_empty');
    expect(await db.activities.count().exec()).toBe(1);
  });
});

describe('restoring an exported file in 设置', () => {
  it('brings every record back into a fresh training app, which takes over the station', async () => {
    const exported = await exportedFromAnotherPc();
    const db = await freshTrainingPc();
    const demoStationId = (await getLocalSetting(db, 'station-identity'))?.stationId ?? '';
    const host = createMemoryHost();

    const summary = await restoreExportedFile(db, host, new TextEncoder().encode(exported.data), messages);

    expect(summary.restored.activities).toBe(1);
    const adopted = await getLocalSetting(db, 'station-identity');
    // The station is the file's; how this PC runs and who works on it stay.
    expect(adopted).toMatchObject({
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      stationShortName: makeStation().shortName,
      clerkName: '黄文书',
      mode: 'training',
    });
    // The demo station and its representative are gone; the file's are there.
    expect(await db.stations.findOne(demoStationId).exec()).toBeNull();
    const names = (await db.representatives.find().exec()).map((r) => r.name).sort();
    expect(names).toEqual(['蓝代表', '韦代表']);
    expect(host.logs.some((l) => l.message.includes('restored'))).toBe(true);
  });

  it('refuses another station’s file on an enrolled PC and stores nothing', async () => {
    const exported = await exportedFromAnotherPc();
    const db = await freshTrainingPc('enrolled');

    const refusal = await restoreExportedFile(
      db,
      createMemoryHost(),
      new TextEncoder().encode(exported.data),
      messages,
    ).catch((e: unknown) => e);

    expect(isDomainError(refusal) && refusal.code).toBe('file_other_station');
    expect(isDomainError(refusal) && refusal.message).toBe(`属于${TEST_STATION_ID}，本机为演示联络站`);
    expect(await db.activities.count().exec()).toBe(0);
  });
});
