// The station identity: the one local document saying which station this PC is, how it runs and who works on it.
// The db owns it (repositories, exports and backups read it); the app's station profile is a view of it.
import type { HostApi } from '../../src-shared/host/host-api';
import type { LiaisonDatabase } from './database';
import { getLocalSetting, type StationIdentity, setLocalSetting } from './local-settings';

export type { StationIdentity } from './local-settings';

/** The document id of the station profile before it was merged into `station-identity` (read once, then removed). */
export const legacyStationProfileDocId = 'station-profile';

/**
 * What an export carries to another PC: the station's facts and mode, not this PC's clerk (the clerk of the PC the
 * data goes to is asked for a name). Backups, which come back to this PC, keep the clerk.
 */
export function portableIdentity(identity: StationIdentity): StationIdentity {
  const { clerkName, ...portable } = identity;
  void clerkName;
  return portable;
}

/** Changes some fields of the identity and keeps the others (a plain set would drop the device code or the clerk). */
export async function updateStationIdentity(
  db: LiaisonDatabase,
  patch: Partial<StationIdentity> & Pick<StationIdentity, 'stationId' | 'countyId'>,
): Promise<StationIdentity> {
  const current = await getLocalSetting(db, 'station-identity');
  const next: StationIdentity = { ...(current ?? {}), ...patch };
  await setLocalSetting(db, 'station-identity', next);
  return next;
}

/**
 * After a restore the identity may lack what the app shows (names for case numbers, the mode): fills the gaps from
 * the station's record, the mode from whether this PC holds a sync token. The clerk's name stays unset, so the app
 * asks for it. Answers the completed identity, or null when there is none.
 */
export async function completeStationIdentity(db: LiaisonDatabase, host: HostApi): Promise<StationIdentity | null> {
  const identity = await getLocalSetting(db, 'station-identity');
  if (!identity) return null;
  const station = (await db.stations.findOne(identity.stationId).exec())?.toMutableJSON(false) ?? null;
  const completed: StationIdentity = {
    ...identity,
    stationName: identity.stationName || station?.name || identity.stationId,
    countyName: identity.countyName || station?.countyName || '',
    countyShortName: identity.countyShortName || station?.countyShortName || '',
    stationShortName: identity.stationShortName || station?.shortName || '',
    mode: identity.mode ?? ((await host.getSecret('syncToken')) !== null ? 'enrolled' : 'training'),
  };
  if (JSON.stringify(completed) !== JSON.stringify(identity)) await setLocalSetting(db, 'station-identity', completed);
  return completed;
}

/** A database from before the merge kept the profile in its own document: fold it into the identity, once. */
export async function mergeLegacyStationProfile(db: LiaisonDatabase): Promise<void> {
  const legacy = await db.getLocal<Record<string, unknown>>(legacyStationProfileDocId);
  if (!legacy) return;
  const data = legacy.toJSON().data as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const stationId = text('stationId');
  const countyId = text('countyId');
  if (stationId && countyId) {
    const current = await getLocalSetting(db, 'station-identity');
    const profile: Partial<StationIdentity> = {};
    for (const key of ['stationName', 'countyName', 'countyShortName', 'stationShortName', 'clerkName'] as const) {
      const value = text(key);
      if (value !== undefined) profile[key] = value;
    }
    if (data.mode === 'training' || data.mode === 'enrolled') profile.mode = data.mode;
    // The identity's own facts (device code, a newer station) win over the old profile's copy of them.
    await setLocalSetting(db, 'station-identity', {
      ...profile,
      ...(current ?? { stationId, countyId }),
      ...(profile.clerkName !== undefined ? { clerkName: profile.clerkName } : {}),
      ...(profile.mode ? { mode: profile.mode } : {}),
    });
  }
  await legacy.remove();
}
