// County staff sessions: sign-in with a staff account for a session that expires, and what the app keeps of it.

/** POST syncRoutes.login (POST syncRoutes.logout ends the session of the bearer token). */
export interface LoginRequest {
  user: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: string;
  countyId: string;
  countyName: string;
  expiresAt: string;
}

/** What a signed-in staff member's app keeps (in the host's secret store): the server's answer, where and when. */
export interface CountyCredentials extends LoginResponse {
  role: 'county';
  serverUrl: string;
  signedInAt: string;
}
