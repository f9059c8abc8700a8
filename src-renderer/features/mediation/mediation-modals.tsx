// The small forms of a case page: add a session, add a follow-up visit, perform, fail (with referral), withdraw.
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../src-shared/common/ids';
import type { MediationCase, MediationReferral, ReferralKind } from '../../../src-shared/mediation-case/mediation-case';
import { mediationCaseNestedFieldLabels, referralKinds } from '../../../src-shared/mediation-case/mediation-case';
import { mediationCaseActionLabels } from '../../../src-shared/mediation-case/mediation-case-lifecycle';
import { useActor } from '../../app/app-context';
import { todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { DateStringPicker } from '../../ui/date-string-picker';
import { FormProblems } from '../../ui/form-problems';
import { clearFieldErrors, saveWithFieldErrors } from '../../ui/save-with-field-errors';
import { useMediationRepository } from './use-mediation';

export type CaseModalKind = 'session' | 'followUp' | 'perform' | 'fail' | 'withdraw';

interface CaseModalProps {
  kind: CaseModalKind;
  record: MediationCase;
  onClose: () => void;
}

interface ModalValues {
  date?: string;
  place?: string;
  attendees?: string[];
  notes?: string;
  note?: string;
  reason?: string;
  referralKind?: ReferralKind;
  referralNote?: string;
  outcome?: string;
}

const trimmed = (value: string | undefined) => value?.trim() ?? '';

/** One modal per command; every one validates through the repository (shared schema + lifecycle) before closing. */
export function CaseModal({ kind, record, onClose }: CaseModalProps) {
  const { t } = useTranslation('mediation');
  const locale = useLocale();
  const actor = useActor();
  const { message } = App.useApp();
  const repository = useMediationRepository();
  const [form] = Form.useForm<ModalValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const sessionIndex = record.sessions.length;
  const followUpIndex = record.followUps.length;

  const titles: Record<CaseModalKind, string> = {
    session: t('session.title'),
    followUp: t('followUp.title'),
    perform: t('perform.title'),
    fail: t('fail.title'),
    withdraw: t('withdraw.title'),
  };

  const attendeeOptions = [...record.parties.map((p) => p.name), ...record.participants.map((p) => p.name)]
    .filter((name, i, all) => all.indexOf(name) === i)
    .map((name) => ({ value: name, label: name }));

  async function submit() {
    const v = form.getFieldsValue(true) as ModalValues;
    const fields = ['date', 'place', 'attendees', 'notes', 'note', 'reason', 'referralKind', 'referralNote', 'outcome'];
    clearFieldErrors(form, fields);
    // The schema allows these empty (old records); a new session or visit must say where / what happened.
    const required =
      kind === 'session' && !trimmed(v.place)
        ? { name: 'place', label: mediationCaseNestedFieldLabels['sessions.place']?.[locale] ?? '' }
        : kind === 'followUp' && !trimmed(v.note)
          ? { name: 'note', label: mediationCaseNestedFieldLabels['followUps.note']?.[locale] ?? '' }
          : null;
    if (required) {
      form.setFields([
        { name: required.name as keyof ModalValues, errors: [t('form.required', { field: required.label })] },
      ]);
      return;
    }
    setSaving(true);
    const outcome = await saveWithFieldErrors(
      form,
      async () => {
        switch (kind) {
          case 'session': {
            const session = {
              id: newId(),
              date: v.date ?? '',
              place: trimmed(v.place),
              attendees: (v.attendees ?? []).map((a) => a.trim()).filter(Boolean),
              ...(trimmed(v.notes) ? { notes: trimmed(v.notes) } : {}),
            };
            return repository.update(record.id, { sessions: [...record.sessions, session] }, actor);
          }
          case 'followUp': {
            const visit = { id: newId(), date: v.date ?? '', note: trimmed(v.note) };
            return repository.update(record.id, { followUps: [...record.followUps, visit] }, actor);
          }
          case 'perform':
            return repository.apply(
              record.id,
              {
                action: 'perform',
                payload: { performedOn: v.date ?? '' },
                ...(trimmed(v.note) ? { note: trimmed(v.note) } : {}),
              },
              actor,
            );
          case 'fail': {
            const referral: Partial<MediationReferral> = {};
            if (v.referralKind) referral.kind = v.referralKind;
            if (trimmed(v.referralNote)) referral.note = trimmed(v.referralNote);
            return repository.apply(
              record.id,
              {
                action: 'fail',
                payload: {
                  failureReason: trimmed(v.reason),
                  ...(referral.kind ? { referral: referral as MediationReferral } : {}),
                  ...(trimmed(v.outcome) ? { outcome: trimmed(v.outcome) } : {}),
                },
              },
              actor,
            );
          }
          case 'withdraw':
            return repository.apply(
              record.id,
              { action: 'withdraw', payload: trimmed(v.reason) ? { withdrawalReason: trimmed(v.reason) } : {} },
              actor,
            );
        }
      },
      fields,
      locale,
      {
        [`sessions.${sessionIndex}.date`]: 'date',
        [`sessions.${sessionIndex}.place`]: 'place',
        [`sessions.${sessionIndex}.attendees`]: 'attendees',
        [`sessions.${sessionIndex}.notes`]: 'notes',
        [`followUps.${followUpIndex}.date`]: 'date',
        [`followUps.${followUpIndex}.note`]: 'note',
        performedOn: 'date',
        failureReason: 'reason',
        withdrawalReason: 'reason',
        'referral.kind': 'referralKind',
        referral: 'referralKind',
        'referral.note': 'referralNote',
      },
    );
    setSaving(false);
    if (outcome.ok) {
      const done: Record<CaseModalKind, string> = {
        session: t('detail.sessionAdded'),
        followUp: t('detail.followUpAdded'),
        perform: t('detail.actionDone', { action: mediationCaseActionLabels.perform[locale] }),
        fail: t('detail.actionDone', { action: mediationCaseActionLabels.fail[locale] }),
        withdraw: t('detail.actionDone', { action: mediationCaseActionLabels.withdraw[locale] }),
      };
      void message.success(done[kind]);
      onClose();
    } else {
      setProblems(outcome.messages);
    }
  }

  return (
    <Modal
      open
      title={titles[kind]}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      <FormProblems problems={problems} gap={12} />
      <Form<ModalValues> form={form} layout="vertical" initialValues={{ date: todayInStation(), attendees: [] }}>
        {kind === 'session' ? (
          <>
            <Form.Item name="date" label={t('session.date')} required>
              <DateStringPicker />
            </Form.Item>
            <Form.Item name="place" label={t('session.place')} required>
              <Input />
            </Form.Item>
            <Form.Item name="attendees" label={t('session.attendees')} extra={t('session.attendeesHint')}>
              <Select mode="tags" options={attendeeOptions} tokenSeparators={[',', '，']} />
            </Form.Item>
            <Form.Item name="notes" label={t('session.notes')}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'followUp' ? (
          <>
            <Form.Item name="date" label={t('followUp.date')} required>
              <DateStringPicker />
            </Form.Item>
            <Form.Item name="note" label={t('followUp.note')} required>
              <Input.TextArea rows={4} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'perform' ? (
          <>
            <Form.Item name="date" label={t('perform.performedOn')} required>
              <DateStringPicker />
            </Form.Item>
            <Form.Item name="note" label={t('perform.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'fail' ? (
          <>
            <Form.Item name="reason" label={t('fail.reason')} required>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="referralKind" label={t('fail.referralKind')} required>
              <Select options={referralKinds.options(locale)} />
            </Form.Item>
            <Form.Item name="referralNote" label={t('fail.referralNote')}>
              <Input />
            </Form.Item>
            <Form.Item name="outcome" label={t('fail.outcome')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'withdraw' ? (
          <Form.Item name="reason" label={t('withdraw.reason')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
