// Station enrolment: one-time codes issued by the county (CLI), exchanged once by the station app for a token.
import type { EnrollResponse } from '../../../src-shared/api/enrolment';
import { HttpError, notFound } from '../plugins/errors';
import { hashSecret, newEnrolmentCode, newToken, normaliseEnrolmentCode } from '../security/secrets';
import type { Store } from '../store/store';

export interface IssuedCode {
  code: string;
  stationId: string;
  stationName: string;
  expiresAt: string;
}

function stationName(body: Record<string, unknown>): string {
  return typeof body.name === 'string' ? body.name : '';
}

/** Issues a one-time enrolment code for a station (valid `validityMs`, default 7 days). */
export async function issueEnrolmentCode(
  store: Store,
  stationId: string,
  now: Date,
  validityMs = 7 * 24 * 60 * 60 * 1000,
): Promise<IssuedCode> {
  const station = await store.getDocument('stations', stationId);
  if (!station || station.deleted) {
    throw notFound('station_not_found', `找不到编号为 ${stationId} 的联络站：请先用 "stations list" 查看编号`);
  }
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + validityMs).toISOString();
  await store.createEnrolmentCode({
    hash: hashSecret(code),
    stationId,
    countyId: station.countyId,
    createdAt: now.toISOString(),
    expiresAt,
  });
  await store.audit({
    at: now.toISOString(),
    actor: 'cli',
    action: 'issueEnrolmentCode',
    target: stationId,
    detail: null,
  });
  return { code, stationId, stationName: stationName(station.body), expiresAt };
}

const refusals = {
  unknown: ['enrolment_code_invalid', '注册码不正确：请核对后重新输入，或向县人大常委会索取新的注册码'],
  used: ['enrolment_code_used', '该注册码已被使用，请向县人大常委会索取新的注册码'],
  expired: ['enrolment_code_expired', '该注册码已过期（有效期7天），请向县人大常委会索取新的注册码'],
  revoked: ['enrolment_code_revoked', '该注册码已作废，请向县人大常委会索取新的注册码'],
} as const;

/** Exchanges a code for a station token (shown once to the app, stored only hashed). */
export async function enrolDevice(
  store: Store,
  typedCode: string,
  deviceName: string,
  now: Date,
): Promise<EnrollResponse> {
  const token = newToken();
  const at = now.toISOString();
  const outcome = await store.enrol(hashSecret(normaliseEnrolmentCode(typedCode)), at, {
    hash: hashSecret(token),
    kind: 'station',
    deviceName,
    createdAt: at,
    revokedAt: null,
    expiresAt: null,
  });
  if (!outcome.ok) {
    const [code, message] = refusals[outcome.reason];
    throw new HttpError(401, code, message);
  }
  const station = await store.getDocument('stations', outcome.stationId);
  const county = await store.getCounty(outcome.countyId);
  await store.audit({
    at,
    actor: `station:${outcome.stationId}`,
    action: 'enrol',
    target: outcome.stationId,
    detail: deviceName,
  });
  return {
    token,
    stationId: outcome.stationId,
    stationName: station ? stationName(station.body) : '',
    countyId: outcome.countyId,
    countyName: county?.name ?? '',
  };
}

/** Cuts a station off: its tokens and unused codes stop working at once. */
export async function revokeStation(store: Store, stationId: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const count = await store.revokeStation(stationId, at);
  await store.audit({ at, actor: 'cli', action: 'revokeStation', target: stationId, detail: `${count} token(s)` });
  return count;
}
