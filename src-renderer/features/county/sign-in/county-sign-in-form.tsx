// The county staff sign-in form: server address (the page's own server when served by it), user name, password.
import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDomainError } from '../../../../src-shared/common/domain-error';
import { useDatabase } from '../../../app/app-context';
import { signInCounty } from '../session/county-session';
import { reloadIntoCountySignIn } from '../session/use-county-sign-out';

interface SignInValues {
  serverUrl: string;
  user: string;
  password: string;
}

/** The server that served this page (county staff open the app from the sync server), else empty. */
function defaultServerUrl(): string {
  const location = globalThis.location;
  return location && /^https?:$/.test(location.protocol) ? location.origin : '';
}

export function CountySignInForm() {
  const { t } = useTranslation('county', { keyPrefix: 'signIn' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const database = useDatabase();

  async function submit(values: SignInValues) {
    setBusy(true);
    setError(null);
    try {
      // Success changes the stored credentials; the county gate then shows the workspace. Someone else's records
      // were removed first when `cleared`: the app reopens on a new, empty database and syncs this session into it.
      const { cleared } = await signInCounty(values, { db: database });
      if (cleared) reloadIntoCountySignIn();
    } catch (e) {
      setError(t('failed', { message: isDomainError(e) ? e.message : String(e) }));
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <span>
          <LoginOutlined /> {t('title')}
        </span>
      }
      style={{ maxWidth: 480, margin: '0 auto' }}
    >
      <Typography.Paragraph type="secondary">{t('description')}</Typography.Paragraph>
      <Form<SignInValues>
        layout="vertical"
        initialValues={{ serverUrl: defaultServerUrl(), user: '', password: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="serverUrl"
          label={t('serverUrl')}
          rules={[{ required: true, whitespace: true, message: t('serverUrlRequired') }]}
        >
          <Input autoComplete="url" />
        </Form.Item>
        <Form.Item
          name="user"
          label={t('user')}
          rules={[{ required: true, whitespace: true, message: t('userRequired') }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}
