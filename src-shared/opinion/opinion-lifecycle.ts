// The opinion lifecycle as data: "代表随手拍、平台集中转、部门及时改、人大监督办" (DOMAIN.md "Who moves it").

import type { Label } from '../common/labels';
import {
  type Actor,
  allowedActions,
  applyCommand,
  type Command,
  defineLifecycle,
  missingText,
} from '../common/lifecycle';
import { datePattern } from '../common/schema-parts';
import {
  escalationKinds,
  type Opinion,
  type OpinionStatus,
  opinionStatuses,
  replyClasses,
  satisfactionLevels,
} from './opinion';

export type OpinionAction =
  | 'submit'
  | 'answerOnSite'
  | 'accept'
  | 'reject'
  | 'merge'
  | 'assign'
  | 'return'
  | 'reply'
  | 'rate'
  | 'escalate'
  | 'close';

type OpinionRequirement =
  | 'onSiteAnswer'
  | 'rejectionReason'
  | 'mergedIntoId'
  | 'assignment'
  | 'returnReason'
  | 'reply'
  | 'satisfaction'
  | 'escalation';

const isDate = (value: unknown): boolean => typeof value === 'string' && new RegExp(datePattern).test(value);

export const opinionActionLabels: Record<OpinionAction, Label> = {
  submit: { 'zh-CN': '提交', en: 'Submit' },
  answerOnSite: { 'zh-CN': '当场答复', en: 'Answer on site' },
  accept: { 'zh-CN': '受理', en: 'Accept' },
  reject: { 'zh-CN': '不予受理', en: 'Reject' },
  merge: { 'zh-CN': '合并', en: 'Merge' },
  assign: { 'zh-CN': '交办', en: 'Assign' },
  return: { 'zh-CN': '退回', en: 'Return' },
  reply: { 'zh-CN': '录入答复', en: 'Record reply' },
  rate: { 'zh-CN': '满意度测评', en: 'Rate' },
  escalate: { 'zh-CN': '形成代表建议', en: 'Escalate' },
  close: { 'zh-CN': '办结', en: 'Close' },
};

