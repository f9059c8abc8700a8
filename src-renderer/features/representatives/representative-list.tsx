// The station's representatives (reference data, read-only) with a level filter and counts from their record.
import { Alert, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Representative,
  type RepresentativeLevel,
  representativeFieldLabels,
  representativeLevels,
} from '../../../src-shared/representative/representative';
import { useStationProfile } from '../../app/app-context';
import { useLocale } from '../../i18n/i18n';
import { ListTable } from '../../ui/list-table';
import { PageCard } from '../../ui/page-card';
import { recordCounts } from './representative-record';
import { useRepresentativeList, useStationRecords } from './use-representatives';

type LevelChoice = RepresentativeLevel | 'all';

export function RepresentativeList() {
  const { t } = useTranslation('representatives');
  const locale = useLocale();
  const profile = useStationProfile();
  const [level, setLevel] = useState<LevelChoice>('all');
  const list = useRepresentativeList(level === 'all' ? undefined : level);
  const records = useStationRecords();

  return (
    <PageCard title={t('title')} subtitle={t('subtitle')}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('readOnlyNote')}
        description={profile.mode === 'training' ? t('trainingNote') : undefined}
      />
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>{representativeFieldLabels.level[locale]}</Typography.Text>
        <Segmented<LevelChoice>
          aria-label={t('levelFilter')}
          value={level}
          onChange={setLevel}
          options={[{ value: 'all' as const, label: t('allLevels') }, ...representativeLevels.options(locale)]}
        />
      </Space>
      <ListTable<Representative>
        rows={list}
        empty={t('empty')}
        pageSize={20}
        columns={[
          {
            title: representativeFieldLabels.name[locale],
            dataIndex: 'name',
            render: (name: string, r) => (
              <Space>
                <Link to={r.id}>{name}</Link>
                {r.active ? null : <Tag>{t('notServing')}</Tag>}
              </Space>
            ),
          },
          {
            title: representativeFieldLabels.level[locale],
            dataIndex: 'level',
            render: (value: RepresentativeLevel) => <Tag color="red">{representativeLevels.label(value, locale)}</Tag>,
          },
          { title: representativeFieldLabels.organization[locale], dataIndex: 'organization' },
          { title: representativeFieldLabels.phone[locale], dataIndex: 'phone' },
          ...(['receptionDays', 'opinions', 'activities'] as const).map((key) => ({
            title: t(`columns.${key}`),
            key,
            width: 100,
            align: 'right' as const,
            render: (_: unknown, r: Representative) => (records.loading ? '…' : recordCounts(r.id, records)[key]),
          })),
          {
            title: t('columns.actions'),
            key: 'open',
            width: 100,
            render: (_, r) => <Link to={r.id}>{t('open')}</Link>,
          },
        ]}
      />
    </PageCard>
  );
}
