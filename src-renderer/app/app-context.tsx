// The app context every feature uses: the opened database, the station profile, the acting clerk, the restore notice.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Actor, RestoreNotice, StationProfile } from './app-types';
import type { AppDatabase } from './startup';
import { actorOf } from './station-profile';

export type { Actor, AppDatabase, RestoreNotice, StationProfile };

interface AppContextValue {
  database: AppDatabase;
  profile: StationProfile | null;
  restoreNotice: RestoreNotice | null;
  dismissRestoreNotice: () => void;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppContextProvider(props: AppContextValue & { children: ReactNode }) {
  const { database, profile, restoreNotice, dismissRestoreNotice, children } = props;
  const value = useMemo(
    () => ({ database, profile, restoreNotice, dismissRestoreNotice }),
    [database, profile, restoreNotice, dismissRestoreNotice],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside <AppContextProvider>: the database is not open yet');
  return value;
}

/** The opened RxDB database (collections and repositories of src-renderer/db). */
export function useDatabase(): AppDatabase {
  return useAppContext().database;
}

/** The station profile; pages inside the shell always have one (first run shows the setup screen instead). */
export function useStationProfile(): StationProfile {
  const profile = useAppContext().profile;
  if (!profile) throw new Error('useStationProfile before the station was set up');
  return profile;
}

/** The station profile, or null during first-run setup. */
export function useOptionalStationProfile(): StationProfile | null {
  return useAppContext().profile;
}

/** The person acting: the clerk's name and the station role, for history entries and lifecycle checks. */
export function useActor(): Actor {
  const profile = useStationProfile();
  return useMemo(() => actorOf(profile), [profile]);
}

/** The automatic-restore notice (null when nothing was restored or it was dismissed). */
export function useRestoreNotice(): { notice: RestoreNotice | null; dismiss: () => void } {
  const { restoreNotice, dismissRestoreNotice } = useAppContext();
  return { notice: restoreNotice, dismiss: dismissRestoreNotice };
}
