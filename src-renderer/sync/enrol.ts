// Enrols this PC with the county sync server: exchanges the one-time code for a token, keeps it through the host
// bridge, and learns the station's names (for case numbers) from the reference data the server sends.
import {
  type EnrollRequest,
  type EnrollResponse,
  isPreIssuedEnrolment,
  type PreIssuedEnrolment,
  type StationCredentials,
} from '../../src-shared/api/enrolment';
import { syncRoutes } from '../../src-shared/api/routes';
import type { PullResponse } from '../../src-shared/api/sync-protocol';
import type { Provisioning } from '../../src-shared/host/host-api';
import type { Station } from '../../src-shared/station/station';
import { getHost } from '../platform/host';
import { forgetCredentials, readCredentials, saveCredentials } from './credentials';
import { createSyncClient, normaliseServerUrl, SyncError } from './sync-client';

export interface EnrolRequest {
  /** e.g. https://sync.xiangzhou.example/ */
  serverUrl: string;
  /** One-time code issued by the county office. */
  code: string;
  /** This PC's name, shown to county staff. */
  deviceName: string;
}

/** What the server tells an enrolled station about itself (the station profile is built from it). */
export interface EnrolledStation {
  stationId: string;
  stationName: string;
  stationShortName: string;
  countyId: string;
  countyName: string;
  countyShortName: string;
}

export interface EnrolOptions {
  /** Injectable for tests. */
  fetch?: typeof fetch;
}

/** 象州县 → 象州, 金秀瑶族自治县 → 金秀; used only when the server's station record lacks a short name. */
export function shortCountyName(name: string): string {
  const stripped = name.replace(/(瑶族自治县|自治县|县|市|区)$/, '');
  return (stripped || name).replace(/[-\s]/g, '').slice(0, 4) || '本县';
}

function shortStationName(name: string): string {
  return name.replace(/[-\s]/g, '').slice(0, 4) || '本站';
}

/** Finds this station's own record among the reference data the new token may read. */
async function fetchOwnStation(
  client: ReturnType<typeof createSyncClient>,
  stationId: string,
): Promise<Station | null> {
  let seq = 0;
  // The station's scope holds few stations (its own); a bounded loop guards against a misbehaving server.
  for (let page = 0; page < 20; page++) {
    const response = await client.request<PullResponse<Station>>(syncRoutes.pull('stations'), {
      query: { seq, limit: 200 },
    });
    const own = response.documents.find((doc) => doc.id === stationId && !doc._deleted);
    if (own) return own;
    if (response.documents.length < 200 || response.checkpoint.seq <= seq) return null;
    seq = response.checkpoint.seq;
  }
  return null;
}

/** The station as the profile needs it; the server's record supplies the short names when it can be reached. */
async function describeStation(credentials: StationCredentials, options: EnrolOptions): Promise<EnrolledStation> {
  const { version } = await getHost().appInfo();
  const client = createSyncClient({
    serverUrl: credentials.serverUrl,
    token: credentials.token,
    appVersion: version,
    role: 'station',
    fetch: options.fetch,
  });
  let station: Station | null = null;
  try {
    station = await fetchOwnStation(client, credentials.stationId);
  } catch {
    // The names can come later with the first sync; enrolment itself succeeded.
  }
  return {
    stationId: credentials.stationId,
    stationName: station?.name ?? credentials.stationName,
    stationShortName: station?.shortName ?? shortStationName(credentials.stationName),
    countyId: credentials.countyId,
    countyName: station?.countyName ?? credentials.countyName,
    countyShortName: station?.countyShortName ?? shortCountyName(credentials.countyName),
  };
}

