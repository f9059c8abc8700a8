// First-run commands: install the demo training station, or record an enrolled one; both save the station profile
// (the db's `station-identity` document, which the repositories read too).
import type { AppDatabase, StationProfile } from '../../app/app-context';
import { saveStationProfile } from '../../app/station-profile';
import type { EnrolledStation } from '../../sync/enrol';
import { buildTrainingStation } from './training-station';

/** Writes the demo reference data and the profile; the app switches to the shell when the profile appears. */
export async function installTrainingStation(database: AppDatabase, clerkName: string): Promise<StationProfile> {
  const demo = buildTrainingStation();
  await database.stations.bulkUpsert([demo.station]);
  await database.representatives.bulkUpsert(demo.representatives);
  await database.departments.bulkUpsert(demo.departments);
  const profile: StationProfile = {
    stationId: demo.station.id,
    countyId: demo.station.countyId,
    stationName: demo.station.name,
    countyName: demo.station.countyName,
    countyShortName: demo.station.countyShortName,
    stationShortName: demo.station.shortName,
    clerkName: clerkName.trim(),
    mode: 'training',
  };
  await saveStationProfile(database, profile);
  return profile;
}

/** After a successful enrolment: the profile of the enrolled station (reference data arrives with the first sync). */
export async function completeEnrolment(
  database: AppDatabase,
  enrolled: EnrolledStation,
  clerkName: string,
): Promise<StationProfile> {
  const profile: StationProfile = { ...enrolled, clerkName: clerkName.trim(), mode: 'enrolled' };
  await saveStationProfile(database, profile);
  return profile;
}
