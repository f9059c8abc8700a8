// The plan fields of a reception day (date, time span, place, representatives on duty, topic, notes), shared by
// 计划接待日 and 修改计划: the form items, the checks the schema cannot express, and the values as record fields.
import { Checkbox, DatePicker, Form, type FormInstance, Input, Space, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../src-shared/common/labels';
import { type ReceptionDay, receptionDayFieldLabels } from '../../../src-shared/reception-day/reception-day';
import type { ReceptionDayPlanField } from '../../../src-shared/reception-day/reception-day-editing';
import { representativeLevels } from '../../../src-shared/representative/representative';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { useLocale } from '../../i18n/i18n';

export interface PlanValues {
  date?: Dayjs | null;
  time?: [Dayjs | null, Dayjs | null] | null;
  place?: string;
  representativeIds?: string[];
  topic?: string;
  notes?: string;
}

export const planFormFields = ['date', 'time', 'place', 'representativeIds', 'topic', 'notes'];
/** The record's two time fields are edited by one range picker. */
export const planFieldAliases = { startTime: 'time', endTime: 'time' };

/** A stored day as form values. */
export function planValuesOf(day: ReceptionDay): PlanValues {
  return {
    date: dayjs(day.date),
    time: [dayjs(day.startTime, 'HH:mm'), dayjs(day.endTime, 'HH:mm')],
    place: day.place,
    representativeIds: [...day.representativeIds],
    topic: day.topic ?? '',
    notes: day.notes ?? '',
  };
}

/**
 * The form values as record fields. Empty required fields are left out, so the shared validator reports them
 * as missing (请填写…); empty optional ones are `undefined`, which removes them when editing.
 */
export function planFieldsOf(values: PlanValues): Partial<Pick<ReceptionDay, ReceptionDayPlanField>> {
  const [start, end] = values.time ?? [null, null];
  return {
    ...(values.date ? { date: values.date.format('YYYY-MM-DD') } : {}),
    ...(start ? { startTime: start.format('HH:mm') } : {}),
    ...(end ? { endTime: end.format('HH:mm') } : {}),
    ...(values.place?.trim() ? { place: values.place.trim() } : {}),
    representativeIds: values.representativeIds ?? [],
    topic: values.topic?.trim() ? values.topic.trim() : undefined,
    notes: values.notes?.trim() ? values.notes.trim() : undefined,
  };
}

/** Checks the schema cannot express; shows them at the field. True when the values may be saved. */
export function checkPlanValues(
  form: FormInstance<PlanValues>,
  values: PlanValues,
  t: TFunction<'reception-days'>,
): boolean {
  const [start, end] = values.time ?? [null, null];
  if (start && end && !end.isAfter(start)) {
    form.setFields([{ name: 'time', errors: [t('form.endBeforeStart')] }]);
    return false;
  }
  if ((values.representativeIds ?? []).length === 0) {
    form.setFields([{ name: 'representativeIds', errors: [t('form.onDutyRequired')] }]);
    return false;
  }
  return true;
}

/** The form items (inside an antd Form). */
export function PlanFormItems() {
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const representatives = useStationRepresentatives();
  const label = (field: keyof typeof receptionDayFieldLabels) => labelOf(receptionDayFieldLabels, field, locale);
  return (
    <>
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
    </>
  );
}
