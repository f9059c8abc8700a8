// A record's full history (who, when, what, from → to, note) as a timeline, oldest first.
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../src-shared/common/document';
import { type Label, labelOf } from '../../src-shared/common/labels';
import { formatDateTime } from '../i18n/format';
import { useLocale } from '../i18n/i18n';

interface HistoryTimelineProps {
  history: readonly HistoryEntry[];
  /** Labels of the record's statuses, for the from → to part. */
  statusLabels: Readonly<Record<string, Label>>;
  /** Labels of actions specific to the record type; common ones are in the `common` namespace. */
  actionLabels?: Readonly<Record<string, Label>>;
}

const actionColors: Record<string, string> = {
  revealPersonalData: 'orange',
  reject: 'red',
  sendBack: 'red',
  cancel: 'gray',
  mergeConflict: 'purple',
};

export function HistoryTimeline({ history, statusLabels, actionLabels }: HistoryTimelineProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (history.length === 0) return <Empty description={t('history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const entries = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));

  const actionText = (action: string) =>
    actionLabels && Object.hasOwn(actionLabels, action)
      ? labelOf(actionLabels, action, locale)
      : t(`history.actions.${action}`, { defaultValue: action });

  return (
    <Timeline
      aria-label={t('history.title')}
      items={entries.map((entry) => ({
        key: entry.id,
        color: actionColors[entry.action] ?? 'blue',
        content: (
          <div data-history-action={entry.action}>
            <Typography.Text strong>{actionText(entry.action)}</Typography.Text>
            {entry.from && entry.to && entry.from !== entry.to ? (
              <Typography.Text type="secondary">
                {'  '}
                {labelOf(statusLabels, entry.from, locale)} → {labelOf(statusLabels, entry.to, locale)}
              </Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(entry.at, locale)} · {entry.by}
              </Typography.Text>
            </div>
            {entry.note ? <div>{t('history.note', { note: entry.note })}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
