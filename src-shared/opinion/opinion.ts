// Visitor opinion (群众意见建议): schema (v2, and v0/v1 with their migrations), type, enums and labels.

import type { StationRecord } from '../common/document';
import type { DocumentSchema, JsonSchemaProperty } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  dateProperty,
  dateTimeProperty,
  enumProperty,
  idListProperty,
  idNumberPattern,
  idProperty,
  phonePattern,
  refProperty,
  stationRecordFieldLabels,
  stationRecordProperties,
  stationRecordRequired,
  textProperty,
} from '../common/schema-parts';

export const opinionStatuses = defineEnum({
  recorded: { 'zh-CN': '已登记', en: 'Recorded' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  assigned: { 'zh-CN': '已交办', en: 'Assigned' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  replied: { 'zh-CN': '已答复', en: 'Replied' },
  rated: { 'zh-CN': '已测评', en: 'Rated' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  answeredOnSite: { 'zh-CN': '当场答复', en: 'Answered on site' },
  rejected: { 'zh-CN': '不予受理', en: 'Rejected' },
  merged: { 'zh-CN': '已合并', en: 'Merged' },
  escalated: { 'zh-CN': '形成代表建议', en: 'Escalated' },
});
export type OpinionStatus = EnumValue<typeof opinionStatuses>;

export const opinionCategories = defineEnum({
  pollution: { 'zh-CN': '污染防治', en: 'Pollution control' },
  cityAppearance: { 'zh-CN': '市容市貌', en: 'City appearance' },
  ruralRevitalization: { 'zh-CN': '乡村振兴(脱贫攻坚)', en: 'Rural revitalization' },
  foodDrug: { 'zh-CN': '食品药品', en: 'Food and drugs' },
  publicEmergency: { 'zh-CN': '公共应急', en: 'Public emergency' },
  workerRights: { 'zh-CN': '职工维权', en: "Workers' rights" },
  other: { 'zh-CN': '其他', en: 'Other' },
});
export type OpinionCategory = EnumValue<typeof opinionCategories>;

/** How the opinion reached the station. */
export const opinionSources = defineEnum({
  receptionDay: { 'zh-CN': '接待日', en: 'Reception day' },
  visit: { 'zh-CN': '代表走访', en: 'Representative visit' },
  app: { 'zh-CN': '代表随手拍', en: 'Representative app' },
  walkIn: { 'zh-CN': '群众来访', en: 'Walk-in' },
  other: { 'zh-CN': '其他', en: 'Other' },
});
export type OpinionSource = EnumValue<typeof opinionSources>;

export const satisfactionLevels = defineEnum({
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basicallySatisfied: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  unsatisfied: { 'zh-CN': '不满意', en: 'Unsatisfied' },
});
export type Satisfaction = EnumValue<typeof satisfactionLevels>;

export const replyClasses = defineEnum({
  A: { 'zh-CN': 'A类：已解决或采纳', en: 'A: solved or adopted' },
  B: { 'zh-CN': 'B类：正在解决或列入计划', en: 'B: being solved or planned' },
  C: { 'zh-CN': 'C类：因条件限制暂不能解决', en: 'C: cannot be solved for now' },
});
export type ReplyClass = EnumValue<typeof replyClasses>;

export const escalationKinds = defineEnum({
  suggestion: { 'zh-CN': '代表建议', en: 'Suggestion' },
  motion: { 'zh-CN': '议案', en: 'Motion' },
});
export type EscalationKind = EnumValue<typeof escalationKinds>;

/** Personal data of the visitor: one top-level object, encrypted at rest, masked in lists. */
export interface Visitor {
  name: string;
  phone?: string;
  idNumber?: string;
  address?: string;
}

export interface OpinionAssignment {
  /** 主办单位 */
  leadDepartmentId: string;
  /** 协办单位 */
  assistingDepartmentIds: string[];
  /** 'YYYY-MM-DD' */
  deadline: string;
  note?: string;
}

export interface OpinionReply {
  class: ReplyClass;
  text: string;
  /** 'YYYY-MM-DD' */
  repliedOn: string;
  /** The department that replied (the lead department when absent). */
  departmentId?: string;
}

export interface OpinionEscalation {
  kind: EscalationKind;
  note?: string;
}

export interface Opinion extends StationRecord {
  /** When the station took the opinion (ISO timestamp); lists sort by it. */
  receivedAt: string;
  /**
   * Newest-first sort key derived from `receivedAt` (see receivedAtDescOf): IndexedDB cursors and RxDB's planner
   * only walk indexes upwards, so an ascending walk of this key lists the newest opinions first and stops at a page.
   */
  receivedAtDesc: string;
  /** The representative who took it; '' when the clerk took it alone (indexed, so required). */
  representativeId: string;
  receptionDayId?: string;
  source: OpinionSource;
  category: OpinionCategory;
  title: string;
  content: string;
  visitor: Visitor;
  status: OpinionStatus;
  /** answerOnSite: what the station told the visitor. */
  onSiteAnswer?: string;
  rejectionReason?: string;
  mergedIntoId?: string;
  assignment?: OpinionAssignment;
  /** A department sent it back (wrongly assigned). */
  returnReason?: string;
  reply?: OpinionReply;
  satisfaction?: Satisfaction;
  ratingNote?: string;
  escalation?: OpinionEscalation;
  closingNote?: string;
}

export const visitorProperty: JsonSchemaProperty = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: textProperty(50, 1),
    phone: { type: 'string', maxLength: 20, pattern: phonePattern },
    idNumber: { type: 'string', maxLength: 18, pattern: idNumberPattern },
    address: textProperty(200),
  },
  required: ['name'],
};

/** Largest key: 13 digits hold every millisecond time up to the year 2286. */
const SORT_KEY_MAX = 9_999_999_999_999;

/**
 * The newest-first sort key of a time: (9999999999999 − epoch milliseconds), 13 digits zero-padded, so that
 * ascending string order is descending time order. '' when the time cannot be read (the schema then refuses it).
 */
export function receivedAtDescOf(receivedAt: string): string {
  const ms = Date.parse(receivedAt);
  if (Number.isNaN(ms) || ms < 0 || ms > SORT_KEY_MAX) return '';
  return String(SORT_KEY_MAX - ms).padStart(13, '0');
}

/** The opinion with `receivedAtDesc` derived from its `receivedAt` (every writer calls this before storing). */
export function withReceivedAtDesc<T extends { receivedAt: string }>(doc: T): T & { receivedAtDesc: string } {
  return { ...doc, receivedAtDesc: receivedAtDescOf(doc.receivedAt) };
}

const receivedAtDescProperty: JsonSchemaProperty = {
  type: 'string',
  minLength: 13,
  maxLength: 13,
  pattern: '^[0-9]{13}$',
};

const opinionProperties = {
  ...stationRecordProperties,
  receivedAt: dateTimeProperty,
  representativeId: refProperty,
  receptionDayId: idProperty,
  source: enumProperty(opinionSources.values),
  category: enumProperty(opinionCategories.values),
  title: textProperty(100, 1),
  content: textProperty(5000, 1),
  status: enumProperty(opinionStatuses.values),
  onSiteAnswer: textProperty(5000, 1),
  rejectionReason: textProperty(1000, 1),
  mergedIntoId: idProperty,
  assignment: {
    type: 'object',
    additionalProperties: false,
    properties: {
      leadDepartmentId: idProperty,
      assistingDepartmentIds: idListProperty,
      deadline: dateProperty,
      note: textProperty(1000),
    },
    required: ['leadDepartmentId', 'assistingDepartmentIds', 'deadline'],
  },
  returnReason: textProperty(1000, 1),
  reply: {
    type: 'object',
    additionalProperties: false,
    properties: {
      class: enumProperty(replyClasses.values),
      text: textProperty(5000, 1),
      repliedOn: dateProperty,
      departmentId: idProperty,
    },
    required: ['class', 'text', 'repliedOn'],
  },
  satisfaction: enumProperty(satisfactionLevels.values),
  ratingNote: textProperty(1000),
  escalation: {
    type: 'object',
    additionalProperties: false,
    properties: { kind: enumProperty(escalationKinds.values), note: textProperty(1000) },
    required: ['kind'],
  },
  closingNote: textProperty(1000),
} as const satisfies Record<string, JsonSchemaProperty>;

const opinionRequired = [
  ...stationRecordRequired,
  'receivedAt',
  'representativeId',
  'source',
  'category',
  'title',
  'content',
  'status',
] as const;

/** Indexes of schema v0/v1 (sorted by time ascending only). */
const opinionIndexesV1 = [
  'updatedAt',
  'receivedAt',
  ['stationId', 'receivedAt'],
  ['status', 'receivedAt'],
  ['category', 'receivedAt'],
  ['representativeId', 'receivedAt'],
  ['status', 'updatedAt'],
] as const;

/**
 * Indexes for the list of 50,000 opinions. The newest-first list walks `receivedAtDesc` upwards after the equality
 * filters (station, status, category, representative), so RxDB stops after one page and counts from the index alone.
 */
const opinionIndexes = [
  'updatedAt',
  'receivedAt',
  'receivedAtDesc',
  ['stationId', 'receivedAt'],
  ['stationId', 'receivedAtDesc'],
  ['stationId', 'status', 'receivedAtDesc'],
  ['stationId', 'category', 'receivedAtDesc'],
  ['stationId', 'representativeId', 'receivedAtDesc'],
  ['status', 'updatedAt'],
] as const;

export const opinionSchema: DocumentSchema<Opinion> = {
  title: 'opinions',
  description: '群众意见建议',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: { ...opinionProperties, receivedAtDesc: receivedAtDescProperty, visitor: visitorProperty },
  required: [...opinionRequired, 'receivedAtDesc', 'visitor'],
  indexes: opinionIndexes,
  encrypted: ['visitor'],
  additionalProperties: false,
};

/** Version 1 of the opinion: no newest-first sort key. Kept for RxDB's migration and the server's version check. */
export type OpinionV1 = Omit<Opinion, 'receivedAtDesc'>;

export const opinionSchemaV1: DocumentSchema<OpinionV1> = {
  title: 'opinions',
  description: '群众意见建议(第1版)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: { ...opinionProperties, visitor: visitorProperty },
  required: [...opinionRequired, 'visitor'],
  indexes: opinionIndexesV1,
  encrypted: ['visitor'],
  additionalProperties: false,
};

/** v1 → v2: adds the newest-first sort key. Pure; keeps every other field (and RxDB's `_` fields). */
export function migrateOpinionV1toV2<T extends OpinionV1>(doc: T): T & { receivedAtDesc: string } {
  return withReceivedAtDesc(doc);
}

/** Version 0 of the opinion: the visitor's name and phone were flat fields. Kept for RxDB's migration. */
export interface OpinionV0 extends Omit<OpinionV1, 'visitor'> {
  visitorName: string;
  visitorPhone?: string;
}

export const opinionSchemaV0: DocumentSchema<OpinionV0> = {
  title: 'opinions',
  description: '群众意见建议(第0版)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...opinionProperties,
    visitorName: textProperty(50, 1),
    visitorPhone: { type: 'string', maxLength: 20, pattern: phonePattern },
  },
  required: [...opinionRequired, 'visitorName'],
  indexes: opinionIndexesV1,
  encrypted: ['visitorName', 'visitorPhone'],
  additionalProperties: false,
};

