// Hooks for the station's reference data (representatives, departments), straight from RxDB queries.
import { useMemo } from 'react';
import type { Department } from '../../src-shared/department/department';
import type { Representative } from '../../src-shared/representative/representative';
import { useRxQueryResult } from '../db/use-rx';
import { useDatabase, useStationProfile } from './app-context';

export interface ReferenceList<T> {
  items: T[];
  byId: Map<string, T>;
  loading: boolean;
}

function toList<T extends { id: string }>(items: T[] | undefined, loading: boolean): ReferenceList<T> {
  const list = items ?? [];
  return { items: list, byId: new Map(list.map((item) => [item.id, item])), loading };
}

/** Representatives grouped into this station (active ones unless `includeInactive`), sorted by level then name. */
export function useStationRepresentatives(includeInactive = false): ReferenceList<Representative> {
  const database = useDatabase();
  const { stationId } = useStationProfile();
  const result = useRxQueryResult(
    () => database.representatives.find({ selector: { stationId }, sort: [{ id: 'asc' }] }).$,
    [database, stationId],
  );
  return useMemo(() => {
    const docs = (result.value ?? [])
      .map((doc) => doc.toJSON() as Representative)
      .filter((r) => includeInactive || r.active);
    return toList(docs, result.loading);
  }, [result.value, result.loading, includeInactive]);
}

/** Departments of the county (承办单位), sorted by name. */
export function useDepartments(): ReferenceList<Department> {
  const database = useDatabase();
  const result = useRxQueryResult(() => database.departments.find({ sort: [{ name: 'asc' }] }).$, [database]);
  return useMemo(
    () =>
      toList(
        (result.value ?? []).map((doc) => doc.toJSON() as Department),
        result.loading,
      ),
    [result.value, result.loading],
  );
}
