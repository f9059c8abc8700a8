// 代表履职档案: one representative's reception days attended, opinions received and activities joined.
import { Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Activity, activityTypes } from '../../../src-shared/activity/activity';
import { type Opinion, opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import {
  type Representative,
  representativeFieldLabels,
  representativeLevels,
} from '../../../src-shared/representative/representative';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { loadedRecord, RecordLoader } from '../../ui/record-loader';
import { StatusTag } from '../../ui/status-tag';
import { attendedReceptionDays, joinedActivities, receivedOpinions } from './representative-record';
import { useRepresentative, useStationRecords } from './use-representatives';

export function RepresentativeRecordPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('representatives');
  const representative = useRepresentative(id);
  return (
    <RecordLoader
      record={loadedRecord(representative)}
      notFound={t('record.notFound')}
      back={{ label: t('record.back'), to: '/representatives' }}
    >
      {(rep) => <RecordView rep={rep} />}
    </RecordLoader>
  );
}

function RecordView({ rep }: { rep: Representative }) {
  const { t } = useTranslation('representatives');
  const locale = useLocale();
  const records = useStationRecords();
  const days = attendedReceptionDays(records.receptionDays, rep.id);
  const opinions = receivedOpinions(records.opinions, rep.id);
  const activities = joinedActivities(records.activities, rep.id);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={12}>
            <Link to="/representatives">{t('record.back')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('record.title')}：{rep.name}
            </Typography.Title>
            <Tag color="red">{representativeLevels.label(rep.level, locale)}</Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={representativeFieldLabels.organization[locale]}>
            {rep.organization ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={representativeFieldLabels.phone[locale]}>{rep.phone ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('record.receptionDays')} value={days.length} loading={records.loading} />
          </Col>
          <Col span={8}>
            <Statistic title={t('record.opinions')} value={opinions.length} loading={records.loading} />
          </Col>
          <Col span={8}>
            <Statistic title={t('record.activities')} value={activities.length} loading={records.loading} />
          </Col>
        </Row>
      </Card>

      <Card
        title={t('record.receptionDays')}
        size="small"
        extra={<Typography.Text type="secondary">{t('record.attendedNote')}</Typography.Text>}
      >
        <Table<ReceptionDay>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={days}
          locale={{ emptyText: t('record.noReceptionDays') }}
          columns={[
            { title: t('record.date'), dataIndex: 'date', render: (d: string) => formatDate(d, locale) },
            { title: t('record.place'), dataIndex: 'place' },
            { title: t('record.topic'), dataIndex: 'topic' },
            { title: t('record.visitors'), dataIndex: 'visitorCount', align: 'right' },
          ]}
        />
      </Card>

      <Card title={t('record.opinions')} size="small">
        <Table<Opinion>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={opinions}
          locale={{ emptyText: t('record.noOpinions') }}
          columns={[
            {
              title: t('record.receivedAt'),
              dataIndex: 'receivedAt',
              render: (d: string) => formatDateTime(d, locale),
            },
            { title: t('record.opinionTitle'), dataIndex: 'title' },
            {
              title: t('record.category'),
              dataIndex: 'category',
              render: (c: Opinion['category']) => opinionCategories.label(c, locale),
            },
            {
              title: t('record.status'),
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} labels={opinionStatuses.labels} />,
            },
          ]}
        />
      </Card>

      <Card title={t('record.activities')} size="small">
        <Table<Activity>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={activities}
          locale={{ emptyText: t('record.noActivities') }}
          columns={[
            { title: t('record.date'), dataIndex: 'date', render: (d: string) => formatDate(d, locale) },
            {
              title: t('record.activityType'),
              dataIndex: 'type',
              render: (type: Activity['type']) => activityTypes.label(type, locale),
            },
            { title: t('record.activityTitle'), dataIndex: 'title' },
          ]}
        />
      </Card>
    </Space>
  );
}
