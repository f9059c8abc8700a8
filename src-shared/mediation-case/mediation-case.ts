// Mediation case (矛盾纠纷调解): schema, type, enums and labels; parties' personal data is one encrypted array.

import type { StationRecord } from '../common/document';
import type { DocumentSchema, JsonSchemaProperty } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  dateProperty,
  enumProperty,
  idNumberPattern,
  idProperty,
  phonePattern,
  stationRecordFieldLabels,
  stationRecordProperties,
  stationRecordRequired,
  textProperty,
} from '../common/schema-parts';

export const mediationCaseStatuses = defineEnum({
  registered: { 'zh-CN': '已受理', en: 'Registered' },
  mediating: { 'zh-CN': '调解中', en: 'Mediating' },
  agreed: { 'zh-CN': '达成协议', en: 'Agreed' },
  performed: { 'zh-CN': '已履行', en: 'Performed' },
  failed: { 'zh-CN': '调解不成', en: 'Failed' },
  withdrawn: { 'zh-CN': '撤回', en: 'Withdrawn' },
});
export type MediationCaseStatus = EnumValue<typeof mediationCaseStatuses>;

export const mediationSources = defineEnum({
  visitorRequest: { 'zh-CN': '群众申请', en: 'Visitor request' },
  referral: { 'zh-CN': '移交转办', en: 'Referral' },
  representativeFound: { 'zh-CN': '代表排查发现', en: 'Found by a representative' },
});
export type MediationSource = EnumValue<typeof mediationSources>;

export const disputeTypes = defineEnum({
  landForest: { 'zh-CN': '土地山林权属', en: 'Land and forest rights' },
  projectConstruction: { 'zh-CN': '项目建设', en: 'Project construction' },
  neighbour: { 'zh-CN': '邻里纠纷', en: 'Neighbours' },
  family: { 'zh-CN': '婚姻家庭', en: 'Family' },
  labour: { 'zh-CN': '劳动争议', en: 'Labour' },
  contract: { 'zh-CN': '合同纠纷', en: 'Contract' },
  other: { 'zh-CN': '其他', en: 'Other' },
});
export type DisputeType = EnumValue<typeof disputeTypes>;

export const partyRoles = defineEnum({
  applicant: { 'zh-CN': '申请人', en: 'Applicant' },
  respondent: { 'zh-CN': '被申请人', en: 'Respondent' },
});
export type PartyRole = EnumValue<typeof partyRoles>;

export const participantRoles = defineEnum({
  mediator: { 'zh-CN': '调解员', en: 'Mediator' },
  representative: { 'zh-CN': '人大代表', en: 'Representative' },
  lawyer: { 'zh-CN': '律师', en: 'Lawyer' },
  villageCadre: { 'zh-CN': '村干部', en: 'Village cadre' },
  judicialOffice: { 'zh-CN': '司法所', en: 'Judicial office' },
  localWorthy: { 'zh-CN': '乡贤', en: 'Local worthy' },
  court: { 'zh-CN': '法庭', en: 'Court' },
});
export type ParticipantRole = EnumValue<typeof participantRoles>;

export const referralKinds = defineEnum({
  court: { 'zh-CN': '引导诉讼', en: 'Court' },
  arbitration: { 'zh-CN': '申请仲裁', en: 'Arbitration' },
  administrative: { 'zh-CN': '行政处理', en: 'Administrative' },
});
export type ReferralKind = EnumValue<typeof referralKinds>;

/** A party's personal data; the whole `parties` array is encrypted at rest and masked in lists. */
export interface Party {
  name: string;
  role: PartyRole;
  phone?: string;
  idNumber?: string;
  address?: string;
}

export interface Participant {
  name: string;
  role: ParticipantRole;
  /** When the participant is a representative of the station. */
  representativeId?: string;
}

export interface MediationSession {
  id: string;
  /** 'YYYY-MM-DD' */
  date: string;
  place: string;
  /** Names of those present. */
  attendees: string[];
  notes?: string;
}

