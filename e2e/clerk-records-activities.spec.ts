// A clerk records two of the station's required activities (attendance, minutes, a photo) and sees the quarter's
// compliance view change from missing to done.
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
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x8c)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function setUpTrainingStation(page: Page, clerk: string) {
  await page.goto('/');
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

function complianceRow(page: Page, type: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: type, exact: true }) });
}

test('clerk records two activities and the compliance view changes', async ({ page }) => {
  test.setTimeout(60_000);
  await setUpTrainingStation(page, '覃文书');
  await page.getByRole('menuitem', { name: '履职活动' }).click();

  // This quarter: nothing held yet.
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect(page.getByRole('status', { name: '完成情况' })).toContainText('本期应开展 4 项，已完成 0 项，缺 4 项');
  await expect(complianceRow(page, '学习培训')).toContainText('未开展');
  await expect(complianceRow(page, '代表议政日')).toContainText('未开展');

  // First activity: a training session with attendance, minutes and a photo.
  await page.getByRole('button', { name: '记录活动' }).click();
  await pick(page, '活动类型', '学习培训');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('请填写“活动名称”')).toBeVisible();
  await page.getByLabel('活动名称').fill('学习《代表法》和直接联系群众制度');
  await page.getByLabel('活动地点').fill('妙皇乡人大代表履职活动中心');
  await page.getByLabel('韦国华').check();
  await page.getByLabel('莫春燕').check();
  await page.getByLabel('活动纪要').fill('集中学习《代表法》，交流进站履职体会。');
  await page.locator('input[type=file]').setInputFiles({
    name: 'training.png',
    mimeType: 'image/png',
    buffer: makePng(640, 480),
  });
  await expect(page.getByText('已添加 1 张')).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '学习《代表法》和直接联系群众制度' })).toBeVisible();
  await expect(page.getByText('韦国华', { exact: true })).toBeVisible();
  await expect(page.getByText('莫春燕', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: '活动照片 1' })).toBeVisible();

  // Second activity: a deliberation day.
  await page.getByRole('link', { name: '返回列表' }).click();
  await page.getByRole('button', { name: '记录活动' }).click();
  await pick(page, '活动类型', '代表议政日');
  await page.getByLabel('活动名称').fill('代表议政日：村道硬化');
  await page.getByLabel('覃志强').check();
  await page.getByLabel('活动纪要').fill('代表围绕村道硬化议政，形成建议2条。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '代表议政日：村道硬化' })).toBeVisible();

  // Both appear in the list, and the compliance view now shows them done.
  await page.getByRole('link', { name: '返回列表' }).click();
  const training = page.getByRole('row', { name: /学习《代表法》/ });
  await expect(training).toContainText('韦国华');
  await expect(training).toContainText('莫春燕');
  await expect(page.getByRole('row', { name: /村道硬化/ })).toContainText('覃志强');
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect(complianceRow(page, '学习培训')).toContainText('已开展');
  await expect(complianceRow(page, '代表议政日')).toContainText('已开展');
  await expect(complianceRow(page, '用APP反映意见建议')).toContainText('未开展');
  await expect(page.getByRole('status', { name: '完成情况' })).toContainText('本期应开展 4 项，已完成 2 项，缺 2 项');

  // The year view asks for all eight types, quarterly ones in every quarter: only this quarter is covered.
  await page.locator('.ant-segmented-item', { hasText: '每年' }).click();
  await expect(page.getByRole('status', { name: '完成情况' })).toContainText('本期应开展 8 项');
  const month = Number(
    new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()),
  );
  const quarter = Math.ceil(month / 3);
  const trainingYear = complianceRow(page, '学习培训');
  await expect(trainingYear).toContainText('未开展');
  if (quarter > 1) await expect(trainingYear).toContainText('第1季度');
  await expect(trainingYear).not.toContainText(`第${quarter}季度`);
});
