// County staff in a browser: sign in with a staff account (a 12-hour session) and sign out again.
import { type LoginRequest, type LoginResponse, syncRoutes } from '../../src-shared/sync/protocol';
import { getHost } from '../platform/host';
import { type CountyCredentials, forgetCredentials, readCredentials, saveCredentials } from './credentials';
import { createSyncClient, normaliseServerUrl } from './sync-client';

export interface CountySignInRequest {
  serverUrl: string;
  user: string;
  password: string;
}

export async function signInCounty(request: CountySignInRequest, options: { fetch?: typeof fetch } = {}) {
  const serverUrl = normaliseServerUrl(request.serverUrl);
  const { version } = await getHost().appInfo();
  const client = createSyncClient({
    serverUrl,
    token: null,
    appVersion: version,
    role: 'county',
    fetch: options.fetch,
  });
  const body: LoginRequest = { user: request.user.trim(), password: request.password };
  const session = await client.request<LoginResponse>(syncRoutes.login, { method: 'POST', body });
  const credentials: CountyCredentials = {
    role: 'county',
    serverUrl,
    token: session.token,
    user: session.user,
    countyId: session.countyId,
    countyName: session.countyName,
    expiresAt: session.expiresAt,
    signedInAt: new Date().toISOString(),
  };
  await saveCredentials(credentials);
  return credentials;
}

/** Ends the session on the server (best effort: offline, the session simply expires) and forgets it here. */
export async function signOutCounty(options: { fetch?: typeof fetch } = {}): Promise<void> {
  const credentials = await readCredentials();
  if (credentials?.role === 'county') {
    const { version } = await getHost().appInfo();
    const client = createSyncClient({
      serverUrl: credentials.serverUrl,
      token: credentials.token,
      appVersion: version,
      role: 'county',
      fetch: options.fetch,
      timeoutMs: 5_000,
    });
    await client.request(syncRoutes.logout, { method: 'POST' }).catch(() => undefined);
  }
  await forgetCredentials();
}
