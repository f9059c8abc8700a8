// A coloured tag for a record's status; the text comes from the domain's labels in the current language.
import { Tag } from 'antd';
import { type Label, labelOf } from '../../src-shared/common/labels';
import { useLocale } from '../i18n/i18n';

/** Colours by status name; statuses of all record types share one palette so the app reads consistently. */
const statusColors: Record<string, string> = {
  recorded: 'default',
  planned: 'blue',
  registered: 'blue',
  submitted: 'processing',
  accepted: 'cyan',
  assigned: 'geekblue',
  mediating: 'geekblue',
  returned: 'orange',
  replied: 'gold',
  agreed: 'lime',
  rated: 'purple',
  closed: 'green',
  held: 'green',
  performed: 'green',
  answeredOnSite: 'green',
  rejected: 'red',
  failed: 'red',
  cancelled: 'default',
  withdrawn: 'default',
  merged: 'default',
  escalated: 'magenta',
};

interface StatusTagProps {
  status: string;
  labels: Readonly<Record<string, Label>>;
}

export function StatusTag({ status, labels }: StatusTagProps) {
  const locale = useLocale();
  return (
    <Tag color={statusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labelOf(labels, status, locale)}
    </Tag>
  );
}
