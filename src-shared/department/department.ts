// Department (承办单位): the government body an opinion is assigned to; reference data from the server.

import type { SyncedDocument } from '../common/document';
import type { DocumentSchema } from '../common/json-schema';
import type { Label } from '../common/labels';
import { syncedFieldLabels, syncedProperties, syncedRequired, textProperty } from '../common/schema-parts';

export interface Department extends SyncedDocument {
  name: string;
  active: boolean;
}

export const departmentSchema: DocumentSchema<Department> = {
  title: 'departments',
  description: '承办单位(参考数据，由服务器下发)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    name: textProperty(100, 1),
    active: { type: 'boolean' },
  },
  required: [...syncedRequired, 'name', 'active'],
  indexes: ['updatedAt', 'name'],
  additionalProperties: false,
};

export const departmentFieldLabels: Record<keyof Department, Label> = {
  ...syncedFieldLabels,
  name: { 'zh-CN': '承办单位名称', en: 'Department name' },
  active: { 'zh-CN': '启用', en: 'Active' },
};
