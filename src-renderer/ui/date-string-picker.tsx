// A date picker whose value is the domain's calendar date string 'YYYY-MM-DD' (antd's DatePicker works with dayjs).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

interface DateStringPickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}

const dateFormat = 'YYYY-MM-DD';

/** Use inside antd Form.Item: the form keeps a string, so the shared schema validates it as it is stored. */
export function DateStringPicker({ value, onChange, ...rest }: DateStringPickerProps) {
  const parsed: Dayjs | null = value ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      format={dateFormat}
      value={parsed?.isValid() ? parsed : null}
      onChange={(next) => onChange?.(next ? next.format(dateFormat) : undefined)}
    />
  );
}
