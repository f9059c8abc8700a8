// A station PC's enrolment: the one-time code exchanged for a long-lived station token, the token the server's CLI
// issues directly (the demo station of `npm start`), and the credentials the app keeps from either.

/** POST syncRoutes.enroll */
export interface EnrollRequest {
  code: string;
  deviceName: string;
}

export interface EnrollResponse {
  token: string;
  stationId: string;
  stationName: string;
  countyId: string;
  countyName: string;
}

/** A station token issued by the server's CLI without a code, with where to use it (`demo --enroll-station`). */
export interface PreIssuedEnrolment extends EnrollResponse {
  serverUrl: string;
  deviceName?: string;
}

export function isPreIssuedEnrolment(value: unknown): value is PreIssuedEnrolment {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['serverUrl', 'token', 'stationId', 'countyId'].every((key) => typeof v[key] === 'string' && v[key] !== '');
}

/** What an enrolled station keeps (in the host's secret store): the server's answer, where and when. */
export interface StationCredentials extends EnrollResponse {
  role: 'station';
  serverUrl: string;
  deviceName: string;
  enrolledAt: string;
}
