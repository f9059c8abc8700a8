// Moving PCs: a clerk exports all station data (records and a photo) to one file, wipes the app, and restores the
// file into the empty app; a foreign or truncated file is refused with a clear Chinese message and changes nothing.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';

/** A real PNG (solid colour), made here so the photo goes through the app's decode and downscale. */
function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x3c)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function setUpTrainingStation(page: Page, clerk: string) {
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill(clerk);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText(`${clerk}，您好`)).toBeVisible();
}

/** Picks an option of an antd Select with the mouse; retries when a busy machine swallowed the opening click. */
async function pick(page: Page, label: string, option: string) {
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await expect(async () => {
    if (!(await item.isVisible())) await page.getByLabel(label).click();
    await item.click({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** Chooses a file in the host's open dialog (a file input in a browser). */
async function restoreFrom(page: Page, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从导出文件恢复' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** The files in the app's backup folder (OPFS in a browser). */
function backupFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('liaison-backups', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });
}

test('clerk exports all data, wipes the app and restores it from the file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setUpTrainingStation(page, '黄文书');

  // Some records: an activity with a photo, and a mediation case with personal data.
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('button', { name: '记录活动' }).click();
  await pick(page, '活动类型', '调研视察');
  await page.getByLabel('活动名称').fill('调研村级道路建设');
  await page.getByLabel('梁美玲').check();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'road.png', mimeType: 'image/png', buffer: makePng(800, 600) });
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
  await page.getByRole('menuitem', { name: '设置' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全部数据' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^联络站数据-.+\.lsdata$/);
  const exported = readFileSync((await download.path()) ?? '');
  const parsed = JSON.parse(exported.toString('utf8')) as { format: string; counts: Record<string, number> };
  expect(parsed.format).toBe('liaison-station-data');
  expect(parsed.counts).toMatchObject({ activities: 1, mediationCases: 1, photos: 1 });
  await expect(page.getByRole('main').getByRole('alert')).toContainText('已导出');

  // The app's own backup of these records exists by now (written at most 30 s after the first change).
  await expect.poll(() => backupFiles(page), { timeout: 45_000, intervals: [1_000] }).toContain('latest.lsbak');

  // Wipe: a strong confirmation (the words typed exactly), then the app is back at first run.
  await page.getByRole('button', { name: '清除本机数据…' }).click();
  const confirm = page.getByRole('dialog', { name: '确定清除本机的全部数据吗？' });
  const wipeButton = confirm.getByRole('button', { name: /^清\s*除$/ });
  await expect(wipeButton).toBeDisabled();
  await confirm.getByLabel('确认文字').fill('清除');
  await expect(confirm.getByText('请输入“清除本机数据”', { exact: true })).toBeVisible();
  await expect(wipeButton).toBeDisabled();
  await confirm.getByLabel('确认文字').fill('清除本机数据');
  await wipeButton.click();
  await expect(page.getByRole('button', { name: '进入培训/演示模式' })).toBeVisible();
  // No backup of the wiped data is left behind for the start-up restore (or anyone) to find.
  expect(await backupFiles(page)).toEqual([]);

  // A fresh start on the same PC: nothing of the old data is there.
  await setUpTrainingStation(page, '黄文书');
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
  await restoreFrom(page, { name: download.suggestedFilename(), buffer: exported });
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
