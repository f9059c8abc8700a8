// A minimal county workspace for staff in a browser: the county's opinions (synced live) and the county actions on
// one of them. The full county workspace comes with a later issue; this one exists so staff can accept, assign, reply.
import { LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Layout, Row, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../src-shared/common/labels';
import type { Actor } from '../../../src-shared/common/lifecycle';
import {
  type Opinion,
  opinionCategories,
  opinionFieldLabels,
  opinionNestedFieldLabels,
  opinionStatuses,
  replyClasses,
} from '../../../src-shared/opinion/opinion';
import { opinionActionLabels } from '../../../src-shared/opinion/opinion-lifecycle';
import type { LiaisonDatabase } from '../../db/database';
import { OpinionRepository } from '../../db/repositories/opinion-repository';
import { useRxQueryResult } from '../../db/use-rx';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { signOutCounty } from '../../sync/county-session';
import type { CountyCredentials } from '../../sync/credentials';
import { type SyncEngine, startSyncEngine } from '../../sync/sync-engine';
import { HistoryTimeline } from '../../ui/history-timeline';
import { MaskedText } from '../../ui/masked-text';
import { StatusTag } from '../../ui/status-tag';
import { SyncIndicator } from '../../ui/sync-indicator';
import { CountyOpinionActions } from './county-opinion-actions';

/** Runs the county's replication while the workspace is open. */
function useCountySync(database: LiaisonDatabase, credentials: CountyCredentials): void {
  useEffect(() => {
    let engine: SyncEngine | null = null;
    let stopped = false;
    void startSyncEngine(database, credentials).then((started) => {
      if (stopped) void started.stop();
      else engine = started;
    });
    return () => {
      stopped = true;
      void engine?.stop();
    };
  }, [database, credentials]);
}

function OpinionDetail({ opinion, database, actor }: { opinion: Opinion; database: LiaisonDatabase; actor: Actor }) {
  const { t } = useTranslation('county-sign-in');
  const locale = useLocale();
  const field = (name: keyof Opinion) => labelOf(opinionFieldLabels, name, locale);
  const nested = (path: string) => labelOf(opinionNestedFieldLabels, path, locale);
  const departments = useRxQueryResult(() => database.departments.find().$, [database]);
  const departmentName = (id: string | undefined) =>
    (departments.value ?? []).find((d) => d.id === id)?.name ?? id ?? '';
  return (
    <Card
      title={t('workspace.detailTitle')}
      extra={<StatusTag status={opinion.status} labels={opinionStatuses.labels} />}
    >
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={field('title')}>{opinion.title}</Descriptions.Item>
        <Descriptions.Item label={field('category')}>
          {labelOf(opinionCategories.labels, opinion.category, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={field('content')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{opinion.content}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={field('visitor')}>
          <MaskedText value={opinion.visitor.name} kind="name" />
        </Descriptions.Item>
        <Descriptions.Item label={field('receivedAt')}>{formatDateTime(opinion.receivedAt, locale)}</Descriptions.Item>
        {opinion.assignment ? (
          <Descriptions.Item label={field('assignment')}>
            {nested('assignment.leadDepartmentId')}：{departmentName(opinion.assignment.leadDepartmentId)}；
            {nested('assignment.deadline')}：{formatDate(opinion.assignment.deadline, locale)}
          </Descriptions.Item>
        ) : null}
        {opinion.reply ? (
          <Descriptions.Item label={field('reply')}>
            {labelOf(replyClasses.labels, opinion.reply.class, locale)}：{opinion.reply.text}（
            {formatDate(opinion.reply.repliedOn, locale)}）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <div style={{ margin: '16px 0' }}>
        <CountyOpinionActions opinion={opinion} database={database} actor={actor} />
      </div>
      <Typography.Title level={5}>{t('workspace.history')}</Typography.Title>
      <HistoryTimeline
        history={opinion.history}
        statusLabels={opinionStatuses.labels}
        actionLabels={opinionActionLabels}
      />
    </Card>
  );
}

export function CountyWorkspace({
  database,
  credentials,
}: {
  database: LiaisonDatabase;
  credentials: CountyCredentials;
}) {
  const { t } = useTranslation('county-sign-in');
  const locale = useLocale();
  useCountySync(database, credentials);
  const repository = useMemo(() => new OpinionRepository(database), [database]);
  const opinions = useRxQueryResult(() => repository.list$({ sortBy: 'updatedAt', limit: 500 }), [repository]);
  const stations = useRxQueryResult(() => database.stations.find().$, [database]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const actor: Actor = useMemo(() => ({ name: credentials.user, role: 'county' }), [credentials.user]);
  const stationName = (id: string) => (stations.value ?? []).find((s) => s.id === id)?.name ?? id;
  const list = opinions.value ?? [];
  const selected = list.find((o) => o.id === selectedId) ?? null;

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header
        style={{
          background: '#fff',
          padding: '0 24px',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('workspace.title', { county: credentials.countyName })}
        </Typography.Text>
        <Space size="middle">
          <SyncIndicator />
          <Typography.Text type="secondary">{t('workspace.user', { user: credentials.user })}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void signOutCounty()}>
            {t('workspace.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
        <Row gutter={16}>
          <Col span={13}>
            <Card title={t('workspace.listTitle')} size="small">
              <Table<Opinion>
                rowKey="id"
                size="small"
                dataSource={list}
                loading={opinions.loading}
                pagination={{ pageSize: 12, showSizeChanger: false }}
                locale={{ emptyText: <Empty description={t('workspace.empty')} /> }}
                onRow={(record) => ({ onClick: () => setSelectedId(record.id), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: t('workspace.columns.title'),
                    dataIndex: 'title',
                    render: (title: string, record) => (
                      <Button type="link" style={{ padding: 0 }} onClick={() => setSelectedId(record.id)}>
                        {title}
                      </Button>
                    ),
                  },
                  { title: t('workspace.columns.station'), dataIndex: 'stationId', render: stationName },
                  {
                    title: t('workspace.columns.status'),
                    dataIndex: 'status',
                    width: 100,
                    render: (status: string) => <StatusTag status={status} labels={opinionStatuses.labels} />,
                  },
                  {
                    title: t('workspace.columns.receivedAt'),
                    dataIndex: 'receivedAt',
                    width: 150,
                    render: (at: string) => formatDateTime(at, locale),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col span={11}>
            {selected ? (
              <OpinionDetail opinion={selected} database={database} actor={actor} />
            ) : (
              <Card>
                <Empty description={t('workspace.select')} />
              </Card>
            )}
          </Col>
        </Row>
      </Layout.Content>
    </Layout>
  );
}