/** 人民调解协议书: the contents required by People's Mediation Law art. 29 (the parties' basic information is `parties`). */
export interface MediationAgreement {
  /** 主要事实 */
  facts: string;
  /** 争议事项 */
  disputeItems: string;
  /** 各方当事人的责任 */
  responsibilities: string;
  /** 达成协议的内容 */
  agreedContent: string;
  /** 履行方式 */
  performanceMethod: string;
  /** 履行期限 'YYYY-MM-DD' */
  performanceDeadline: string;
  /** 签订日期 'YYYY-MM-DD' */
  signedOn: string;
}

export interface MediationReferral {
  kind: ReferralKind;
  note?: string;
}

export interface FollowUpVisit {
  id: string;
  date: string;
  note: string;
}

export interface MediationCase extends StationRecord {
  /** e.g. 象州-妙皇-2026-0007 (see case-number.ts). */
  caseNumber: string;
  /** 'YYYY-MM-DD' */
  registeredOn: string;
  source: MediationSource;
  disputeType: DisputeType;
  parties: Party[];
  /** 事实与请求 */
  facts: string;
  participants: Participant[];
  sessions: MediationSession[];
  status: MediationCaseStatus;
  outcome?: string;
  agreement?: MediationAgreement;
  /** 'YYYY-MM-DD' when the agreement was performed. */
  performedOn?: string;
  failureReason?: string;
  referral?: MediationReferral;
  withdrawalReason?: string;
  followUps: FollowUpVisit[];
}

export const partyProperty: JsonSchemaProperty = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: textProperty(50, 1),
    role: enumProperty(partyRoles.values),
    phone: { type: 'string', maxLength: 20, pattern: phonePattern },
    idNumber: { type: 'string', maxLength: 18, pattern: idNumberPattern },
    address: textProperty(200),
  },
  required: ['name', 'role'],
};

const agreementText = textProperty(5000, 1);

export const mediationCaseSchema: DocumentSchema<MediationCase> = {
  title: 'mediationCases',
  description: '矛盾纠纷调解案件',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...stationRecordProperties,
    caseNumber: { type: 'string', minLength: 1, maxLength: 60 },
    registeredOn: dateProperty,
    source: enumProperty(mediationSources.values),
    disputeType: enumProperty(disputeTypes.values),
    parties: { type: 'array', items: partyProperty, maxItems: 50 },
    facts: textProperty(10000, 1),
    participants: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: textProperty(50, 1),
          role: enumProperty(participantRoles.values),
          representativeId: idProperty,
        },
        required: ['name', 'role'],
      },
    },
    sessions: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: idProperty,
          date: dateProperty,
          place: textProperty(200),
          attendees: { type: 'array', items: textProperty(50), maxItems: 100 },
          notes: textProperty(10000),
        },
        required: ['id', 'date', 'place', 'attendees'],
      },
    },
    status: enumProperty(mediationCaseStatuses.values),
    outcome: textProperty(5000),
    agreement: {
      type: 'object',
      additionalProperties: false,
      properties: {
        facts: agreementText,
        disputeItems: agreementText,
        responsibilities: agreementText,
        agreedContent: agreementText,
        performanceMethod: agreementText,
        performanceDeadline: dateProperty,
        signedOn: dateProperty,
      },
      required: [
        'facts',
        'disputeItems',
        'responsibilities',
        'agreedContent',
        'performanceMethod',
        'performanceDeadline',
        'signedOn',
      ],
    },
    performedOn: dateProperty,
    failureReason: textProperty(2000, 1),
    referral: {
      type: 'object',
      additionalProperties: false,
      properties: { kind: enumProperty(referralKinds.values), note: textProperty(1000) },
      required: ['kind'],
    },
    withdrawalReason: textProperty(2000),
    followUps: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { id: idProperty, date: dateProperty, note: textProperty(5000) },
        required: ['id', 'date', 'note'],
      },
    },
  },
  required: [
    ...stationRecordRequired,
    'caseNumber',
    'registeredOn',
    'source',
    'disputeType',
    'parties',
    'facts',
    'participants',
    'sessions',
    'status',
    'followUps',
  ],
  indexes: [
    'updatedAt',
    'caseNumber',
    ['stationId', 'registeredOn'],
    ['status', 'registeredOn'],
    ['disputeType', 'registeredOn'],
  ],
  encrypted: ['parties'],
  additionalProperties: false,
};