export async function enrolStation(request: EnrolRequest, options: EnrolOptions = {}): Promise<EnrolledStation> {
  const serverUrl = normaliseServerUrl(request.serverUrl);
  const code = request.code.replace(/\s+/g, '');
  const deviceName = request.deviceName.trim();
  if (!code) {
    throw new SyncError({
      code: 'enrolment_code_missing',
      status: 0,
      message: '请填写县人大常委会发放的注册码',
      messageEn: 'The enrolment code is missing',
    });
  }
  const { version } = await getHost().appInfo();
  const anonymous = createSyncClient({
    serverUrl,
    token: null,
    appVersion: version,
    role: 'station',
    fetch: options.fetch,
  });
  const body: EnrollRequest = { code, deviceName: deviceName || '联络站电脑' };
  const enrolled = await anonymous.request<EnrollResponse>(syncRoutes.enroll, { method: 'POST', body });

  const credentials: StationCredentials = {
    role: 'station',
    serverUrl,
    token: enrolled.token,
    stationId: enrolled.stationId,
    stationName: enrolled.stationName,
    countyId: enrolled.countyId,
    countyName: enrolled.countyName,
    deviceName: body.deviceName,
    enrolledAt: new Date().toISOString(),
  };
  // The code is spent now: keep the token before anything else can fail.
  await saveCredentials(credentials);
  return describeStation(credentials, options);
}

/**
 * A provisioned server address and code: placed by the installer (desktop host), or given in the page address as
 * `?server=…&code=…` (a browser opened by the start script or an installer's link).
 */
export async function findProvisioning(
  search: string = globalThis.location?.search ?? '',
): Promise<Provisioning | null> {
  const fromHost = await getHost().readProvisioning();
  if (fromHost) return fromHost;
  const params = new URLSearchParams(search);
  const serverUrl = params.get('server');
  const enrolmentCode = params.get('code');
  if (!serverUrl || !enrolmentCode) return null;
  const deviceName = params.get('device');
  return deviceName ? { serverUrl, enrolmentCode, deviceName } : { serverUrl, enrolmentCode };
}

/** Keeps a pre-issued token (the demo station of `npm start`): no code to exchange, the server made the token. */
export async function adoptEnrolment(
  enrolment: PreIssuedEnrolment,
  options: EnrolOptions = {},
): Promise<EnrolledStation> {
  const credentials: StationCredentials = {
    role: 'station',
    serverUrl: normaliseServerUrl(enrolment.serverUrl),
    token: enrolment.token,
    stationId: enrolment.stationId,
    stationName: enrolment.stationName ?? '',
    countyId: enrolment.countyId,
    countyName: enrolment.countyName ?? '',
    deviceName: enrolment.deviceName ?? '演示电脑',
    enrolledAt: new Date().toISOString(),
  };
  await saveCredentials(credentials);
  return describeStation(credentials, options);
}

/**
 * First run without the clerk typing a code: a PC that holds a station token already (enrolled, but the app closed
 * before the profile was saved) resumes with it; otherwise a provisioned code is exchanged. Null when neither.
 */
export async function resumeOrProvisionedEnrolment(options: EnrolOptions = {}): Promise<EnrolledStation | null> {
  const existing = await readCredentials();
  if (existing?.role === 'station') return describeStation(existing, options);
  const provisioning = await findProvisioning();
  if (!provisioning) return null;
  // A host may hand over a token issued by the server instead of a code (the demo station of `npm start`).
  if (isPreIssuedEnrolment(provisioning)) return adoptEnrolment(provisioning, options);
  return enrolFromProvisioning(provisioning, options);
}

/** Enrols with the provisioned code (the code works only once: a PC already enrolled keeps its token). */
export async function enrolFromProvisioning(
  provisioning: Provisioning,
  options: EnrolOptions = {},
): Promise<EnrolledStation> {
  const existing = await readCredentials();
  if (existing?.role === 'station') return describeStation(existing, options);
  return enrolStation(
    { serverUrl: provisioning.serverUrl, code: provisioning.enrolmentCode, deviceName: provisioning.deviceName ?? '' },
    options,
  );
}

/** "注销本机注册": forgets the token here (the county revokes it on the server). Local records stay. */
export async function forgetEnrolment(): Promise<void> {
  await forgetCredentials();
}
