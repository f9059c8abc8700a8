// County staff share PCs: after 退出登录 the browser keeps none of the county's records (IndexedDB, backups, token),
// the next staff member signs in and the county syncs again; someone else signing in over an expired session also
// starts on a new, empty database.

import { expect, type Page, test } from '@playwright/test';
import {
  demoStaffPassword,
  enrolStationInApp,
  recordAndSubmitOpinion,
  signInCounty,
  syncServerForSpec,
} from './support/sync-server';

const syncServer = syncServerForSpec();

interface RawStorage {
  /** Names of the IndexedDB databases of this origin. */
  databases: string[];
  /** Every value in every object store, as one text. */
  text: string;
  /** Records in the stores of the opinions collection. */
  opinions: number;
  /** Files in the browser host's backup folder (Origin Private File System). */
  backupFiles: string[];
  secrets: string[];
}

/** What this browser profile really holds, read below the app: raw IndexedDB, OPFS and localStorage. */
function rawStorage(page: Page): Promise<RawStorage> {
  return page.evaluate(async () => {
    const result: RawStorage = { databases: [], text: '', opinions: 0, backupFiles: [], secrets: [] };
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      result.databases.push(name);
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(idb.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        result.text += JSON.stringify(all);
        if (/--opinions$/.test(name)) result.opinions += all.length;
      }
      idb.close();
    }
    const root = await navigator.storage.getDirectory();
    try {
      const folder = await root.getDirectoryHandle('liaison-backups');
      const keys = (folder as unknown as { keys(): AsyncIterable<string> }).keys();
      for await (const file of keys) result.backupFiles.push(file);
    } catch {
      // No backup folder: nothing kept there.
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith('liaison.secret.')) result.secrets.push(key);
    }
    return result;
  });
}

test('signing out leaves no county record in the browser, and the next staff member syncs again', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const server = syncServer();
  const station = (await server.stationsOf('xiangzhou')).find((s) => s.kind === 'villageStation')!;
  await server.addStaff('xiangzhou', 'staff-xiangzhou-2', 'second-staff-2026');
  const stationContext = await browser.newContext();
  const countyContext = await browser.newContext();
  const clerk = await stationContext.newPage();
  const county = await countyContext.newPage();

  await enrolStationInApp(clerk, server, await server.issueCode(station.id));
  const title = '学校门口减速带损坏需要修复';
  await recordAndSubmitOpinion(clerk, server, title);

  await signInCounty(county, server, 'xiangzhou');
  await expect(county.getByRole('button', { name: title })).toBeVisible({ timeout: 30_000 });
  // The check below can fail: the county's records really are in this browser's storage now.
  const before = await rawStorage(county);
  expect(before.text).toContain(title);
  expect(before.opinions).toBeGreaterThan(0);
  const keyBefore = await county.evaluate(() => localStorage.getItem('liaison.secret.dbKey'));

  await county.getByRole('navigation').getByText('退出登录').click();
  const dialog = county.getByRole('dialog');
  await expect(dialog).toContainText('本机不再保留本县的任何意见');
  await dialog.getByRole('button', { name: '退出登录' }).click();

  // Back on the sign-in form, on a new and empty database.
  await expect(county.getByLabel('用户名')).toBeVisible({ timeout: 30_000 });
  const after = await rawStorage(county);
  expect(after.text).not.toContain(title);
  expect(after.text).not.toContain(station.id);
  expect(after.opinions).toBe(0);
  expect(after.backupFiles).toEqual([]);
  expect(after.secrets).not.toContain('liaison.secret.syncToken');
  const keyAfter = await county.evaluate(() => localStorage.getItem('liaison.secret.dbKey'));
  expect(keyAfter).not.toBe(keyBefore);

  // Another staff member signs in on the same PC: the county syncs again from the server.
  await county.getByLabel('用户名').fill('staff-xiangzhou-2');
  await county.getByLabel('密码').fill('second-staff-2026');
  await county.getByRole('button', { name: /登\s*录/ }).click();
  await expect(county.getByText('县级工作人员：staff-xiangzhou-2')).toBeVisible();
  await expect(county.getByRole('button', { name: title })).toBeVisible({ timeout: 30_000 });

  // That session expires unseen; the first staff member signs in over it: the app starts on a new database.
  const secondKey = await county.evaluate(() => localStorage.getItem('liaison.secret.dbKey'));
  await county.evaluate(() => {
    const key = 'liaison.secret.syncToken';
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    localStorage.setItem(key, JSON.stringify({ ...stored, token: 'expired-session-token' }));
  });
  await county.reload();
  await expect(county.getByText('登录已过期，请重新登录')).toBeVisible({ timeout: 30_000 });
  await county.getByLabel('用户名').fill('staff-xiangzhou');
  await county.getByLabel('密码').fill(demoStaffPassword);
  await county.getByRole('button', { name: /登\s*录/ }).click();
  await expect(county.getByText('县级工作人员：staff-xiangzhou', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(county.getByRole('button', { name: title })).toBeVisible({ timeout: 30_000 });
  expect(await county.evaluate(() => localStorage.getItem('liaison.secret.dbKey'))).not.toBe(secondKey);

  await stationContext.close();
  await countyContext.close();
});
