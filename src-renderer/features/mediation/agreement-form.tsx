// Writes the 人民调解协议书 of a case in mediation: each content item of People's Mediation Law art. 29 is required.
import { Alert, App, Button, Col, Descriptions, Form, Input, Result, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isDomainError } from '../../../src-shared/common/domain-error';
import {
  type MediationCase,
  mediationAgreementFieldLabels,
  partyRoles,
} from '../../../src-shared/mediation-case/mediation-case';
import { applyMediationCaseCommand } from '../../../src-shared/mediation-case/mediation-case-lifecycle';
import { maskName } from '../../../src-shared/privacy/masking';
import { useActor } from '../../app/app-context';
import { todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { DateStringPicker } from '../../ui/date-string-picker';
import { applyDomainError, applyValidationErrors } from '../../ui/field-errors';
import { FormProblems } from '../../ui/form-problems';
import { PageCard } from '../../ui/page-card';
import { clearFieldErrors, saveWithFieldErrors } from '../../ui/save-with-field-errors';
import { useRecordForm } from '../../ui/use-record-form';
import {
  type AgreementFormValues,
  agreementFieldErrors,
  agreementFormFieldNames,
  toAgreement,
} from './mediation-form-values';
import { useMediationRepository } from './use-mediation';
import { WithMediationCase } from './with-mediation-case';

interface FormShape {
  agreement?: AgreementFormValues;
  outcome?: string;
}

export function AgreementForm() {
  return <WithMediationCase>{(record) => <AgreementEditor record={record} />}</WithMediationCase>;
}

const textItems = ['facts', 'disputeItems', 'responsibilities', 'agreedContent', 'performanceMethod'] as const;

function AgreementEditor({ record }: { record: MediationCase }) {
  const { t } = useTranslation('mediation');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const actor = useActor();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const repository = useMediationRepository();
  const { form, setDirty, saving, setSaving, problems, setProblems, leave } = useRecordForm<FormShape>();

  if (record.status !== 'mediating') {
    return (
      <Result
        status="info"
        title={t('agreement.notMediating')}
        extra={
          <Link to={`/mediation/${record.id}`}>
            <Button>{t('print.back')}</Button>
          </Link>
        }
      />
    );
  }

  async function save() {
    const values = form.getFieldsValue(true) as FormShape;
    const agreement = toAgreement(values.agreement ?? {});
    const outcome = values.outcome?.trim() || undefined;
    const names = [...agreementFormFieldNames];
    clearFieldErrors(form, names);
    // 1. Every empty or malformed item, at its field.
    const errors = agreementFieldErrors(record, agreement, outcome);
    const other = applyValidationErrors(form, { valid: errors.length === 0, errors }, names, locale);
    // 2. The statutory check of the lifecycle (names the first missing item with the article it comes from).
    let lifecycleMessage: string | null = null;
    try {
      applyMediationCaseCommand(
        record,
        { action: 'agree', payload: { agreement, ...(outcome ? { outcome } : {}) } },
        actor,
        new Date().toISOString(),
      );
    } catch (error) {
      lifecycleMessage = applyDomainError(form, error, names, locale);
      if (!isDomainError(error)) throw error;
    }
    const messages = [...other, ...(lifecycleMessage ? [lifecycleMessage] : [])];
    setProblems(messages);
    if (errors.length > 0 || lifecycleMessage !== null || form.getFieldsError().some((f) => f.errors.length > 0)) {
      void message.error(tc('errors.formInvalid'));
      return;
    }
    setSaving(true);
    const saved = await saveWithFieldErrors(
      form,
      () =>
        repository.apply(
          record.id,
          { action: 'agree', payload: { agreement, ...(outcome ? { outcome } : {}) } },
          actor,
        ),
      names,
      locale,
    );
    setSaving(false);
    if (saved.ok) {
      void message.success(t('agreement.saved'));
      leave(`/mediation/${record.id}`);
    } else {
      setProblems(saved.messages);
    }
  }

  const initialValues: FormShape = {
    agreement: { facts: record.facts, signedOn: todayInStation() },
    outcome: t('agreement.outcomeDefault'),
  };

  return (
    <PageCard title={t('agreement.title')} subtitle={record.caseNumber}>
      <Alert type="info" showIcon message={t('agreement.lawNote')} style={{ marginBottom: 16 }} />
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('agreement.partiesInfo')}>
          {record.parties.map((p) => `${partyRoles.label(p.role, locale)} ${maskName(p.name)}`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      <FormProblems problems={problems} />
      <Form<FormShape>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => setDirty(true)}
        onFinish={() => void save()}
      >
        {textItems.map((item) => (
          <Form.Item key={item} name={['agreement', item]} label={mediationAgreementFieldLabels[item][locale]} required>
            <Input.TextArea rows={item === 'agreedContent' || item === 'facts' ? 4 : 2} />
          </Form.Item>
        ))}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name={['agreement', 'performanceDeadline']}
              label={mediationAgreementFieldLabels.performanceDeadline[locale]}
              required
            >
              <DateStringPicker />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['agreement', 'signedOn']} label={mediationAgreementFieldLabels.signedOn[locale]} required>
              <DateStringPicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="outcome" label={t('agreement.outcome')}>
          <Input />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('agreement.save')}
          </Button>
          <Button onClick={() => navigate(`/mediation/${record.id}`)}>{tc('actions.cancel')}</Button>
        </Space>
      </Form>
    </PageCard>
  );
}
