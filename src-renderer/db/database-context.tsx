// Gives pages the local database and its repositories through React context.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { LiaisonDatabase } from './database';
import { ActivityRepository } from './repositories/activity-repository';
import { MediationCaseRepository } from './repositories/mediation-case-repository';
import { OpinionRepository } from './repositories/opinion-repository';
import { PhotoRepository } from './repositories/photo-repository';
import { ReceptionDayRepository } from './repositories/reception-day-repository';
import { ReferenceRepository } from './repositories/reference-repository';

export interface Repositories {
  db: LiaisonDatabase;
  opinions: OpinionRepository;
  receptionDays: ReceptionDayRepository;
  mediationCases: MediationCaseRepository;
  activities: ActivityRepository;
  photos: PhotoRepository;
  reference: ReferenceRepository;
}

export function createRepositories(db: LiaisonDatabase): Repositories {
  return {
    db,
    opinions: new OpinionRepository(db),
    receptionDays: new ReceptionDayRepository(db),
    mediationCases: new MediationCaseRepository(db),
    activities: new ActivityRepository(db),
    photos: new PhotoRepository(db),
    reference: new ReferenceRepository(db),
  };
}

const RepositoriesContext = createContext<Repositories | null>(null);

export function DatabaseProvider({ db, children }: { db: LiaisonDatabase; children: ReactNode }) {
  const repositories = useMemo(() => createRepositories(db), [db]);
  return <RepositoriesContext.Provider value={repositories}>{children}</RepositoriesContext.Provider>;
}

/** The repositories of the open database; throws outside <DatabaseProvider>. */
export function useRepositories(): Repositories {
  const value = useContext(RepositoriesContext);
  if (!value) throw new Error('useRepositories() needs <DatabaseProvider> around the app');
  return value;
}
