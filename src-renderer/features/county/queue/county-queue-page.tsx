// 意见办理: the county's queue of submitted opinions across its stations (virtualized table, filters kept in a store,
// overdue rows highlighted), bulk 交办 and 办结 on ticked rows, and the opinion panel beside the queue.
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../../src-shared/common/labels';
import { type Opinion, opinionCategories, opinionStatuses } from '../../../../src-shared/opinion/opinion';
import { applyOpinionCommand, opinionActionLabels } from '../../../../src-shared/opinion/opinion-lifecycle';
import { useDatabase } from '../../../app/app-context';
import { OpinionRepository } from '../../../db/repositories/opinion-repository';
import { ReferenceRepository } from '../../../db/repositories/reference-repository';
import { useRxQueryResult } from '../../../db/use-rx';
import { formatDate, todayInStation } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { MaskedText } from '../../../ui/masked-text';
import { StatusTag } from '../../../ui/status-tag';
import { useCountySession } from '../session/county-context';
import { CountyActionDialog, type CountyActionValues, commandOf } from './county-action-dialog';
import { CountyOpinionPanel } from './county-opinion-panel';
import { bulkSteps, filterQueue, isOverdue, partitionForAction, pendingStatuses, shanghaiDay } from './county-queue';
import { useCountyQueueStore } from './county-queue-store';
import '../county.css';

type BulkKind = 'assign' | 'close';

