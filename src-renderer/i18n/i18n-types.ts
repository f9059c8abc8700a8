// Typed translation keys: each namespace's zh-CN file is its key list, so `t('…')` with a key that is not there
// fails the type check. i18n-types.test.ts checks that every locale folder is listed here and that en has the same keys.
import type activities from '../features/activities/locales/zh-CN.json';
import type county from '../features/county/locales/zh-CN.json';
import type mediation from '../features/mediation/locales/zh-CN.json';
import type opinions from '../features/opinions/locales/zh-CN.json';
import type receptionDays from '../features/reception-days/locales/zh-CN.json';
import type representatives from '../features/representatives/locales/zh-CN.json';
import type settings from '../features/settings/locales/zh-CN.json';
import type setup from '../features/setup/locales/zh-CN.json';
import type sync from '../features/sync/locales/zh-CN.json';
import type today from '../features/today/locales/zh-CN.json';
import type common from './locales/zh-CN/common.json';

/** The namespaces and their strings (Chinese first: the zh-CN files are the reference). */
export interface Resources {
  common: typeof common;
  activities: typeof activities;
  county: typeof county;
  mediation: typeof mediation;
  opinions: typeof opinions;
  'reception-days': typeof receptionDays;
  representatives: typeof representatives;
  settings: typeof settings;
  setup: typeof setup;
  sync: typeof sync;
  today: typeof today;
}

export type Namespace = keyof Resources;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
