// One opinion in the county's hands: its details (personal data masked until revealed, which is recorded), the county
// actions the lifecycle allows now, likely duplicates from the server with 合并到这条, and the full history.

import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateSuggestion } from '../../../../src-shared/api/county-workspace';
import { labelOf } from '../../../../src-shared/common/labels';
import type { Department } from '../../../../src-shared/department/department';
import {
  escalationKinds,
  type Opinion,
  opinionCategories,
  opinionFieldLabels,
  opinionSources,
  opinionStatuses,
  replyClasses,
  satisfactionLevels,
  type Visitor,
} from '../../../../src-shared/opinion/opinion';
import { opinionActionLabels } from '../../../../src-shared/opinion/opinion-lifecycle';
import { useDatabase } from '../../../app/app-context';
import { OpinionRepository } from '../../../db/repositories/opinion-repository';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { HistoryTimeline } from '../../../ui/history-timeline';
import { MaskedText, RevealPersonalDataButton } from '../../../ui/masked-text';
import { StatusTag } from '../../../ui/status-tag';
import { useCountySession } from '../session/county-context';
import { CountyActionDialog, type CountyActionValues, type CountyDialogKind, commandOf } from './county-action-dialog';
import { isOverdue } from './county-queue';

export interface CountyOpinionPanelProps {
  opinion: Opinion;
  departments: readonly Department[];
  stationName: (id: string) => string;
  today: string;
  onClose: () => void;
}

