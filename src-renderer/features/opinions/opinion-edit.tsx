import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { labelOf } from '../../../src-shared/common/labels';
import {
  type Opinion,
  type OpinionCategory,
  type OpinionSource,
  opinionCategories,
  opinionFieldLabels,
  opinionSources,
  type Visitor,
} from '../../../src-shared/opinion/opinion';
import { editableOpinionFields, type OpinionIntakeField } from '../../../src-shared/opinion/opinion-editing';
import { validateDocument } from '../../../src-shared/validation/validate';
import { useActor, useDatabase, useStationProfile } from '../../app/app-context';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { RecordValidationError } from '../../db/repositories/record-errors';
import type { UpdatePatch } from '../../db/repositories/record-repository';
import { useLocale } from '../../i18n/i18n';
import { EditPage } from '../../ui/edit-page';
import { titleFromContent } from '../../ui/opinion-intake-form';
import type { PickedPhoto } from '../../ui/photo-picker';
import { RecordNotFound } from '../../ui/record-loader';
import { saveWithFieldErrors } from '../../ui/save-with-field-errors';
import { buildPhotoDocuments, storePhotos } from '../../ui/store-photos';
import { useRecordForm } from '../../ui/use-record-form';
import { VisitorFields } from '../../ui/visitor-fields';
import { useOpinion, useOpinionRepository } from './use-opinions';

interface EditValues {
  category?: OpinionCategory;
  title?: string;
  content?: string;
  source?: OpinionSource;
  receivedAt?: Dayjs | null;
  representativeId?: string;
  visitor?: { name?: string; phone?: string; idNumber?: string; address?: string };
  photos?: PickedPhoto[];
}

const formFields = [
  'category',
  'title',
  'content',
  'source',
  'receivedAt',
  'representativeId',
  'visitor.name',
  'visitor.phone',
  'visitor.idNumber',
  'visitor.address',
  'photos',
];

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** The form's values as the repository's patch, limited to the fields that may change now. */
export function opinionEditPatch(values: EditValues, editable: readonly OpinionIntakeField[]): UpdatePatch<Opinion> {
  const patch: Record<string, unknown> = {};
  const content = values.content?.trim() ?? '';
  const candidates: Record<OpinionIntakeField, unknown> = {
    category: values.category,
    content,
    title: trimmed(values.title) ?? titleFromContent(content),
    source: values.source,
    receivedAt: values.receivedAt ? values.receivedAt.toDate().toISOString() : undefined,
    representativeId: values.representativeId ?? '',
    visitor: {
      name: values.visitor?.name?.trim() ?? '',
      ...(trimmed(values.visitor?.phone) ? { phone: trimmed(values.visitor?.phone) } : {}),
      ...(trimmed(values.visitor?.idNumber) ? { idNumber: trimmed(values.visitor?.idNumber) } : {}),
      ...(trimmed(values.visitor?.address) ? { address: trimmed(values.visitor?.address) } : {}),
    } satisfies Visitor,
  };
  for (const field of editable) patch[field] = candidates[field];
  return patch as UpdatePatch<Opinion>;
}

