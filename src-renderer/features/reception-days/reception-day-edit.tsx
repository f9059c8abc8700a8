import { Alert, App, Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import { isReceptionDayEditable } from '../../../src-shared/reception-day/reception-day-editing';
import { useActor } from '../../app/app-context';
import { useLocale } from '../../i18n/i18n';
import { EditPage } from '../../ui/edit-page';
import { RecordLoader } from '../../ui/record-loader';
import { saveWithFieldErrors } from '../../ui/save-with-field-errors';
import { useRecordForm } from '../../ui/use-record-form';
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
  const { form, setDirty, saving, setSaving, problems, setProblems, leave } = useRecordForm<PlanValues>();
  const back = `/reception-days/${day.id}`;

  async function save(values: PlanValues) {
    setProblems([]);
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
      setProblems(outcome.messages);
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
      {problems.length > 0 ? (
        <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 12 }} />
      ) : null}
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
  return (
    <RecordLoader
      record={useReceptionDay(id)}
      notFound={t('detail.notFound')}
      back={{ label: t('detail.back'), to: '/reception-days' }}
    >
      {(day) => (
        <EditPage
          back={{ label: t('edit.back'), to: `/reception-days/${id}` }}
          title={t('edit.title')}
          cardStyle={{ maxWidth: 820 }}
        >
          {isReceptionDayEditable(day) ? (
            <EditForm day={day} />
          ) : (
            <Alert type="warning" showIcon title={t('edit.notEditable')} />
          )}
        </EditPage>
      )}
    </RecordLoader>
  );
}
