// The notice of the automatic restore at start: what came back from which backup, or why nothing could.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { useRestoreNotice } from './app-context';

/** Shown in the shell, and on first run when the restored station still needs the clerk's name. */
export function RestoreBanner() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notice, dismiss } = useRestoreNotice();
  if (!notice) return null;
  return (
    <Alert
      className="no-print"
      type={notice.problem ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={notice.problem ? t('startup.unrestorableTitle') : t('startup.restoredTitle')}
      description={
        notice.problem ??
        [
          t('startup.restoredBody', {
            time: formatDateTime(notice.backupCreatedAt, locale),
            summary: notice.summary,
          }),
          notice.skippedBackups ? t('startup.restoredSkipped', { count: notice.skippedBackups }) : '',
        ].join('')
      }
      action={
        <Button size="small" onClick={dismiss}>
          {t('startup.restoredDismiss')}
        </Button>
      }
    />
  );
}
