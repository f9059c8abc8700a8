// 工作报表: the county's work for a period and an area (county, township, station) — headline figures, the monthly
// trend, the category split and the station ranking as ECharts with their tables beside, missing activities and
// representatives; export (XLSX, CSV from the server) and print.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkReport, WorkReportQuery } from '../../../../src-shared/api/reports';
import { formatDateTime, formatNumber, todayInStation } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { useCountySession } from '../session/county-context';
import { type ChartOption, EChart } from './echart';
import { formatRate, type Period, type PeriodPreset, presetPeriod } from './report-period';
import { ReportToolbar } from './report-toolbar';
import '../county.css';

type StationRow = WorkReport['stations'][number];
type CategoryRow = WorkReport['opinions']['byCategory'][number];
type MissingRow = WorkReport['missingActivities'][number];
type RepresentativeRow = WorkReport['representatives'][number];
/** At most this many months in the trend chart (the last ones of a longer period). */
const trendMonths = 12;

const presets: PeriodPreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'lastYear'];

/** A chart (or "no data") on the left and the table of the same figures beside it. */
function ChartBesideTable({
  chartTitle,
  chart,
  tableTitle,
  children,
}: {
  chartTitle: string;
  chart: ReactNode | null;
  tableTitle: string;
  children: ReactNode;
}) {
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Card size="small" title={chartTitle} style={{ height: '100%' }}>
          {chart ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Card>
      </Col>
      <Col span={14}>
        <Card size="small" title={tableTitle} styles={{ body: { padding: 0 } }} style={{ height: '100%' }}>
          {children}
        </Card>
      </Col>
    </Row>
  );
}

function Figure({ label, value, danger }: { label: string; value: string | number; danger?: boolean }) {
  return (
    <Card size="small" role="group" aria-label={label} styles={{ body: { padding: '10px 12px' } }}>
      <Statistic
        title={label}
        value={value}
        styles={{ content: { fontSize: 22, color: danger ? '#cf1322' : undefined } }}
      />
    </Card>
  );
}

