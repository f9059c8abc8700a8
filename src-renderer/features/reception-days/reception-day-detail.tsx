// One reception day: its details, print notice/register, record as held or cancel, and take opinions quickly.
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { labelOf } from '../../../src-shared/common/labels';
import { type Opinion, opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import {
  type ReceptionDay,
  receptionDayFieldLabels,
  receptionDayStatuses,
} from '../../../src-shared/reception-day/reception-day';
import { isReceptionDayEditable } from '../../../src-shared/reception-day/reception-day-editing';
import type { ReceptionDayCommand } from '../../../src-shared/reception-day/reception-day-lifecycle';
import { useActor } from '../../app/app-context';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { formatDateTime, formatDateWithWeekday } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { TitleBar } from '../../ui/edit-page';
import { applyDomainError, toFormErrors } from '../../ui/field-errors';
import { HistoryTimeline } from '../../ui/history-timeline';
import { MaskedText } from '../../ui/masked-text';
import { OpinionIntakeForm } from '../../ui/opinion-intake-form';
import { RecordLoader } from '../../ui/record-loader';
import { StatusTag } from '../../ui/status-tag';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';
import { timeSpan, useReceptionDay, useReceptionDayOpinions, useReceptionDayRepository } from './use-reception-days';

type DialogKind = 'hold' | 'cancel' | null;

interface DialogValues {
  presentRepresentativeIds?: string[];
  visitorCount?: number | null;
  notes?: string;
  cancelReason?: string;
}

function DayDialogs({
  day,
  opinionCount,
  dialog,
  onClose,
}: {
  day: ReceptionDay;
  opinionCount: number;
  dialog: DialogKind;
  onClose: () => void;
}) {
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const actor = useActor();
  const repository = useReceptionDayRepository();
  const representatives = useStationRepresentatives(true);
  const { message } = App.useApp();
  const [form] = Form.useForm<DialogValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = dialog === 'hold' ? ['presentRepresentativeIds', 'visitorCount', 'notes'] : ['cancelReason'];

  async function submit() {
    const values = form.getFieldsValue();
    const command: ReceptionDayCommand =
      dialog === 'hold'
        ? {
            action: 'hold',
            payload: {
              presentRepresentativeIds: values.presentRepresentativeIds ?? [],
              ...(typeof values.visitorCount === 'number' ? { visitorCount: values.visitorCount } : {}),
              ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
            },
          }
        : { action: 'cancel', payload: { cancelReason: values.cancelReason?.trim() ?? '' } };
    setBusy(true);
    setError(null);
    try {
      await repository.apply(day.id, command, actor);
      void message.success(dialog === 'hold' ? t('hold.done') : t('cancel.done'));
      onClose();
    } catch (e) {
      if (isRecordValidationError(e)) {
        const result = toFormErrors(e.errors, fields, locale);
        form.setFields(result.fields as Parameters<typeof form.setFields>[0]);
        if (result.other.length > 0) setError(result.other.join('；'));
      } else {
        const rest = applyDomainError(form, e, fields, locale);
        if (rest) setError(rest);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={dialog !== null}
      title={dialog === 'hold' ? t('hold.title') : t('cancel.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          presentRepresentativeIds: day.representativeIds,
          visitorCount: opinionCount,
        }}
      >
        {dialog === 'hold' ? (
          <>
            <Form.Item name="presentRepresentativeIds" label={t('hold.present')} required>
              <Checkbox.Group options={representatives.items.map((r) => ({ value: r.id, label: r.name }))} />
            </Form.Item>
            <Form.Item name="visitorCount" label={t('hold.visitorCount')} required>
              <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="notes" label={t('hold.notes')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </>
        ) : null}
        {dialog === 'cancel' ? (
          <Form.Item name="cancelReason" label={t('cancel.reason')} required>
            <Input.TextArea rows={3} maxLength={500} autoFocus />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

function DayOpinions({ opinions }: { opinions: Opinion[] }) {
  const { t } = useTranslation('opinions');
  const locale = useLocale();
  const navigate = useNavigate();
  const representatives = useStationRepresentatives(true);
  return (
    <Table<Opinion>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={opinions}
      onRow={(o) => ({ onClick: () => navigate(`/opinions/${o.id}`), style: { cursor: 'pointer' } })}
      columns={[
        { key: 'no', title: '#', width: 48, render: (_: unknown, _o, index) => index + 1 },
        { key: 'title', title: t('columns.title'), dataIndex: 'title', ellipsis: true },
        {
          key: 'category',
          title: t('columns.category'),
          width: 150,
          render: (_: unknown, o) => labelOf(opinionCategories.labels, o.category, locale),
        },
        {
          key: 'visitor',
          title: t('columns.visitorName'),
          width: 90,
          render: (_: unknown, o) => <MaskedText value={o.visitor.name} kind="name" />,
        },
        {
          key: 'rep',
          title: t('columns.representative'),
          width: 90,
          render: (_: unknown, o) => representatives.byId.get(o.representativeId)?.name ?? '—',
        },
        {
          key: 'status',
          title: t('columns.status'),
          width: 100,
          render: (_: unknown, o) => <StatusTag status={o.status} labels={opinionStatuses.labels} />,
        },
      ]}
    />
  );
}

export function ReceptionDayDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reception-days');
  return (
    <RecordLoader
      record={useReceptionDay(id)}
      notFound={t('detail.notFound')}
      back={{ label: t('detail.back'), to: '..' }}
    >
      {(day) => <DayView day={day} />}
    </RecordLoader>
  );
}

function DayView({ day }: { day: ReceptionDay }) {
  const id = day.id;
  const { t } = useTranslation('reception-days');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const actor = useActor();
  const repository = useReceptionDayRepository();
  const opinions = useReceptionDayOpinions(id);
  const representatives = useStationRepresentatives(true);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [intakeDirty, setIntakeDirty] = useState(false);
  useUnsavedChangesGuard(intakeDirty);

  const actions = repository.allowedActions(day, actor.role);
  const names = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((rid) => representatives.byId.get(rid)?.name ?? rid).join('、');
  const label = (field: keyof ReceptionDay) => labelOf(receptionDayFieldLabels, field, locale);
  const intakeRepresentatives = representatives.items.filter((r) =>
    (day.presentRepresentativeIds ?? day.representativeIds).includes(r.id),
  );

  return (
    <div>
      <TitleBar
        back={{ label: t('detail.back'), to: '..' }}
        title={`${t('title')} · ${formatDateWithWeekday(day.date, locale)}`}
        wrap
      >
        <StatusTag status={day.status} labels={receptionDayStatuses.labels} />
      </TitleBar>
      <Card
        size="small"
        title={t('detail.info')}
        style={{ marginBottom: 12 }}
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => navigate('notice')}>
              {t('detail.notice')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => navigate('register')}>
              {t('detail.register')}
            </Button>
            {isReceptionDayEditable(day) && actor.role === 'station' ? (
              <Button icon={<EditOutlined />} onClick={() => navigate('edit')}>
                {t('edit.button')}
              </Button>
            ) : null}
            {actions.includes('hold') ? (
              <Button type="primary" onClick={() => setDialog('hold')}>
                {t('detail.hold')}
              </Button>
            ) : null}
            {actions.includes('cancel') ? (
              <Button danger onClick={() => setDialog('cancel')}>
                {t('detail.cancel')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('form.timeRange')}>{timeSpan(day)}</Descriptions.Item>
          <Descriptions.Item label={label('place')} span={2}>
            {day.place}
          </Descriptions.Item>
          <Descriptions.Item label={label('representativeIds')}>{names(day.representativeIds)}</Descriptions.Item>
          {day.presentRepresentativeIds ? (
            <Descriptions.Item label={label('presentRepresentativeIds')}>
              {names(day.presentRepresentativeIds)}
            </Descriptions.Item>
          ) : null}
          {day.visitorCount !== undefined ? (
            <Descriptions.Item label={label('visitorCount')}>{day.visitorCount}</Descriptions.Item>
          ) : null}
          {day.topic ? <Descriptions.Item label={label('topic')}>{day.topic}</Descriptions.Item> : null}
          {day.cancelReason ? (
            <Descriptions.Item label={label('cancelReason')}>{day.cancelReason}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={label('announcedAt')}>
            {day.announcedAt
              ? t('detail.announcedAt', { time: formatDateTime(day.announcedAt, locale) })
              : t('detail.notAnnounced')}
          </Descriptions.Item>
          {day.notes ? (
            <Descriptions.Item label={label('notes')} span={3}>
              {day.notes}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {day.status === 'cancelled' ? (
        <Alert type="warning" showIcon title={t('detail.cancelled')} style={{ marginBottom: 12 }} />
      ) : (
        <Card size="small" title={t('detail.takeOpinions')} style={{ marginBottom: 12 }}>
          <OpinionIntakeForm
            mode="fast"
            representatives={intakeRepresentatives}
            receptionDay={{ id: day.id, date: day.date, startTime: day.startTime }}
            onDirtyChange={setIntakeDirty}
          />
        </Card>
      )}
      <Card size="small" title={t('detail.opinions', { count: opinions.length })} style={{ marginBottom: 12 }}>
        {opinions.length === 0 ? (
          <Typography.Text type="secondary">{t('detail.noOpinions')}</Typography.Text>
        ) : (
          <DayOpinions opinions={opinions} />
        )}
      </Card>
      <Card size="small" title={tc('history.title')}>
        <HistoryTimeline history={day.history} statusLabels={receptionDayStatuses.labels} />
      </Card>
      <DayDialogs day={day} opinionCount={opinions.length} dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
