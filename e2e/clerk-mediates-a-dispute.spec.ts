// A clerk mediates a neighbours' dispute: registers it with two parties and a mediator, holds two sessions, writes the
// agreement (refused while a statutory item is missing), prints 人民调解协议书 to an A4 PDF, visits and closes it.
import { inflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';

async function setUpTrainingStation(page: Page, clerk: string) {
  await page.goto('/');
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill(clerk);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText(`${clerk}，您好`)).toBeVisible();
}

/** Picks an option of an antd Select with the mouse; retries when a busy machine swallowed the opening click. */
async function pick(page: Page, combobox: ReturnType<Page['getByLabel']>, option: string) {
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await expect(async () => {
    if (!(await item.isVisible())) await combobox.click();
    await item.click({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** The text of a PDF made by Chromium: inflates the streams and maps glyphs back through each font's ToUnicode map. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    let start = at + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    let stream = raw;
    if (body.slice(0, at).includes('/FlateDecode')) {
      try {
        stream = inflateSync(raw);
      } catch {
        stream = raw;
      }
    }
    objects.set(Number(match[1]), { dict: body.slice(0, at), stream });
  }
  const hexText = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  const fontMaps = new Map<number, Map<string, string>>();
  for (const [num, obj] of objects) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(obj.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream?.toString('latin1') : undefined;
    if (!cmap) continue;
    const map = new Map<string, string>();
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        map.set((pair[1] ?? '').toUpperCase(), hexText(pair[2] ?? ''));
      }
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const width = (r[1] ?? '').length;
        const from = Number.parseInt(r[1] ?? '0', 16);
        const to = Number.parseInt(r[2] ?? '0', 16);
        const base = Number.parseInt(r[3] ?? '0', 16);
        for (let code = from; code <= to; code++) {
          map.set(code.toString(16).toUpperCase().padStart(width, '0'), String.fromCodePoint(base + code - from));
        }
      }
    }
    fontMaps.set(num, map);
  }
  const fontNames = new Map<string, number>();
  for (const obj of objects.values()) {
    for (const dict of obj.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const entry of (dict[1] ?? '').matchAll(/\/([^\s/<>]+)\s+(\d+)\s+0\s+R/g)) {
        fontNames.set(entry[1] ?? '', Number(entry[2]));
      }
    }
  }
  let out = '';
  for (const obj of objects.values()) {
    const content = obj.stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content)) continue;
    let glyphs: Map<string, string> | undefined;
    for (const token of content.matchAll(/\/([^\s/<>[\]]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>/g)) {
      if (token[1] !== undefined) {
        const num = fontNames.get(token[1]);
        glyphs = num === undefined ? undefined : fontMaps.get(num);
      } else if (token[2] !== undefined && glyphs) {
        const hex = token[2].toUpperCase();
        const width = glyphs.keys().next().value?.length ?? 4;
        for (let i = 0; i < hex.length; i += width) out += glyphs.get(hex.slice(i, i + width)) ?? '';
      }
    }
  }
  return out;
}

