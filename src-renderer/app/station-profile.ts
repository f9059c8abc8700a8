// The station profile (who and where this PC is), kept in the RxDB local document `station-profile`.
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { Actor, StationProfile } from './app-types';

export const stationProfileDocId = 'station-profile';

/** The part of the RxDB database this module needs (local documents are enabled on the station database). */
export interface LocalDocumentStore {
  getLocal$(id: string): Observable<{ toJSON(): { data: unknown } } | null>;
  upsertLocal(id: string, data: Record<string, unknown>): Promise<unknown>;
}

function isStationProfile(value: unknown): value is StationProfile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.stationId === 'string' &&
    typeof v.countyId === 'string' &&
    typeof v.stationName === 'string' &&
    typeof v.clerkName === 'string' &&
    (v.mode === 'training' || v.mode === 'enrolled')
  );
}

export function stationProfile$(store: LocalDocumentStore): Observable<StationProfile | null> {
  return store.getLocal$(stationProfileDocId).pipe(
    map((doc) => {
      const data = doc?.toJSON().data;
      return isStationProfile(data) ? data : null;
    }),
  );
}

export async function saveStationProfile(store: LocalDocumentStore, profile: StationProfile): Promise<void> {
  await store.upsertLocal(stationProfileDocId, { ...profile });
}

/** The person acting on this PC: the clerk, with the station role. */
export function actorOf(profile: StationProfile): Actor {
  return { name: profile.clerkName, role: 'station' };
}
