// Starts and stops the sync with the app: mounted once inside the app context, it runs while this PC is enrolled
// (or county staff are signed in), restarts when the credentials change, and stops in training mode and on close.
import { useEffect, useState } from 'react';
import { useDatabase, useOptionalStationProfile } from '../app/app-context';
import { useSyncStatusStore } from '../state/sync-status-store';
import { onCredentialsChanged, readCredentials, type SyncCredentials } from './credentials';
import { type SyncEngine, startSyncIfEnrolled } from './sync-engine';

export function SyncRunner() {
  const database = useDatabase();
  const profile = useOptionalStationProfile();
  const enrolled = profile?.mode === 'enrolled';
  const stationId = profile?.stationId ?? '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: another station set up on this PC restarts the sync.
  useEffect(() => {
    if (!enrolled) return;
    let engine: SyncEngine | null = null;
    let stopped = false;
    let queue: Promise<void> = Promise.resolve();
    // Start/stop calls are queued: two engines must never replicate one database at once.
    const restart = () => {
      queue = queue.then(async () => {
        await engine?.stop();
        engine = null;
        if (stopped) return;
        try {
          engine = await startSyncIfEnrolled(database);
          if (!engine) useSyncStatusStore.getState().update({ online: false, progress: null });
        } catch (error) {
          useSyncStatusStore.getState().update({ lastError: error instanceof Error ? error.message : String(error) });
        }
      });
    };
    const unsubscribe = onCredentialsChanged(restart);
    restart();
    return () => {
      stopped = true;
      unsubscribe();
      queue = queue.then(async () => {
        await engine?.stop();
        engine = null;
      });
    };
  }, [database, enrolled, stationId]);

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
