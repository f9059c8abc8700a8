// Photo: a downscaled JPEG stored as base64 in its own document, linked to its owner, replicated like any record.

import type { StationRecord } from '../common/document';
import type { DocumentSchema } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  dateTimeProperty,
  enumProperty,
  idProperty,
  stationRecordFieldLabels,
  stationRecordProperties,
  stationRecordRequired,
  textProperty,
} from '../common/schema-parts';

/** Which collection a photo belongs to. */
export const photoOwnerCollections = defineEnum({
  opinions: { 'zh-CN': '群众意见建议', en: 'Opinion' },
  receptionDays: { 'zh-CN': '接待日', en: 'Reception day' },
  mediationCases: { 'zh-CN': '调解案件', en: 'Mediation case' },
  activities: { 'zh-CN': '活动', en: 'Activity' },
});
export type PhotoOwnerCollection = EnumValue<typeof photoOwnerCollections>;

/** About 1.5 MB of base64: photos are downscaled before they are stored (≈ 1600 px JPEG). */
export const PHOTO_MAX_BASE64_LENGTH = 2_000_000;

export interface Photo extends StationRecord {
  ownerCollection: PhotoOwnerCollection;
  ownerId: string;
  mimeType: 'image/jpeg';
  width: number;
  height: number;
  /** JPEG bytes, base64 without a data: prefix. */
  dataBase64: string;
  caption?: string;
  takenAt?: string;
}

export const photoSchema: DocumentSchema<Photo> = {
  title: 'photos',
  description: '照片(缩小后的JPEG)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...stationRecordProperties,
    ownerCollection: enumProperty(photoOwnerCollections.values),
    ownerId: idProperty,
    mimeType: { type: 'string', enum: ['image/jpeg'], maxLength: 20 },
    width: { type: 'integer', minimum: 1, maximum: 10000 },
    height: { type: 'integer', minimum: 1, maximum: 10000 },
    dataBase64: { type: 'string', minLength: 1, maxLength: PHOTO_MAX_BASE64_LENGTH, pattern: '^[A-Za-z0-9+/]+={0,2}$' },
    caption: textProperty(200),
    takenAt: dateTimeProperty,
  },
  required: [...stationRecordRequired, 'ownerCollection', 'ownerId', 'mimeType', 'width', 'height', 'dataBase64'],
  indexes: ['updatedAt', 'ownerId', ['stationId', 'createdAt']],
  additionalProperties: false,
};

export const photoFieldLabels: Record<keyof Photo, Label> = {
  ...stationRecordFieldLabels,
  ownerCollection: { 'zh-CN': '所属记录类型', en: 'Owner collection' },
  ownerId: { 'zh-CN': '所属记录', en: 'Owner' },
  mimeType: { 'zh-CN': '文件类型', en: 'MIME type' },
  width: { 'zh-CN': '宽度', en: 'Width' },
  height: { 'zh-CN': '高度', en: 'Height' },
  dataBase64: { 'zh-CN': '照片', en: 'Photo data' },
  caption: { 'zh-CN': '说明', en: 'Caption' },
  takenAt: { 'zh-CN': '拍摄时间', en: 'Taken at' },
};
