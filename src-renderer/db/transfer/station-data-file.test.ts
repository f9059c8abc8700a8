// Exporting all station data to one file and restoring it into an empty app; foreign and corrupt files change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeDepartment,
  makeMediationCase,
  makeOpinion,
  makePhoto,
  makeReceptionDay,
  makeRepresentative,
} from '../../../src-shared/testing/factories';
import type { LiaisonDatabase } from '../database';
import { openTestDatabase } from '../testing/test-database';
import { countStationRecords, exportStationData, importStationData } from './station-data-file';

let db: LiaisonDatabase | undefined;
afterEach(async () => {
  if (db && !db.closed) await db.close();
});

async function stationWithData(): Promise<{ db: LiaisonDatabase; data: string }> {
  const t = await openTestDatabase();
  const opinion = makeOpinion();
  await t.db.opinions.bulkInsert([opinion, makeOpinion({ status: 'submitted', title: '路灯不亮' })]);
  await t.db.receptionDays.insert(makeReceptionDay());
  await t.db.mediationCases.insert(makeMediationCase());
  await t.db.photos.insert(makePhoto({ ownerCollection: 'opinions', ownerId: opinion.id }));
  await t.db.representatives.insert(makeRepresentative());
  await t.db.departments.insert(makeDepartment());
  const exported = await exportStationData(t.db);
  expect(exported.fileName).toMatch(/\.lsdata$/);
  return { db: t.db, data: exported.data };
}

async function emptyApp(): Promise<LiaisonDatabase> {
  const t = await openTestDatabase({ enrolled: false });
  return t.db;
}

describe('station data file', () => {
  it('round-trips every record, photo and reference document into an empty app', async () => {
    const source = await stationWithData();
    const before = Object.fromEntries(
      await Promise.all(
        Object.keys(source.db.collections).map(async (name) => [
          name,
          (await source.db.collections[name as 'opinions'].find({ sort: [{ id: 'asc' }] }).exec()).map((d) =>
            d.toMutableJSON(),
          ),
        ]),
      ),
    );
    await source.db.close();

    db = await emptyApp();
    const summary = await importStationData(db, new TextEncoder().encode(source.data));
    expect(summary.restored).toMatchObject({
      opinions: 2,
      receptionDays: 1,
      mediationCases: 1,
      photos: 1,
      stations: 1,
    });
    for (const [name, docs] of Object.entries(before)) {
      const after = (await db.collections[name as 'opinions'].find({ sort: [{ id: 'asc' }] }).exec()).map((d) =>
        d.toMutableJSON(),
      );
      expect(after).toEqual(docs);
    }
  });

  it('refuses to import into an app that already has station records', async () => {
    const source = await stationWithData();
    db = source.db;
    await expect(importStationData(db, source.data)).rejects.toMatchObject({ code: 'app_not_empty' });
  });

  it.each([
    ['not JSON', () => '这不是JSON', 'file_not_json'],
    ['another JSON file', () => JSON.stringify({ name: 'package', version: '1.0.0' }), 'file_wrong_format'],
    ['a newer format', (d: string) => JSON.stringify({ ...JSON.parse(d), formatVersion: 99 }), 'file_newer_version'],
    ['a changed record', (d: string) => d.replace('路灯不亮', '路灯很亮'), 'file_checksum_mismatch'],
  ])('refuses %s with a Chinese message and changes nothing', async (_name, corrupt, code) => {
    const source = await stationWithData();
    await source.db.close();
    db = await emptyApp();
    const error = await importStationData(db, corrupt(source.data)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countStationRecords(db)).toBe(0);
    expect(await db.stations.count().exec()).toBe(0);
  });

  it('refuses a file with one invalid document (checksum recomputed) and stores nothing at all', async () => {
    const source = await stationWithData();
    await source.db.close();
    const parsed = JSON.parse(source.data);
    parsed.collections.opinions[1].visitor.phone = '电话';
    const collectionsJson = JSON.stringify(parsed.collections);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(collectionsJson));
    parsed.checksum = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    db = await emptyApp();
    await expect(importStationData(db, JSON.stringify(parsed))).rejects.toMatchObject({
      code: 'file_invalid_record',
      field: 'visitor.phone',
    });
    expect(await countStationRecords(db)).toBe(0);
    expect(await db.representatives.count().exec()).toBe(0);
  });
});
