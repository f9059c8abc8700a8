// The station profile (who and where this PC is): the app's view of the db's local document `station-identity`.
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { Actor, StationProfile } from './app-types';

/** The local document the profile is read from and saved to (owned by src-renderer/db, see station-identity.ts). */
export const stationProfileDocId = 'station-identity';

/** The part of the RxDB database this module needs (local documents are enabled on the station database). */
export interface LocalDocumentStore {
  getLocal(id: string): Promise<{ toJSON(): { data: unknown } } | null>;
  getLocal$(id: string): Observable<{ toJSON(): { data: unknown } } | null>;
  upsertLocal(id: string, data: Record<string, unknown>): Promise<unknown>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A profile once the station is settled (first run chose training or enrolment, or a restore completed it); null
 * before. A profile with an empty clerk name makes the app ask for the name (after a restore).
 */
export function profileOf(data: unknown): StationProfile | null {
  if (typeof data !== 'object' || data === null) return null;
  const v = data as Record<string, unknown>;
  if (typeof v.stationId !== 'string' || typeof v.countyId !== 'string') return null;
  if (v.mode !== 'training' && v.mode !== 'enrolled') return null;
  return {
    stationId: v.stationId,
    countyId: v.countyId,
    stationName: text(v.stationName) || v.stationId,
    countyName: text(v.countyName),
    countyShortName: text(v.countyShortName),
    stationShortName: text(v.stationShortName),
    clerkName: text(v.clerkName),
    mode: v.mode,
  };
}

export function stationProfile$(store: LocalDocumentStore): Observable<StationProfile | null> {
  return store.getLocal$(stationProfileDocId).pipe(map((doc) => profileOf(doc?.toJSON().data)));
}

/** Saves the profile into the identity document, keeping what only the identity holds (e.g. the device code). */
export async function saveStationProfile(store: LocalDocumentStore, profile: StationProfile): Promise<void> {
  const current = (await store.getLocal(stationProfileDocId))?.toJSON().data;
  const kept = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  // A different station keeps nothing of the old one (a device code belongs to its station).
  const base = kept.stationId === profile.stationId ? kept : {};
  await store.upsertLocal(stationProfileDocId, { ...base, ...profile });
}

/** The person acting on this PC: the clerk, with the station role. */
export function actorOf(profile: StationProfile): Actor {
  return { name: profile.clerkName, role: 'station' };
}