/** Dialog kinds in the order the buttons appear; 受理 and 合并 have no dialog. */
const dialogKinds: CountyDialogKind[] = ['assign', 'reply', 'reject', 'return', 'escalate', 'close'];

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function DuplicateSuggestions({ opinion, onMerge }: { opinion: Opinion; onMerge: (target: string) => Promise<void> }) {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const { api, credentials } = useCountySession();
  // Suggestions follow the opinion's id and content.
  const duplicates = useQuery({
    queryKey: ['county', credentials.token, 'duplicates', opinion.id, opinion.title, opinion.content],
    queryFn: () => api.duplicates(opinion.id),
  });
  const state = {
    loading: duplicates.isPending,
    items: duplicates.data?.suggestions ?? [],
    error: duplicates.error ? describeError(duplicates.error) : null,
  };

  return (
    <section aria-label={t('duplicates.title')}>
      <Typography.Title level={5}>{t('duplicates.title')}</Typography.Title>
      {state.error ? <Alert type="warning" showIcon title={state.error} /> : null}
      <List<DuplicateSuggestion>
        size="small"
        bordered
        loading={state.loading}
        dataSource={state.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duplicates.none')} /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Popconfirm
                key="merge"
                title={t('duplicates.mergeConfirm', { title: item.title })}
                okText={t('actions.ok')}
                cancelText={t('actions.cancel')}
                onConfirm={() => onMerge(item.id)}
              >
                <Button size="small" aria-label={t('duplicates.mergeInto', { title: item.title })}>
                  {t('duplicates.merge')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span>{item.title}</span>
                  <Tag color="blue">{t('duplicates.score', { score: Math.round(item.score * 100) })}</Tag>
                </Space>
              }
              description={
                <span>
                  {item.townshipName} · {item.stationName} · {formatDate(item.receivedAt.slice(0, 10), locale)} ·{' '}
                  {labelOf(opinionStatuses.labels, item.status, locale)}
                  <br />
                  {item.excerpt}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}

export function CountyOpinionPanel({ opinion, departments, stationName, today, onClose }: CountyOpinionPanelProps) {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const { message } = App.useApp();
  const database = useDatabase();
  const { actor } = useCountySession();
  const repository = useMemo(() => new OpinionRepository(database), [database]);
  const [dialog, setDialog] = useState<CountyDialogKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<Visitor | null>(null);
  const field = (name: keyof Opinion) => labelOf(opinionFieldLabels, name, locale);
  const departmentName = (id: string | undefined) => departments.find((d) => d.id === id)?.name ?? id ?? '';
  const allowed = repository.allowedActions(opinion, 'county');
  const overdue = isOverdue(opinion, today);

  // Another opinion: its personal data is masked again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a different opinion only.
  useEffect(() => setRevealed(null), [opinion.id]);

  const done = (action: keyof typeof opinionActionLabels) =>
    void message.success(t('actions.done', { action: labelOf(opinionActionLabels, action, locale) }));

  async function accept() {
    setBusy(true);
    try {
      await repository.apply(opinion.id, { action: 'accept' }, actor);
      done('accept');
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  async function merge(target: string) {
    try {
      await repository.apply(opinion.id, { action: 'merge', payload: { mergedIntoId: target } }, actor);
      done('merge');
    } catch (error) {
      void message.error(describeError(error));
    }
  }

  async function submitDialog(kind: CountyDialogKind, values: CountyActionValues) {
    const command = commandOf(kind, values, opinion);
    await repository.apply(opinion.id, command, actor);
    done(command.action);
  }

  async function reveal() {
    try {
      const data = await repository.revealPersonalData(opinion.id, actor);
      if (data.visitor) setRevealed(data.visitor);
    } catch (error) {
      void message.error(describeError(error));
    }
  }

  const visitor = revealed ?? opinion.visitor;
  const shownDialogs = dialogKinds.filter((kind) => allowed.includes(kind));

  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <StatusTag status={opinion.status} labels={opinionStatuses.labels} />
          <span>{opinion.title}</span>
        </Space>
      }
      extra={<Button type="text" icon={<CloseOutlined />} aria-label={t('panel.close')} onClick={onClose} />}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
    >
      {overdue && opinion.assignment ? (
        <Alert
          type="error"
          showIcon
          title={t('panel.overdue', { deadline: formatDate(opinion.assignment.deadline, locale) })}
        />
      ) : null}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('columns.station')}>{stationName(opinion.stationId)}</Descriptions.Item>
        <Descriptions.Item label={field('category')}>
          {labelOf(opinionCategories.labels, opinion.category, locale)} ·{' '}
          {labelOf(opinionSources.labels, opinion.source, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={field('receivedAt')}>{formatDateTime(opinion.receivedAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={field('content')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{opinion.content}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={field('visitor')}>
          <Space wrap size={8}>
            <MaskedText value={visitor.name} kind="name" revealed={revealed !== null} />
            {visitor.phone ? <MaskedText value={visitor.phone} kind="phone" revealed={revealed !== null} /> : null}
            <RevealPersonalDataButton revealed={revealed !== null} onReveal={reveal} />
          </Space>
        </Descriptions.Item>
        {opinion.rejectionReason ? (
          <Descriptions.Item label={field('rejectionReason')}>{opinion.rejectionReason}</Descriptions.Item>
        ) : null}
        {opinion.mergedIntoId ? (
          <Descriptions.Item label={field('mergedIntoId')}>{opinion.mergedIntoId}</Descriptions.Item>
        ) : null}
        {opinion.assignment ? (
          <Descriptions.Item label={field('assignment')}>
            <div>
              {t('panel.lead')}：{departmentName(opinion.assignment.leadDepartmentId)}
            </div>
            {opinion.assignment.assistingDepartmentIds.length > 0 ? (
              <div>
                {t('panel.assisting')}：
                {opinion.assignment.assistingDepartmentIds.map((id) => departmentName(id)).join('、')}
              </div>
            ) : null}
            <div>
              {t('panel.deadline')}：
              <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
                {formatDate(opinion.assignment.deadline, locale)}
              </Typography.Text>
              {overdue ? (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('queue.overdueTag')}
                </Tag>
              ) : null}
            </div>
          </Descriptions.Item>
        ) : null}
        {opinion.returnReason ? (
          <Descriptions.Item label={field('returnReason')}>{opinion.returnReason}</Descriptions.Item>
        ) : null}
        {opinion.reply ? (
          <Descriptions.Item label={field('reply')}>
            <div>{labelOf(replyClasses.labels, opinion.reply.class, locale)}</div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{opinion.reply.text}</div>
            <Typography.Text type="secondary">{formatDate(opinion.reply.repliedOn, locale)}</Typography.Text>
          </Descriptions.Item>
        ) : null}
        {opinion.satisfaction ? (
          <Descriptions.Item label={field('satisfaction')}>
            {labelOf(satisfactionLevels.labels, opinion.satisfaction, locale)}
            {opinion.ratingNote ? `（${opinion.ratingNote}）` : ''}
          </Descriptions.Item>
        ) : null}
        {opinion.escalation ? (
          <Descriptions.Item label={field('escalation')}>
            {labelOf(escalationKinds.labels, opinion.escalation.kind, locale)}
            {opinion.escalation.note ? `：${opinion.escalation.note}` : ''}
          </Descriptions.Item>
        ) : null}
        {opinion.closingNote ? (
          <Descriptions.Item label={field('closingNote')}>{opinion.closingNote}</Descriptions.Item>
        ) : null}
      </Descriptions>

      <section aria-label={t('panel.actions')}>
        {allowed.length === 0 ? (
          <Typography.Text type="secondary">{t('panel.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {allowed.includes('accept') ? (
              <Popconfirm
                title={t('panel.acceptConfirm')}
                okText={t('actions.ok')}
                cancelText={t('actions.cancel')}
                onConfirm={() => accept()}
              >
                <Button type="primary" loading={busy}>
                  {labelOf(opinionActionLabels, 'accept', locale)}
                </Button>
              </Popconfirm>
            ) : null}
            {shownDialogs.map((kind) => (
              <Button
                key={kind}
                type={kind === 'assign' || kind === 'reply' ? 'primary' : 'default'}
                danger={kind === 'reject'}
                onClick={() => setDialog(kind)}
              >
                {labelOf(opinionActionLabels, kind, locale)}
              </Button>
            ))}
          </Space>
        )}
      </section>

      {allowed.includes('merge') ? <DuplicateSuggestions opinion={opinion} onMerge={merge} /> : null}

      <section>
        <Typography.Title level={5}>{t('panel.history')}</Typography.Title>
        <HistoryTimeline
          history={opinion.history}
          statusLabels={opinionStatuses.labels}
          actionLabels={opinionActionLabels}
        />
      </section>

      <CountyActionDialog
        kind={dialog}
        departments={departments}
        onSubmit={submitDialog}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}
