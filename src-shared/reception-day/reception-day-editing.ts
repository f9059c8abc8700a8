// A reception day can be re-planned (date, time, place, representatives on duty, topic, notes) until it is held
// or cancelled; after that it is a record of what happened.
import { DomainError } from '../common/domain-error';
import type { ReceptionDay } from './reception-day';

export const receptionDayPlanFields = [
  'date',
  'startTime',
  'endTime',
  'place',
  'representativeIds',
  'topic',
  'notes',
] as const;
export type ReceptionDayPlanField = (typeof receptionDayPlanFields)[number];

/** Fields printed on the notice (接待日公告): changing one after posting means the notice must be printed again. */
export const receptionDayNoticeFields: readonly ReceptionDayPlanField[] = [
  'date',
  'startTime',
  'endTime',
  'place',
  'representativeIds',
  'topic',
];

export function isReceptionDayEditable(day: Pick<ReceptionDay, 'status'>): boolean {
  return day.status === 'planned';
}

/** Throws DomainError('reception_day_not_editable') unless the day is still planned. */
export function assertReceptionDayEditable(day: Pick<ReceptionDay, 'status'>): void {
  if (isReceptionDayEditable(day)) return;
  throw new DomainError({
    code: 'reception_day_not_editable',
    message:
      day.status === 'held'
        ? '接待日已登记开展情况，不能再修改计划'
        : '接待日已取消，不能再修改计划；如需接待请重新计划一个接待日',
    messageEn: `A ${day.status} reception day cannot be re-planned`,
  });
}
