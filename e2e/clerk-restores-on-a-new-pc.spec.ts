// A replacement PC: the clerk exports all data on the old PC and restores the file on a brand-new install straight
// from the first-run screen, without setting up training mode first. Records, the photo and the station come back;
// only the clerk's name is asked. A file that is not a station data file is refused there and changes nothing.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { chooseFile, makePng, pick, setUpTrainingStation } from './support/clerk-steps';

/** The old PC: a training station with an activity (with a photo) and a mediation case, exported to one file. */
async function exportFromTheOldPc(page: Page): Promise<{ name: string; buffer: Buffer }> {
  await setUpTrainingStation(page, '黄文书');

  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('button', { name: '记录活动' }).click();
  await pick(page, '活动类型', '调研视察');
  await page.getByLabel('活动名称').fill('调研村级饮水工程');
  await page.getByLabel('梁美玲').check();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'water.png', mimeType: 'image/png', buffer: makePng(640, 480, 0x5a) });
  await expect(page.getByText('已添加 1 张')).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('img', { name: '活动照片 1' })).toBeVisible();

  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await page.getByRole('button', { name: '登记调解案件' }).click();
  await pick(page, '纠纷类型', '邻里纠纷');
  await page.getByLabel('纠纷事实及请求').fill('宅基地排水沟堵塞，影响邻居。');
  await page.getByLabel('当事人姓名').nth(0).fill('覃桂兰');
  await page.getByLabel('当事人姓名').nth(1).fill('覃大勇');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^象州-妙皇-\d{4}-0001$/ })).toBeVisible();

  await page.getByRole('menuitem', { name: '设置' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全部数据' }).click();
  const download = await downloading;
  const buffer = readFileSync((await download.path()) ?? '');
  // The station goes with the file; the old PC's clerk does not (the new PC asks for its own).
  const identity = (JSON.parse(buffer.toString('utf8')) as { stationIdentity: Record<string, unknown> })
    .stationIdentity;
  expect(identity).toMatchObject({ stationName: '妙皇乡人大代表履职活动中心', mode: 'training' });
  expect(identity).not.toHaveProperty('clerkName');
  return { name: download.suggestedFilename(), buffer };
}

test('clerk restores an exported file on a brand-new PC from the first-run screen', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const exported = await exportFromTheOldPc(page);

  // The new PC: nothing in common with the old one (its own storage, keys and backups).
  const newPc = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 720 },
  });
  const fresh = await newPc.newPage();
  await fresh.goto('/');
  await expect(fresh.getByRole('button', { name: '进入培训/演示模式' })).toBeVisible();

  // A file that is not a station data file is refused, and first run stays as it was.
  await chooseFile(fresh, '从导出文件恢复', { name: 'notes.json', buffer: Buffer.from('{"hello":"world"}') });
  await expect(fresh.getByRole('alert')).toContainText(
    '未能恢复：该文件不是联络站数据文件，请选择由“导出全部数据”生成的 .lsdata 文件',
  );
  await expect(fresh.getByRole('button', { name: '进入培训/演示模式' })).toBeVisible();

  // The real file: the station comes back and only the clerk's name is asked.
  await chooseFile(fresh, '从导出文件恢复', exported);
  await expect(fresh.getByText('最后一步：填写您的姓名')).toBeVisible();
  await expect(fresh.getByText('本机联络站：妙皇乡人大代表履职活动中心')).toBeVisible();
  const restored = fresh.getByRole('status').filter({ hasText: '已从导出文件恢复' });
  await expect(restored).toContainText('联络站活动 1 条');
  await expect(restored).toContainText('矛盾纠纷调解案件 1 条');
  await expect(restored).toContainText('照片 1 条');
  await fresh.getByLabel('您的姓名').fill('蓝文书');
  await fresh.getByRole('button', { name: '开始使用' }).click();
  await expect(fresh.getByText('蓝文书，您好')).toBeVisible();

  // Everything is back, the photo too; new work continues the station's case numbers.
  await fresh.getByRole('menuitem', { name: '履职活动' }).click();
  await fresh.getByRole('link', { name: '调研村级饮水工程' }).click();
  await expect(fresh.getByText('梁美玲', { exact: true })).toBeVisible();
  await expect(fresh.getByRole('img', { name: '活动照片 1' })).toBeVisible();
  await fresh.getByRole('menuitem', { name: '调解案件' }).click();
  await expect(fresh.getByRole('row', { name: /象州-妙皇-\d{4}-0001/ })).toContainText('申请人 覃**');
  await fresh.getByRole('button', { name: '登记调解案件' }).click();
  await pick(fresh, '纠纷类型', '合同纠纷');
  await fresh.getByLabel('纠纷事实及请求').fill('农机租金未付。');
  await fresh.getByLabel('当事人姓名').nth(0).fill('韦小红');
  await fresh.getByLabel('当事人姓名').nth(1).fill('某农机合作社');
  await fresh.getByRole('button', { name: '保存', exact: true }).click();
  await expect(fresh.getByRole('heading', { name: /^象州-妙皇-\d{4}-0002$/ })).toBeVisible();
  await fresh.getByRole('menuitem', { name: '设置' }).click();
  await expect(fresh.getByText('培训/演示模式（数据只保存在本机）')).toBeVisible();
  await newPc.close();
});
