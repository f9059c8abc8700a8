// 同步 → records the server refused: which record (collection, title or case number), the server's Chinese message
// and the fields at fault, with a link to open and correct it. The record stays unchanged here and is retried.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { type SyncRefusal, useSyncStatusStore } from '../../state/sync-status-store';

function RefusalItem({ refusal }: { refusal: SyncRefusal }) {
  const { t } = useTranslation('sync');
  const locale = useLocale();
  return (
    <List.Item
      aria-label={t('refused.itemLabel', { collection: refusal.collectionTitle, label: refusal.label })}
      actions={
        refusal.href
          ? [
              <Link key="open" to={refusal.href}>
                {t('refused.open')}
              </Link>,
            ]
          : []
      }
    >
      <List.Item.Meta
        avatar={<ExclamationCircleOutlined style={{ color: '#cf1322', fontSize: 18 }} />}
        title={
          <Space size="small" wrap>
            <Tag>{refusal.collectionTitle}</Tag>
            <Typography.Text strong>{refusal.label}</Typography.Text>
          </Space>
        }
        description={
          <Space direction="vertical" size={2}>
            <Typography.Text type="danger">{refusal.message}</Typography.Text>
            {refusal.fields.length > 0 ? (
              <Typography.Text type="secondary">
                {t('refused.fields')}
                {refusal.fields.map((f) => (f.message ? `${f.field}（${f.message}）` : f.field)).join('；')}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('refused.meta', { code: refusal.code, time: formatDateTime(refusal.at, locale) })}
            </Typography.Text>
          </Space>
        }
      />
    </List.Item>
  );
}

/** Shown only while the server refuses something. */
export function RefusedRecordsCard() {
  const { t } = useTranslation('sync');
  const refusals = useSyncStatusStore((s) => s.refusals);
  if (refusals.length === 0) return null;
  return (
    <Card title={t('refused.title', { count: refusals.length })}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('refused.hint')} />
      <List<SyncRefusal>
        aria-label={t('refused.listLabel')}
        dataSource={refusals}
        rowKey={(r) => `${r.collection}:${r.id}`}
        renderItem={(refusal) => <RefusalItem refusal={refusal} />}
      />
    </Card>
  );
}
