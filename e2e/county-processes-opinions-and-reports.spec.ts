// County staff process a station's opinion (accept, assign with a working-day deadline, record the reply), the
// station sees the reply after sync, the sync report shows the station as just synced, and the work report's XLSX
// export holds the figures the page shows. An expired session sends staff back to sign-in; sign-out exists.

import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addWorkingDays } from '../src-shared/calendar/working-days';
import {
  chooseOption,
  demoStaffPassword,
  enrolStationInApp,
  recordAndSubmitOpinion,
  signInCounty,
  syncServerForSpec,
} from './support/sync-server';

const syncServer = syncServerForSpec();

/** Today in Asia/Shanghai, 'YYYY-MM-DD' (the day deadlines and reports are judged on). */
function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** The value shown in a figure card of the work report (an accessible group named by its label). */
async function figure(page: Page, label: string): Promise<string> {
  const card = page.getByRole('group', { name: label, exact: true });
  const text = await card.locator('.ant-statistic-content').textContent();
  return (text ?? '').replace(/\s+/g, '');
}

/** The 概况 sheet of the work report's XLSX, as label → value. */
async function summaryOf(path: string): Promise<Map<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('概况');
  if (!sheet) throw new Error('the export has no 概况 sheet');
  const values = new Map<string, unknown>();
  sheet.eachRow((row, n) => {
    if (n > 1) values.set(String(row.getCell(1).value), row.getCell(2).value);
  });
  return values;
}

test('staff process an opinion to its reply, the station sees it, and the reports and export agree', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = syncServer();
  const station = (await server.stationsOf('xiangzhou')).find((s) => s.kind === 'villageStation')!;
  const stationContext: BrowserContext = await browser.newContext();
  const countyContext: BrowserContext = await browser.newContext({ acceptDownloads: true });
  const clerk = await stationContext.newPage();
  const county = await countyContext.newPage();

  await enrolStationInApp(clerk, server, await server.issueCode(station.id));
  const title = '村口路灯不亮影响夜间出行';
  const detailUrl = await recordAndSubmitOpinion(clerk, server, title);

  // The staff member signs in and finds it in the queue (synced live).
  await signInCounty(county, server, 'xiangzhou');
  await expect(county.getByRole('navigation').getByText('意见办理')).toBeVisible();
  const row = county.getByRole('button', { name: title });
  await expect(row).toBeVisible({ timeout: 30_000 });
  // Personal data is masked in the queue.
  await expect(county.getByText('李四')).toHaveCount(0);
  await row.click();
  await expect(county.getByRole('heading', { name: '办理记录' })).toBeVisible();

  // 受理.
  await county.getByRole('button', { name: /^受\s*理$/ }).click();
  await county.getByRole('button', { name: /确\s*定/ }).click();
  await expect(county.locator('[data-history-action="accept"]')).toHaveCount(1);

  // 交办 with 10 working days: the deadline is computed on the working-day calendar.
  await county.getByRole('button', { name: /^交\s*办$/ }).click();
  const dialog = county.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog.getByText('请选择主办单位')).toBeVisible();
  await chooseOption(county, '主办单位', '象州县交通运输局');
  await dialog.getByLabel('办理时限（工作日）').fill('10');
  const deadline = addWorkingDays(shanghaiToday(), 10);
  await expect(dialog.getByLabel('办理期限')).toHaveValue(deadline);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(county.locator('[data-history-action="assign"]')).toHaveCount(1);

  // 录入答复: the class is required by the shared lifecycle.
  await county.getByRole('button', { name: '录入答复' }).click();
  await dialog.getByLabel('答复内容').fill('已更换路灯控制器，路灯恢复照明。');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog.getByText('请选择答复类别(A、B或C类)')).toBeVisible();
  await dialog.getByRole('radio', { name: /A类/ }).check();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(county.getByText('已答复').first()).toBeVisible();

  // The station sees the reply after sync.
  await clerk.goto(detailUrl);
  await expect(clerk.getByText('已更换路灯控制器，路灯恢复照明。')).toBeVisible({ timeout: 30_000 });

  // The sync report shows the station as just synced.
  await county.getByRole('navigation').getByText('同步情况报表').click();
  const stationRow = county.getByRole('row').filter({ hasText: station.name });
  await expect(stationRow).toContainText('正常');
  await expect(stationRow).toContainText('刚刚');

  // The work report: the page's figures, then the XLSX export read back.
  await county.getByRole('navigation').getByText('工作报表').click();
  await expect(county.getByRole('group', { name: '收集意见建议', exact: true })).toBeVisible();
  await expect.poll(() => figure(county, '已办理')).not.toBe('0');
  const received = await figure(county, '收集意见建议');
  const processingRate = await figure(county, '办理率');
  const [download] = await Promise.all([
    county.waitForEvent('download'),
    county.getByRole('button', { name: /导出\s*Excel/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const summary = await summaryOf(await download.path());
  expect(String(summary.get('收集意见建议（件）'))).toBe(received);
  const rate = summary.get('办理率');
  expect(typeof rate).toBe('number');
  expect(`${((rate as number) * 100).toFixed(2)}%`).toBe(processingRate);

  // An expired session sends staff back to sign-in, with a Chinese message; signing in again resumes.
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
  await expect(county.getByRole('heading', { name: '工作报表' })).toBeVisible();

  // Sign-out is in the county navigation; it ends on the sign-in screen (what it leaves behind: see
  // county-sign-out-leaves-nothing-on-the-pc.spec.ts).
  await county.getByRole('navigation').getByText('退出登录').click();
  await county.getByRole('dialog').getByRole('button', { name: '退出登录' }).click();
  await expect(county.getByLabel('用户名')).toBeVisible();

  await stationContext.close();
  await countyContext.close();
});
