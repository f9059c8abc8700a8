// The station's own transitions on an opinion: submit, answer on site, record satisfaction (unsatisfied sends it back).
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../src-shared/common/labels';
import { type Opinion, opinionFieldLabels, satisfactionLevels } from '../../../src-shared/opinion/opinion';
import { type OpinionCommand, opinionActionLabels } from '../../../src-shared/opinion/opinion-lifecycle';
import { useActor } from '../../app/app-context';
import { isRecordValidationError } from '../../db/repositories/record-errors';
import { useLocale } from '../../i18n/i18n';
import { applyDomainError, toFormErrors } from '../../ui/field-errors';
import { useOpinionRepository } from './use-opinions';

type DialogKind = 'answerOnSite' | 'rate' | null;

export function OpinionActions({ opinion }: { opinion: Opinion }) {
  const { t } = useTranslation('opinions');
  const locale = useLocale();
  const actor = useActor();
  const repository = useOpinionRepository();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [form] = Form.useForm<{ onSiteAnswer?: string; satisfaction?: string; ratingNote?: string }>();
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
    const values = form.getFieldsValue();
    if (dialog === 'answerOnSite') {
      const ok = await run({ action: 'answerOnSite', payload: { onSiteAnswer: values.onSiteAnswer?.trim() ?? '' } }, [
        'onSiteAnswer',
      ]);
      if (ok) setDialog(null);
    } else if (dialog === 'rate') {
      const satisfaction = satisfactionLevels.includes(values.satisfaction) ? values.satisfaction : undefined;
      const note = values.ratingNote?.trim();
      const ok = await run(
        {
          action: 'rate',
          payload: { ...(satisfaction ? { satisfaction } : {}), ...(note ? { ratingNote: note } : {}) },
        },
        ['satisfaction', 'ratingNote'],
      );
      if (ok) setDialog(null);
    }
  }

  function open(kind: Exclude<DialogKind, null>) {
    // The dialog's form is destroyed when hidden, so each opening starts empty.
    setDialogError(null);
    setDialog(kind);
  }

  if (actions.length === 0) return <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>;

  return (
    <>
      <Space wrap>
        {actions.includes('submit') ? (
          <Popconfirm
            title={t('actions.submitConfirm')}
            onConfirm={() => run({ action: 'submit' })}
            okButtonProps={{ loading: busy }}
          >
            <Button type="primary">{t('actions.submit')}</Button>
          </Popconfirm>
        ) : null}
        {actions.includes('answerOnSite') ? (
          <Button onClick={() => open('answerOnSite')}>{t('actions.answerOnSite')}</Button>
        ) : null}
        {actions.includes('rate') ? (
          <Button type="primary" onClick={() => open('rate')}>
            {t('actions.rate')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'answerOnSite' ? t('actions.answerOnSiteTitle') : t('actions.rateTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => void submitDialog()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'answerOnSite' ? (
            <Form.Item name="onSiteAnswer" label={t('actions.answerLabel')} required>
              <Input.TextArea rows={5} maxLength={5000} autoFocus />
            </Form.Item>
          ) : null}
          {dialog === 'rate' ? (
            <>
              <Alert type="info" showIcon title={t('actions.rateHint')} style={{ marginBottom: 12 }} />
              {opinion.reply ? (
                <Typography.Paragraph>
                  <Typography.Text strong>{labelOf(opinionFieldLabels, 'reply', locale)}：</Typography.Text>
                  {opinion.reply.text}
                </Typography.Paragraph>
              ) : null}
              <Form.Item name="satisfaction" label={t('actions.satisfaction')} required>
                <Radio.Group options={satisfactionLevels.options(locale)} />
              </Form.Item>
              <Form.Item name="ratingNote" label={t('actions.ratingNote')}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : null}
          {dialogError ? <Alert type="error" showIcon title={dialogError} /> : null}
        </Form>
      </Modal>
    </>
  );
}
