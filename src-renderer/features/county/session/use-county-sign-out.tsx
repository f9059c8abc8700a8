// 退出登录 for county staff: warns about changes not yet on the server, then ends the session, removes the county's
// records from this PC and reopens the app on the sign-in screen (county PCs are often shared).
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../../app/app-context';
import { useSync } from '../../../sync/sync-provider';
import type { SyncSession } from '../../../sync/sync-session';
import { signOutCounty } from './county-session';

/** Reopens the app on the county sign-in screen (the county gate opens it for a `#/county` address). */
export function reloadIntoCountySignIn(): void {
  window.location.hash = '#/county';
  window.location.reload();
}

/** Syncs once more (at most ~8 s) and returns the changes still not on the server (0 when the sync finished). */
async function finalSync(engine: SyncSession | null, showBusy: () => () => void): Promise<number> {
  if (!engine) return 0;
  const hide = showBusy();
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 8_000));
    await Promise.race([engine.syncNow(), timeout]);
    return 0;
  } catch {
    return engine.countPending().catch(() => 0);
  } finally {
    hide();
  }
}

export function useCountySignOut(): { signOut: () => void; signingOut: boolean } {
  const { t } = useTranslation('county');
  const { modal, message } = App.useApp();
  const database = useDatabase();
  const sync = useSync();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = useCallback(() => {
    void (async () => {
      // A last sync first, so nothing done here is lost; only what still cannot reach the server is counted.
      const pending = await finalSync(sync, () => message.loading(t('session.syncingBeforeSignOut'), 0));
      modal.confirm({
        title: t('session.signOutConfirm'),
        content: pending > 0 ? t('session.signOutPending', { count: pending }) : t('session.signOutClears'),
        okText: t('session.signOut'),
        okButtonProps: { danger: pending > 0 },
        cancelText: t('actions.cancel'),
        onOk: async () => {
          setSigningOut(true);
          try {
            await signOutCounty(database);
            reloadIntoCountySignIn();
          } catch (error) {
            setSigningOut(false);
            void message.error(
              t('session.signOutFailed', { message: error instanceof Error ? error.message : String(error) }),
            );
          }
        },
      });
    })();
  }, [database, sync, message, modal, t]);

  return { signOut, signingOut };
}