/** v0 → v1: the flat visitor fields move into the `visitor` object. Pure; keeps every other field (and RxDB's `_` fields). */
export function migrateOpinionV0toV1<T extends OpinionV0>(doc: T): Omit<T, 'visitorName' | 'visitorPhone'> & OpinionV1 {
  const { visitorName, visitorPhone, ...rest } = doc;
  const visitor: Visitor =
    visitorPhone === undefined ? { name: visitorName } : { name: visitorName, phone: visitorPhone };
  return { ...rest, visitor };
}

export const visitorFieldLabels: Record<keyof Visitor, Label> = {
  name: { 'zh-CN': '群众姓名', en: 'Visitor name' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  idNumber: { 'zh-CN': '身份证号码', en: 'ID number' },
  address: { 'zh-CN': '住址', en: 'Address' },
};

export const opinionFieldLabels: Record<keyof Opinion, Label> = {
  ...stationRecordFieldLabels,
  receivedAt: { 'zh-CN': '收集时间', en: 'Received at' },
  receivedAtDesc: { 'zh-CN': '收集时间(排序)', en: 'Received at (sort key)' },
  representativeId: { 'zh-CN': '收集代表', en: 'Representative' },
  receptionDayId: { 'zh-CN': '接待日', en: 'Reception day' },
  source: { 'zh-CN': '来源', en: 'Source' },
  category: { 'zh-CN': '类别', en: 'Category' },
  title: { 'zh-CN': '标题', en: 'Title' },
  content: { 'zh-CN': '意见建议内容', en: 'Content' },
  visitor: { 'zh-CN': '反映人', en: 'Visitor' },
  status: { 'zh-CN': '办理状态', en: 'Status' },
  onSiteAnswer: { 'zh-CN': '当场答复内容', en: 'On-site answer' },
  rejectionReason: { 'zh-CN': '不予受理理由', en: 'Rejection reason' },
  mergedIntoId: { 'zh-CN': '合并至', en: 'Merged into' },
  assignment: { 'zh-CN': '交办信息', en: 'Assignment' },
  returnReason: { 'zh-CN': '退回理由', en: 'Return reason' },
  reply: { 'zh-CN': '答复', en: 'Reply' },
  satisfaction: { 'zh-CN': '满意度', en: 'Satisfaction' },
  ratingNote: { 'zh-CN': '测评说明', en: 'Rating note' },
  escalation: { 'zh-CN': '形成建议', en: 'Escalation' },
  closingNote: { 'zh-CN': '办结说明', en: 'Closing note' },
};

/** Labels of nested fields, keyed by their path (as in validation errors). */
export const opinionNestedFieldLabels: Record<string, Label> = {
  'visitor.name': visitorFieldLabels.name,
  'visitor.phone': visitorFieldLabels.phone,
  'visitor.idNumber': visitorFieldLabels.idNumber,
  'visitor.address': visitorFieldLabels.address,
  'assignment.leadDepartmentId': { 'zh-CN': '主办单位', en: 'Lead department' },
  'assignment.assistingDepartmentIds': { 'zh-CN': '协办单位', en: 'Assisting departments' },
  'assignment.deadline': { 'zh-CN': '办理期限', en: 'Deadline' },
  'assignment.note': { 'zh-CN': '交办说明', en: 'Assignment note' },
  'reply.class': { 'zh-CN': '答复类别', en: 'Reply class' },
  'reply.text': { 'zh-CN': '答复内容', en: 'Reply text' },
  'reply.repliedOn': { 'zh-CN': '答复日期', en: 'Reply date' },
  'reply.departmentId': { 'zh-CN': '答复单位', en: 'Replying department' },
  'escalation.kind': { 'zh-CN': '建议类型', en: 'Escalation kind' },
  'escalation.note': { 'zh-CN': '说明', en: 'Note' },
};
