// 设置: the interface language (persisted), the clerk's name, and the station's information (read-only).
import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src-shared/common/labels';
import type { Station } from '../../../src-shared/station/station';
import { stationKinds } from '../../../src-shared/station/station';
import { useDatabase, useStationProfile } from '../../app/app-context';
import { saveStationProfile } from '../../app/station-profile';
import { useLocale } from '../../i18n/i18n';
import { getHost } from '../../platform/host';
import { supportedLanguages, useLanguageStore } from '../../state/language-store';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';

/** Language names are shown in their own language, so each is recognisable whatever the current one. */
const languageNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageCard() {
  const { t } = useTranslation('settings');
  const language = useLanguageStore((s) => s.language);
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  return (
    <Card title={t('language.title')} size="small">
      <Radio.Group
        aria-label={t('language.label')}
        value={language}
        optionType="button"
        buttonStyle="solid"
        onChange={(e) => setLanguage(e.target.value as Locale)}
        options={supportedLanguages.map((l) => ({ value: l, label: languageNames[l] }))}
      />
    </Card>
  );
}

/** The history's `by` field holds at most 100 characters; a name is far shorter. */
const CLERK_NAME_MAX = 50;

export function ClerkCard() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const database = useDatabase();
  const profile = useStationProfile();
  const [form] = Form.useForm<{ clerkName: string }>();
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty);

  async function save({ clerkName }: { clerkName: string }) {
    const name = clerkName.trim();
    await saveStationProfile(database, { ...profile, clerkName: name });
    setDirty(false);
    void message.success(t('clerk.saved', { name }));
  }

  return (
    <Card title={t('clerk.title')} size="small">
      <Form
        form={form}
        layout="inline"
        initialValues={{ clerkName: profile.clerkName }}
        onValuesChange={(_, all) => setDirty((all.clerkName ?? '').trim() !== profile.clerkName)}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="clerkName"
          label={t('clerk.name')}
          extra={t('clerk.hint')}
          rules={[
            { required: true, whitespace: true, message: t('clerk.required') },
            { max: CLERK_NAME_MAX, message: t('clerk.tooLong', { max: CLERK_NAME_MAX }) },
          ]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={!dirty}>
            {tc('actions.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export function StationCard() {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const database = useDatabase();
  const profile = useStationProfile();
  const [station, setStation] = useState<Station | null>(null);
  const [version, setVersion] = useState('');

  useEffect(() => {
    const subscription = database.stations
      .findOne(profile.stationId)
      .$.subscribe((doc) => setStation(doc ? (doc.toMutableJSON(false) as Station) : null));
    void getHost()
      .appInfo()
      .then((info) => setVersion(info.version));
    return () => subscription.unsubscribe();
  }, [database, profile.stationId]);

  return (
    <Card title={t('station.title')} size="small" extra={<Tag>{t('station.readOnly')}</Tag>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('station.mode')}>
          {profile.mode === 'training' ? t('station.training') : t('station.enrolled')}
        </Descriptions.Item>
        <Descriptions.Item label={t('station.name')}>
          <Space>
            {profile.stationName}
            {station?.isDemonstration ? <Tag color="red">{t('station.demonstration')}</Tag> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('station.county')}>{station?.countyName ?? profile.countyName}</Descriptions.Item>
        {station ? (
          <>
            <Descriptions.Item label={t('station.township')}>{station.townshipName}</Descriptions.Item>
            <Descriptions.Item label={t('station.kind')}>{stationKinds.label(station.kind, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('station.address')}>{station.address}</Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label={t('station.appVersion')}>{version}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
