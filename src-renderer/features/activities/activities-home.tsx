// The activities landing page: the list of recorded activities and, in a second tab, the compliance view.
import { Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type Activity,
  type ActivityType,
  activityFieldLabels,
  activityTypes,
} from '../../../src-shared/activity/activity';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { ListTable } from '../../ui/list-table';
import { PageCard } from '../../ui/page-card';
import { ComplianceView } from './compliance-view';
import { useActivities, useRepresentatives } from './use-activities';

export function ActivitiesHome() {
  const { t } = useTranslation('activities');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'compliance' ? 'compliance' : 'records';

  return (
    <PageCard title={t('title')} subtitle={t('subtitle')} create={{ label: t('list.record') }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'compliance' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'records', label: t('tabs.records'), children: <ActivityList /> },
          { key: 'compliance', label: t('tabs.compliance'), children: <ComplianceView /> },
        ]}
      />
    </PageCard>
  );
}

function ActivityList() {
  const { t } = useTranslation('activities');
  const locale = useLocale();
  const navigate = useNavigate();
  const [type, setType] = useState<ActivityType | undefined>(undefined);
  const activities = useActivities(type);
  const representatives = useRepresentatives();
  const names = new Map((representatives.value ?? []).map((r) => [r.id, r.name]));

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('list.typeFilter')}
          allowClear
          placeholder={t('list.allTypes')}
          style={{ width: 300 }}
          value={type}
          onChange={(value: ActivityType | undefined) => setType(value)}
          options={activityTypes.options(locale)}
        />
      </Space>
      <ListTable<Activity>
        rows={activities}
        empty={t('list.empty')}
        onOpen={(record) => navigate(record.id)}
        columns={[
          {
            title: activityFieldLabels.date[locale],
            dataIndex: 'date',
            width: 140,
            render: (d: string) => formatDate(d, locale),
          },
          {
            title: activityFieldLabels.type[locale],
            dataIndex: 'type',
            render: (value: ActivityType) => activityTypes.label(value, locale),
          },
          {
            title: activityFieldLabels.title[locale],
            dataIndex: 'title',
            render: (value: string, record) => <Link to={record.id}>{value}</Link>,
          },
          {
            title: t('list.attendance'),
            dataIndex: 'representativeIds',
            render: (ids: string[]) => ids.map((id) => names.get(id) ?? '—').join(locale === 'en' ? ', ' : '、'),
          },
          {
            title: t('list.actions'),
            key: 'open',
            width: 80,
            render: (_, record) => <Link to={record.id}>{t('list.open')}</Link>,
          },
        ]}
      />
    </>
  );
}
