// The dialog of one county action with a form (不予受理, 交办, 退回, 录入答复, 形成代表建议, 办结), for one opinion or
// a bulk selection. The shared lifecycle's requirements validate it: their Chinese message shows at the field.
import { Alert, Form, type FormInstance, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addWorkingDays, workingDaysBetween } from '../../../../src-shared/calendar/working-days';
import { isDomainError } from '../../../../src-shared/common/domain-error';
import type { Department } from '../../../../src-shared/department/department';
import {
  type EscalationKind,
  escalationKinds,
  type Opinion,
  type ReplyClass,
  replyClasses,
} from '../../../../src-shared/opinion/opinion';
import type { OpinionCommand } from '../../../../src-shared/opinion/opinion-lifecycle';
import { isRecordValidationError } from '../../../db/repositories/record-errors';
import { todayInStation } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { DateStringPicker } from '../../../ui/date-string-picker';
import { applyDomainError, toFormErrors } from '../../../ui/field-errors';

export type CountyDialogKind = 'reject' | 'assign' | 'return' | 'reply' | 'escalate' | 'close';

export interface CountyActionValues {
  rejectionReason?: string;
  returnReason?: string;
  assignment?: { leadDepartmentId?: string; assistingDepartmentIds?: string[]; deadline?: string; note?: string };
  /** Helper for the deadline: N working days from today. */
  workingDays?: number | null;
  reply?: { class?: ReplyClass; text?: string; repliedOn?: string };
  escalation?: { kind?: EscalationKind; note?: string };
  closingNote?: string;
}

/** Form fields, dotted as the shared requirements name them. */
export const actionFormFields = [
  'rejectionReason',
  'returnReason',
  'assignment.leadDepartmentId',
  'assignment.assistingDepartmentIds',
  'assignment.deadline',
  'assignment.note',
  'reply.class',
  'reply.text',
  'reply.repliedOn',
  'escalation.kind',
  'escalation.note',
  'closingNote',
];

/** Default days to reply for an assignment (working days). */
export const defaultWorkingDays = 15;

