// Filters and sorting of the 群众意见 list, kept while the clerk moves between pages.
import { create } from 'zustand';

export type OpinionSortField = 'receivedAt' | 'updatedAt';

export interface OpinionFilters {
  status: string[];
  category: string[];
  /** 'YYYY-MM-DD' inclusive range on the day the opinion was received. */
  dateFrom: string | null;
  dateTo: string | null;
  representativeId: string | null;
  text: string;
}

interface OpinionFilterState extends OpinionFilters {
  /** How many rows the list shows (a multiple of opinionListPageSize); reset when filters change. */
  limit: number;
  showMore: () => void;
  sortField: OpinionSortField;
  sortOrder: 'asc' | 'desc';
  setFilters: (patch: Partial<OpinionFilters>) => void;
  setSort: (field: OpinionSortField, order: 'asc' | 'desc') => void;
  reset: () => void;
}

/** Rows the list loads at a time (newest first); 显示更多 loads the next page. Keeps 50,000 opinions responsive. */
export const opinionListPageSize = 1000;

export const emptyOpinionFilters: OpinionFilters = {
  status: [],
  category: [],
  dateFrom: null,
  dateTo: null,
  representativeId: null,
  text: '',
};

export const useOpinionFilterStore = create<OpinionFilterState>()((set) => ({
  ...emptyOpinionFilters,
  limit: opinionListPageSize,
  showMore: () => set((state) => ({ limit: state.limit + opinionListPageSize })),
  sortField: 'receivedAt',
  sortOrder: 'desc',
  setFilters: (patch) => set({ ...patch, limit: opinionListPageSize }),
  setSort: (sortField, sortOrder) => set({ sortField, sortOrder, limit: opinionListPageSize }),
  reset: () => set({ ...emptyOpinionFilters, limit: opinionListPageSize }),
}));
