// The county's opinion queue as pure functions: which opinions match the filters, which are overdue, which of a
// selection a bulk action applies to (the lifecycle decides).

import type { Opinion, OpinionStatus } from '../../../../src-shared/opinion/opinion';
import { isOpinionOverdue } from '../../../../src-shared/opinion/opinion-deadline';
import { type OpinionAction, opinionActions } from '../../../../src-shared/opinion/opinion-lifecycle';
import type { CountyQueueFilters } from './county-queue-store';

/** Overdue (超期): one rule for the station and the county, in src-shared. */
export const isOverdue = isOpinionOverdue;

/** Working statuses: the county still has something to do. */
export const pendingStatuses: readonly OpinionStatus[] = ['submitted', 'accepted', 'returned', 'assigned', 'rated'];

/** The day an ISO time falls on in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDay(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso.slice(0, 10);
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface QueueContext {
  /** Township of each station of the county. */
  townshipOf: ReadonlyMap<string, string>;
  today: string;
}

export function matchesQueue(opinion: Opinion, filters: CountyQueueFilters, context: QueueContext): boolean {
  if (filters.statuses.length > 0) {
    if (!filters.statuses.includes(opinion.status)) return false;
  } else if (opinion.status === 'recorded') {
    return false;
  }
  if (filters.stationId && opinion.stationId !== filters.stationId) return false;
  if (filters.townshipId && context.townshipOf.get(opinion.stationId) !== filters.townshipId) return false;
  if (filters.category && opinion.category !== filters.category) return false;
  if (filters.dateFrom || filters.dateTo) {
    const day = shanghaiDay(opinion.receivedAt);
    if (filters.dateFrom && day < filters.dateFrom) return false;
    if (filters.dateTo && day > filters.dateTo) return false;
  }
  if (filters.overdueOnly && !isOverdue(opinion, context.today)) return false;
  const text = filters.text.trim().toLowerCase();
  if (text && !`${opinion.title}\n${opinion.content}`.toLowerCase().includes(text)) return false;
  return true;
}

/** The queue: matching opinions, overdue first, then newest received first. */
export function filterQueue(
  opinions: readonly Opinion[],
  filters: CountyQueueFilters,
  context: QueueContext,
): Opinion[] {
  return opinions
    .filter((o) => matchesQueue(o, filters, context))
    .sort((a, b) => {
      const overdue = Number(isOverdue(b, context.today)) - Number(isOverdue(a, context.today));
      if (overdue !== 0) return overdue;
      return a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0;
    });
}

/** The commands a bulk action takes on one opinion: bulk 交办 accepts a submitted opinion first (受理 → 交办). */
export function bulkSteps(opinion: Opinion, action: 'assign' | 'close'): OpinionAction[] {
  const allowed = opinionActions(opinion, 'county');
  if (allowed.includes(action)) return [action];
  if (action === 'assign' && allowed.includes('accept')) {
    const accepted = opinionActions({ ...opinion, status: 'accepted' }, 'county');
    return accepted.includes('assign') ? ['accept', 'assign'] : [];
  }
  return [];
}

/** Splits a selection into the opinions a bulk action applies to now and the others (left untouched). */
export function partitionForAction(
  opinions: readonly Opinion[],
  action: 'assign' | 'close',
): { applicable: Opinion[]; skipped: Opinion[] } {
  const applicable: Opinion[] = [];
  const skipped: Opinion[] = [];
  for (const opinion of opinions) (bulkSteps(opinion, action).length > 0 ? applicable : skipped).push(opinion);
  return { applicable, skipped };
}
