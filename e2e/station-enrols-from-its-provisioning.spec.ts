// A provisioned PC enrols by itself: the installer's provisioning (in a browser, the page address that `npm start`
// prints) carries the server address and the enrolment code, so the clerk only gives a name.
import { expect, test } from '@playwright/test';
import { type SyncServerProcess, startSyncServer } from './support/sync-server';

let server: SyncServerProcess;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await server?.dispose();
});

test('a station PC enrols from its provisioning and syncs, and a used code is explained', async ({ browser }) => {
  const [station] = (await server.stationsOf('xiangzhou')).filter((s) => s.kind === 'activityCenter');
  if (!station) throw new Error('the demo county needs an activity center');
  const code = await server.issueCode(station.id);
  const address = `${server.url}/?server=${encodeURIComponent(server.url)}&code=${encodeURIComponent(code)}`;

  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(address);
  await expect(page.getByText('最后一步：填写您的姓名')).toBeVisible();
  await expect(page.getByText(`本机联络站：${station.name}`)).toBeVisible();
  await page.getByLabel('您的姓名').fill('覃文书');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('已连接');

  // Another PC handed the same (now used) code: the clerk is told why, and the manual form stays available.
  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto(address);
  await expect(other.getByRole('alert')).toContainText('按预配置自动注册未成功');
  await expect(other.getByRole('button', { name: '注册', exact: true })).toBeVisible();
  await first.close();
  await second.close();
});
