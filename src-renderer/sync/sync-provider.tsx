// The sync owner for React: <SyncProvider> makes the database's one SyncOwner (sync-owner.ts); useSyncWith keeps a
// session running with given credentials while a component is mounted (the station shell, the county workspace),
// and useSync gives the running session to the pages that act on it (立即同步, 退出登录, a county write).
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { LiaisonDatabase } from '../db/database';
import type { SyncCredentials } from './credentials';
import { SyncOwner } from './sync-owner';
import type { SyncSession } from './sync-session';

const SyncOwnerContext = createContext<SyncOwner | null>(null);

export function SyncProvider({ database, children }: { database: LiaisonDatabase; children: ReactNode }) {
  const [owner, setOwner] = useState<SyncOwner | null>(null);
  useEffect(() => {
    const made = new SyncOwner(database);
    setOwner(made);
    return () => {
      setOwner(null);
      void made.close();
    };
  }, [database]);
  return <SyncOwnerContext.Provider value={owner}>{children}</SyncOwnerContext.Provider>;
}

/** Keeps the sync running with `credentials` while the caller is mounted; null asks for none. */
export function useSyncWith(credentials: SyncCredentials | null): void {
  const owner = useContext(SyncOwnerContext);
  useEffect(() => {
    if (!owner || !credentials) return;
    return owner.hold(credentials);
  }, [owner, credentials]);
}

/** The running sync session; null when none runs (training mode, not enrolled, signed out, starting). */
export function useSync(): SyncSession | null {
  const owner = useContext(SyncOwnerContext);
  const [session, setSession] = useState<SyncSession | null>(() => owner?.session ?? null);
  useEffect(() => {
    if (!owner) {
      setSession(null);
      return;
    }
    const subscription = owner.session$.subscribe(setSession);
    return () => subscription.unsubscribe();
  }, [owner]);
  return session;
}
