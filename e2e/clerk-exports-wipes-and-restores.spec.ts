// Moving PCs: a clerk exports all station data (records and a photo) to one file, wipes the app, and restores the
// file into the empty app; a foreign or truncated file is refused with a clear Chinese message and changes nothing.
import { expect, test } from '@playwright/test';
import {
  backupFiles,
  exportAllData,
  makePng,
  pick,
  restoreFrom,
  startTrainingMode,
  wipeAllData,
} from './support/clerk-steps';

test('clerk exports all data, wipes the app and restores it from the file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await startTrainingMode(page, '黄文书');

  // Some records: an activity with a photo, and a mediation case with personal data.
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('button', { name: '记录活动' }).click();
  await pick(page, '活动类型', '调研视察');
  await page.getByLabel('活动名称').fill('调研村级道路建设');
  await page.getByLabel('梁美玲').check();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'road.png', mimeType: 'image/png', buffer: makePng(800, 600, 0x3c) });
  await expect(page.getByText('已添加 1 张')).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('img', { name: '活动照片 1' })).toBeVisible();

  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await page.getByRole('button', { name: '登记调解案件' }).click();
  await pick(page, '纠纷类型', '合同纠纷');
  await page.getByLabel('纠纷事实及请求').fill('砂糖桔收购款未结清。');
  await page.getByLabel('当事人姓名').nth(0).fill('蒙春花');
  await page.getByLabel('当事人姓名').nth(1).fill('某果品合作社');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^象州-妙皇-\d{4}-0001$/ })).toBeVisible();

  // Export everything to one file (a download in the browser).
  const download = await exportAllData(page);
  const exported = download.buffer;
  expect(download.counts).toMatchObject({ activities: 1, mediationCases: 1, photos: 1 });

  // The app's own backup of these records exists by now (written at most 30 s after the first change).
  await expect.poll(() => backupFiles(page), { timeout: 45_000, intervals: [1_000] }).toContain('latest.lsbak');

  // Wipe: a strong confirmation (the words typed exactly), then the app is back at first run.
  await wipeAllData(page);
  // No backup of the wiped data is left behind for the start-up restore (or anyone) to find.
  expect(await backupFiles(page)).toEqual([]);

  // A fresh start on the same PC: nothing of the old data is there.
  await startTrainingMode(page, '黄文书');
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await expect(page.getByText('暂无活动记录')).toBeVisible();

  // Foreign and damaged files are refused with a clear message, and change nothing.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await restoreFrom(page, {
    name: 'other.json',
    buffer: Buffer.from(JSON.stringify({ hello: 'world', items: [1, 2] })),
  });
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    '未能恢复：该文件不是联络站数据文件，请选择由“导出全部数据”生成的 .lsdata 文件',
  );
  await restoreFrom(page, { name: 'cut.lsdata', buffer: exported.subarray(0, Math.floor(exported.length / 2)) });
  await expect(page.getByRole('main').getByRole('alert')).toContainText('未能恢复：该文件不是联络站数据文件(无法读取)');
  const tampered = exported.toString('utf8').replace('调研村级道路建设', '调研村级道路建造');
  await restoreFrom(page, { name: 'tampered.lsdata', buffer: Buffer.from(tampered) });
  await expect(page.getByRole('main').getByRole('alert')).toContainText('校验不符');
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await expect(page.getByText('暂无调解案件')).toBeVisible();

  // The real file: everything comes back, the photo too.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await restoreFrom(page, download);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('已恢复');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('活动 1 条');
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('link', { name: '调研村级道路建设' }).click();
  await expect(page.getByText('梁美玲', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: '活动照片 1' })).toBeVisible();
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  const row = page.getByRole('row', { name: /0001/ });
  await expect(row).toContainText('申请人 蒙**');
  await expect(row).toContainText('已受理');
});
