// 工作台: what the clerk should do today — next reception day, replies to rate, overdue items, missing activities, sync.
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { activityTypes } from '../../../src-shared/activity/activity';
import { labelOf } from '../../../src-shared/common/labels';
import { useStationProfile } from '../../app/app-context';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { formatDate, formatDateWithWeekday, todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { useSyncSummary } from '../../ui/sync-indicator';
import { useToday } from './use-today';

const shown = 5;

export default function TodayPage() {
  const { t } = useTranslation('today');
  const locale = useLocale();
  const navigate = useNavigate();
  const profile = useStationProfile();
  const today = todayInStation();
  const { nextDay, toRate, overdueOpinions, overdueDays, missing } = useToday(today);
  const representatives = useStationRepresentatives(true);
  const sync = useSyncSummary();
  const overdueCount = overdueOpinions.length + overdueDays.length;

  return (
    <div>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('greeting', { name: profile.clerkName, date: formatDateWithWeekday(today, locale) })}
          </Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/opinions/new')}>
          {t('recordOpinion')}
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <Card title={t('nextReception.title')} size="small" style={{ height: '100%' }}>
            {nextDay ? (
              <Space direction="vertical">
                <Typography.Text strong style={{ fontSize: 16 }}>
                  <CalendarOutlined /> {formatDateWithWeekday(nextDay.date, locale)} {nextDay.startTime}–
                  {nextDay.endTime}
                </Typography.Text>
                <Typography.Text>{nextDay.place}</Typography.Text>
                <Typography.Text type="secondary">
                  {nextDay.representativeIds.map((id) => representatives.byId.get(id)?.name ?? id).join('、')}
                </Typography.Text>
                <Space>
                  <Tag color={nextDay.announcedAt ? 'green' : 'orange'}>
                    {nextDay.announcedAt ? t('nextReception.announced') : t('nextReception.notAnnounced')}
                  </Tag>
                  <Button size="small" onClick={() => navigate(`/reception-days/${nextDay.id}`)}>
                    {t('nextReception.open')}
                  </Button>
                </Space>
              </Space>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nextReception.none')}>
                <Button onClick={() => navigate('/reception-days/new')}>{t('nextReception.plan')}</Button>
              </Empty>
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card
            title={
              <Space>
                {t('toRate.title')}
                <Badge count={toRate.length} showZero color={toRate.length > 0 ? 'gold' : 'gray'} />
              </Space>
            }
            size="small"
            style={{ height: '100%' }}
          >
            {toRate.length === 0 ? (
              <Typography.Text type="secondary">{t('toRate.none')}</Typography.Text>
            ) : (
              <>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('toRate.hint')}
                </Typography.Paragraph>
                <List
                  size="small"
                  dataSource={toRate.slice(0, shown)}
                  renderItem={(o) => (
                    <List.Item
                      onClick={() => navigate(`/opinions/${o.id}`)}
                      style={{ cursor: 'pointer', paddingInline: 0 }}
                    >
                      <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                        {o.title}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
                {toRate.length > shown ? (
                  <Typography.Text type="secondary">{t('more', { count: toRate.length - shown })}</Typography.Text>
                ) : null}
              </>
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card
            title={
              <Space>
                {t('overdue.title')}
                <Badge count={overdueCount} showZero color={overdueCount > 0 ? 'red' : 'gray'} />
              </Space>
            }
            size="small"
            style={{ height: '100%' }}
          >
            {overdueCount === 0 ? (
              <Typography.Text type="secondary">{t('overdue.none')}</Typography.Text>
            ) : (
              <List size="small">
                {overdueDays.slice(0, shown).map((d) => (
                  <List.Item
                    key={d.id}
                    onClick={() => navigate(`/reception-days/${d.id}`)}
                    style={{ cursor: 'pointer', paddingInline: 0 }}
                  >
                    <Typography.Text type="danger">
                      {t('overdue.receptionDay', { date: formatDate(d.date, locale) })}
                    </Typography.Text>
                  </List.Item>
                ))}
                {overdueOpinions.slice(0, shown).map((o) => (
                  <List.Item
                    key={o.id}
                    onClick={() => navigate(`/opinions/${o.id}`)}
                    style={{ cursor: 'pointer', paddingInline: 0 }}
                  >
                    <Space direction="vertical" size={0}>
                      <Typography.Text>{o.title}</Typography.Text>
                      <Typography.Text type="danger">
                        {t('overdue.opinion', { deadline: formatDate(o.assignment?.deadline, locale) })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('missing.title')} size="small" style={{ height: '100%' }}>
            {missing === undefined ? null : missing.length === 0 ? (
              <Typography.Text type="success">{t('missing.none')}</Typography.Text>
            ) : (
              <Space wrap size={[8, 8]}>
                {missing.map((m) => (
                  <Tag key={m.type} color="orange" style={{ whiteSpace: 'normal' }}>
                    {t(`missing.period.${m.period}`)}：{labelOf(activityTypes.labels, m.type, locale)}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('sync.title')}
            size="small"
            extra={
              <Button size="small" onClick={() => navigate('/sync')}>
                {t('sync.open')}
              </Button>
            }
          >
            {profile.mode === 'training' ? (
              <Typography.Text type="secondary">{t('sync.training')}</Typography.Text>
            ) : (
              <Space>
                <Tag color={sync.color}>{sync.text}</Tag>
                <Typography.Text type="secondary">{sync.detail}</Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
