// The 接待日 list: planned, held and cancelled days, newest first; row → detail.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ReceptionDay, receptionDayStatuses } from '../../../src-shared/reception-day/reception-day';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { formatDateWithWeekday } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { StatusTag } from '../../ui/status-tag';
import { timeSpan, useReceptionDays } from './use-reception-days';

export function ReceptionDayList() {
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const navigate = useNavigate();
  const { days, loading } = useReceptionDays();
  const representatives = useStationRepresentatives(true);

  const columns: TableProps<ReceptionDay>['columns'] = [
    {
      key: 'date',
      title: t('columns.date'),
      width: 200,
      render: (_: unknown, d) => formatDateWithWeekday(d.date, locale),
    },
    { key: 'time', title: t('columns.time'), width: 120, render: (_: unknown, d) => timeSpan(d) },
    { key: 'place', title: t('columns.place'), dataIndex: 'place', ellipsis: true },
    {
      key: 'representatives',
      title: t('columns.representatives'),
      ellipsis: true,
      render: (_: unknown, d) =>
        (d.presentRepresentativeIds ?? d.representativeIds)
          .map((id) => representatives.byId.get(id)?.name ?? id)
          .join('、'),
    },
    { key: 'topic', title: t('columns.topic'), dataIndex: 'topic', ellipsis: true, width: 180 },
    {
      key: 'status',
      title: t('columns.status'),
      width: 100,
      render: (_: unknown, d) => <StatusTag status={d.status} labels={receptionDayStatuses.labels} />,
    },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
          {t('plan')}
        </Button>
      </Flex>
      <Table<ReceptionDay>
        aria-label={t('tableLabel')}
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={days}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(d) => ({ onClick: () => navigate(d.id), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}
