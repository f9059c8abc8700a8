// 同步情况报表: every station of the county with its sync state (正常, 超期未同步, 从未同步, 未注册, 凭证已吊销), when it
// last synced (刚刚 / N 分钟前), pending changes and last error; a status chart beside the totals; export and print.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Empty,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationSyncStatus, SyncReportRow } from '../../../../src-shared/api/reports';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { useCountySession } from '../session/county-context';
import { type ChartOption, EChart } from './echart';
import { agoOf } from './report-period';
import { ReportToolbar } from './report-toolbar';
import '../county.css';

const statusOrder: StationSyncStatus[] = ['fresh', 'stale', 'neverSynced', 'notEnrolled', 'revoked'];
const statusColors: Record<StationSyncStatus, string> = {
  fresh: 'green',
  stale: 'red',
  neverSynced: 'orange',
  notEnrolled: 'default',
  revoked: 'volcano',
};
const chartColors: Record<StationSyncStatus, string> = {
  fresh: '#52c41a',
  stale: '#f5222d',
  neverSynced: '#fa8c16',
  notEnrolled: '#bfbfbf',
  revoked: '#ad2102',
};

function useAgo() {
  const { t } = useTranslation('county');
  return (iso: string | null, now: Date) => {
    if (!iso) return t('syncReport.never');
    const ago = agoOf(iso, now);
    return ago.unit === 'justNow' ? t('ago.justNow') : t(`ago.${ago.unit}`, { count: ago.count });
  };
}

export function SyncReportPage() {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const { api, credentials } = useCountySession();
  const agoText = useAgo();
  // null until staff change it: the server's setting (LS_STALE_DAYS) decides, and the report says which it used.
  const [staleDays, setStaleDays] = useState<number | null>(null);
  const [townshipId, setTownshipId] = useState<string | null>(null);
  const [status, setStatus] = useState<StationSyncStatus | null>(null);
  // Another threshold keeps the last report on screen until the new one arrives.
  const query = useQuery({
    queryKey: ['county', credentials.token, 'syncReport', staleDays],
    queryFn: () => api.syncReport(staleDays ?? undefined),
    placeholderData: keepPreviousData,
  });
  const report = query.data ?? null;
  const loading = query.isFetching;
  const error = query.error ? query.error.message : null;
  const refresh = useCallback(() => void query.refetch(), [query.refetch]);

  const now = report ? new Date(report.generatedAt) : new Date();
  const rows = useMemo(
    () =>
      (report?.stations ?? []).filter(
        (s) => (!townshipId || s.townshipId === townshipId) && (!status || s.status === status),
      ),
    [report, townshipId, status],
  );
  const townships = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of report?.stations ?? []) seen.set(s.townshipId, s.townshipName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [report]);
  const statusOptions = statusOrder.map((s) => ({ value: s, label: t(`syncReport.status.${s}`) }));

  const chart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '44%'],
          label: { formatter: '{b}\n{c}' },
          data: statusOrder
            .map((s) => ({
              name: t(`syncReport.status.${s}`),
              value: report?.totals[s] ?? 0,
              itemStyle: { color: chartColors[s] },
            }))
            .filter((d) => d.value > 0),
        },
      ],
    }),
    [report, t],
  );

  const columns: ColumnsType<SyncReportRow> = [
    { title: t('syncReport.columns.township'), dataIndex: 'townshipName', width: 120 },
    { title: t('syncReport.columns.station'), dataIndex: 'stationName', width: 220 },
    {
      title: t('syncReport.columns.status'),
      dataIndex: 'status',
      width: 110,
      render: (value: StationSyncStatus, row) => <Tag color={statusColors[value]}>{row.statusLabel}</Tag>,
    },
    {
      title: t('syncReport.columns.lastSync'),
      dataIndex: 'lastSyncAt',
      width: 170,
      render: (value: string | null) =>
        value ? (
          <Tooltip title={formatDateTime(value, locale)}>
            <span>{agoText(value, now)}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('syncReport.never')}</Typography.Text>
        ),
    },
    {
      title: t('syncReport.columns.lastSeen'),
      dataIndex: 'lastSeenAt',
      width: 150,
      render: (value: string | null) => (value ? formatDateTime(value, locale) : ''),
    },
    { title: t('syncReport.columns.appVersion'), dataIndex: 'appVersion', width: 90 },
    { title: t('syncReport.columns.pending'), dataIndex: 'pendingChanges', width: 90, align: 'right' },
    {
      title: t('syncReport.columns.lastError'),
      dataIndex: 'lastError',
      ellipsis: true,
      render: (value: string | null) => (value ? <Typography.Text type="danger">{value}</Typography.Text> : null),
    },
  ];

  const totals = report?.totals;
  return (
    <div className="county-report" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space style={{ justifyContent: 'space-between', display: 'flex' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('syncReport.title')}
        </Typography.Title>
        <ReportToolbar
          loading={loading}
          onRefresh={refresh}
          printName={t('syncReport.printName', { county: credentials.countyName })}
          exportFile={(format) => api.exportReport('sync', format, { staleDays: staleDays ?? report?.staleDays })}
        />
      </Space>
      <Typography.Text type="secondary">
        {t('syncReport.subtitle', {
          county: report?.countyName ?? credentials.countyName,
          time: report ? formatDateTime(report.generatedAt, locale) : '',
          days: staleDays ?? report?.staleDays ?? '…',
        })}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={t('syncReport.totals')} style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              <Col span={8}>
                <Statistic title={t('syncReport.stations')} value={totals?.stations ?? 0} />
              </Col>
              {statusOrder.map((s) => (
                <Col span={8} key={s}>
                  <Statistic
                    title={t(`syncReport.status.${s}`)}
                    value={totals?.[s] ?? 0}
                    styles={{ content: { color: s === 'stale' && (totals?.stale ?? 0) > 0 ? '#cf1322' : undefined } }}
                  />
                </Col>
              ))}
            </Row>
            <Space style={{ marginTop: 16 }} className="no-print">
              <span>{t('syncReport.staleDays')}</span>
              <InputNumber
                aria-label={t('syncReport.staleDays')}
                min={1}
                max={365}
                precision={0}
                value={staleDays ?? report?.staleDays ?? null}
                onChange={(value) => typeof value === 'number' && value >= 1 && setStaleDays(value)}
              />
            </Space>
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('syncReport.chart')}>
            {report && report.stations.length > 0 ? (
              <EChart option={chart} height={220} label={t('syncReport.chart')} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('syncReport.tableTitle')}
        extra={
          <Space className="no-print">
            <Select
              aria-label={t('filters.township')}
              placeholder={t('filters.township')}
              allowClear
              style={{ width: 150 }}
              options={townships}
              value={townshipId ?? undefined}
              onChange={(value?: string) => setTownshipId(value ?? null)}
            />
            <Select
              aria-label={t('syncReport.columns.status')}
              placeholder={t('syncReport.columns.status')}
              allowClear
              style={{ width: 150 }}
              options={statusOptions}
              value={status ?? undefined}
              onChange={(value?: StationSyncStatus) => setStatus(value ?? null)}
            />
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<SyncReportRow>
          aria-label={t('syncReport.tableTitle')}
          rowKey="stationId"
          size="small"
          dataSource={rows}
          columns={columns}
          loading={loading}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          rowClassName={(row) =>
            row.status === 'stale' || row.status === 'revoked'
              ? 'county-row-overdue'
              : row.status === 'neverSynced'
                ? 'county-row-stale'
                : ''
          }
        />
      </Card>
    </div>
  );
}
