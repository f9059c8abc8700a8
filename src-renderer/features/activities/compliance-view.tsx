// The compliance view: for a month, quarter, half-year or year, each required activity type is done or missing.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActivityType,
  activityFrequency,
  activityTypes,
  type PeriodKind,
  periodKinds,
} from '../../../src-shared/activity/activity';
import {
  type ActivityCompliance,
  activityCompliance,
  type Period,
  periodRange,
} from '../../../src-shared/compliance/activity-compliance';
import { useStationProfile } from '../../app/app-context';
import { formatDate, todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { currentPeriod, periodIndexes, periodNameKey, selectableYears } from './compliance-periods';
import { useActivitiesIn, useReceptionDaysIn } from './use-activities';

export function ComplianceView() {
  const { t } = useTranslation('activities');
  const locale = useLocale();
  const { stationId } = useStationProfile();
  const today = todayInStation();
  const [period, setPeriod] = useState<Period>(() => currentPeriod('quarter', today));
  const range = useMemo(() => periodRange(period), [period]);
  const activities = useActivitiesIn(range);
  const receptionDays = useReceptionDaysIn(range);

  const rows: ActivityCompliance[] = useMemo(
    () =>
      activityCompliance({
        stationId,
        period,
        activities: activities.value ?? [],
        receptionDays: receptionDays.value ?? [],
      }),
    [stationId, period, activities.value, receptionDays.value],
  );
  const missing = rows.filter((r) => r.missingIn.length > 0).length;

  const periodName = (p: Period) => {
    const { key, params } = periodNameKey(p);
    return t(key, params);
  };

  function changeKind(kind: PeriodKind) {
    // Keep the same year; move to the period of the new kind that contains the first day of the current one.
    setPeriod(currentPeriod(kind, range.start.slice(0, 4) === today.slice(0, 4) ? today : range.start));
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        <Space>
          <Typography.Text>{t('compliance.periodKind')}</Typography.Text>
          <Segmented<PeriodKind>
            aria-label={t('compliance.periodKind')}
            value={period.kind}
            onChange={changeKind}
            options={periodKinds.options(locale).map((o) => ({ value: o.value, label: o.label }))}
          />
        </Space>
        <Select
          aria-label={t('compliance.year')}
          style={{ width: 110 }}
          value={period.year}
          onChange={(year: number) => setPeriod({ ...period, year })}
          options={selectableYears(today).map((y) => ({ value: y, label: String(y) }))}
        />
        {period.kind === 'year' ? null : (
          <Select
            aria-label={t('compliance.period')}
            style={{ width: 130 }}
            value={period.index}
            onChange={(index: number) => setPeriod({ ...period, index })}
            options={periodIndexes(period.kind).map((index) => ({
              value: index,
              label: periodName({ ...period, index }),
            }))}
          />
        )}
        <Typography.Text type="secondary">
          {t('compliance.range', { start: formatDate(range.start, locale), end: formatDate(range.end, locale) })}
        </Typography.Text>
      </Space>
      {rows.length === 0 ? (
        <Alert type="info" showIcon message={t('compliance.noneRequired')} />
      ) : (
        <Alert
          type={missing === 0 ? 'success' : 'warning'}
          showIcon
          role="status"
          aria-label={t('compliance.status')}
          message={
            missing === 0
              ? t('compliance.allDone')
              : t('compliance.summary', { required: rows.length, done: rows.length - missing, missing })
          }
          description={t('compliance.receptionNote')}
        />
      )}
      <Table<ActivityCompliance>
        rowKey="type"
        size="middle"
        pagination={false}
        loading={activities.loading || receptionDays.loading}
        dataSource={rows}
        aria-label={t('tabs.compliance')}
        columns={[
          {
            title: t('compliance.type'),
            dataIndex: 'type',
            render: (type: ActivityType) => activityTypes.label(type, locale),
          },
          {
            title: t('compliance.frequency'),
            key: 'frequency',
            width: 120,
            render: (_, row) => periodKinds.label(activityFrequency(row.type), locale),
          },
          {
            title: t('compliance.status'),
            key: 'status',
            render: (_, row) =>
              row.missingIn.length === 0 ? (
                <Tag color="success" icon={<CheckCircleFilled />}>
                  {t('compliance.done')}
                </Tag>
              ) : (
                <Space size={4} wrap>
                  <Tag color="error" icon={<CloseCircleFilled />}>
                    {t('compliance.missing')}
                  </Tag>
                  {row.missingIn.length > 0 && row.missingIn[0]?.kind !== period.kind ? (
                    <Typography.Text type="secondary">
                      {t('compliance.missingIn', {
                        periods: row.missingIn.map(periodName).join(locale === 'en' ? ', ' : '、'),
                      })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
