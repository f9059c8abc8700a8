// One recorded activity: its fields, who attended, the minutes, photos and history.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Activity, activityFieldLabels, activityTypes } from '../../../src-shared/activity/activity';
import type { Label } from '../../../src-shared/common/labels';
import { formatDate, formatNumber } from '../../i18n/format';
import i18n, { useLocale } from '../../i18n/i18n';
import { HistoryTimeline } from '../../ui/history-timeline';
import { loadedRecord, RecordLoader } from '../../ui/record-loader';
import { ActivityPhotos } from './activity-photos';
import { useActivity, useRepresentatives } from './use-activities';

/** Labels of the history actions of an activity, in both languages (from the locale files). */
function historyActionLabels(): Record<string, Label> {
  const zh = i18n.getFixedT('zh-CN', 'activities');
  const en = i18n.getFixedT('en', 'activities');
  return Object.fromEntries(
    (['create', 'update'] as const).map((a) => [
      a,
      { 'zh-CN': zh(`historyActions.${a}`), en: en(`historyActions.${a}`) },
    ]),
  );
}

export function ActivityDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation('activities');
  const result = useActivity(id);
  return (
    <RecordLoader
      record={loadedRecord(result)}
      notFound={t('detail.notFound')}
      back={{ label: t('detail.back'), to: '/activities' }}
    >
      {(activity) => <ActivityView activity={activity} />}
    </RecordLoader>
  );
}

function ActivityView({ activity }: { activity: Activity }) {
  const { t } = useTranslation('activities');
  const locale = useLocale();
  const navigate = useNavigate();
  const representatives = useRepresentatives();
  const names = new Map((representatives.value ?? []).map((r) => [r.id, r.name]));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={12}>
            <Link to="/activities">{t('detail.back')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {activity.title}
            </Typography.Title>
            <Tag color="blue">{activityTypes.label(activity.type, locale)}</Tag>
          </Space>
        }
        extra={
          <Button icon={<EditOutlined />} onClick={() => navigate(`/activities/${activity.id}/edit`)}>
            {t('detail.edit')}
          </Button>
        }
      >
        <Descriptions column={3} bordered size="small">
          <Descriptions.Item label={activityFieldLabels.date[locale]}>
            {formatDate(activity.date, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={activityFieldLabels.place[locale]}>{activity.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={activityFieldLabels.participantCount[locale]}>
            {activity.participantCount === undefined ? '—' : formatNumber(activity.participantCount, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.attendance')} span={3}>
            {activity.representativeIds.length === 0
              ? '—'
              : activity.representativeIds.map((rid) => <Tag key={rid}>{names.get(rid) ?? rid}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.minutes')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{activity.summary ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('form.photos')} size="small">
        <ActivityPhotos ownerId={activity.id} />
      </Card>
      <Card title={t('detail.history')} size="small">
        <HistoryTimeline history={activity.history} statusLabels={{}} actionLabels={historyActionLabels()} />
      </Card>
    </Space>
  );
}
