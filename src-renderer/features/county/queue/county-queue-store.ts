// Filters and selection of the county's opinion queue (意见办理), kept while staff move between pages.
import { create } from 'zustand';
import type { OpinionCategory, OpinionStatus } from '../../../../src-shared/opinion/opinion';

export interface CountyQueueFilters {
  townshipId: string | null;
  stationId: string | null;
  category: OpinionCategory | null;
  /** Empty: every status except 已登记 (not yet submitted by the station). */
  statuses: OpinionStatus[];
  /** 'YYYY-MM-DD' inclusive range on the day the opinion was received. */
  dateFrom: string | null;
  dateTo: string | null;
  overdueOnly: boolean;
  text: string;
}

export const emptyCountyQueueFilters: CountyQueueFilters = {
  townshipId: null,
  stationId: null,
  category: null,
  statuses: [],
  dateFrom: null,
  dateTo: null,
  overdueOnly: false,
  text: '',
};

interface CountyQueueState {
  filters: CountyQueueFilters;
  /** Rows ticked for bulk 交办 / 办结. */
  selectedIds: string[];
  /** The opinion shown in the detail panel. */
  openId: string | null;
  setFilters: (patch: Partial<CountyQueueFilters>) => void;
  resetFilters: () => void;
  setSelectedIds: (ids: string[]) => void;
  open: (id: string | null) => void;
}

export const useCountyQueueStore = create<CountyQueueState>()((set) => ({
  filters: emptyCountyQueueFilters,
  selectedIds: [],
  openId: null,
  // Changing the filters drops the selection: a bulk action never applies to rows no longer shown.
  setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch }, selectedIds: [] })),
  resetFilters: () => set({ filters: emptyCountyQueueFilters, selectedIds: [] }),
  setSelectedIds: (selectedIds) => set({ selectedIds }),
  open: (openId) => set({ openId }),
}));
