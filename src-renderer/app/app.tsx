// The app root: antd/i18n providers, opening the database (with a clear error screen), first-run setup or the shell.
import { App as AntApp, Button, ConfigProvider, Result, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { isDomainError } from '../../src-shared/common/domain-error';
import { parseHostError } from '../../src-shared/host/host-api';
import { CountyGate } from '../features/county/sign-in/county-gate';
import SetupPage from '../features/setup/setup-page';
import { useLanguageStore } from '../state/language-store';
import { SyncProvider } from '../sync/sync-provider';
import { SyncRunner } from '../sync/sync-runner';
import { AppContextProvider } from './app-context';
import type { RestoreNotice, StationProfile } from './app-types';
import { createAppRouter } from './routes';
import { type StartupResult, startDatabase } from './startup';
import { stationProfile$ } from './station-profile';

type StartupState =
  | { kind: 'opening' }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'ready'; result: StartupResult };

function describeError(error: unknown): { code: string; message: string } {
  if (isDomainError(error)) return { code: error.code, message: error.message };
  const host = parseHostError(error);
  if (host) return host;
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : 'database_open_failed';
  return { code, message: error instanceof Error ? error.message : String(error) };
}

function StartupError({ code, message, onRetry }: { code: string; message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('startup.errorTitle')}
      subTitle={t('startup.errorHint')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('startup.retry')}
        </Button>
      }
    >
      <Typography.Paragraph>
        <Typography.Text strong>{t('startup.errorCode', { code })}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{message}</Typography.Paragraph>
    </Result>
  );
}

/** Waits for the profile: none → first-run setup; present → the shell with its router. */
function ProfileGate({ result }: { result: StartupResult }) {
  const [profile, setProfile] = useState<StationProfile | null | undefined>(undefined);
  const [restoreNotice, setRestoreNotice] = useState<RestoreNotice | null>(result.restoreNotice);
  const router = useMemo(() => createAppRouter(), []);
  const dismissRestoreNotice = useCallback(() => setRestoreNotice(null), []);

  useEffect(() => {
    const subscription = stationProfile$(result.database).subscribe(setProfile);
    return () => subscription.unsubscribe();
  }, [result.database]);

  if (profile === undefined) return <Spin fullscreen />;
  return (
    <AppContextProvider
      database={result.database}
      profile={profile}
      restoreNotice={restoreNotice}
      dismissRestoreNotice={dismissRestoreNotice}
    >
      <SyncProvider database={result.database}>
        <SyncRunner />
        {profile?.clerkName ? (
          <RouterProvider router={router} />
        ) : (
          // No station on this PC: county staff may sign in instead (their workspace), else the station setup.
          // Once a station exists (enrolled or restored, name still to give) only the setup shows.
          <CountyGate allowCounty={!profile} fallback={<SetupPage resume={profile} />} />
        )}
      </SyncProvider>
    </AppContextProvider>
  );
}

function Startup() {
  const { t } = useTranslation();
  const [state, setState] = useState<StartupState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the opening on 重试.
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'opening' });
    startDatabase().then(
      (result) => {
        if (!cancelled) setState({ kind: 'ready', result });
      },
      (error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', ...describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  if (state.kind === 'opening') return <Spin fullscreen tip={t('startup.opening')} />;
  if (state.kind === 'failed') {
    return <StartupError code={state.code} message={state.message} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return <ProfileGate result={state.result} />;
}

export function App() {
  const language = useLanguageStore((s) => s.language);
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      // No animations: station PCs are often old and slow, and a state that waits for a CSS transition to end
      // (a button's loading icon leaving) can stick when the transition never finishes.
      theme={{ token: { colorPrimary: '#b71c1c', motion: false } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={{ height: '100%' }}>
        <Startup />
      </AntApp>
    </ConfigProvider>
  );
}
