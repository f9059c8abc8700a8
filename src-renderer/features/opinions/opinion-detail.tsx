// One opinion: intake, visitor (masked until revealed, the reveal is recorded), photos, county processing (read-only),
// the station's actions and the full history timeline.
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Image, Row, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { labelOf } from '../../../src-shared/common/labels';
import {
  type Opinion,
  opinionCategories,
  opinionFieldLabels,
  opinionNestedFieldLabels,
  opinionSources,
  opinionStatuses,
  replyClasses,
  satisfactionLevels,
  type Visitor,
  visitorFieldLabels,
} from '../../../src-shared/opinion/opinion';
import { isOpinionOverdue } from '../../../src-shared/opinion/opinion-deadline';
import { opinionActionLabels } from '../../../src-shared/opinion/opinion-lifecycle';
import { useActor } from '../../app/app-context';
import { useDepartments, useStationRepresentatives } from '../../app/use-reference-data';
import { formatDate, formatDateTime, todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { TitleBar } from '../../ui/edit-page';
import { HistoryTimeline } from '../../ui/history-timeline';
import { MaskedText, RevealPersonalDataButton } from '../../ui/masked-text';
import { RecordLoader } from '../../ui/record-loader';
import { StatusTag } from '../../ui/status-tag';
import { OpinionActions } from './opinion-actions';
import { useOpinion, useOpinionRepository, useOwnerPhotos } from './use-opinions';

function VisitorCard({ opinion }: { opinion: Opinion }) {
  const { t } = useTranslation('opinions');
  const locale = useLocale();
  const actor = useActor();
  const repository = useOpinionRepository();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Visitor | null>(null);
  const [busy, setBusy] = useState(false);
  const visitor = revealed ?? opinion.visitor;

  async function reveal() {
    setBusy(true);
    try {
      const data = await repository.revealPersonalData(opinion.id, actor);
      setRevealed(data.visitor ?? opinion.visitor);
    } catch (error) {
      void message.error(t('detail.revealFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  const label = (field: keyof Visitor) => labelOf(visitorFieldLabels, field, locale);
  return (
    <Card
      size="small"
      title={t('detail.visitor')}
      extra={<RevealPersonalDataButton revealed={revealed !== null} onReveal={reveal} loading={busy} />}
    >
      <Descriptions column={2} size="small">
        <Descriptions.Item label={label('name')}>
          <MaskedText value={visitor.name} kind="name" revealed={revealed !== null} />
        </Descriptions.Item>
        <Descriptions.Item label={label('phone')}>
          <MaskedText value={visitor.phone} kind="phone" revealed={revealed !== null} />
        </Descriptions.Item>
        <Descriptions.Item label={label('idNumber')}>
          <MaskedText value={visitor.idNumber} kind="idNumber" revealed={revealed !== null} />
        </Descriptions.Item>
        <Descriptions.Item label={label('address')}>
          <MaskedText value={visitor.address} kind="address" revealed={revealed !== null} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function CountyCard({ opinion, overdue }: { opinion: Opinion; overdue: boolean }) {
  const { t } = useTranslation('opinions');
  const locale = useLocale();
  const departments = useDepartments();
  const deptName = (id: string | undefined) => (id ? (departments.byId.get(id)?.name ?? id) : '');
  const nested = (path: string) => labelOf(opinionNestedFieldLabels, path, locale);
  const field = (name: keyof Opinion) => labelOf(opinionFieldLabels, name, locale);
  const items: { key: string; label: string; children: ReactNode }[] = [];
  const a = opinion.assignment;
  if (a) {
    items.push({ key: 'lead', label: t('detail.leadDepartment'), children: deptName(a.leadDepartmentId) });
    items.push({
      key: 'assist',
      label: t('detail.assistingDepartments'),
      children: a.assistingDepartmentIds.map(deptName).join('、') || t('detail.none'),
    });
    items.push({
      key: 'deadline',
      label: nested('assignment.deadline'),
      children: (
        <Space size={4}>
          <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
            {formatDate(a.deadline, locale)}
          </Typography.Text>
          {overdue ? <Tag color="red">{t('overdueTag')}</Tag> : null}
        </Space>
      ),
    });
    if (a.note) items.push({ key: 'anote', label: nested('assignment.note'), children: a.note });
  }
  const r = opinion.reply;
  if (r) {
    items.push({
      key: 'rclass',
      label: nested('reply.class'),
      children: labelOf(replyClasses.labels, r.class, locale),
    });
    items.push({ key: 'rtext', label: nested('reply.text'), children: r.text });
    items.push({ key: 'rdate', label: nested('reply.repliedOn'), children: formatDate(r.repliedOn, locale) });
  }
  if (opinion.rejectionReason) {
    items.push({ key: 'rej', label: field('rejectionReason'), children: opinion.rejectionReason });
  }
  if (opinion.returnReason) items.push({ key: 'ret', label: field('returnReason'), children: opinion.returnReason });
  if (opinion.mergedIntoId) items.push({ key: 'merged', label: field('mergedIntoId'), children: opinion.mergedIntoId });
  if (opinion.escalation) {
    items.push({
      key: 'esc',
      label: field('escalation'),
      children: [labelOf(opinionActionLabels, 'escalate', locale), opinion.escalation.note].filter(Boolean).join('：'),
    });
  }
  if (opinion.closingNote) items.push({ key: 'close', label: field('closingNote'), children: opinion.closingNote });
  return (
    <Card size="small" title={t('detail.processing')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('detail.processingHint')}
      </Typography.Paragraph>
      {items.length > 0 ? (
        <Descriptions column={1} size="small" items={items} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

function PhotosCard({ opinionId }: { opinionId: string }) {
  const { t } = useTranslation('opinions');
  const photos = useOwnerPhotos(opinionId);
  return (
    <Card size="small" title={t('detail.photos')}>
      {photos.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noPhotos')}</Typography.Text>
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((p) => (
              <Image
                key={p.id}
                width={120}
                height={90}
                style={{ objectFit: 'cover' }}
                src={`data:image/jpeg;base64,${p.dataBase64}`}
                alt={t('detail.photos')}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

export function OpinionDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation('opinions');
  const { opinion } = useOpinion(id);
  return (
    <RecordLoader record={opinion} notFound={t('detail.notFound')} back={{ label: t('detail.back'), to: '..' }}>
      {(found) => <OpinionView opinion={found} />}
    </RecordLoader>
  );
}

function OpinionView({ opinion }: { opinion: Opinion }) {
  const { t } = useTranslation('opinions');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const representatives = useStationRepresentatives(true);
  const actor = useActor();

  const field = (name: keyof Opinion) => labelOf(opinionFieldLabels, name, locale);
  const overdue = isOpinionOverdue(opinion, todayInStation());
  const satisfaction = opinion.satisfaction ? labelOf(satisfactionLevels.labels, opinion.satisfaction, locale) : null;

  return (
    <div>
      <TitleBar back={{ label: t('detail.back'), to: '..' }} title={opinion.title} align="center">
        <StatusTag status={opinion.status} labels={opinionStatuses.labels} />
        {overdue ? <Tag color="red">{t('overdueTag')}</Tag> : null}
        {actor.role === 'station' ? (
          <Button icon={<EditOutlined />} onClick={() => navigate('edit')}>
            {opinion.status === 'recorded' ? t('edit.button') : t('edit.buttonLocked')}
          </Button>
        ) : null}
      </TitleBar>
      {overdue && opinion.assignment ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.overdue', { deadline: formatDate(opinion.assignment.deadline, locale) })}
        />
      ) : null}
      <Row gutter={16}>
        <Col span={15}>
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Card size="small" title={t('detail.intake')}>
              <Descriptions column={2} size="small">
                <Descriptions.Item label={field('category')}>
                  {labelOf(opinionCategories.labels, opinion.category, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={field('receivedAt')}>
                  {formatDateTime(opinion.receivedAt, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={field('source')}>
                  {labelOf(opinionSources.labels, opinion.source, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={field('representativeId')}>
                  {representatives.byId.get(opinion.representativeId)?.name ?? '—'}
                </Descriptions.Item>
                {opinion.receptionDayId ? (
                  <Descriptions.Item label={t('detail.receptionDay')} span={2}>
                    <Link to={`/reception-days/${opinion.receptionDayId}`}>{tc('actions.view')}</Link>
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={field('content')} span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {opinion.content}
                  </Typography.Paragraph>
                </Descriptions.Item>
                {opinion.onSiteAnswer ? (
                  <Descriptions.Item label={field('onSiteAnswer')} span={2}>
                    {opinion.onSiteAnswer}
                  </Descriptions.Item>
                ) : null}
                {satisfaction ? (
                  <Descriptions.Item label={field('satisfaction')} span={2}>
                    {satisfaction}
                    {opinion.ratingNote ? `（${opinion.ratingNote}）` : ''}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
            <VisitorCard opinion={opinion} />
            <PhotosCard opinionId={opinion.id} />
            <CountyCard opinion={opinion} overdue={overdue} />
          </Space>
        </Col>
        <Col span={9}>
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Card size="small" title={t('detail.actions')}>
              <OpinionActions opinion={opinion} />
            </Card>
            <Card size="small" title={tc('history.title')}>
              <HistoryTimeline history={opinion.history} statusLabels={opinionStatuses.labels} />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
