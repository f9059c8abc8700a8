// A clerk's afternoon: set up the training station, plan a reception day, print its notice, hold it, take three
// opinions with the fast form (one with a photo), answer one on site, find them again, reveal a visitor's name.
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
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x4a)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
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

/** Picks an option of an antd Select by typing (as a clerk does with the keyboard). */
async function choose(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(option);
  // Enter picks the highlighted option once the list has filtered down to it.
  await expect(page.locator('.ant-select-item-option-active').filter({ hasText: option })).toBeVisible();
  await page.keyboard.press('Enter');
}

test('clerk plans, announces and holds a reception day, taking opinions quickly', async ({ page }) => {
  await setUpTrainingStation(page, '王文书');

  // Plan the day with two representatives on duty.
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await page.getByRole('button', { name: '计划接待日' }).click();
  await page.getByLabel('接待主题').fill('村道修缮和饮水安全');
  await page.getByRole('checkbox', { name: /韦国华/ }).check();
  await page.getByRole('checkbox', { name: /梁美玲/ }).check();
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page).toHaveURL(/#\/reception-days\/[0-9A-Z]{26}$/);
  const dayUrl = page.url();

  // The public notice prints on A4 with date, place and the representatives on duty.
  await page.getByRole('button', { name: '打印接待日公告' }).click();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toContainText('人大代表接待日公告');
  await expect(sheet).toContainText('象州县妙皇乡政府大院综合楼一楼');
  await expect(sheet).toContainText('韦国华');
  await expect(sheet).toContainText('梁美玲');
  await expect(sheet).toContainText('09:00–12:00');
  await expect(page.getByRole('navigation')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A4 is about 595×842 points; the notice fits on one page.
  const pdfText = pdf.toString('latin1');
  expect(pdfText).toMatch(/\/MediaBox \[0 0 59[56](\.\d+)? 84[12](\.\d+)?\]/);
  expect(pdfText.match(/\/Type \/Page\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(dayUrl);

  // Hold it: both representatives came.
  await page.getByRole('button', { name: '登记开展情况' }).click();
  const hold = page.getByRole('dialog', { name: '登记接待日开展情况' });
  await expect(hold.getByRole('checkbox', { name: '韦国华' })).toBeChecked();
  await hold.getByLabel('接待群众人数').fill('3');
  await hold.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已开展', { exact: true }).first()).toBeVisible();

  // Three opinions with the fast form; the second with a photo, the third saved with Ctrl+Enter.
  const visitors = [
    { category: '乡村振兴', content: '大樟村到县道的村道坑洼，雨天无法通行', name: '张三丰', phone: '13812345678' },
    { category: '污染防治', content: '村口垃圾池长期无人清运，气味很大', name: '李秀梅', phone: '13900001111' },
    { category: '公共应急', content: '河边护栏损坏，小孩上学有危险', name: '覃小龙', phone: '' },
  ];
  for (const [index, v] of visitors.entries()) {
    await choose(page, '类别', v.category);
    if (index === 0) await choose(page, '收集代表', '韦国华');
    await page.getByLabel('意见建议内容').fill(v.content);
    await page.getByLabel('群众姓名').fill(v.name);
    if (v.phone) await page.getByLabel('联系电话').fill(v.phone);
    if (index === 1) {
      await page.locator('input[type="file"]').setInputFiles({
        name: 'rubbish.png',
        mimeType: 'image/png',
        buffer: makePng(320, 240),
      });
      await expect(page.getByText('已添加 1 张')).toBeVisible();
    }
    if (index === 2) {
      await page.getByLabel('意见建议内容').press('Control+Enter');
    } else {
      await page.getByRole('button', { name: '保存并录入下一条' }).click();
    }
    await expect(page.getByText(`已保存第 ${index + 1} 条意见`)).toBeVisible();
  }
  await expect(page.getByText('当天收集的群众意见（3 条）')).toBeVisible();

  // The list masks names; filters narrow it down.
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  const table = page.getByRole('region', { name: '群众意见列表' });
  await expect(page.getByText('共 3 条', { exact: true })).toBeVisible();
  await expect(table).toContainText('张**');
  await expect(table).toContainText('138****5678');
  await expect(table).not.toContainText('张三丰');

  // Answer the first one on site.
  await table.getByText(/大樟村到县道/).click();
  await page.getByRole('button', { name: '当场答复' }).click();
  const answer = page.getByRole('dialog', { name: '当场答复并办结' });
  await answer.getByLabel('答复内容').fill('乡政府已安排下周修补，代表将跟踪落实');
  await answer.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '当场答复' })).toBeVisible();

  // Reveal the visitor's details: shown in full and recorded in the history.
  await expect(page.getByText('张三丰')).toHaveCount(0);
  await page.getByRole('button', { name: '显示完整信息' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('张三丰')).toBeVisible();
  await expect(page.getByText('13812345678')).toBeVisible();
  await expect(page.locator('[data-history-action="revealPersonalData"]')).toContainText('查看完整个人信息');
  await expect(page.locator('[data-history-action="revealPersonalData"]')).toContainText('王文书');

  // Back in the list: status, category and text filters.
  await page.getByRole('button', { name: '返回列表' }).click();
  await choose(page, '按状态筛选', '当场答复');
  await page.keyboard.press('Escape');
  await expect(page.getByText('共 1 条', { exact: true })).toBeVisible();
  await expect(table).toContainText('大樟村');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('共 3 条', { exact: true })).toBeVisible();
  await choose(page, '按类别筛选', '污染防治');
  await page.keyboard.press('Escape');
  await expect(page.getByText('共 1 条', { exact: true })).toBeVisible();
  await expect(table).toContainText('垃圾池');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('搜索标题或内容').fill('护栏');
  await expect(page.getByText('共 1 条', { exact: true })).toBeVisible();
  await expect(table).toContainText('护栏');

  // The photo was downscaled and stored with the second opinion.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await table.getByText(/垃圾池/).click();
  await expect(page.getByRole('img', { name: '照片' })).toHaveCount(1);
});
