// Reception day (接待日): representatives receive constituents at the station; schema, type and labels.

import type { StationRecord } from '../common/document';
import type { DocumentSchema } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  dateProperty,
  dateTimeProperty,
  enumProperty,
  idListProperty,
  stationRecordFieldLabels,
  stationRecordProperties,
  stationRecordRequired,
  textProperty,
  timeProperty,
} from '../common/schema-parts';

export const receptionDayStatuses = defineEnum({
  planned: { 'zh-CN': '计划', en: 'Planned' },
  held: { 'zh-CN': '已开展', en: 'Held' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
});
export type ReceptionDayStatus = EnumValue<typeof receptionDayStatuses>;

export interface ReceptionDay extends StationRecord {
  /** 'YYYY-MM-DD' (Asia/Shanghai). */
  date: string;
  /** 'HH:mm' */
  startTime: string;
  endTime: string;
  place: string;
  /** Representatives on duty (announced on the notice board). */
  representativeIds: string[];
  topic?: string;
  status: ReceptionDayStatus;
  /** Set when the day is held: who actually came (at least one). */
  presentRepresentativeIds?: string[];
  /** Visitors received; set when held. */
  visitorCount?: number;
  notes?: string;
  /** When the notice (接待日公告) was printed/posted. */
  announcedAt?: string;
  cancelReason?: string;
}

export const receptionDaySchema: DocumentSchema<ReceptionDay> = {
  title: 'receptionDays',
  description: '接待日',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...stationRecordProperties,
    date: dateProperty,
    startTime: timeProperty,
    endTime: timeProperty,
    place: textProperty(200, 1),
    representativeIds: idListProperty,
    topic: textProperty(200),
    status: enumProperty(receptionDayStatuses.values),
    presentRepresentativeIds: idListProperty,
    visitorCount: { type: 'integer', minimum: 0, maximum: 100000 },
    notes: textProperty(5000),
    announcedAt: dateTimeProperty,
    cancelReason: textProperty(500),
  },
  required: [...stationRecordRequired, 'date', 'startTime', 'endTime', 'place', 'representativeIds', 'status'],
  indexes: ['updatedAt', ['stationId', 'date'], ['status', 'date']],
  additionalProperties: false,
};

export const receptionDayFieldLabels: Record<keyof ReceptionDay, Label> = {
  ...stationRecordFieldLabels,
  date: { 'zh-CN': '接待日期', en: 'Date' },
  startTime: { 'zh-CN': '开始时间', en: 'Start time' },
  endTime: { 'zh-CN': '结束时间', en: 'End time' },
  place: { 'zh-CN': '接待地点', en: 'Place' },
  representativeIds: { 'zh-CN': '值班代表', en: 'Representatives on duty' },
  topic: { 'zh-CN': '接待主题', en: 'Topic' },
  status: { 'zh-CN': '状态', en: 'Status' },
  presentRepresentativeIds: { 'zh-CN': '到场代表', en: 'Representatives present' },
  visitorCount: { 'zh-CN': '接待群众人数', en: 'Visitors received' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  announcedAt: { 'zh-CN': '公告时间', en: 'Announced at' },
  cancelReason: { 'zh-CN': '取消原因', en: 'Cancellation reason' },
};
