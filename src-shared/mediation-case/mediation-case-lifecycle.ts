// The mediation-case lifecycle as data: registered → mediating → agreed → performed, or failed / withdrawn.

import type { DomainErrorInit } from '../common/domain-error';
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
  type MediationAgreement,
  type MediationCase,
  type MediationCaseStatus,
  mediationAgreementFieldLabels,
  mediationCaseStatuses,
  referralKinds,
} from './mediation-case';

export type MediationCaseAction = 'startMediation' | 'agree' | 'perform' | 'fail' | 'withdraw';
type MediationRequirement = 'agreement' | 'parties' | 'performedOn' | 'referral';

export const mediationCaseActionLabels: Record<MediationCaseAction, Label> = {
  startMediation: { 'zh-CN': '开始调解', en: 'Start mediation' },
  agree: { 'zh-CN': '达成协议', en: 'Record agreement' },
  perform: { 'zh-CN': '确认履行', en: 'Confirm performance' },
  fail: { 'zh-CN': '调解不成', en: 'Record failure' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw' },
};

const isDate = (value: unknown): boolean => typeof value === 'string' && new RegExp(datePattern).test(value);

/** People's Mediation Law art. 29: every item of the written agreement must be filled. */
const agreementTextFields = [
  'facts',
  'disputeItems',
  'responsibilities',
  'agreedContent',
  'performanceMethod',
] as const;
const agreementDateFields = ['performanceDeadline', 'signedOn'] as const;

function checkAgreement(agreement: MediationAgreement | undefined): DomainErrorInit | undefined {
  if (!agreement) {
    return {
      code: 'agreement_required',
      message: '请填写人民调解协议书的内容',
      messageEn: 'Fill in the mediation agreement',
      field: 'agreement',
    };
  }
  for (const field of agreementTextFields) {
    if (missingText(agreement[field])) {
      const label = mediationAgreementFieldLabels[field];
      return {
        code: 'agreement_incomplete',
        message: `调解协议书缺少“${label['zh-CN']}”，请补充后再保存(《人民调解法》第二十九条)`,
        messageEn: `The agreement lacks "${label.en}"`,
        field: `agreement.${field}`,
      };
    }
  }
  for (const field of agreementDateFields) {
    if (!isDate(agreement[field])) {
      const label = mediationAgreementFieldLabels[field];
      return {
        code: 'agreement_incomplete',
        message: `请填写调解协议书的“${label['zh-CN']}”(年-月-日)`,
        messageEn: `The agreement lacks "${label.en}" (YYYY-MM-DD)`,
        field: `agreement.${field}`,
      };
    }
  }
  return undefined;
}

export const mediationCaseLifecycle = defineLifecycle<
  MediationCaseStatus,
  MediationCaseAction,
  MediationCase,
  MediationRequirement
>({
  statusLabels: mediationCaseStatuses.labels,
  transitions: {
    startMediation: {
      from: ['registered'],
      to: 'mediating',
      by: 'station',
      label: mediationCaseActionLabels.startMediation,
    },
    agree: {
      from: ['mediating'],
      to: 'agreed',
      by: 'station',
      writes: ['agreement', 'outcome'],
      requires: ['parties', 'agreement'],
      label: mediationCaseActionLabels.agree,
    },
    perform: {
      from: ['agreed'],
      to: 'performed',
      by: 'station',
      writes: ['performedOn', 'followUps'],
      requires: ['performedOn'],
      label: mediationCaseActionLabels.perform,
    },
    fail: {
      // An agreement that is not performed may also end in a referral.
      from: ['mediating', 'agreed'],
      to: 'failed',
      by: 'station',
      writes: ['failureReason', 'referral', 'outcome'],
      requires: ['referral'],
      label: mediationCaseActionLabels.fail,
    },
    withdraw: {
      from: ['registered', 'mediating'],
      to: 'withdrawn',
      by: 'station',
      writes: ['withdrawalReason'],
      label: mediationCaseActionLabels.withdraw,
    },
  },
  requirements: {
    agreement: (c) => checkAgreement(c.agreement),
    parties: (c) => {
      const hasApplicant = c.parties.some((p) => p.role === 'applicant' && !missingText(p.name));
      const hasRespondent = c.parties.some((p) => p.role === 'respondent' && !missingText(p.name));
      return hasApplicant && hasRespondent
        ? undefined
        : {
            code: 'parties_incomplete',
            message: '调解协议书须写明双方当事人的基本情况，请至少登记一名申请人和一名被申请人',
            messageEn: 'An agreement needs at least one applicant and one respondent',
            field: 'parties',
          };
    },
    performedOn: (c) =>
      isDate(c.performedOn)
        ? undefined
        : {
            code: 'performed_on_required',
            message: '请填写协议履行日期(年-月-日)',
            messageEn: 'Enter the date the agreement was performed',
            field: 'performedOn',
          },
    referral: (c) =>
      referralKinds.includes(c.referral?.kind)
        ? undefined
        : {
            code: 'referral_required',
            message: '调解不成的，请选择引导当事人的途径(诉讼、仲裁或行政处理)',
            messageEn: 'Choose where the parties are referred (court, arbitration, administrative)',
            field: 'referral.kind',
          },
  },
});

export type MediationCaseCommand = Command<MediationCaseAction, MediationCase>;

export function mediationCaseActions(mediationCase: MediationCase, role: Actor['role']): MediationCaseAction[] {
  return allowedActions(mediationCaseLifecycle, mediationCase, role);
}

export function applyMediationCaseCommand(
  mediationCase: MediationCase,
  command: MediationCaseCommand,
  actor: Actor,
  now: string,
): MediationCase {
  return applyCommand(mediationCaseLifecycle, mediationCase, command, actor, now);
}
