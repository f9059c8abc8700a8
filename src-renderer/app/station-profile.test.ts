// The station profile is a view of the db's station identity: shown once the station is settled, saved without
// losing what only the identity holds.
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_COUNTY_ID, TEST_STATION_ID } from '../../src-shared/testing/factories';
import type { LiaisonDatabase } from '../db/database';
import { getLocalSetting, setLocalSetting } from '../db/local-settings';
import { openTestDatabase } from '../db/testing/test-database';
import type { StationProfile } from './app-types';
import { saveStationProfile, stationProfile$ } from './station-profile';

let db: LiaisonDatabase | undefined;
afterEach(async () => {
  if (db && !db.closed) await db.close();
});

const profile: StationProfile = {
  stationId: TEST_STATION_ID,
  countyId: TEST_COUNTY_ID,
  stationName: '妙皇乡人大代表联络站',
  countyName: '象州县',
  countyShortName: '象州',
  stationShortName: '妙皇',
  clerkName: '黄文书',
  mode: 'enrolled',
};

describe('station profile', () => {
  it('is null until the station is settled, then reads the identity (an unknown clerk is empty)', async () => {
    db = (await openTestDatabase()).db;
    expect(await firstValueFrom(stationProfile$(db))).toBeNull();

    await setLocalSetting(db, 'station-identity', {
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      mode: 'training',
    });

    expect(await firstValueFrom(stationProfile$(db))).toEqual({
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      stationName: TEST_STATION_ID,
      countyName: '',
      countyShortName: '',
      stationShortName: '',
      clerkName: '',
      mode: 'training',
    });
  });

  it('is saved into the identity, keeping its device code for the same station only', async () => {
    db = (await openTestDatabase()).db;
    await setLocalSetting(db, 'station-identity', {
      stationId: TEST_STATION_ID,
      countyId: TEST_COUNTY_ID,
      deviceCode: 'B',
    });

    await saveStationProfile(db, profile);
    expect(await getLocalSetting(db, 'station-identity')).toEqual({ ...profile, deviceCode: 'B' });
    expect(await firstValueFrom(stationProfile$(db))).toEqual(profile);

    await saveStationProfile(db, { ...profile, stationId: 'station-other' });
    expect(await getLocalSetting(db, 'station-identity')).toEqual({ ...profile, stationId: 'station-other' });
  });
});