export const mediationCaseFieldLabels: Record<keyof MediationCase, Label> = {
  ...stationRecordFieldLabels,
  caseNumber: { 'zh-CN': '案件编号', en: 'Case number' },
  registeredOn: { 'zh-CN': '受理日期', en: 'Registered on' },
  source: { 'zh-CN': '案件来源', en: 'Source' },
  disputeType: { 'zh-CN': '纠纷类型', en: 'Dispute type' },
  parties: { 'zh-CN': '当事人', en: 'Parties' },
  facts: { 'zh-CN': '纠纷事实及请求', en: 'Facts and claims' },
  participants: { 'zh-CN': '调解人员', en: 'Mediators and participants' },
  sessions: { 'zh-CN': '调解记录', en: 'Sessions' },
  status: { 'zh-CN': '状态', en: 'Status' },
  outcome: { 'zh-CN': '调解结果', en: 'Outcome' },
  agreement: { 'zh-CN': '调解协议', en: 'Agreement' },
  performedOn: { 'zh-CN': '履行日期', en: 'Performed on' },
  failureReason: { 'zh-CN': '调解不成原因', en: 'Failure reason' },
  referral: { 'zh-CN': '引导途径', en: 'Referral' },
  withdrawalReason: { 'zh-CN': '撤回原因', en: 'Withdrawal reason' },
  followUps: { 'zh-CN': '回访记录', en: 'Follow-up visits' },
};

export const mediationAgreementFieldLabels: Record<keyof MediationAgreement, Label> = {
  facts: { 'zh-CN': '主要事实', en: 'Main facts' },
  disputeItems: { 'zh-CN': '争议事项', en: 'Dispute items' },
  responsibilities: { 'zh-CN': '各方责任', en: 'Responsibilities' },
  agreedContent: { 'zh-CN': '协议内容', en: 'Agreed content' },
  performanceMethod: { 'zh-CN': '履行方式', en: 'Performance method' },
  performanceDeadline: { 'zh-CN': '履行期限', en: 'Performance deadline' },
  signedOn: { 'zh-CN': '签订日期', en: 'Signed on' },
};

export const partyFieldLabels: Record<keyof Party, Label> = {
  name: { 'zh-CN': '当事人姓名', en: 'Party name' },
  role: { 'zh-CN': '当事人身份', en: 'Party role' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  idNumber: { 'zh-CN': '身份证号码', en: 'ID number' },
  address: { 'zh-CN': '住址', en: 'Address' },
};

/** Labels of nested fields, keyed by their path with array indexes removed (as in validation errors). */
export const mediationCaseNestedFieldLabels: Record<string, Label> = {
  ...Object.fromEntries(Object.entries(partyFieldLabels).map(([k, v]) => [`parties.${k}`, v])),
  ...Object.fromEntries(Object.entries(mediationAgreementFieldLabels).map(([k, v]) => [`agreement.${k}`, v])),
  'participants.name': { 'zh-CN': '调解人员姓名', en: 'Participant name' },
  'participants.role': { 'zh-CN': '调解人员身份', en: 'Participant role' },
  'sessions.date': { 'zh-CN': '调解日期', en: 'Session date' },
  'sessions.place': { 'zh-CN': '调解地点', en: 'Session place' },
  'sessions.attendees': { 'zh-CN': '参加人员', en: 'Attendees' },
  'sessions.notes': { 'zh-CN': '调解情况', en: 'Session notes' },
  'referral.kind': { 'zh-CN': '引导途径', en: 'Referral kind' },
  'followUps.date': { 'zh-CN': '回访日期', en: 'Follow-up date' },
  'followUps.note': { 'zh-CN': '回访情况', en: 'Follow-up note' },
};