export function CountyQueuePage() {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const { message } = App.useApp();
  const database = useDatabase();
  const { actor, reference } = useCountySession();
  const opinions = useMemo(() => new OpinionRepository(database), [database]);
  const references = useMemo(() => new ReferenceRepository(database), [database]);
  const all = useRxQueryResult(() => opinions.list$({ sortBy: 'receivedAt' }), [opinions]);
  const localStations = useRxQueryResult(() => references.stations$(), [references]);
  const departments = useRxQueryResult(() => references.departments$(false), [references]);
  const { filters, setFilters, resetFilters, selectedIds, setSelectedIds, openId, open } = useCountyQueueStore();
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const today = todayInStation();

  // Stations and townships: the server's reference list, or the replicated stations while it loads.
  const stations = useMemo(() => {
    if (reference) return reference.stations.map((s) => ({ id: s.id, name: s.name, townshipId: s.townshipId }));
    return (localStations.value ?? []).map((s) => ({ id: s.id, name: s.name, townshipId: s.townshipId }));
  }, [reference, localStations.value]);
  const townshipOf = useMemo(() => new Map(stations.map((s) => [s.id, s.townshipId])), [stations]);
  const stationNames = useMemo(() => new Map(stations.map((s) => [s.id, s.name])), [stations]);
  const stationName = (id: string) => stationNames.get(id) ?? id;
  const departmentList = departments.value ?? [];

  const rows = useMemo(
    () => filterQueue(all.value ?? [], filters, { townshipOf, today }),
    [all.value, filters, townshipOf, today],
  );
  const overdueCount = useMemo(() => rows.filter((o) => isOverdue(o, today)).length, [rows, today]);
  const opened = (all.value ?? []).find((o) => o.id === openId) ?? null;
  const selected = rows.filter((o) => selectedIds.includes(o.id));
  const bulkPartition = bulk ? partitionForAction(selected, bulk) : null;

  const townshipOptions = (reference?.townships ?? []).map((tw) => ({ value: tw.id, label: tw.name }));
  const stationOptions = stations
    .filter((s) => !filters.townshipId || s.townshipId === filters.townshipId)
    .map((s) => ({ value: s.id, label: s.name }));

  async function runBulk(kind: BulkKind, values: CountyActionValues) {
    const partition = partitionForAction(selected, kind);
    if (partition.applicable.length === 0) throw new Error(t('bulk.noneApplicable'));
    // The same values go to every opinion: check them once, without writing, so a form problem shows at its field.
    const sample = partition.applicable[0]!;
    const checked: Opinion = kind === 'assign' ? { ...sample, status: 'accepted' } : sample;
    applyOpinionCommand(checked, commandOf(kind, values, sample), actor, new Date().toISOString());
    const failures: string[] = [];
    for (const opinion of partition.applicable) {
      try {
        for (const step of bulkSteps(opinion, kind)) {
          await opinions.apply(
            opinion.id,
            step === 'accept' ? { action: 'accept' } : commandOf(kind, values, opinion),
            actor,
          );
        }
      } catch (error) {
        failures.push(`${opinion.title}：${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const action = labelOf(opinionActionLabels, kind, locale);
    const doneCount = partition.applicable.length - failures.length;
    void message.success(t('bulk.done', { action, count: doneCount, skipped: partition.skipped.length }));
    if (failures.length > 0) void message.error(failures.join('；'));
    setSelectedIds([]);
  }

  const columns: ColumnsType<Opinion> = [
    {
      title: t('columns.title'),
      dataIndex: 'title',
      width: 200,
      ellipsis: true,
      render: (title: string, record) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}
          onClick={() => open(record.id)}
        >
          {title}
        </Button>
      ),
    },
    { title: t('columns.station'), dataIndex: 'stationId', width: 130, ellipsis: true, render: stationName },
    {
      title: t('columns.category'),
      dataIndex: 'category',
      width: 96,
      ellipsis: true,
      render: (category: Opinion['category']) => labelOf(opinionCategories.labels, category, locale),
    },
    {
      title: t('columns.visitor'),
      key: 'visitor',
      width: 64,
      render: (_: unknown, record) => <MaskedText value={record.visitor.name} kind="name" />,
    },
    {
      title: t('columns.status'),
      dataIndex: 'status',
      width: 92,
      render: (status: string) => <StatusTag status={status} labels={opinionStatuses.labels} />,
    },
    {
      title: t('columns.receivedOn'),
      dataIndex: 'receivedAt',
      width: 110,
      render: (at: string) => formatDate(shanghaiDay(at), locale),
    },
    {
      title: t('columns.deadline'),
      key: 'deadline',
      width: 130,
      render: (_: unknown, record) => {
        if (!record.assignment) return null;
        const late = isOverdue(record, today);
        return (
          <Space size={4}>
            <Typography.Text type={late ? 'danger' : undefined} strong={late}>
              {formatDate(record.assignment.deadline, locale)}
            </Typography.Text>
            {late ? <Tag color="red">{t('queue.overdueTag')}</Tag> : null}
          </Space>
        );
      },
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space align="baseline" style={{ justifyContent: 'space-between', display: 'flex' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('queue.title')}
        </Typography.Title>
        <Space size="middle">
          <Typography.Text type="secondary">{t('queue.count', { count: rows.length })}</Typography.Text>
          {overdueCount > 0 ? (
            <Badge
              status="error"
              text={<Typography.Text type="danger">{t('queue.overdueCount', { count: overdueCount })}</Typography.Text>}
            />
          ) : null}
        </Space>
      </Space>

      <Card size="small" className="no-print">
        <Space wrap size={[8, 8]}>
          <Select
            aria-label={t('filters.township')}
            placeholder={t('filters.township')}
            allowClear
            style={{ width: 150 }}
            options={townshipOptions}
            value={filters.townshipId ?? undefined}
            onChange={(value?: string) => setFilters({ townshipId: value ?? null, stationId: null })}
          />
          <Select
            aria-label={t('filters.station')}
            placeholder={t('filters.station')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            options={stationOptions}
            value={filters.stationId ?? undefined}
            onChange={(value?: string) => setFilters({ stationId: value ?? null })}
          />
          <Select
            aria-label={t('filters.category')}
            placeholder={t('filters.category')}
            allowClear
            style={{ width: 160 }}
            options={opinionCategories.options(locale)}
            value={filters.category ?? undefined}
            onChange={(value?: Opinion['category']) => setFilters({ category: value ?? null })}
          />
          <Select
            aria-label={t('filters.status')}
            placeholder={t('filters.status')}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ width: 220 }}
            options={opinionStatuses.options(locale)}
            value={filters.statuses}
            onChange={(value: Opinion['status'][]) => setFilters({ statuses: value })}
          />
          <DatePicker.RangePicker
            aria-label={t('filters.received')}
            placeholder={[t('filters.receivedFrom'), t('filters.receivedTo')]}
            style={{ width: 250 }}
            value={[filters.dateFrom ? dayjs(filters.dateFrom) : null, filters.dateTo ? dayjs(filters.dateTo) : null]}
            onChange={(range) =>
              setFilters({
                dateFrom: range?.[0]?.format('YYYY-MM-DD') ?? null,
                dateTo: range?.[1]?.format('YYYY-MM-DD') ?? null,
              })
            }
          />
          <Input.Search
            aria-label={t('filters.text')}
            placeholder={t('filters.text')}
            allowClear
            style={{ width: 180 }}
            defaultValue={filters.text}
            onSearch={(text) => setFilters({ text })}
          />
          <Checkbox checked={filters.overdueOnly} onChange={(e) => setFilters({ overdueOnly: e.target.checked })}>
            {t('filters.overdueOnly')}
          </Checkbox>
          <Button onClick={() => setFilters({ statuses: [...pendingStatuses] })}>{t('filters.pending')}</Button>
          <Button onClick={resetFilters}>{t('filters.reset')}</Button>
        </Space>
      </Card>

      <Row gutter={12} wrap={false}>
        <Col flex={opened ? '0 0 640px' : '1 1 auto'} style={{ minWidth: 0 }}>
          <Card
            size="small"
            title={
              <Space>
                <span>{t('bulk.selected', { count: selected.length })}</span>
                <Button size="small" disabled={selected.length === 0} onClick={() => setBulk('assign')}>
                  {t('bulk.assign')}
                </Button>
                <Button size="small" disabled={selected.length === 0} onClick={() => setBulk('close')}>
                  {t('bulk.close')}
                </Button>
              </Space>
            }
            styles={{ body: { padding: 0 } }}
          >
            {all.error ? <Alert type="error" showIcon title={String(all.error)} /> : null}
            <Table<Opinion>
              aria-label={t('queue.tableLabel')}
              rowKey="id"
              size="small"
              virtual
              scroll={{ x: opened ? 820 : undefined, y: 460 }}
              dataSource={rows}
              columns={
                opened
                  ? columns.filter((c) => c.key !== 'visitor' && !('dataIndex' in c && c.dataIndex === 'category'))
                  : columns
              }
              loading={all.loading && !all.value}
              pagination={false}
              locale={{ emptyText: <Empty description={t('queue.empty')} /> }}
              rowSelection={{
                selectedRowKeys: selectedIds,
                onChange: (keys) => setSelectedIds(keys.map(String)),
                columnWidth: 36,
              }}
              rowClassName={(record) =>
                [isOverdue(record, today) ? 'county-row-overdue' : '', record.id === openId ? 'county-row-open' : '']
                  .filter(Boolean)
                  .join(' ')
              }
            />
          </Card>
        </Col>
        {opened ? (
          <Col flex="1 1 auto" style={{ minWidth: 0 }}>
            <CountyOpinionPanel
              opinion={opened}
              departments={departmentList}
              stationName={stationName}
              today={today}
              onClose={() => open(null)}
            />
          </Col>
        ) : null}
      </Row>

      <CountyActionDialog
        kind={bulk}
        subtitle={
          bulkPartition
            ? t('bulk.subtitle', {
                count: selected.length,
                applicable: bulkPartition.applicable.length,
                action: labelOf(opinionActionLabels, bulk ?? 'assign', locale),
              })
            : undefined
        }
        departments={departmentList}
        onSubmit={(kind, values) => runBulk(kind as BulkKind, values)}
        onClose={() => setBulk(null)}
      />
    </div>
  );
}
