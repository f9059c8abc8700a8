// The reception-day lifecycle as data: planned → held (with representatives present) or cancelled (with a reason).

import type { Label } from '../common/labels';
import {
  type Actor,
  allowedActions,
  applyCommand,
  type Command,
  defineLifecycle,
  missingText,
} from '../common/lifecycle';
import { type ReceptionDay, type ReceptionDayStatus, receptionDayStatuses } from './reception-day';

export type ReceptionDayAction = 'hold' | 'cancel';
type ReceptionDayRequirement = 'presentRepresentatives' | 'visitorCount' | 'cancelReason';

export const receptionDayActionLabels: Record<ReceptionDayAction, Label> = {
  hold: { 'zh-CN': '登记开展情况', en: 'Record as held' },
  cancel: { 'zh-CN': '取消接待日', en: 'Cancel' },
};

export const receptionDayLifecycle = defineLifecycle<
  ReceptionDayStatus,
  ReceptionDayAction,
  ReceptionDay,
  ReceptionDayRequirement
>({
  statusLabels: receptionDayStatuses.labels,
  transitions: {
    hold: {
      from: ['planned'],
      to: 'held',
      by: 'station',
      writes: ['presentRepresentativeIds', 'visitorCount', 'notes', 'topic'],
      requires: ['presentRepresentatives', 'visitorCount'],
      label: receptionDayActionLabels.hold,
    },
    cancel: {
      from: ['planned'],
      to: 'cancelled',
      by: 'station',
      writes: ['cancelReason'],
      requires: ['cancelReason'],
      label: receptionDayActionLabels.cancel,
    },
  },
  requirements: {
    presentRepresentatives: (d) =>
      (d.presentRepresentativeIds?.length ?? 0) >= 1
        ? undefined
        : {
            code: 'representatives_present_required',
            message: '请至少选择一名到场接待的代表',
            messageEn: 'Choose at least one representative who was present',
            field: 'presentRepresentativeIds',
          },
    visitorCount: (d) =>
      Number.isInteger(d.visitorCount) && (d.visitorCount ?? -1) >= 0
        ? undefined
        : {
            code: 'visitor_count_required',
            message: '请填写接待群众人数(没有来访群众请填0)',
            messageEn: 'Enter the number of visitors (0 if none came)',
            field: 'visitorCount',
          },
    cancelReason: (d) =>
      missingText(d.cancelReason)
        ? {
            code: 'cancel_reason_required',
            message: '请填写取消原因',
            messageEn: 'Enter the reason for cancelling',
            field: 'cancelReason',
          }
        : undefined,
  },
});

export type ReceptionDayCommand = Command<ReceptionDayAction, ReceptionDay>;

export function receptionDayActions(day: ReceptionDay, role: Actor['role']): ReceptionDayAction[] {
  return allowedActions(receptionDayLifecycle, day, role);
}

export function applyReceptionDayCommand(
  day: ReceptionDay,
  command: ReceptionDayCommand,
  actor: Actor,
  now: string,
): ReceptionDay {
  return applyCommand(receptionDayLifecycle, day, command, actor, now);
}