export function WorkReportPage() {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const { api, reference, credentials } = useCountySession();
  const today = todayInStation();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisYear', today));
  const [townshipId, setTownshipId] = useState<string | null>(null);
  const [stationId, setStationId] = useState<string | null>(null);

  const query: WorkReportQuery = useMemo(
    () => ({ ...period, townshipId: townshipId ?? undefined, stationId: stationId ?? undefined }),
    [period, townshipId, stationId],
  );

  // Another period or area keeps the last report on screen until the new one arrives.
  const request = useQuery({
    queryKey: ['county', credentials.token, 'workReport', query],
    queryFn: () => api.workReport(query),
    placeholderData: keepPreviousData,
  });
  const report = request.data ?? null;
  const loading = request.isFetching;
  const error = request.error ? request.error.message : null;
  const refresh = useCallback(() => void request.refetch(), [request.refetch]);
  // The monthly trend comes with the report (the server counts every month in one query); the last twelve months.
  const trend = useMemo(() => (report ? report.opinions.byMonth.slice(-trendMonths) : null), [report]);

  const townshipOptions = (reference?.townships ?? []).map((tw) => ({ value: tw.id, label: tw.name }));
  const stationOptions = (reference?.stations ?? [])
    .filter((s) => !townshipId || s.townshipId === townshipId)
    .map((s) => ({ value: s.id, label: s.name }));

  const totals = report?.opinions.totals;
  const fmt = (n: number | undefined) => formatNumber(n ?? 0, locale);

  const trendChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: (trend ?? []).map((p) => p.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('work.received'), type: 'line', data: (trend ?? []).map((p) => p.received) },
        { name: t('work.processed'), type: 'line', data: (trend ?? []).map((p) => p.processed) },
      ],
    }),
    [trend, t],
  );

  const categoryChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: { formatter: '{b}\n{c}' },
          data: (report?.opinions.byCategory ?? [])
            .filter((c) => c.total > 0)
            .map((c) => ({ name: c.label, value: c.total })),
        },
      ],
    }),
    [report],
  );

  const ranking = useMemo(
    () =>
      (report?.stations ?? [])
        .filter((s) => s.opinionsReceived > 0)
        .sort((a, b) => b.opinionsReceived - a.opinionsReceived)
        .slice(0, 10),
    [report],
  );
  const rankingChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: ranking.map((s) => s.stationName) },
      series: [
        { name: t('work.received'), type: 'bar', data: ranking.map((s) => s.opinionsReceived) },
        { name: t('work.processed'), type: 'bar', data: ranking.map((s) => s.opinionsProcessed) },
      ],
    }),
    [ranking, t],
  );

  const categoryColumns: ColumnsType<CategoryRow> = [
    { title: t('work.columns.category'), dataIndex: 'label' },
    { title: t('work.columns.total'), dataIndex: 'total', align: 'right', width: 70 },
    {
      title: t('work.columns.processed'),
      key: 'processed',
      align: 'right',
      width: 80,
      render: (_: unknown, c) => c.byStatus.replied + c.byStatus.rated + c.byStatus.closed + c.byStatus.answeredOnSite,
    },
    {
      title: t('work.columns.inProgress'),
      key: 'inProgress',
      align: 'right',
      width: 80,
      render: (_: unknown, c) => c.byStatus.submitted + c.byStatus.accepted + c.byStatus.assigned + c.byStatus.returned,
    },
  ];

  const stationColumns: ColumnsType<StationRow> = [
    { title: t('work.columns.township'), dataIndex: 'townshipName', width: 110, ellipsis: true },
    { title: t('work.columns.station'), dataIndex: 'stationName', width: 180, ellipsis: true },
    { title: t('work.columns.receptionDays'), dataIndex: 'receptionDaysHeld', align: 'right', width: 80 },
    { title: t('work.columns.visitors'), dataIndex: 'visitors', align: 'right', width: 80 },
    { title: t('work.columns.received'), dataIndex: 'opinionsReceived', align: 'right', width: 80 },
    { title: t('work.columns.processed'), dataIndex: 'opinionsProcessed', align: 'right', width: 80 },
    {
      title: t('work.columns.processingRate'),
      key: 'rate',
      align: 'right',
      width: 90,
      render: (_: unknown, s) => formatRate(s.processingRate, locale),
    },
    {
      title: t('work.columns.overdue'),
      dataIndex: 'opinionsOverdue',
      align: 'right',
      width: 80,
      render: (n: number) =>
        n > 0 ? (
          <Typography.Text type="danger" strong>
            {n}
          </Typography.Text>
        ) : (
          n
        ),
    },
    { title: t('work.columns.mediation'), dataIndex: 'mediationCases', align: 'right', width: 80 },
    { title: t('work.columns.missing'), dataIndex: 'missingActivities', align: 'right', width: 80 },
  ];

  const missingColumns: ColumnsType<MissingRow> = [
    { title: t('work.columns.township'), dataIndex: 'townshipName', width: 120 },
    { title: t('work.columns.station'), dataIndex: 'stationName', width: 200 },
    { title: t('work.columns.activity'), dataIndex: 'typeLabel', width: 220 },
    {
      title: t('work.columns.missingIn'),
      dataIndex: 'missingInLabels',
      render: (labels: string[]) => (
        <Space size={[4, 4]} wrap>
          {labels.map((l) => (
            <Tag key={l} color="orange">
              {l}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];

  const representativeColumns: ColumnsType<RepresentativeRow> = [
    { title: t('work.columns.representative'), dataIndex: 'name', width: 100 },
    { title: t('work.columns.level'), dataIndex: 'levelLabel', width: 110 },
    { title: t('work.columns.station'), dataIndex: 'stationName', width: 200, ellipsis: true },
    { title: t('work.columns.receptionDaysPresent'), dataIndex: 'receptionDaysPresent', align: 'right' },
    { title: t('work.columns.opinionsCollected'), dataIndex: 'opinionsCollected', align: 'right' },
    { title: t('work.columns.activitiesAttended'), dataIndex: 'activitiesAttended', align: 'right' },
    { title: t('work.columns.mediationsJoined'), dataIndex: 'mediationsJoined', align: 'right' },
  ];

  const areaName = report?.area.name ?? credentials.countyName;
  return (
    <div className="county-report" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space style={{ justifyContent: 'space-between', display: 'flex' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('work.title')}
        </Typography.Title>
        <ReportToolbar
          loading={loading}
          onRefresh={refresh}
          printName={t('work.printName', { area: areaName, from: period.from, to: period.to })}
          exportFile={(format) => api.exportReport('work', format, query)}
        />
      </Space>
      <Card size="small" className="no-print">
        <Space wrap>
          <DatePicker.RangePicker
            aria-label={t('work.period')}
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            presets={presets.map((p) => {
              const value = presetPeriod(p, today);
              return { label: t(`work.presets.${p}`), value: [dayjs(value.from), dayjs(value.to)] };
            })}
            onChange={(range) => {
              const from = range?.[0]?.format('YYYY-MM-DD');
              const to = range?.[1]?.format('YYYY-MM-DD');
              if (from && to) setPeriod({ from, to });
            }}
          />
          <Select
            aria-label={t('filters.township')}
            placeholder={t('work.wholeCounty')}
            allowClear
            style={{ width: 160 }}
            options={townshipOptions}
            value={townshipId ?? undefined}
            onChange={(value?: string) => {
              setTownshipId(value ?? null);
              setStationId(null);
            }}
          />
          <Select
            aria-label={t('filters.station')}
            placeholder={t('work.allStations')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            options={stationOptions}
            value={stationId ?? undefined}
            onChange={(value?: string) => setStationId(value ?? null)}
          />
        </Space>
      </Card>
      <Typography.Text type="secondary">
        {report
          ? t('work.subtitle', {
              area: report.area.name,
              from: report.from,
              to: report.to,
              asOf: report.asOf,
              time: formatDateTime(report.generatedAt, locale),
            })
          : ''}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={error} /> : null}

      <section aria-label={t('work.summary')}>
        <Row gutter={[8, 8]}>
          <Col span={4}>
            <Figure label={t('work.figures.received')} value={fmt(totals?.received)} />
          </Col>
          <Col span={4}>
            <Figure label={t('work.figures.submitted')} value={fmt(totals?.submitted)} />
          </Col>
          <Col span={4}>
            <Figure label={t('work.figures.processed')} value={fmt(totals?.processed)} />
          </Col>
          <Col span={4}>
            <Figure
              label={t('work.figures.processingRate')}
              value={report ? formatRate(report.opinions.processingRate, locale) : '—'}
            />
          </Col>
          <Col span={4}>
            <Figure
              label={t('work.figures.onTimeRate')}
              value={report ? formatRate(report.opinions.onTimeRate, locale) : '—'}
            />
          </Col>
          <Col span={4}>
            <Figure
              label={t('work.figures.overdue')}
              value={fmt(totals?.overdue)}
              danger={(totals?.overdue ?? 0) > 0}
            />
          </Col>
          <Col span={4}>
            <Figure
              label={t('work.figures.satisfactionRate')}
              value={report ? formatRate(report.opinions.satisfactionRate, locale) : '—'}
            />
          </Col>
          <Col span={4}>
            <Figure label={t('work.figures.receptionDays')} value={fmt(report?.reception.daysHeld)} />
          </Col>
          <Col span={4}>
            <Figure label={t('work.figures.visitors')} value={fmt(report?.reception.visitors)} />
          </Col>
          <Col span={4}>
            <Figure label={t('work.figures.mediation')} value={fmt(report?.mediation.total)} />
          </Col>
          <Col span={4}>
            <Figure
              label={t('work.figures.mediationSuccess')}
              value={report ? formatRate(report.mediation.successRate, locale) : '—'}
            />
          </Col>
          <Col span={4}>
            <Figure
              label={t('work.figures.averageDays')}
              value={
                totals?.averageDaysToReply === null || totals?.averageDaysToReply === undefined
                  ? '—'
                  : formatNumber(Math.round(totals.averageDaysToReply * 10) / 10, locale)
              }
            />
          </Col>
        </Row>
      </section>

      <Card size="small" title={t('work.trend')}>
        {trend && trend.length > 0 ? (
          <EChart option={trendChart} height={220} label={t('work.trend')} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={trend ? undefined : t('work.loading')} />
        )}
      </Card>

      <ChartBesideTable
        chartTitle={t('work.categories')}
        chart={
          (totals?.received ?? 0) > 0 ? (
            <EChart option={categoryChart} height={260} label={t('work.categories')} />
          ) : null
        }
        tableTitle={t('work.categoryTable')}
      >
        <Table<CategoryRow>
          aria-label={t('work.categoryTable')}
          rowKey="category"
          size="small"
          pagination={false}
          dataSource={report?.opinions.byCategory ?? []}
          columns={categoryColumns}
          loading={loading}
        />
      </ChartBesideTable>

      <ChartBesideTable
        chartTitle={t('work.ranking')}
        chart={
          ranking.length > 0 ? (
            <EChart option={rankingChart} height={Math.max(200, ranking.length * 34 + 40)} label={t('work.ranking')} />
          ) : null
        }
        tableTitle={t('work.stationTable')}
      >
        <Table<StationRow>
          aria-label={t('work.stationTable')}
          rowKey="stationId"
          size="small"
          dataSource={report?.stations ?? []}
          columns={stationColumns}
          loading={loading}
          scroll={{ x: 940 }}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          rowClassName={(s) => (s.opinionsOverdue > 0 ? 'county-row-overdue' : '')}
        />
      </ChartBesideTable>

      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            {
              key: 'missing',
              label: t('work.missingTab', { count: report?.missingActivities.length ?? 0 }),
              children: (
                <Table<MissingRow>
                  rowKey={(r) => `${r.stationId}-${r.type}`}
                  size="small"
                  dataSource={report?.missingActivities ?? []}
                  columns={missingColumns}
                  pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                />
              ),
            },
            {
              key: 'representatives',
              label: t('work.representativesTab'),
              children: (
                <Table<RepresentativeRow>
                  rowKey="representativeId"
                  size="small"
                  dataSource={report?.representatives ?? []}
                  columns={representativeColumns}
                  pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