export const opinionLifecycle = defineLifecycle<OpinionStatus, OpinionAction, Opinion, OpinionRequirement>({
  statusLabels: opinionStatuses.labels,
  transitions: {
    submit: { from: ['recorded'], to: 'submitted', by: 'station', label: opinionActionLabels.submit },
    answerOnSite: {
      from: ['recorded'],
      to: 'answeredOnSite',
      by: 'station',
      writes: ['onSiteAnswer'],
      requires: ['onSiteAnswer'],
      label: opinionActionLabels.answerOnSite,
    },
    accept: { from: ['submitted'], to: 'accepted', by: 'county', label: opinionActionLabels.accept },
    reject: {
      from: ['submitted', 'accepted'],
      to: 'rejected',
      by: 'county',
      writes: ['rejectionReason'],
      requires: ['rejectionReason'],
      label: opinionActionLabels.reject,
    },
    merge: {
      from: ['submitted', 'accepted', 'returned'],
      to: 'merged',
      by: 'county',
      writes: ['mergedIntoId'],
      requires: ['mergedIntoId'],
      label: opinionActionLabels.merge,
    },
    assign: {
      // From 'rated' only when the visitor was unsatisfied: 重新交办.
      from: ['accepted', 'returned', 'rated'],
      to: 'assigned',
      by: 'county',
      writes: ['assignment'],
      // Clears county fields only (the station owns satisfaction; it stays until the visitor rates again).
      clears: ['returnReason', 'reply'],
      requires: ['assignment'],
      when: (o) =>
        o.status === 'rated' && o.satisfaction !== 'unsatisfied'
          ? {
              code: 'reassign_requires_unsatisfied',
              message: '只有群众测评“不满意”的意见才能重新交办',
              messageEn: 'Only an opinion rated unsatisfied can be assigned again',
              field: 'satisfaction',
            }
          : undefined,
      label: opinionActionLabels.assign,
    },
    return: {
      from: ['assigned'],
      to: 'returned',
      by: 'county',
      writes: ['returnReason'],
      requires: ['returnReason'],
      label: opinionActionLabels.return,
    },
    reply: {
      from: ['assigned'],
      to: 'replied',
      by: 'county',
      writes: ['reply'],
      requires: ['reply'],
      label: opinionActionLabels.reply,
    },
    rate: {
      from: ['replied'],
      to: 'rated',
      by: 'station',
      writes: ['satisfaction', 'ratingNote'],
      requires: ['reply', 'satisfaction'],
      label: opinionActionLabels.rate,
    },
    escalate: {
      from: ['submitted', 'accepted', 'returned', 'rated'],
      to: 'escalated',
      by: 'county',
      writes: ['escalation'],
      requires: ['escalation'],
      label: opinionActionLabels.escalate,
    },
    close: {
      from: ['rated'],
      to: 'closed',
      by: 'county',
      writes: ['closingNote'],
      label: opinionActionLabels.close,
    },
  },
  requirements: {
    onSiteAnswer: (o) =>
      missingText(o.onSiteAnswer)
        ? {
            code: 'on_site_answer_required',
            message: '请填写当场答复的内容',
            messageEn: 'Enter what was answered on site',
            field: 'onSiteAnswer',
          }
        : undefined,
    rejectionReason: (o) =>
      missingText(o.rejectionReason)
        ? {
            code: 'rejection_reason_required',
            message: '请填写不予受理的理由',
            messageEn: 'Enter the reason for rejecting',
            field: 'rejectionReason',
          }
        : undefined,
    mergedIntoId: (o) => {
      if (missingText(o.mergedIntoId)) {
        return {
          code: 'merged_into_required',
          message: '请选择要合并到的意见',
          messageEn: 'Choose the opinion to merge into',
          field: 'mergedIntoId',
        };
      }
      return o.mergedIntoId === o.id
        ? {
            code: 'merge_into_self',
            message: '不能合并到自身，请选择另一条意见',
            messageEn: 'An opinion cannot be merged into itself',
            field: 'mergedIntoId',
          }
        : undefined;
    },
    assignment: (o) => {
      const a = o.assignment;
      if (!a || missingText(a.leadDepartmentId)) {
        return {
          code: 'lead_department_required',
          message: '请选择主办单位',
          messageEn: 'Choose the lead department',
          field: 'assignment.leadDepartmentId',
        };
      }
      if (!isDate(a.deadline)) {
        return {
          code: 'deadline_required',
          message: '请填写办理期限(年-月-日)',
          messageEn: 'Enter the deadline (YYYY-MM-DD)',
          field: 'assignment.deadline',
        };
      }
      if (a.assistingDepartmentIds.includes(a.leadDepartmentId)) {
        return {
          code: 'lead_department_also_assisting',
          message: '主办单位不能同时作为协办单位，请修改协办单位',
          messageEn: 'The lead department cannot also assist',
          field: 'assignment.assistingDepartmentIds',
        };
      }
      return undefined;
    },
    returnReason: (o) =>
      missingText(o.returnReason)
        ? {
            code: 'return_reason_required',
            message: '请填写退回理由',
            messageEn: 'Enter the reason for returning',
            field: 'returnReason',
          }
        : undefined,
    reply: (o) => {
      const r = o.reply;
      if (!r) {
        return {
          code: 'reply_required',
          message: '尚无答复，请先录入承办单位的答复',
          messageEn: 'There is no reply yet; record the reply first',
          field: 'reply',
        };
      }
      if (!replyClasses.includes(r.class)) {
        return {
          code: 'reply_class_required',
          message: '请选择答复类别(A、B或C类)',
          messageEn: 'Choose the reply class (A, B or C)',
          field: 'reply.class',
        };
      }
      if (missingText(r.text)) {
        return {
          code: 'reply_text_required',
          message: '请填写答复内容',
          messageEn: 'Enter the reply text',
          field: 'reply.text',
        };
      }
      if (!isDate(r.repliedOn)) {
        return {
          code: 'reply_date_required',
          message: '请填写答复日期(年-月-日)',
          messageEn: 'Enter the reply date (YYYY-MM-DD)',
          field: 'reply.repliedOn',
        };
      }
      return undefined;
    },
    satisfaction: (o) =>
      satisfactionLevels.includes(o.satisfaction)
        ? undefined
        : {
            code: 'satisfaction_required',
            message: '请选择群众满意度(满意、基本满意或不满意)',
            messageEn: 'Choose the satisfaction',
            field: 'satisfaction',
          },
    escalation: (o) =>
      escalationKinds.includes(o.escalation?.kind)
        ? undefined
        : {
            code: 'escalation_kind_required',
            message: '请选择形成代表建议还是议案',
            messageEn: 'Choose suggestion or motion',
            field: 'escalation.kind',
          },
  },
});

export type OpinionCommand = Command<OpinionAction, Opinion>;

/** Actions the role may take on the opinion now (for buttons). */
export function opinionActions(opinion: Opinion, role: Actor['role']): OpinionAction[] {
  return allowedActions(opinionLifecycle, opinion, role);
}

/** Applies an opinion command (see common/lifecycle.ts applyCommand). */
export function applyOpinionCommand(opinion: Opinion, command: OpinionCommand, actor: Actor, now: string): Opinion {
  return applyCommand(opinionLifecycle, opinion, command, actor, now);
}

/** Statuses that count as processed for the processing rate (办理率): past `replied`, or closed on site. */
export const processedOpinionStatuses: readonly OpinionStatus[] = ['replied', 'rated', 'closed', 'answeredOnSite'];
