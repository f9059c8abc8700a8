// 计划接待日: date, time span, place, representatives on duty, topic; validated by the shared schema.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Space, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { labelOf } from '../../../src-shared/common/labels';
import { receptionDayFieldLabels } from '../../../src-shared/reception-day/reception-day';
import { representativeLevels } from '../../../src-shared/representative/representative';
import { useActor, useDatabase, useStationProfile } from '../../app/app-context';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { useLocale } from '../../i18n/i18n';
import { applyDomainError, toFormErrors } from '../../ui/field-errors';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';
import { useReceptionDayRepository } from './use-reception-days';

interface PlanValues {
  date?: Dayjs;
  time?: [Dayjs | null, Dayjs | null];
  place?: string;
  representativeIds?: string[];
  topic?: string;
  notes?: string;
}

const formFields = ['date', 'time', 'place', 'representativeIds', 'topic', 'notes'];
const aliases = { startTime: 'time', endTime: 'time' };

export function ReceptionDayPlan() {
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const navigate = useNavigate();
  const actor = useActor();
  const profile = useStationProfile();
  const database = useDatabase();
  const repository = useReceptionDayRepository();
  const representatives = useStationRepresentatives();
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

  const label = (field: keyof typeof receptionDayFieldLabels) => labelOf(receptionDayFieldLabels, field, locale);

  async function save(values: PlanValues) {
    setOther([]);
    const [start, end] = values.time ?? [null, null];
    if (start && end && !end.isAfter(start)) {
      form.setFields([{ name: 'time', errors: [t('form.endBeforeStart')] }]);
      return;
    }
    if ((values.representativeIds ?? []).length === 0) {
      form.setFields([{ name: 'representativeIds', errors: [t('form.onDutyRequired')] }]);
      return;
    }
    setSaving(true);
    try {
      const day = await repository.create(
        {
          stationId: profile.stationId,
          countyId: profile.countyId,
          // Empty fields are left out, so the shared validator reports them as missing (请填写…).
          ...(values.date ? { date: values.date.format('YYYY-MM-DD') } : {}),
          ...(start ? { startTime: start.format('HH:mm') } : {}),
          ...(end ? { endTime: end.format('HH:mm') } : {}),
          ...(values.place?.trim() ? { place: values.place.trim() } : {}),
          representativeIds: values.representativeIds ?? [],
          ...(values.topic?.trim() ? { topic: values.topic.trim() } : {}),
          ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
          status: 'planned',
        } as Parameters<typeof repository.create>[0],
        actor,
      );
      void message.success(t('form.saved'));
      setDirty(false);
      setSavedId(day.id);
    } catch (error) {
      if (isRecordValidationError(error)) {
        const result = toFormErrors(error.errors, formFields, locale, aliases);
        form.setFields(result.fields as Parameters<typeof form.setFields>[0]);
        setOther(result.other);
      } else {
        const rest = applyDomainError(form, error, formFields, locale, aliases);
        if (rest) setOther([rest]);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('..')}>
          {t('detail.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('planTitle')}
        </Typography.Title>
      </Space>
      <Card style={{ maxWidth: 820 }}>
        <Alert type="info" showIcon title={t('form.noticeHint')} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ date: dayjs().add(3, 'day'), time: [dayjs('09:00', 'HH:mm'), dayjs('12:00', 'HH:mm')] }}
          onValuesChange={() => setDirty(true)}
          onFinish={(values) => void save(values)}
        >
          <Space size="large" align="start">
            <Form.Item name="date" label={label('date')} required>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="time" label={t('form.timeRange')} required>
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: 240 }} />
            </Form.Item>
          </Space>
          <Form.Item name="place" label={label('place')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="representativeIds" label={label('representativeIds')} required>
            <Checkbox.Group
              options={representatives.items.map((r) => ({
                value: r.id,
                label: `${r.name}（${labelOf(representativeLevels.labels, r.level, locale)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="topic" label={label('topic')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="notes" label={label('notes')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          {other.length > 0 ? (
            <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 12 }} />
          ) : null}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('form.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
