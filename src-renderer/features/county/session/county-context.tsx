// What every county page needs: the staff session (credentials, actor, county API), the county's reference lists,
// and a way to report that the server refused the session (the page then asks to sign in again).

import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { CountyReference } from '../../../../src-shared/api/county-workspace';
import type { CountyCredentials } from '../../../../src-shared/api/staff-session';
import type { Actor } from '../../../../src-shared/common/lifecycle';
import { type CountyApi, createCountyApi } from '../county-api';

export interface CountySession {
  credentials: CountyCredentials;
  /** County staff act as `{ name: user, role: 'county' }` in history entries and lifecycle checks. */
  actor: Actor;
  api: CountyApi;
  /** The county, townships and stations; null until loaded (or when the server could not be reached). */
  reference: CountyReference | null;
  sessionExpired: boolean;
  expireSession: () => void;
}

const CountySessionContext = createContext<CountySession | null>(null);

export function useCountySession(): CountySession {
  const value = useContext(CountySessionContext);
  if (!value) throw new Error('useCountySession outside <CountySessionProvider>');
  return value;
}

export function CountySessionProvider({
  credentials,
  appVersion,
  children,
}: {
  credentials: CountyCredentials;
  appVersion: string;
  children: ReactNode;
}) {
  const [expired, setExpired] = useState(false);
  const expireSession = useCallback(() => setExpired(true), []);
  const api = useMemo(
    () => createCountyApi(credentials, { appVersion, onSessionExpired: expireSession }),
    [credentials, appVersion, expireSession],
  );

  // A new sign-in (new token) makes the session good again, until the end the server announced at sign-in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token restarts the session even at the same end.
  useEffect(() => {
    const left = Date.parse(credentials.expiresAt) - Date.now();
    setExpired(!Number.isNaN(left) && left <= 0);
    if (Number.isNaN(left) || left <= 0) return;
    // setTimeout holds at most ~24.8 days; a staff session lasts hours.
    const timer = setTimeout(() => setExpired(true), Math.min(left, 2_000_000_000));
    return () => clearTimeout(timer);
  }, [credentials.token, credentials.expiresAt]);

  // Failing to load it only leaves the filters without lists; the pages say what failed on their own requests.
  const reference = useQuery({
    queryKey: ['county', credentials.token, 'reference'],
    queryFn: () => api.reference(),
  }).data;

  const value = useMemo<CountySession>(
    () => ({
      credentials,
      actor: { name: credentials.user, role: 'county' },
      api,
      reference: reference ?? null,
      sessionExpired: expired,
      expireSession,
    }),
    [credentials, api, reference, expired, expireSession],
  );
  return <CountySessionContext.Provider value={value}>{children}</CountySessionContext.Provider>;
}
