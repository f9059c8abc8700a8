// A replacement PC: the clerk exports all data on the old PC and restores the file on a brand-new install straight
// from the first-run screen, without setting up training mode first. Records, the photo and the station come back;
// only the clerk's name is asked. A file that is not a station data file is refused there and changes nothing.
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
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
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
async function chooseFile(page: Page, button: string, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** The old PC: a training station with an activity (with a photo) and a mediation case, exported to one file. */
async function exportFromTheOldPc(page: Page): Promise<{ name: string; buffer: Buffer }> {
  await page.goto('/');
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill('黄文书');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('黄文书，您好')).toBeVisible();

  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('button', { name: '记录活动' }).click();
  await pick(page, '活动类型', '调研视察');
  await page.getByLabel('活动名称').fill('调研村级饮水工程');
  await page.getByLabel('梁美玲').check();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'water.png', mimeType: 'image/png', buffer: makePng(640, 480) });
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
