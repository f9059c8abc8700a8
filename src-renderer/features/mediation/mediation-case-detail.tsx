// One mediation case: facts, parties (masked), mediators, sessions, agreement, follow-ups, history, and its actions.
import { EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isDomainError } from '../../../src-shared/common/domain-error';
import type { Label } from '../../../src-shared/common/labels';
import {
  disputeTypes,
  type MediationCase,
  mediationAgreementFieldLabels,
  mediationCaseFieldLabels,
  mediationCaseStatuses,
  mediationSources,
  participantRoles,
  partyFieldLabels,
  partyRoles,
  referralKinds,
} from '../../../src-shared/mediation-case/mediation-case';
import {
  type MediationCaseAction,
  mediationCaseActionLabels,
  mediationCaseActions,
} from '../../../src-shared/mediation-case/mediation-case-lifecycle';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../src-shared/privacy/masking';
import { useActor } from '../../app/app-context';
import { formatDate } from '../../i18n/format';
import i18n, { useLocale } from '../../i18n/i18n';
import { HistoryTimeline } from '../../ui/history-timeline';
import { StatusTag } from '../../ui/status-tag';
import { CaseModal, type CaseModalKind } from './mediation-modals';
import { useMediationRepository } from './use-mediation';
import { WithMediationCase } from './with-mediation-case';

/** History action labels: the lifecycle's, plus the feature's own edits (from the locale files). */
function historyActionLabels(): Record<string, Label> {
  const zh = i18n.getFixedT('zh-CN', 'mediation');
  const en = i18n.getFixedT('en', 'mediation');
  const own = ['create', 'update', 'addSession', 'addFollowUp', 'printAgreement'] as const;
  return {
    ...mediationCaseActionLabels,
    ...Object.fromEntries(own.map((a) => [a, { 'zh-CN': zh(`historyActions.${a}`), en: en(`historyActions.${a}`) }])),
  };
}

const editableStatuses: readonly MediationCase['status'][] = ['registered', 'mediating'];

export function MediationCaseDetail() {
  return <WithMediationCase withBack>{(record) => <CaseView record={record} />}</WithMediationCase>;
}

