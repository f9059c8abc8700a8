// The one local document of this PC's station: completed after a restore, without the clerk in exports, and a
// profile kept in the old separate document is folded into it once.
import { afterEach, describe, expect, it } from 'vitest';
import { makeStation, TEST_COUNTY_ID, TEST_STATION_ID } from '../../src-shared/testing/factories';
import { createMemoryHost } from '../platform/memory-host';
import type { LiaisonDatabase } from './database';
import { getLocalSetting, setLocalSetting } from './local-settings';
import {
  completeStationIdentity,
  legacyStationProfileDocId,
  mergeLegacyStationProfile,
  portableIdentity,
  updateStationIdentity,
} from './station-identity';
import { openTestDatabase } from './testing/test-database';

let db: LiaisonDatabase | undefined;
afterEach(async () => {
  if (db && !db.closed) await db.close();
});

describe('station identity', () => {
  it('is completed from the station record after a restore; the mode follows the sync token', async () => {
    db = (await openTestDatabase()).db;
    const host = createMemoryHost();
    await host.setSecret('syncToken', 'tok');

    const completed = await completeStationIdentity(db, host);

    expect(completed).toEqual({
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      stationName: makeStation().name,
      countyName: '象州县',
      countyShortName: '象州',
      stationShortName: '妙皇',
      mode: 'enrolled',
    });
    expect(await getLocalSetting(db, 'station-identity')).toEqual(completed);
    // A settled mode is never changed by a later start.
    await host.deleteSecret('syncToken');
    expect((await completeStationIdentity(db, host))?.mode).toBe('enrolled');
  });

  it('is null before first run', async () => {
    db = (await openTestDatabase({ enrolled: false })).db;
    expect(await completeStationIdentity(db, createMemoryHost())).toBeNull();
  });

  it('keeps the other fields when some change, and leaves the clerk out of what is exported', async () => {
    db = (await openTestDatabase()).db;
    await updateStationIdentity(db, { stationId: TEST_STATION_ID, countyId: TEST_COUNTY_ID, deviceCode: 'C' });
    const identity = await updateStationIdentity(db, {
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      clerkName: '黄文书',
    });

    expect(identity).toMatchObject({ deviceCode: 'C', clerkName: '黄文书' });
    expect(portableIdentity(identity)).toEqual({
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      deviceCode: 'C',
    });
  });

  it('folds a profile kept in the old separate document into the identity, once', async () => {
    db = (await openTestDatabase()).db;
    await setLocalSetting(db, 'station-identity', {
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      deviceCode: 'B',
    });
    await db.upsertLocal(legacyStationProfileDocId, {
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      stationName: '妙皇乡人大代表联络站',
      countyName: '象州县',
      countyShortName: '象州',
      stationShortName: '妙皇',
      clerkName: '王文书',
      mode: 'training',
    });

    await mergeLegacyStationProfile(db);
    await mergeLegacyStationProfile(db);

    expect(await getLocalSetting(db, 'station-identity')).toEqual({
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      stationName: '妙皇乡人大代表联络站',
      countyName: '象州县',
      countyShortName: '象州',
      stationShortName: '妙皇',
      deviceCode: 'B',
      clerkName: '王文书',
      mode: 'training',
    });
    expect(await db.getLocal(legacyStationProfileDocId)).toBeNull();
  });
});
