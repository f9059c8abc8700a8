import { Alert, App, Button, Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useActor, useDatabase, useStationProfile } from '../../app/app-context';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { useLocale } from '../../i18n/i18n';
import { EditPage } from '../../ui/edit-page';
import { applyDomainError, toFormErrors } from '../../ui/field-errors';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';
import {
  checkPlanValues,
  PlanFormItems,
  type PlanValues,
  planFieldAliases,
  planFieldsOf,
  planFormFields,
} from './reception-day-form';
import { useReceptionDayRepository } from './use-reception-days';

export function ReceptionDayPlan() {
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const navigate = useNavigate();
  const actor = useActor();
  const profile = useStationProfile();
  const database = useDatabase();
  const repository = useReceptionDayRepository();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [other, setOther] = useState<string[]>([]);
  useUnsavedChangesGuard(dirty);

  // The station's address is the usual place.
  useEffect(() => {
    void database.stations
      .findOne(profile.stationId)
      .exec()
      .then((station) => {
        if (station && !form.getFieldValue('place')) form.setFieldsValue({ place: station.address });
      });
  }, [database, profile.stationId, form]);

  useEffect(() => {
    if (savedId && !dirty) navigate(`../${savedId}`, { replace: true });
  }, [savedId, dirty, navigate]);

  async function save(values: PlanValues) {
    setOther([]);
    if (!checkPlanValues(form, values, t)) return;
    setSaving(true);
    try {
      // Empty optional fields come back as undefined: left out of a new record.
      const fields = Object.fromEntries(Object.entries(planFieldsOf(values)).filter(([, v]) => v !== undefined));
      const day = await repository.create(
        {
          stationId: profile.stationId,
          countyId: profile.countyId,
          ...fields,
        } as Parameters<typeof repository.create>[0],
        actor,
      );
      void message.success(t('form.saved'));
      setDirty(false);
      setSavedId(day.id);
    } catch (error) {
      if (isRecordValidationError(error)) {
        const result = toFormErrors(error.errors, planFormFields, locale, planFieldAliases);
        form.setFields(result.fields as Parameters<typeof form.setFields>[0]);
        setOther(result.other);
      } else {
        const rest = applyDomainError(form, error, planFormFields, locale, planFieldAliases);
        if (rest) setOther([rest]);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <EditPage back={{ label: t('detail.back'), to: '..' }} title={t('planTitle')} cardStyle={{ maxWidth: 820 }}>
      <Alert type="info" showIcon title={t('form.noticeHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs().add(3, 'day'), time: [dayjs('09:00', 'HH:mm'), dayjs('12:00', 'HH:mm')] }}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => void save(values)}
      >
        <PlanFormItems />
        {other.length > 0 ? (
          <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('form.save')}
        </Button>
      </Form>
    </EditPage>
  );
}
