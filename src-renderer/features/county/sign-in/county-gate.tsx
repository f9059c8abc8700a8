// Shown instead of first-run setup when no station is set up: county staff signed in get their workspace; otherwise
// the station setup (the fallback) with a way to the county staff sign-in.
import { Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSessionValid } from '../../../sync/credentials';
import { useSyncCredentials } from '../../../sync/sync-runner';
import CountyPage from '../county-page';
import { CountySignInForm } from './county-sign-in-form';

/**
 * `allowCounty` is false once this PC has a station (even before the clerk's name is saved): then only the fallback
 * shows. The fallback keeps its place in the tree either way, so the setup page keeps its state (e.g. the summary
 * of a restore) when the station appears.
 */
export function CountyGate({ fallback, allowCounty = true }: { fallback: ReactNode; allowCounty?: boolean }) {
  const { t } = useTranslation('county', { keyPrefix: 'signIn' });
  const { credentials, loading } = useSyncCredentials();
  // An address of the county workspace (`#/county…`, also where sign-out lands) opens the sign-in form directly.
  const [signingIn, setSigningIn] = useState(() => globalThis.location?.hash.startsWith('#/county') ?? false);

  if (loading && allowCounty) return null;
  if (allowCounty && credentials?.role === 'county' && isSessionValid(credentials)) {
    // The county workspace (features/county): queue, departments, reports, with its own navigation.
    return <CountyPage />;
  }
  if (allowCounty && signingIn) {
    return (
      <main style={{ minHeight: '100%', background: '#f5f5f5', padding: '64px 24px', boxSizing: 'border-box' }}>
        <CountySignInForm />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button type="link" onClick={() => setSigningIn(false)}>
            {t('backToSetup')}
          </Button>
        </div>
      </main>
    );
  }
  return (
    <div style={{ position: 'relative', height: '100%' }}>
      {allowCounty ? (
        <Button
          type="link"
          style={{ position: 'absolute', top: 12, right: 16, zIndex: 1 }}
          onClick={() => setSigningIn(true)}
        >
          {t('entry')}
        </Button>
      ) : null}
      {fallback}
    </div>
  );
}
