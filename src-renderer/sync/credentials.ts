// Where the sync connection is kept: one secret (through the host bridge) holding the server address and token,
// so it lives outside IndexedDB and survives a lost database (the Electron host keeps secrets in the OS store).
import type { StationCredentials } from '../../src-shared/api/enrolment';
import type { CountyCredentials } from '../../src-shared/api/staff-session';
import { getHost } from '../platform/host';
import type { ClientRole } from './sync-client';

/** An enrolled station (a long-lived token tied to one station) or county staff signed in (a session that expires). */
export type SyncCredentials = StationCredentials | CountyCredentials;

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Reads the secret back; null when there is none or it is unreadable (then the app asks to enrol again). */
export function parseCredentials(text: string | null): SyncCredentials | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isString(v.serverUrl) || !isString(v.token) || !isString(v.countyId)) return null;
  if (v.role === 'station' && isString(v.stationId)) return v as unknown as StationCredentials;
  if (v.role === 'county' && isString(v.user) && isString(v.expiresAt)) return v as unknown as CountyCredentials;
  return null;
}

const listeners = new Set<() => void>();

/** Called after enrolment, sign-in and sign-out (the sync restarts, the 同步 page re-reads). Returns unsubscribe. */
export function onCredentialsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

export async function readCredentials(): Promise<SyncCredentials | null> {
  return parseCredentials(await getHost().getSecret('syncToken'));
}

/** `quiet`: stores without telling the app (used right before a reload, when nothing may restart on it). */
export async function saveCredentials(credentials: SyncCredentials, options: { quiet?: boolean } = {}): Promise<void> {
  await getHost().setSecret('syncToken', JSON.stringify(credentials));
  if (!options.quiet) notify();
}

export async function forgetCredentials(): Promise<void> {
  await getHost().deleteSecret('syncToken');
  notify();
}

/** Whether a county session is still valid at `now`. */
export function isSessionValid(credentials: SyncCredentials, now: Date = new Date()): boolean {
  return credentials.role === 'station' || credentials.expiresAt > now.toISOString();
}

export function roleOf(credentials: SyncCredentials): ClientRole {
  return credentials.role;
}
