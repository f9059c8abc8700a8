// RxDB-backed hooks of the mediation feature: the repository, the case list, one case, the station's representatives.
import { useMemo } from 'react';
import type { MediationCase, MediationCaseStatus } from '../../../src-shared/mediation-case/mediation-case';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { createRepositories } from '../../db/database-context';
import type { MediationCaseFilter, MediationCaseRepository } from '../../db/repositories/mediation-case-repository';
import { useRxDocument, useRxQueryResult } from '../../db/use-rx';

function useRepositories() {
  const database = useDatabase();
  return useMemo(() => createRepositories(database), [database]);
}

export function useMediationRepository(): MediationCaseRepository {
  return useRepositories().mediationCases;
}

export function useMediationCases(status: MediationCaseStatus | undefined, text: string) {
  const repository = useMediationRepository();
  const filter: MediationCaseFilter = {};
  if (status) filter.status = status;
  if (text.trim()) filter.text = text.trim();
  return useRxQueryResult(() => repository.list$({ filter }), [repository, status, text]);
}

export function useMediationCase(id: string) {
  const repository = useMediationRepository();
  return useRxDocument<MediationCase>(() => repository.byId$(id), [repository, id]);
}

/** The station's serving representatives (reference data), in name order. */
export function useStationRepresentatives() {
  const { reference } = useRepositories();
  const { stationId } = useStationProfile();
  return useRxQueryResult(() => reference.representatives$({ stationId }), [reference, stationId]);
}
