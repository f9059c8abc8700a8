// Station activity (八项活动): the eight required activity types with their frequencies; schema, type and labels.

import type { StationRecord } from '../common/document';
import type { DocumentSchema } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  dateProperty,
  enumProperty,
  idListProperty,
  idProperty,
  stationRecordFieldLabels,
  stationRecordProperties,
  stationRecordRequired,
  textProperty,
} from '../common/schema-parts';

/** How often an activity type is required (DOMAIN.md table); also the kinds of report periods. */
export const periodKinds = defineEnum({
  month: { 'zh-CN': '每月', en: 'Monthly' },
  quarter: { 'zh-CN': '每季度', en: 'Quarterly' },
  halfYear: { 'zh-CN': '每半年', en: 'Half-yearly' },
  year: { 'zh-CN': '每年', en: 'Yearly' },
});
export type PeriodKind = EnumValue<typeof periodKinds>;

export const activityTypes = defineEnum({
  reception: { 'zh-CN': '集中接待走访群众', en: 'Receiving and visiting constituents', frequency: 'month' },
  training: { 'zh-CN': '学习培训', en: 'Training', frequency: 'quarter' },
  deliberationDay: { 'zh-CN': '代表议政日', en: 'Deliberation day', frequency: 'quarter' },
  appReporting: { 'zh-CN': '用APP反映意见建议', en: 'Reporting opinions via the app', frequency: 'quarter' },
  inspection: { 'zh-CN': '调研视察', en: 'Inspection', frequency: 'halfYear' },
  supervision: { 'zh-CN': '督政问效', en: 'Supervision', frequency: 'halfYear' },
  themeActivity: {
    'zh-CN': '“混合编组、多级联动、履职为民”主题活动',
    en: 'Theme activity',
    frequency: 'year',
  },
  performanceReview: { 'zh-CN': '述职评议', en: 'Performance review', frequency: 'year' },
});
export type ActivityType = EnumValue<typeof activityTypes>;

/** The required frequency of each activity type. */
export function activityFrequency(type: ActivityType): PeriodKind {
  return activityTypes.labels[type].frequency as PeriodKind;
}

export interface Activity extends StationRecord {
  type: ActivityType;
  /** 'YYYY-MM-DD' */
  date: string;
  title: string;
  place?: string;
  representativeIds: string[];
  participantCount?: number;
  summary?: string;
  /** For `reception`: the reception day it records. */
  receptionDayId?: string;
}

export const activitySchema: DocumentSchema<Activity> = {
  title: 'activities',
  description: '联络站活动(八项活动)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...stationRecordProperties,
    type: enumProperty(activityTypes.values),
    date: dateProperty,
    title: textProperty(200, 1),
    place: textProperty(200),
    representativeIds: idListProperty,
    participantCount: { type: 'integer', minimum: 0, maximum: 100000 },
    summary: textProperty(10000),
    receptionDayId: idProperty,
  },
  required: [...stationRecordRequired, 'type', 'date', 'title', 'representativeIds'],
  indexes: ['updatedAt', ['stationId', 'date'], ['type', 'date']],
  additionalProperties: false,
};

export const activityFieldLabels: Record<keyof Activity, Label> = {
  ...stationRecordFieldLabels,
  type: { 'zh-CN': '活动类型', en: 'Activity type' },
  date: { 'zh-CN': '活动日期', en: 'Date' },
  title: { 'zh-CN': '活动名称', en: 'Title' },
  place: { 'zh-CN': '活动地点', en: 'Place' },
  representativeIds: { 'zh-CN': '参加代表', en: 'Representatives' },
  participantCount: { 'zh-CN': '参加人数', en: 'Participants' },
  summary: { 'zh-CN': '活动情况', en: 'Summary' },
  receptionDayId: { 'zh-CN': '接待日', en: 'Reception day' },
};
