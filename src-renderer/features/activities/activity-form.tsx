// Records an activity (type, date, title, attendance of the station's representatives, minutes, photos) or edits one.
import { App, Button, Checkbox, Col, Empty, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  type Activity,
  activityFieldLabels,
  activityFrequency,
  activityTypes,
  periodKinds,
} from '../../../src-shared/activity/activity';
import { useActor } from '../../app/app-context';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { DateStringPicker } from '../../ui/date-string-picker';
import { applyValidationErrors } from '../../ui/field-errors';
import { FormProblems } from '../../ui/form-problems';
import { PageCard } from '../../ui/page-card';
import { PhotoPicker, type PickedPhoto } from '../../ui/photo-picker';
import { loadedRecord, RecordLoader } from '../../ui/record-loader';
import { clearFieldErrors } from '../../ui/save-with-field-errors';
import { useRecordForm } from '../../ui/use-record-form';
import {
  type ActivityFormValues,
  activityFieldErrors,
  activityFormFieldNames,
  toActivityFields,
  toActivityFormValues,
} from './activity-form-values';
import { ActivityPhotos } from './activity-photos';
import { useActivity, useActivityRepositories, useRepresentatives } from './use-activities';

export function ActivityForm() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const existing = useActivity(id ?? '');
  if (!id) return <Editor />;
  return (
    <RecordLoader record={loadedRecord(existing)} notFound={t('detail.notFound')}>
      {(record) => <Editor record={record} />}
    </RecordLoader>
  );
}

type FormShape = ActivityFormValues & { photos?: PickedPhoto[] };

function Editor({ record }: { record?: Activity }) {
  const { t } = useTranslation('activities');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const actor = useActor();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { activities, photos } = useActivityRepositories();
  const representatives = useRepresentatives();
  const { form, setDirty, saving, setSaving, problems, setProblems, leave } = useRecordForm<FormShape>();
  const type = Form.useWatch('type', form);

  const initialValues: FormShape = record
    ? { ...toActivityFormValues(record), photos: [] }
    : { date: todayInStation(), representativeIds: [], photos: [] };

  async function save() {
    const values = form.getFieldsValue(true) as FormShape;
    const fields = toActivityFields(values);
    const names = [...activityFormFieldNames];
    clearFieldErrors(form, names);
    const errors = activityFieldErrors(fields, record);
    const other = applyValidationErrors(form, { valid: errors.length === 0, errors }, names, locale);
    setProblems(other);
    if (errors.length > 0) {
      void message.error(tc('errors.formInvalid'));
      return;
    }
    setSaving(true);
    try {
      const saved = record
        ? await activities.update(record.id, fields, actor)
        : await activities.create(
            Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields,
            actor,
          );
      for (const photo of values.photos ?? []) {
        await photos.add(
          { collection: 'activities', id: saved.id },
          { dataBase64: photo.dataBase64, width: photo.width, height: photo.height },
          actor,
        );
      }
      void message.success(t('form.saved'));
      leave(`/activities/${saved.id}`);
    } catch (error) {
      if (isRecordValidationError(error)) {
        setProblems(applyValidationErrors(form, { valid: false, errors: error.errors }, names, locale));
      } else {
        const text = error instanceof Error ? error.message : String(error);
        setProblems([text]);
        void message.error(tc('errors.saveFailed', { message: text }));
      }
    } finally {
      setSaving(false);
    }
  }

  const reps = representatives.value ?? [];

  return (
    <PageCard title={record ? t('form.editTitle') : t('form.newTitle')}>
      <FormProblems problems={problems} />
      <Form<FormShape>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => setDirty(true)}
        onFinish={() => void save()}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="type"
              label={activityFieldLabels.type[locale]}
              required
              extra={
                type
                  ? t('form.frequency', { frequency: periodKinds.label(activityFrequency(type), locale) })
                  : undefined
              }
            >
              <Select options={activityTypes.options(locale)} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label={activityFieldLabels.date[locale]} required>
              <DateStringPicker />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="participantCount" label={activityFieldLabels.participantCount[locale]}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="title" label={activityFieldLabels.title[locale]} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="place" label={activityFieldLabels.place[locale]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="representativeIds" label={t('form.attendance')} extra={t('form.attendanceHint')}>
          {reps.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('form.noRepresentatives')} />
          ) : (
            <Checkbox.Group options={reps.map((r) => ({ value: r.id, label: r.name }))} />
          )}
        </Form.Item>
        <Form.Item name="summary" label={t('form.minutes')}>
          <Input.TextArea rows={5} placeholder={t('form.minutesPlaceholder')} />
        </Form.Item>
        {record ? (
          <Form.Item label={t('form.existingPhotos')}>
            <ActivityPhotos ownerId={record.id} removable />
          </Form.Item>
        ) : null}
        <Form.Item name="photos" label={t('form.photos')}>
          <PhotoPicker inputLabel={t('form.photos')} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {tc('actions.save')}
          </Button>
          <Button onClick={() => navigate(record ? `/activities/${record.id}` : '/activities')}>
            {tc('actions.cancel')}
          </Button>
        </Space>
      </Form>
    </PageCard>
  );
}
