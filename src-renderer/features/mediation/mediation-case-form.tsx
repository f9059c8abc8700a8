// Registers a mediation case (or edits one): basic facts, the parties, the mediators; checked with the shared schema.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Divider, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isDomainError } from '../../../src-shared/common/domain-error';
import {
  disputeTypes,
  type MediationCase,
  mediationCaseFieldLabels,
  mediationCaseNestedFieldLabels,
  mediationSources,
  participantRoles,
  partyFieldLabels,
  partyRoles,
} from '../../../src-shared/mediation-case/mediation-case';
import { useActor } from '../../app/app-context';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { DateStringPicker } from '../../ui/date-string-picker';
import { applyValidationErrors } from '../../ui/field-errors';
import { FormProblems } from '../../ui/form-problems';
import { PageCard } from '../../ui/page-card';
import { loadedRecord, RecordLoader } from '../../ui/record-loader';
import { clearFieldErrors } from '../../ui/save-with-field-errors';
import { useRecordForm } from '../../ui/use-record-form';
import {
  type CaseFormValues,
  caseFieldErrors,
  caseFormFieldNames,
  partiesProblem,
  toCaseFields,
  toCaseFormValues,
} from './mediation-form-values';
import { useMediationCase, useMediationRepository, useStationRepresentatives } from './use-mediation';

export function MediationCaseForm() {
  const { id } = useParams();
  const { t } = useTranslation('mediation');
  const existing = useMediationCase(id ?? '');
  if (!id) return <CaseForm />;
  return (
    <RecordLoader record={loadedRecord(existing)} notFound={t('detail.notFound')}>
      {(record) => <CaseForm record={record} />}
    </RecordLoader>
  );
}

function CaseForm({ record }: { record?: MediationCase }) {
  const { t } = useTranslation('mediation');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const actor = useActor();
  const { message } = App.useApp();
  const repository = useMediationRepository();
  const representatives = useStationRepresentatives();
  const { form, setDirty, saving, setSaving, problems, setProblems, leave } = useRecordForm<CaseFormValues>();
  const navigate = useNavigate();

  const initialValues: CaseFormValues = record
    ? toCaseFormValues(record)
    : {
        registeredOn: todayInStation(),
        source: 'visitorRequest',
        parties: [{ role: 'applicant' }, { role: 'respondent' }],
        participants: [],
      };

  async function save() {
    const values = form.getFieldsValue(true) as CaseFormValues;
    const fields = toCaseFields(values);
    const names = caseFormFieldNames(values);
    // Clear old messages first: each save shows exactly the current problems.
    clearFieldErrors(form, names);
    const errors = caseFieldErrors(fields, record);
    const other = applyValidationErrors(form, { valid: errors.length === 0, errors }, names, locale);
    const partyRule = partiesProblem(fields.parties);
    const messages = [...other, ...(partyRule ? [t(`form.${partyRule}`)] : [])];
    setProblems(messages);
    if (errors.length > 0 || partyRule) {
      void message.error(tc('errors.formInvalid'));
      return;
    }
    setSaving(true);
    try {
      if (record) {
        await repository.update(record.id, fields, actor);
        void message.success(t('form.updated'));
        leave(`/mediation/${record.id}`);
      } else {
        const created = await repository.create({ ...fields, sessions: [], followUps: [] }, actor);
        void message.success(t('form.saved', { caseNumber: created.caseNumber }));
        leave(`/mediation/${created.id}`);
      }
    } catch (error) {
      if (isRecordValidationError(error)) {
        setProblems(applyValidationErrors(form, { valid: false, errors: error.errors }, names, locale));
      } else {
        const text = isDomainError(error) ? error.message : error instanceof Error ? error.message : String(error);
        setProblems([text]);
        void message.error(tc('errors.saveFailed', { message: text }));
      }
    } finally {
      setSaving(false);
    }
  }

  const representativeOptions = (representatives.value ?? []).map((r) => ({ value: r.id, label: r.name }));

  return (
    <PageCard
      title={record ? t('form.editTitle') : t('form.registerTitle')}
      subtitle={record ? record.caseNumber : t('form.caseNumberHint')}
    >
      <Form<CaseFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => setDirty(true)}
        onFinish={() => void save()}
        requiredMark
      >
        <FormProblems problems={problems} />
        <Divider titlePlacement="start">{t('form.basic')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="registeredOn" label={mediationCaseFieldLabels.registeredOn[locale]} required>
              <DateStringPicker />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label={mediationCaseFieldLabels.source[locale]} required>
              <Select options={mediationSources.options(locale)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="disputeType" label={mediationCaseFieldLabels.disputeType[locale]} required>
              <Select options={disputeTypes.options(locale)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="facts" label={mediationCaseFieldLabels.facts[locale]} required>
          <Input.TextArea rows={3} placeholder={t('form.factsPlaceholder')} />
        </Form.Item>

        <Divider titlePlacement="start">{t('form.parties')}</Divider>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('form.partyN', { n: index + 1 })}
                  extra={
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('form.removeParty')} ${index + 1}`}
                      onClick={() => {
                        remove(field.name);
                        setDirty(true);
                      }}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'role']} label={partyFieldLabels.role[locale]} required>
                        <Select options={partyRoles.options(locale)} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'name']} label={partyFieldLabels.name[locale]} required>
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[field.name, 'phone']} label={partyFieldLabels.phone[locale]}>
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'idNumber']} label={partyFieldLabels.idNumber[locale]}>
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item
                    name={[field.name, 'address']}
                    label={partyFieldLabels.address[locale]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ role: 'respondent' });
                  setDirty(true);
                }}
              >
                {t('form.addParty')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('form.participants')}</Divider>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={12} align="bottom">
                  <Col span={6}>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={mediationCaseNestedFieldLabels['participants.role']?.[locale]}
                      required
                    >
                      <Select options={participantRoles.options(locale)} />
                    </Form.Item>
                  </Col>
                  <Form.Item noStyle dependencies={[['participants', field.name, 'role']]}>
                    {() =>
                      form.getFieldValue(['participants', field.name, 'role']) === 'representative' ? (
                        <Col span={8}>
                          <Form.Item name={[field.name, 'representativeId']} label={t('form.chooseRepresentative')}>
                            <Select
                              options={representativeOptions}
                              onChange={(repId: string) => {
                                const rep = representatives.value?.find((r) => r.id === repId);
                                if (rep) form.setFieldValue(['participants', field.name, 'name'], rep.name);
                              }}
                            />
                          </Form.Item>
                        </Col>
                      ) : null
                    }
                  </Form.Item>
                  <Col span={7}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={mediationCaseNestedFieldLabels['participants.name']?.[locale]}
                      required
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('form.removeParticipant')} ${index + 1}`}
                        onClick={() => {
                          remove(field.name);
                          setDirty(true);
                        }}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ role: 'mediator' });
                  setDirty(true);
                }}
              >
                {t('form.addParticipant')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {tc('actions.save')}
          </Button>
          <Button onClick={() => navigate(record ? `/mediation/${record.id}` : '/mediation')}>
            {tc('actions.cancel')}
          </Button>
        </Space>
      </Form>
    </PageCard>
  );
}