function text(value: string | undefined): string {
  return value?.trim() ?? '';
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const trimmed = text(value);
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

/** The lifecycle command a dialog's values stand for; blanks stay blank so the shared requirements name them. */
export function commandOf(kind: CountyDialogKind, values: CountyActionValues, opinion?: Opinion): OpinionCommand {
  switch (kind) {
    case 'reject':
      return { action: 'reject', payload: { rejectionReason: text(values.rejectionReason) } };
    case 'return':
      return { action: 'return', payload: { returnReason: text(values.returnReason) } };
    case 'assign': {
      const a = values.assignment ?? {};
      const lead = a.leadDepartmentId ?? '';
      return {
        action: 'assign',
        payload: {
          assignment: {
            leadDepartmentId: lead,
            // The lead department is not also an assisting one.
            assistingDepartmentIds: (a.assistingDepartmentIds ?? []).filter((id) => id !== lead),
            deadline: a.deadline ?? '',
            ...optional('note', a.note),
          },
        },
      };
    }
    case 'reply': {
      const r = values.reply ?? {};
      const lead = opinion?.assignment?.leadDepartmentId;
      return {
        action: 'reply',
        payload: {
          reply: {
            class: r.class as ReplyClass,
            text: text(r.text),
            repliedOn: r.repliedOn ?? '',
            ...(lead ? { departmentId: lead } : {}),
          },
        },
      };
    }
    case 'escalate':
      return {
        action: 'escalate',
        payload: {
          escalation: { kind: values.escalation?.kind as EscalationKind, ...optional('note', values.escalation?.note) },
        },
      };
    case 'close':
      return { action: 'close', payload: optional('closingNote', values.closingNote) };
  }
}

export interface CountyActionDialogProps {
  kind: CountyDialogKind | null;
  /** Shown under the title, e.g. "已选 3 条，其中 2 条可交办". */
  subtitle?: string;
  departments: readonly Department[];
  /** Applies the values; throws a DomainError / RecordValidationError to show at the fields. */
  onSubmit: (kind: CountyDialogKind, values: CountyActionValues) => Promise<void>;
  onClose: () => void;
}

export function CountyActionDialog({ kind, subtitle, departments, onSubmit, onClose }: CountyActionDialogProps) {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const [form] = Form.useForm<CountyActionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deadline = Form.useWatch(['assignment', 'deadline'], form);
  const today = todayInStation();

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    setError(null);
    if (kind === 'assign') {
      form.setFieldsValue({
        workingDays: defaultWorkingDays,
        assignment: { deadline: addWorkingDays(today, defaultWorkingDays), assistingDepartmentIds: [] },
      });
    }
    if (kind === 'reply') form.setFieldsValue({ reply: { repliedOn: today } });
  }, [kind, form, today]);

  const departmentOptions = departments
    .filter((d) => d.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((d) => ({ value: d.id, label: d.name }));

  async function submit() {
    if (!kind) return;
    const values = form.getFieldsValue(true) as CountyActionValues;
    setBusy(true);
    setError(null);
    (form as FormInstance).setFields(actionFormFields.map((f) => ({ name: f.split('.'), errors: [] })));
    try {
      await onSubmit(kind, values);
      onClose();
    } catch (e) {
      if (isRecordValidationError(e)) {
        const { fields, other } = toFormErrors(e.errors, actionFormFields, locale);
        (form as FormInstance).setFields(fields);
        if (other.length > 0) setError(other.join('；'));
      } else if (isDomainError(e)) {
        const rest = applyDomainError(form, e, actionFormFields, locale);
        if (rest) setError(rest);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  }

  const title = kind ? t(`dialog.${kind}.title`) : '';
  return (
    <Modal
      open={kind !== null}
      title={title}
      okText={t('actions.ok')}
      cancelText={t('actions.cancel')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy }}
      forceRender
      width={560}
    >
      {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" preserve={false}>
        {kind === 'reject' ? (
          <Form.Item name="rejectionReason" label={t('dialog.reject.reason')} required>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {kind === 'return' ? (
          <Form.Item name="returnReason" label={t('dialog.return.reason')} required>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {kind === 'assign' ? (
          <>
            <Form.Item name={['assignment', 'leadDepartmentId']} label={t('dialog.assign.lead')} required>
              <Select options={departmentOptions} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item name={['assignment', 'assistingDepartmentIds']} label={t('dialog.assign.assisting')}>
              <Select mode="multiple" options={departmentOptions} optionFilterProp="label" />
            </Form.Item>
            <Space align="start" size="large" style={{ display: 'flex' }}>
              <Form.Item name="workingDays" label={t('dialog.assign.workingDays')} style={{ width: 180 }}>
                <InputNumber
                  min={1}
                  max={120}
                  precision={0}
                  style={{ width: '100%' }}
                  onChange={(days) => {
                    if (typeof days === 'number' && days >= 1) {
                      form.setFieldValue(['assignment', 'deadline'], addWorkingDays(today, days));
                    }
                  }}
                />
              </Form.Item>
              <Form.Item
                name={['assignment', 'deadline']}
                label={t('dialog.assign.deadline')}
                required
                style={{ width: 300 }}
                extra={
                  deadline && deadline > today
                    ? t('dialog.assign.deadlineHint', { days: workingDaysBetween(today, deadline) })
                    : undefined
                }
              >
                <DateStringPicker />
              </Form.Item>
            </Space>
            <Form.Item name={['assignment', 'note']} label={t('dialog.assign.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'reply' ? (
          <>
            <Form.Item name={['reply', 'class']} label={t('dialog.reply.class')} required>
              <Radio.Group
                options={replyClasses.options(locale)}
                style={{ display: 'flex', flexDirection: 'column' }}
              />
            </Form.Item>
            <Form.Item name={['reply', 'text']} label={t('dialog.reply.text')} required>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name={['reply', 'repliedOn']} label={t('dialog.reply.repliedOn')} required>
              <DateStringPicker />
            </Form.Item>
          </>
        ) : null}
        {kind === 'escalate' ? (
          <>
            <Form.Item name={['escalation', 'kind']} label={t('dialog.escalate.kind')} required>
              <Radio.Group options={escalationKinds.options(locale)} />
            </Form.Item>
            <Form.Item name={['escalation', 'note']} label={t('dialog.escalate.note')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'close' ? (
          <Form.Item name="closingNote" label={t('dialog.close.note')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
