// Loads the demo data into a store (idempotent) and, on request, pre-enrols one demo station for the start script.
import type { PreIssuedEnrolment } from '../../../src-shared/api/enrolment';
import { hashSecret, newToken, verifyPassword } from '../security/secrets';
import { writeReference } from '../services/reference-data';
import { addStaff } from '../services/staff';
import type { Store } from '../store/store';
import { buildDemoData, type DemoData } from './demo-data';

export interface DemoSummary {
  counties: number;
  townships: number;
  stations: number;
  representatives: number;
  departments: number;
  /** Documents actually (re)written by this run; 0 on a repeated run. */
  written: number;
  staff: { user: string; countyId: string; password: string }[];
}

export async function loadDemo(store: Store, now: Date): Promise<DemoSummary> {
  const data: DemoData = buildDemoData();
  await store.upsertCounties(data.counties);
  let written = (await writeReference(store, 'stations', data.stations, data.townships)).length;
  written += (await writeReference(store, 'representatives', data.representatives)).length;
  written += (await writeReference(store, 'departments', data.departments)).length;
  for (const account of data.staff) {
    const existing = await store.getStaff(account.user);
    // Hashing is deliberately slow: keep an account that already has the demo password.
    if (existing?.countyId === account.countyId && (await verifyPassword(account.password, existing.passwordHash)))
      continue;
    await addStaff(store, account.user, account.countyId, account.password, now);
  }
  await store.audit({
    at: now.toISOString(),
    actor: 'cli',
    action: 'loadDemo',
    target: null,
    detail: `${written} written`,
  });
  return {
    counties: data.counties.length,
    townships: data.townships.length,
    stations: data.stations.length,
    representatives: data.representatives.length,
    departments: data.departments.length,
    written,
    staff: data.staff,
  };
}

/** Enrols a station directly (no code exchange) and returns its new token, as the app adopts it (see
 * src-shared/api/enrolment.ts); earlier tokens stay valid. */
export async function preEnrolStation(
  store: Store,
  stationId: string,
  serverUrl: string,
  now: Date,
  deviceName = 'demo',
): Promise<Required<PreIssuedEnrolment>> {
  const station = await store.getDocument('stations', stationId);
  if (!station || station.deleted)
    throw new Error(`找不到编号为 ${stationId} 的联络站：请先运行 demo，或用 "stations list" 查看编号`);
  const token = newToken();
  await store.createToken({
    hash: hashSecret(token),
    kind: 'station',
    subject: stationId,
    countyId: station.countyId,
    stationId,
    deviceName,
    createdAt: now.toISOString(),
    revokedAt: null,
    expiresAt: null,
  });
  await store.audit({ at: now.toISOString(), actor: 'cli', action: 'preEnrol', target: stationId, detail: deviceName });
  const county = await store.getCounty(station.countyId);
  return {
    serverUrl,
    token,
    stationId,
    stationName: typeof station.body.name === 'string' ? station.body.name : '',
    countyId: station.countyId,
    countyName: county?.name ?? '',
    deviceName,
  };
}