test('clerk mediates a dispute and prints the agreement on A4', async ({ page }) => {
  test.setTimeout(60_000);
  await setUpTrainingStation(page, '王文书');
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await page.getByRole('button', { name: '登记调解案件' }).click();

  // Register: an applicant and a respondent; the form refuses a missing name at the field.
  await pick(page, page.getByLabel('纠纷类型'), '邻里纠纷');
  await page.getByLabel('纠纷事实及请求').fill('两户因宅基地边界的围墙发生争执，申请人请求拆除越界部分。');
  // Leaving with unsaved changes asks first; staying keeps what was typed.
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '留在此页' }).click();
  await expect(page.getByLabel('纠纷事实及请求')).toHaveValue(/宅基地边界/);
  await page.getByLabel('当事人姓名').nth(0).fill('张三丰');
  await page.getByLabel('联系电话').nth(0).fill('13800001111');
  await page.getByLabel('身份证号码').nth(0).fill('450101199001011234');
  await page.getByLabel('住址').nth(0).fill('象州县妙皇乡妙皇村三组');
  await page.getByRole('button', { name: '添加调解人员' }).click();
  await page.getByLabel('调解人员姓名').fill('覃调解');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('请填写“当事人姓名”')).toBeVisible();
  await page.getByLabel('当事人姓名').nth(1).fill('李四海');
  await page.getByLabel('联系电话').nth(1).fill('13900002222');
  await page.getByRole('button', { name: '保存', exact: true }).click();

  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
  const caseNumber = `象州-妙皇-${year}-0001`;
  await expect(page.getByRole('heading', { name: caseNumber })).toBeVisible();
  await expect(page.getByText('已受理', { exact: true })).toBeVisible();
  // Parties are masked on the case page.
  await expect(page.getByRole('cell', { name: '张**' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '138****1111' })).toBeVisible();

  // Start mediation and record two sessions.
  await page.getByRole('button', { name: '开始调解' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^确\s*定$/ })
    .click();
  await expect(page.getByText('调解中', { exact: true })).toBeVisible();
  for (const [place, notes] of [
    ['妙皇村委会调解室', '听取双方陈述，现场查看围墙位置。'],
    ['妙皇乡人大代表履职活动中心', '代表和调解员释法说理，双方同意重新确定边界。'],
  ] as const) {
    await page.getByRole('button', { name: '添加调解记录' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('调解地点').fill(place);
    await dialog.getByLabel('调解情况').fill(notes);
    await dialog
      .getByRole('button', { name: 'OK' })
      .or(dialog.getByRole('button', { name: /^确\s*定$/ }))
      .click();
    await expect(page.getByText(notes)).toBeVisible();
  }

  // The agreement: saving without the performance method is refused, naming the missing statutory item.
  await page.getByRole('button', { name: '达成协议' }).click();
  await page.getByLabel('争议事项').fill('围墙是否越过宅基地边界。');
  await page.getByLabel('各方责任').fill('被申请人建墙时未与申请人确认边界，负主要责任。');
  await page.getByLabel('协议内容').fill('被申请人于期限内拆除越界围墙0.5米，申请人不再追究。');
  const deadline = page.getByLabel('履行期限');
  await deadline.fill(`${year}-12-31`);
  await deadline.press('Enter');
  await page.getByRole('button', { name: /保存协议/ }).click();
  await expect(page.getByText('调解协议书缺少“履行方式”，请补充后再保存(《人民调解法》第二十九条)')).toBeVisible();
  await page.getByLabel('履行方式').fill('被申请人自行拆除，村委会现场见证。');
  await page.getByRole('button', { name: /保存协议/ }).click();
  await expect(page.getByRole('heading', { name: caseNumber })).toBeVisible();
  await expect(page.locator('.ant-tag', { hasText: '达成协议' })).toBeVisible();

  // Print 人民调解协议书: the one place the parties' full data appears; the print is recorded in the history.
  await page.getByRole('button', { name: '打印人民调解协议书' }).click();
  await expect(page.getByRole('heading', { name: '人民调解协议书' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  // A4 is 595.3 × 841.9 points; Chromium rounds to whole pixels.
  expect(Math.abs(Number(mediaBox?.[1]) - 595.3)).toBeLessThan(1.5);
  expect(Math.abs(Number(mediaBox?.[2]) - 841.9)).toBeLessThan(1.5);
  const text = pdfText(pdf).replace(/\s+/g, '');
  for (const expected of [
    '人民调解协议书',
    `编号：${caseNumber}`,
    '申请人：张三丰',
    '450101199001011234',
    '13800001111',
    '被申请人：李四海',
    '纠纷主要事实',
    '围墙是否越过宅基地边界',
    '被申请人建墙时未与申请人确认边界',
    '拆除越界围墙0.5米',
    '被申请人自行拆除，村委会现场见证',
    `履行期限：${year}年12月31日前`,
    '人民调解员（签名）',
    '妙皇乡人大代表履职活动中心人民调解委员会（盖章）',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('打印/保存为PDF'); // the toolbar does not print

  await page.getByRole('button', { name: '返回案件' }).click();
  await expect(page.getByText('打印协议书（含完整个人信息）')).toBeVisible();

  // Follow-up visit, then performance closes the case.
  await page.getByRole('button', { name: '添加回访记录' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/回访情况/)
    .fill('围墙已拆除，双方关系缓和。');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^确\s*定$/ })
    .click();
  await expect(page.getByText('围墙已拆除，双方关系缓和。')).toBeVisible();
  await page.getByRole('button', { name: '确认履行' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^确\s*定$/ })
    .click();
  await expect(page.getByText('协议已履行，案件已结案')).toBeVisible();

  // The list shows the case closed, with the parties masked.
  await page.getByRole('link', { name: '返回列表' }).click();
  const row = page.getByRole('row', { name: new RegExp(caseNumber) });
  await expect(row).toContainText('已履行');
  await expect(row).toContainText('申请人 张**');
  await expect(row).not.toContainText('张三丰');
});
