// The station's rule for running the sync: while this PC is an enrolled station, the sync owner (sync-provider.tsx)
// runs with the stored credentials, restarting when they change; in training mode nothing runs. Also the stored
// credentials as a hook, for the pages that show or choose by them.
import { useEffect, useState } from 'react';
import { useOptionalStationProfile } from '../app/app-context';
import { useSyncStatusStore } from '../state/sync-status-store';
import { onCredentialsChanged, readCredentials, type SyncCredentials } from './credentials';
import { useSyncWith } from './sync-provider';

export function SyncRunner() {
  const profile = useOptionalStationProfile();
  const enrolled = profile?.mode === 'enrolled';
  const { credentials, loading } = useSyncCredentials();
  useSyncWith(enrolled ? credentials : null);

  useEffect(() => {
    // Enrolled without a token (注销本机注册, or the secret was lost): nothing runs, and the status says so.
    if (enrolled && !loading && !credentials) useSyncStatusStore.getState().update({ online: false, progress: null });
  }, [enrolled, loading, credentials]);

  return null;
}

/** The stored credentials, re-read whenever they change (null while loading or when there are none). */
export function useSyncCredentials(): { credentials: SyncCredentials | null; loading: boolean } {
  const [state, setState] = useState<{ credentials: SyncCredentials | null; loading: boolean }>({
    credentials: null,
    loading: true,
  });
  useEffect(() => {
    let active = true;
    const load = () =>
      void readCredentials().then((credentials) => {
        if (active) setState({ credentials, loading: false });
      });
    const unsubscribe = onCredentialsChanged(load);
    load();
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
  return state;
}
