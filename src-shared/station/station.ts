// Station (代表联络站): reference data pulled from the server; the schema, type and labels live here.

import type { SyncedDocument } from '../common/document';
import type { DocumentSchema } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  enumProperty,
  idProperty,
  syncedFieldLabels,
  syncedProperties,
  syncedRequired,
  textProperty,
} from '../common/schema-parts';

export const stationKinds = defineEnum({
  activityCenter: { 'zh-CN': '乡镇(街道)代表履职活动中心', en: 'Township activity center' },
  villageStation: { 'zh-CN': '村级联络站', en: 'Village station' },
  professionalStation: { 'zh-CN': '专业代表联络站', en: 'Professional station' },
});
export type StationKind = EnumValue<typeof stationKinds>;

export interface Station extends SyncedDocument {
  countyName: string;
  /** Used in case numbers, e.g. 象州. */
  countyShortName: string;
  townshipId: string;
  townshipName: string;
  name: string;
  /** Used in case numbers, e.g. 妙皇. */
  shortName: string;
  kind: StationKind;
  /** 示范点 */
  isDemonstration: boolean;
  /** 示范带: the belt a demonstration site belongs to. */
  belt?: string;
  address: string;
}

export const stationSchema: DocumentSchema<Station> = {
  title: 'stations',
  description: '代表联络站(参考数据，由服务器下发)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    countyName: textProperty(60, 1),
    countyShortName: { type: 'string', minLength: 1, maxLength: 10, pattern: '^[^-\\s]+$' },
    townshipId: idProperty,
    townshipName: textProperty(60, 1),
    name: textProperty(100, 1),
    shortName: { type: 'string', minLength: 1, maxLength: 10, pattern: '^[^-\\s]+$' },
    kind: enumProperty(stationKinds.values),
    isDemonstration: { type: 'boolean' },
    belt: textProperty(60),
    address: textProperty(200),
  },
  required: [
    ...syncedRequired,
    'countyName',
    'countyShortName',
    'townshipId',
    'townshipName',
    'name',
    'shortName',
    'kind',
    'isDemonstration',
    'address',
  ],
  indexes: ['updatedAt', 'townshipId', 'name'],
  additionalProperties: false,
};

export const stationFieldLabels: Record<keyof Station, Label> = {
  ...syncedFieldLabels,
  countyName: { 'zh-CN': '县(市、区)名称', en: 'County name' },
  countyShortName: { 'zh-CN': '县(市、区)简称', en: 'County short name' },
  townshipId: { 'zh-CN': '乡镇(街道)', en: 'Township' },
  townshipName: { 'zh-CN': '乡镇(街道)名称', en: 'Township name' },
  name: { 'zh-CN': '联络站名称', en: 'Station name' },
  shortName: { 'zh-CN': '联络站简称', en: 'Station short name' },
  kind: { 'zh-CN': '联络站类型', en: 'Station kind' },
  isDemonstration: { 'zh-CN': '示范点', en: 'Demonstration site' },
  belt: { 'zh-CN': '示范带', en: 'Demonstration belt' },
  address: { 'zh-CN': '地址', en: 'Address' },
};
