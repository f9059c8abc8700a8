// Taking a visitor's opinion: category, content in their words, visitor details with the privacy notice, photos.
// Used by 群众意见 (full form) and inside a reception day (fast mode: Ctrl+Enter saves and starts the next one).
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../src-shared/common/labels';
import {
  type Opinion,
  type OpinionCategory,
  type OpinionSource,
  opinionCategories,
  opinionFieldLabels,
  opinionSources,
} from '../../src-shared/opinion/opinion';
import type { Representative } from '../../src-shared/representative/representative';
import { useActor, useDatabase, useStationProfile } from '../app/app-context';
import { OpinionRepository } from '../db/repositories/opinion-repository';
import { isRecordValidationError } from '../db/repositories/record-errors';
import { useLocale } from '../i18n/i18n';
import { applyDomainError, toFormErrors } from './field-errors';
import type { PickedPhoto } from './photo-picker';
import { buildPhotoDocuments, storePhotos } from './store-photos';
import { VisitorFields } from './visitor-fields';

export interface OpinionIntakeValues {
  category?: OpinionCategory;
  title?: string;
  content?: string;
  visitor?: { name?: string; phone?: string; idNumber?: string; address?: string };
  representativeId?: string;
  source?: OpinionSource;
  receivedAt?: Dayjs;
  photos?: PickedPhoto[];
}

const formFields = [
  'category',
  'title',
  'content',
  'visitor.name',
  'visitor.phone',
  'visitor.idNumber',
  'visitor.address',
  'representativeId',
  'source',
  'receivedAt',
  'photos',
];

interface OpinionIntakeFormProps {
  /** 'fast': inside a reception day; saving clears the form for the next visitor. */
  mode: 'full' | 'fast';
  representatives: readonly Representative[];
  /** Set in fast mode: the reception day the opinions belong to. */
  receptionDay?: { id: string; date: string; startTime: string };
  onSaved?: (opinion: Opinion) => void;
  onDirtyChange?: (dirty: boolean) => void;
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** The title when the clerk left it empty: the first 20 characters of the content. */
export function titleFromContent(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length > 20 ? `${flat.slice(0, 20)}…` : flat;
}

/** Where a reception day's opinions are received: now when the day is today, else the day's start time. */
function receivedAtFor(day: { date: string; startTime: string }): string {
  const today = dayjs().format('YYYY-MM-DD');
  return day.date === today
    ? new Date().toISOString()
    : new Date(`${day.date}T${day.startTime}:00+08:00`).toISOString();
}

export function OpinionIntakeForm({
  mode,
  representatives,
  receptionDay,
  onSaved,
  onDirtyChange,
}: OpinionIntakeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const database = useDatabase();
  const profile = useStationProfile();
  const actor = useActor();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpinionIntakeValues>();
  const [saving, setSaving] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [savedCount, setSavedCount] = useState(0);
  const categoryRef = useRef<RefSelectProps>(null);
  const fast = mode === 'fast';

  const initialValues: OpinionIntakeValues = {
    source: fast ? 'receptionDay' : 'walkIn',
    receivedAt: dayjs(),
    representativeId: representatives.length === 1 ? representatives[0]?.id : undefined,
    photos: [],
  };

  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  const label = (field: keyof typeof opinionFieldLabels) => labelOf(opinionFieldLabels, field, locale);

  async function save(values: OpinionIntakeValues) {
    setOtherErrors([]);
    const content = values.content?.trim() ?? '';
    const title = trimmed(values.title) ?? titleFromContent(content);
    const visitor = {
      name: values.visitor?.name?.trim() ?? '',
      ...(trimmed(values.visitor?.phone) ? { phone: trimmed(values.visitor?.phone) } : {}),
      ...(trimmed(values.visitor?.idNumber) ? { idNumber: trimmed(values.visitor?.idNumber) } : {}),
      ...(trimmed(values.visitor?.address) ? { address: trimmed(values.visitor?.address) } : {}),
    };
    const receivedAt = receptionDay
      ? receivedAtFor(receptionDay)
      : (values.receivedAt ?? dayjs()).toDate().toISOString();
    const input = {
      stationId: profile.stationId,
      countyId: profile.countyId,
      receivedAt,
      representativeId: values.representativeId ?? '',
      ...(receptionDay ? { receptionDayId: receptionDay.id } : {}),
      source: (receptionDay ? 'receptionDay' : values.source) as OpinionSource,
      category: values.category as OpinionCategory,
      title,
      content,
      visitor,
    };
    setSaving(true);
    try {
      const repository = new OpinionRepository(database);
      const opinion = await repository.create(input, actor);
      const photos = buildPhotoDocuments(
        values.photos ?? [],
        { collection: 'opinions', id: opinion.id },
        profile,
        actor,
      );
      await storePhotos(database, photos);
      setSavedCount((n) => n + 1);
      onDirtyChange?.(false);
      if (fast) {
        void message.success(t('intake.saved', { count: savedCount + 1 }));
        form.resetFields();
        form.setFieldsValue({ representativeId: values.representativeId });
        categoryRef.current?.focus();
      } else {
        void message.success(t('intake.savedOne'));
      }
      onSaved?.(opinion);
    } catch (error) {
      if (isRecordValidationError(error)) {
        // An empty title is taken from the content: its error would only repeat the content's.
        const errors = trimmed(values.title) ? error.errors : error.errors.filter((e) => e.field !== 'title');
        const { fields, other } = toFormErrors(errors, formFields, locale);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setOtherErrors(other);
        if (fields[0]) form.scrollToField(fields[0].name);
      } else {
        const rest = applyDomainError(form, error, formFields, locale);
        if (rest) setOtherErrors([t('errors.saveFailed', { message: rest })]);
      }
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  }

  const representativeOptions = [
    ...representatives.map((r) => ({ value: r.id, label: r.name })),
    ...(fast ? [] : [{ value: '', label: t('intake.representativeNone') }]),
  ];

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      onFinishFailed={() => undefined}
      onValuesChange={() => onDirtyChange?.(true)}
      onKeyDown={onKeyDown}
      aria-label={t('intake.opinionSection')}
      requiredMark
    >
      <Row gutter={24}>
        <Col span={13}>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="category" label={label('category')} required>
                <Select
                  ref={categoryRef}
                  autoFocus={fast}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={opinionCategories.options(locale)}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="representativeId" label={label('representativeId')} required={fast}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={representativeOptions} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={label('title')}>
            <Input placeholder={t('intake.titlePlaceholder')} maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={label('content')} required>
            <Input.TextArea
              rows={fast ? 4 : 6}
              placeholder={t('intake.contentPlaceholder')}
              maxLength={5000}
              showCount={!fast}
            />
          </Form.Item>
          {fast ? null : (
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="source" label={label('source')} required>
                  <Select options={opinionSources.options(locale)} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="receivedAt" label={label('receivedAt')} required>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Col>
        <Col span={11}>
          <VisitorFields
            notice={{ type: 'info', title: t('intake.privacyTitle'), description: t('intake.privacyNotice') }}
            photosLabel={t('photo.label')}
          />
        </Col>
      </Row>
      {otherErrors.length > 0 ? (
        <Alert type="error" showIcon title={otherErrors.join('；')} style={{ marginBottom: 12 }} />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {fast ? t('intake.saveAndNext') : t('intake.save')}
        </Button>
        {fast ? <Typography.Text type="secondary">{t('intake.shortcut')}</Typography.Text> : null}
      </Space>
    </Form>
  );
}
