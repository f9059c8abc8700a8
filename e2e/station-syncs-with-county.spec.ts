// A station records opinions offline; after reconnecting the county sees them, accepts, assigns and replies, and the
// station sees each step; when both edit one opinion at the same time, both changes survive.
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  chooseOption,
  enrolStationInApp,
  type SyncServerProcess,
  signInCounty,
  startSyncServer,
} from './support/sync-server';

let server: SyncServerProcess;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await server?.dispose();
});

/** Records an opinion through the intake form and submits it to the county; returns its detail URL. */
async function recordAndSubmitOpinion(page: Page, title: string): Promise<string> {
  await page.goto(`${server.url}/#/opinions/new`);
  await chooseOption(page, '类别', '乡村振兴(脱贫攻坚)');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('意见建议内容').fill(`${title}：村道多处破损，雨天难以通行，希望尽快修复。`);
  await page.getByLabel('群众姓名').fill('张三');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByRole('button', { name: '提交到县级平台' })).toBeVisible();
  const detailUrl = page.url();
  await page.getByRole('button', { name: '提交到县级平台' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已提交').first()).toBeVisible();
  return detailUrl;
}

async function openCountyOpinion(county: Page, title: string) {
  await county.getByRole('button', { name: title }).click();
  await expect(county.getByRole('heading', { name: '办理记录' })).toBeVisible();
}

test('offline work reaches the county, the county processes it, and concurrent edits both survive', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const station = (await server.stationsOf('xiangzhou')).find((s) => s.kind === 'villageStation')!;
  const stationContext: BrowserContext = await browser.newContext();
  const countyContext: BrowserContext = await browser.newContext();
  const clerk = await stationContext.newPage();
  const county = await countyContext.newPage();

  await enrolStationInApp(clerk, server, await server.issueCode(station.id));

  // Offline for a while: two opinions recorded and submitted at the station.
  await stationContext.setOffline(true);
  await expect(clerk.getByRole('status', { name: '同步状态' })).toContainText('离线');
  const first = await recordAndSubmitOpinion(clerk, '村道破损需修复');
  const second = await recordAndSubmitOpinion(clerk, '自来水水压不足');
  await expect(clerk.getByRole('status', { name: '同步状态' })).toContainText('待上传');

  await signInCounty(county, server, 'xiangzhou');
  await expect(county.getByRole('button', { name: '村道破损需修复' })).toHaveCount(0);

  // Back online: the county sees both without anyone pressing a button.
  await stationContext.setOffline(false);
  await expect(county.getByRole('button', { name: '村道破损需修复' })).toBeVisible({ timeout: 30_000 });
  await expect(county.getByRole('button', { name: '自来水水压不足' })).toBeVisible();

  // The county accepts and assigns the first; the station sees it.
  await openCountyOpinion(county, '村道破损需修复');
  await county.getByRole('button', { name: /^受\s*理$/ }).click();
  await county.getByRole('button', { name: /确\s*定/ }).click();
  await expect(county.getByText('已受理').first()).toBeVisible();
  await county.getByRole('button', { name: /^交\s*办$/ }).click();
  const department = '象州县交通运输局';
  await chooseOption(county, '主办单位', department);
  await county.getByLabel('办理期限').fill('2026-12-31');
  await county.getByLabel('办理期限').press('Enter');
  await county
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(county.getByRole('dialog')).toBeHidden();

  await clerk.goto(first);
  await expect(clerk.getByText('已交办').first()).toBeVisible({ timeout: 30_000 });
  await expect(clerk.getByText(department).first()).toBeVisible();

  // The county records the department's reply; the station sees it and can tell the visitor.
  await county.getByRole('button', { name: '录入答复' }).click();
  await county.getByRole('radio', { name: /A类/ }).check();
  await county.getByLabel('答复内容').fill('已安排施工队于下月修复道路。');
  await county
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(clerk.getByText('已安排施工队于下月修复道路。')).toBeVisible({ timeout: 30_000 });
  await expect(clerk.getByRole('button', { name: '录入满意度测评' })).toBeVisible();

  // Both at once on the second opinion: the station (offline) reveals the visitor's data, which is recorded in the
  // history, while the county accepts it. After reconnecting, each side has both changes.
  await clerk.goto(second);
  await stationContext.setOffline(true);
  await clerk.getByRole('button', { name: '显示完整信息' }).click();
  await clerk.getByRole('button', { name: /确\s*定/ }).click();
  await expect(clerk.locator('[data-history-action="revealPersonalData"]')).toHaveCount(1);
  await openCountyOpinion(county, '自来水水压不足');
  await county.getByRole('button', { name: /^受\s*理$/ }).click();
  await county.getByRole('button', { name: /确\s*定/ }).click();
  await expect(county.locator('[data-history-action="accept"]')).toHaveCount(1);
  await stationContext.setOffline(false);

  await expect(clerk.locator('[data-history-action="accept"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(clerk.locator('[data-history-action="revealPersonalData"]')).toHaveCount(1);
  await expect(clerk.getByText('已受理').first()).toBeVisible();
  await expect(county.locator('[data-history-action="revealPersonalData"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(county.locator('[data-history-action="accept"]')).toHaveCount(1);

  await stationContext.close();
  await countyContext.close();
});
