// 修改接待日计划: re-plans a planned day (date, time, place, representatives on duty, topic, notes), validated by the
// shared schema with the message at the field; leaving with unsaved changes asks first; the history names the fields.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import { isReceptionDayEditable } from '../../../src-shared/reception-day/reception-day-editing';
import { useActor } from '../../app/app-context';
import { useLocale } from '../../i18n/i18n';
import { saveWithFieldErrors } from '../../ui/save-with-field-errors';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';
import { useLeaveAfterSave } from '../../ui/use-leave-after-save';
import {
  checkPlanValues,
  PlanFormItems,
  type PlanValues,
  planFieldAliases,
  planFieldsOf,
  planFormFields,
  planValuesOf,
} from './reception-day-form';
import { useReceptionDay, useReceptionDayRepository } from './use-reception-days';

function EditForm({ day }: { day: ReceptionDay }) {
  const { t } = useTranslation('reception-days');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const actor = useActor();
  const navigate = useNavigate();
  const repository = useReceptionDayRepository();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  useUnsavedChangesGuard(dirty);
  const leave = useLeaveAfterSave(dirty, setDirty);
  const back = `/reception-days/${day.id}`;

  async function save(values: PlanValues) {
    setOther([]);
    if (!checkPlanValues(form, values, t)) return;
    // A required field emptied in the form is sent as missing, so the shared validator names it at the field.
    const fields = planFieldsOf(values);
    const patch = {
      ...fields,
      ...(fields.date ? {} : { date: undefined }),
      ...(fields.startTime ? {} : { startTime: undefined }),
      ...(fields.endTime ? {} : { endTime: undefined }),
      ...(fields.place ? {} : { place: undefined }),
    };
    setSaving(true);
    const outcome = await saveWithFieldErrors(
      form,
      () => repository.replan(day.id, patch, actor),
      planFormFields,
      locale,
      planFieldAliases,
    );
    setSaving(false);
    if (!outcome.ok) {
      setOther(outcome.messages);
      return;
    }
    void message.success(outcome.value.updatedAt === day.updatedAt ? t('edit.unchanged') : t('edit.saved'));
    leave(back);
  }

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={planValuesOf(day)}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      aria-label={t('edit.title')}
    >
      {day.announcedAt ? (
        <Alert type="warning" showIcon title={t('edit.announcedHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <PlanFormItems />
      {other.length > 0 ? <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('edit.save')}
        </Button>
        <Button onClick={() => navigate(back)} disabled={saving}>
          {tc('actions.cancel')}
        </Button>
      </Space>
    </Form>
  );
}

export function ReceptionDayEdit() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reception-days');
  const navigate = useNavigate();
  const day = useReceptionDay(id);

  if (day === undefined) return <Spin />;
  if (day === null) {
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        extra={<Button onClick={() => navigate('/reception-days')}>{t('detail.back')}</Button>}
      />
    );
  }
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reception-days/${id}`)}>
          {t('edit.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('edit.title')}
        </Typography.Title>
      </Space>
      <Card style={{ maxWidth: 820 }}>
        {isReceptionDayEditable(day) ? (
          <EditForm day={day} />
        ) : (
          <Alert type="warning" showIcon title={t('edit.notEditable')} />
        )}
      </Card>
    </div>
  );
}
