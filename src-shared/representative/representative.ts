// Representative (人大代表): reference data pulled from the server; five levels, mixed into stations.

import type { SyncedDocument } from '../common/document';
import type { DocumentSchema } from '../common/json-schema';
import { defineEnum, type EnumValue, type Label } from '../common/labels';
import {
  enumProperty,
  idProperty,
  phonePattern,
  syncedFieldLabels,
  syncedProperties,
  syncedRequired,
  textProperty,
} from '../common/schema-parts';

export const representativeLevels = defineEnum({
  national: { 'zh-CN': '全国人大代表', en: 'National' },
  regional: { 'zh-CN': '自治区人大代表', en: 'Regional' },
  city: { 'zh-CN': '市人大代表', en: 'City' },
  county: { 'zh-CN': '县人大代表', en: 'County' },
  township: { 'zh-CN': '乡镇人大代表', en: 'Township' },
});
export type RepresentativeLevel = EnumValue<typeof representativeLevels>;

export interface Representative extends SyncedDocument {
  /** The station the representative is grouped into (混合编组). */
  stationId: string;
  name: string;
  level: RepresentativeLevel;
  /** Work unit and post, e.g. 某村党支部书记. */
  organization?: string;
  /** Public contact number for constituents. */
  phone?: string;
  active: boolean;
}

export const representativeSchema: DocumentSchema<Representative> = {
  title: 'representatives',
  description: '人大代表(参考数据，由服务器下发)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    stationId: idProperty,
    name: textProperty(50, 1),
    level: enumProperty(representativeLevels.values),
    organization: textProperty(200),
    phone: { type: 'string', maxLength: 20, pattern: phonePattern },
    active: { type: 'boolean' },
  },
  required: [...syncedRequired, 'stationId', 'name', 'level', 'active'],
  indexes: ['updatedAt', 'stationId'],
  additionalProperties: false,
};

export const representativeFieldLabels: Record<keyof Representative, Label> = {
  ...syncedFieldLabels,
  stationId: { 'zh-CN': '所在联络站', en: 'Station' },
  name: { 'zh-CN': '代表姓名', en: 'Name' },
  level: { 'zh-CN': '代表层级', en: 'Level' },
  organization: { 'zh-CN': '工作单位及职务', en: 'Organization' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  active: { 'zh-CN': '在任', en: 'Active' },
};
