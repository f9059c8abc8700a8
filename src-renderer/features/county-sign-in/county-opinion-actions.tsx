// The county's transitions on an opinion (受理, 交办 with department and deadline, 录入答复), from the shared lifecycle.
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../src-shared/common/labels';
import type { Actor } from '../../../src-shared/common/lifecycle';
import type { Department } from '../../../src-shared/department/department';
import { type Opinion, replyClasses } from '../../../src-shared/opinion/opinion';
import { type OpinionCommand, opinionActionLabels } from '../../../src-shared/opinion/opinion-lifecycle';
import type { LiaisonDatabase } from '../../db/database';
import { OpinionRepository } from '../../db/repositories/opinion-repository';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { useRxQueryResult } from '../../db/use-rx';
import { todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { DateStringPicker } from '../../ui/date-string-picker';
import { applyDomainError, toFormErrors } from '../../ui/field-errors';

type Dialog = 'assign' | 'reply' | null;

interface ActionValues {
  leadDepartmentId?: string;
  assistingDepartmentIds?: string[];
  deadline?: string;
  note?: string;
  replyClass?: string;
  replyText?: string;
  repliedOn?: string;
}

export interface CountyOpinionActionsProps {
  opinion: Opinion;
  database: LiaisonDatabase;
  /** County staff: `{ name: user, role: 'county' }`. */
  actor: Actor;
}

export function CountyOpinionActions({ opinion, database, actor }: CountyOpinionActionsProps) {
  const { t } = useTranslation('county-sign-in');
  const locale = useLocale();
  const { message } = App.useApp();
  const repository = useMemo(() => new OpinionRepository(database), [database]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [form] = Form.useForm<ActionValues>();
  const departments = useRxQueryResult(
    () => database.departments.find({ selector: { countyId: opinion.countyId }, sort: [{ id: 'asc' }] }).$,
    [database, opinion.countyId],
  );
  const departmentOptions = (departments.value ?? [])
    .map((doc) => doc.toJSON() as Department)
    .filter((d) => d.active !== false)
    .map((d) => ({ value: d.id, label: d.name }));
  const actions = repository.allowedActions(opinion, actor.role);

  async function run(command: OpinionCommand, fields: string[] = []): Promise<boolean> {
    setBusy(true);
    setDialogError(null);
    try {
      await repository.apply(opinion.id, command, actor);
      void message.success(t('actions.done', { action: labelOf(opinionActionLabels, command.action, locale) }));
      return true;
    } catch (error) {
      if (isRecordValidationError(error)) {
        const { fields: at, other } = toFormErrors(error.errors, fields, locale);
        form.setFields(at as Parameters<typeof form.setFields>[0]);
        if (other.length > 0) setDialogError(other.join('；'));
      } else {
        const rest = applyDomainError(form, error, fields, locale);
        if (rest) {
          if (fields.length > 0) setDialogError(rest);
          else void message.error(rest);
        }
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submitDialog() {
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (dialog === 'assign') {
      const note = values.note?.trim();
      const ok = await run(
        {
          action: 'assign',
          payload: {
            assignment: {
              leadDepartmentId: values.leadDepartmentId ?? '',
              assistingDepartmentIds: (values.assistingDepartmentIds ?? []).filter(
                (id) => id !== values.leadDepartmentId,
              ),
              deadline: values.deadline ?? '',
              ...(note ? { note } : {}),
            },
          },
        },
        ['assignment'],
      );
      if (ok) setDialog(null);
    } else if (dialog === 'reply') {
      const replyClass = replyClasses.includes(values.replyClass) ? values.replyClass : 'A';
      const ok = await run(
        {
          action: 'reply',
          payload: {
            reply: {
              class: replyClass,
              text: values.replyText?.trim() ?? '',
              repliedOn: values.repliedOn ?? '',
              ...(opinion.assignment ? { departmentId: opinion.assignment.leadDepartmentId } : {}),
            },
          },
        },
        ['reply'],
      );
      if (ok) setDialog(null);
    }
  }

  function open(kind: Exclude<Dialog, null>) {
    form.resetFields();
    form.setFieldsValue(kind === 'reply' ? { repliedOn: todayInStation() } : {});
    setDialogError(null);
    setDialog(kind);
  }

  const shown = actions.filter((a) => a === 'accept' || a === 'assign' || a === 'reply');
  if (shown.length === 0) return <Typography.Text type="secondary">{t('actions.none')}</Typography.Text>;

  return (
    <>
      <Space wrap>
        {shown.includes('accept') ? (
          <Popconfirm
            title={t('actions.acceptConfirm')}
            okText={t('actions.ok')}
            cancelText={t('actions.cancel')}
            onConfirm={() => run({ action: 'accept' })}
            okButtonProps={{ loading: busy }}
          >
            <Button type="primary">{t('actions.accept')}</Button>
          </Popconfirm>
        ) : null}
        {shown.includes('assign') ? (
          <Button type="primary" onClick={() => open('assign')}>
            {t('actions.assign')}
          </Button>
        ) : null}
        {shown.includes('reply') ? (
          <Button type="primary" onClick={() => open('reply')}>
            {t('actions.reply')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'assign' ? t('actions.assignTitle') : t('actions.replyTitle')}
        okText={t('actions.ok')}
        cancelText={t('actions.cancel')}
        onCancel={() => setDialog(null)}
        onOk={() => void submitDialog()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          {dialog === 'assign' ? (
            <>
              <Form.Item
                name="leadDepartmentId"
                label={t('actions.leadDepartment')}
                rules={[{ required: true, message: t('actions.leadDepartmentRequired') }]}
              >
                <Select options={departmentOptions} showSearch optionFilterProp="label" />
              </Form.Item>
              <Form.Item name="assistingDepartmentIds" label={t('actions.assistingDepartments')}>
                <Select mode="multiple" options={departmentOptions} optionFilterProp="label" />
              </Form.Item>
              <Form.Item
                name="deadline"
                label={t('actions.deadline')}
                rules={[{ required: true, message: t('actions.deadlineRequired') }]}
              >
                <DateStringPicker />
              </Form.Item>
              <Form.Item name="note" label={t('actions.note')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'reply' ? (
            <>
              <Form.Item
                name="replyClass"
                label={t('actions.replyClass')}
                rules={[{ required: true, message: t('actions.replyClassRequired') }]}
              >
                <Radio.Group options={replyClasses.options(locale)} />
              </Form.Item>
              <Form.Item
                name="replyText"
                label={t('actions.replyText')}
                rules={[{ required: true, whitespace: true, message: t('actions.replyTextRequired') }]}
              >
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
              <Form.Item
                name="repliedOn"
                label={t('actions.repliedOn')}
                rules={[{ required: true, message: t('actions.repliedOnRequired') }]}
              >
                <DateStringPicker />
              </Form.Item>
            </>
          ) : null}
          {dialogError ? <Alert type="error" showIcon title={dialogError} /> : null}
        </Form>
      </Modal>
    </>
  );
}