function EditForm({ opinion, visitor }: { opinion: Opinion; visitor: Visitor }) {
  const { t } = useTranslation('opinions');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const actor = useActor();
  const profile = useStationProfile();
  const database = useDatabase();
  const repository = useOpinionRepository();
  const representatives = useStationRepresentatives(true);
  const { message } = App.useApp();
  const { form, setDirty, saving, setSaving, problems, setProblems, leave } = useRecordForm<EditValues>();
  const navigate = useNavigate();
  const editable = editableOpinionFields(opinion);
  const locked = (field: OpinionIntakeField) => !editable.includes(field);
  const label = (field: keyof typeof opinionFieldLabels) => labelOf(opinionFieldLabels, field, locale);

  const initialValues: EditValues = {
    category: opinion.category,
    title: opinion.title,
    content: opinion.content,
    source: opinion.source,
    receivedAt: dayjs(opinion.receivedAt),
    representativeId: opinion.representativeId,
    visitor: { ...visitor },
    photos: [],
  };

  async function save(values: EditValues) {
    setProblems([]);
    const patch = opinionEditPatch(values, editable);
    const photos = buildPhotoDocuments(values.photos ?? [], { collection: 'opinions', id: opinion.id }, profile, actor);
    setSaving(true);
    const outcome = await saveWithFieldErrors(
      form,
      async () => {
        // Photos are checked before the opinion changes, so a refused photo leaves everything as it was.
        for (const photo of photos) {
          const result = validateDocument('photos', photo);
          if (!result.valid) throw new RecordValidationError(result.errors);
        }
        const updated = await repository.update(opinion.id, patch, actor, {
          alsoChanged: photos.length > 0 ? [t('edit.photosChanged')] : [],
        });
        await storePhotos(database, photos);
        return updated;
      },
      formFields,
      locale,
    );
    setSaving(false);
    if (!outcome.ok) {
      setProblems(outcome.messages);
      return;
    }
    void message.success(outcome.value.updatedAt === opinion.updatedAt ? t('edit.unchanged') : t('edit.saved'));
    leave(`/opinions/${opinion.id}`);
  }

  const representativeOptions = [
    ...representatives.items.map((r) => ({ value: r.id, label: r.name })),
    { value: '', label: tc('intake.representativeNone') },
  ];

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      aria-label={t('edit.title')}
      requiredMark
    >
      {opinion.status === 'recorded' ? null : (
        <Alert type="info" showIcon title={t('edit.lockedHint')} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={24}>
        <Col span={13}>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="category" label={label('category')} required>
                <Select
                  disabled={locked('category')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={opinionCategories.options(locale)}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="representativeId" label={label('representativeId')}>
                <Select
                  disabled={locked('representativeId')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={representativeOptions}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={label('title')}>
            <Input disabled={locked('title')} maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={label('content')} required>
            <Input.TextArea disabled={locked('content')} rows={6} maxLength={5000} showCount />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="source" label={label('source')} required>
                <Select disabled={locked('source')} options={opinionSources.options(locale)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="receivedAt" label={label('receivedAt')} required>
                <DatePicker
                  disabled={locked('receivedAt')}
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Col>
        <Col span={11}>
          <VisitorFields
            notice={{ type: 'warning', title: t('edit.privacyTitle'), description: t('edit.privacyNotice') }}
            photosLabel={t('edit.addPhotos')}
          />
        </Col>
      </Row>
      {problems.length > 0 ? (
        <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 12 }} />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('edit.save')}
        </Button>
        <Button onClick={() => navigate(`/opinions/${opinion.id}`)} disabled={saving}>
          {tc('actions.cancel')}
        </Button>
      </Space>
    </Form>
  );
}

export function OpinionEdit() {
  const { id = '' } = useParams();
  const { t } = useTranslation('opinions');
  const actor = useActor();
  const repository = useOpinionRepository();
  const { opinion } = useOpinion(id);
  const [visitor, setVisitor] = useState<Visitor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = opinion != null;

  // Editing shows the visitor's details in full, so opening the form is recorded like any other reveal.
  useEffect(() => {
    if (!found) return;
    let cancelled = false;
    repository
      .revealPersonalData(id, actor, t('edit.revealNote'))
      .then((data) => {
        if (!cancelled && data.visitor) setVisitor(data.visitor);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [found, id, repository, actor, t]);

  if (opinion === null) {
    return <RecordNotFound title={t('detail.notFound')} back={{ label: t('detail.back'), to: '/opinions' }} />;
  }
  // While the opinion loads and its visitor is decrypted, the page stands with a spinner in its card.
  return (
    <EditPage back={{ label: t('edit.back'), to: `/opinions/${id}` }} title={t('edit.title')}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {opinion && visitor ? <EditForm opinion={opinion} visitor={visitor} /> : error ? null : <Spin />}
    </EditPage>
  );
}