function CaseView({ record }: { record: MediationCase }) {
  const { t } = useTranslation('mediation');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const actor = useActor();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const repository = useMediationRepository();
  const [open, setOpen] = useState<CaseModalKind | null>(null);
  const actions = mediationCaseActions(record, actor.role);

  async function startMediation() {
    try {
      await repository.apply(record.id, { action: 'startMediation' }, actor);
      void message.success(t('detail.actionDone', { action: mediationCaseActionLabels.startMediation[locale] }));
    } catch (error) {
      void message.error(isDomainError(error) ? error.message : String(error));
    }
  }

  function runAction(action: MediationCaseAction) {
    if (action === 'startMediation') {
      modal.confirm({
        title: mediationCaseActionLabels.startMediation[locale],
        okText: tc('actions.confirm'),
        cancelText: tc('actions.cancel'),
        onOk: () => startMediation(),
      });
    } else if (action === 'agree') navigate(`/mediation/${record.id}/agreement`);
    else setOpen(action === 'perform' ? 'perform' : action === 'fail' ? 'fail' : 'withdraw');
  }

  const closedNote =
    record.status === 'performed'
      ? t('detail.closedPerformed')
      : record.status === 'failed'
        ? t('detail.closedFailed')
        : record.status === 'withdrawn'
          ? t('detail.closedWithdrawn')
          : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={12} wrap>
            <Link to="/mediation">{t('detail.back')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {record.caseNumber}
            </Typography.Title>
            <StatusTag status={record.status} labels={mediationCaseStatuses.labels} />
          </Space>
        }
        extra={
          <Space wrap>
            {editableStatuses.includes(record.status) ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/mediation/${record.id}/edit`)}>
                {t('detail.editCase')}
              </Button>
            ) : null}
            {actions.map((action) => (
              <Button
                key={action}
                type={action === 'agree' || action === 'startMediation' || action === 'perform' ? 'primary' : 'default'}
                danger={action === 'fail' || action === 'withdraw'}
                onClick={() => runAction(action)}
              >
                {mediationCaseActionLabels[action][locale]}
              </Button>
            ))}
          </Space>
        }
      >
        {closedNote ? <Typography.Paragraph type="secondary">{closedNote}</Typography.Paragraph> : null}
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={mediationCaseFieldLabels.registeredOn[locale]}>
            {formatDate(record.registeredOn, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={mediationCaseFieldLabels.source[locale]}>
            {mediationSources.label(record.source, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={mediationCaseFieldLabels.disputeType[locale]}>
            {disputeTypes.label(record.disputeType, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={mediationCaseFieldLabels.facts[locale]} span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{record.facts}</Typography.Paragraph>
          </Descriptions.Item>
          {record.outcome ? (
            <Descriptions.Item label={mediationCaseFieldLabels.outcome[locale]} span={3}>
              {record.outcome}
            </Descriptions.Item>
          ) : null}
          {record.performedOn ? (
            <Descriptions.Item label={mediationCaseFieldLabels.performedOn[locale]} span={3}>
              {formatDate(record.performedOn, locale)}
            </Descriptions.Item>
          ) : null}
          {record.failureReason ? (
            <Descriptions.Item label={mediationCaseFieldLabels.failureReason[locale]} span={3}>
              {record.failureReason}
            </Descriptions.Item>
          ) : null}
          {record.referral ? (
            <Descriptions.Item label={mediationCaseFieldLabels.referral[locale]} span={3}>
              {referralKinds.label(record.referral.kind, locale)}
              {record.referral.note ? `（${record.referral.note}）` : ''}
            </Descriptions.Item>
          ) : null}
          {record.withdrawalReason ? (
            <Descriptions.Item label={mediationCaseFieldLabels.withdrawalReason[locale]} span={3}>
              {record.withdrawalReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('detail.parties')} size="small">
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={record.parties}
              columns={[
                {
                  title: partyFieldLabels.role[locale],
                  dataIndex: 'role',
                  render: (r: string) => partyRoles.label(r as never, locale),
                },
                { title: partyFieldLabels.name[locale], dataIndex: 'name', render: maskName },
                { title: partyFieldLabels.phone[locale], dataIndex: 'phone', render: maskPhone },
                { title: partyFieldLabels.idNumber[locale], dataIndex: 'idNumber', render: maskIdNumber },
                { title: partyFieldLabels.address[locale], dataIndex: 'address', render: maskAddress },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t('detail.participants')} size="small">
            {record.participants.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noParticipants')} />
            ) : (
              <Space wrap>
                {record.participants.map((p) => (
                  <Tag key={`${p.role}-${p.name}`} color="blue">
                    {participantRoles.label(p.role, locale)}：{p.name}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>

      <Card
        title={t('detail.sessions')}
        size="small"
        extra={
          record.status === 'registered' || record.status === 'mediating' ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen('session')}>
              {t('detail.addSession')}
            </Button>
          ) : null
        }
      >
        {record.sessions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noSessions')} />
        ) : (
          <List
            size="small"
            dataSource={[...record.sessions].sort((a, b) => a.date.localeCompare(b.date))}
            renderItem={(s) => (
              <List.Item key={s.id}>
                <List.Item.Meta
                  title={`${formatDate(s.date, locale)} · ${s.place}`}
                  description={
                    <>
                      <div>
                        {t('detail.attendees')}：{s.attendees.join('、') || tc('notSet')}
                      </div>
                      {s.notes ? <div style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</div> : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        title={t('detail.agreement')}
        size="small"
        extra={
          record.agreement ? (
            <Space>
              <Typography.Text type="secondary">{t('detail.printNote')}</Typography.Text>
              <Button icon={<PrinterOutlined />} onClick={() => navigate(`/mediation/${record.id}/print`)}>
                {t('detail.printAgreement')}
              </Button>
            </Space>
          ) : actions.includes('agree') ? (
            <Button type="primary" size="small" onClick={() => navigate(`/mediation/${record.id}/agreement`)}>
              {t('detail.writeAgreement')}
            </Button>
          ) : null
        }
      >
        {record.agreement ? (
          <Descriptions column={2} size="small" bordered>
            {(Object.keys(mediationAgreementFieldLabels) as (keyof typeof mediationAgreementFieldLabels)[]).map(
              (key) => (
                <Descriptions.Item
                  key={key}
                  label={mediationAgreementFieldLabels[key][locale]}
                  span={key === 'performanceDeadline' || key === 'signedOn' ? 1 : 2}
                >
                  <span style={{ whiteSpace: 'pre-wrap' }}>
                    {key === 'performanceDeadline' || key === 'signedOn'
                      ? formatDate(record.agreement?.[key], locale)
                      : record.agreement?.[key]}
                  </span>
                </Descriptions.Item>
              ),
            )}
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAgreement')} />
        )}
      </Card>

      <Card
        title={t('detail.followUps')}
        size="small"
        extra={
          record.agreement || record.status === 'failed' ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen('followUp')}>
              {t('detail.addFollowUp')}
            </Button>
          ) : null
        }
      >
        {record.followUps.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noFollowUps')} />
        ) : (
          <List
            size="small"
            dataSource={[...record.followUps].sort((a, b) => a.date.localeCompare(b.date))}
            renderItem={(f) => (
              <List.Item key={f.id}>
                <List.Item.Meta title={formatDate(f.date, locale)} description={f.note} />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t('detail.history')} size="small">
        <HistoryTimeline
          history={record.history}
          statusLabels={mediationCaseStatuses.labels}
          actionLabels={historyActionLabels()}
        />
      </Card>

      {open ? <CaseModal kind={open} record={record} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}
