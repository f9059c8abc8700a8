// Steps of a station clerk's work shared by the clerk specs: first run, picking options, photos, printing to PDF and
// reading it back, the reception day, opinions, mediation, activities, export, wipe and restore. Each step asserts
// what the clerk would see, so a spec that uses it checks the same things as the spec it came from.
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';

/** A real PNG (solid colour), made here so the photo goes through the app's decode and downscale. */
export function makePng(width: number, height: number, shade = 0x4a): Buffer {
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
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, shade)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** On the first-run screen: training mode with the demo station; ends on 工作台 greeting the clerk. */
export async function startTrainingMode(page: Page, clerk: string) {
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill(clerk);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText(`${clerk}，您好`)).toBeVisible();
}

/** Opens the app (first run in a fresh browser context) and sets up the training station. */
export async function setUpTrainingStation(page: Page, clerk: string) {
  await page.goto('/');
  await startTrainingMode(page, clerk);
}

/** Picks an option of an antd Select by typing (as a clerk does with the keyboard), and waits until the field shows
 * it: on a busy machine Enter can arrive before the filtered list settles, and then nothing is picked. */
export async function choose(page: Page, label: string, option: string) {
  // The whole label (a required field's name starts with "* "): "类别" must not find the list's "按类别筛选" while
  // the form is still opening.
  const box = page.getByRole('combobox', { name: new RegExp(`^(\\* )?${label}$`) });
  const field = page.locator('.ant-select').filter({ has: box });
  await expect(async () => {
    await box.click();
    await box.fill(option);
    // Enter picks the highlighted option once the list has filtered down to it.
    await expect(page.locator('.ant-select-item-option-active').filter({ hasText: option })).toBeVisible({
      timeout: 3_000,
    });
    await page.keyboard.press('Enter');
    await expect(field).toContainText(option, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** Picks an option of an antd Select with the mouse; retries when a busy machine swallowed the opening click. */
export async function pick(page: Page, select: string | Locator, option: string) {
  const combobox = typeof select === 'string' ? page.getByLabel(select) : select;
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await expect(async () => {
    if (!(await item.isVisible())) await combobox.click();
    await item.click({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** The OK button of a confirmation or form dialog (antd writes 确定 with a space between the two characters). */
export function okButton(scope: Page | Locator): Locator {
  return scope.getByRole('button', { name: /确\s*定|OK/ });
}

/** Prints the current page to PDF as Chromium's print dialog would (print media), then goes back to the screen. */
export async function printToPdf(page: Page, options: { printBackground?: boolean } = {}): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', ...options });
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdf;
}

/** The text of a PDF made by Chromium: inflates the streams and maps glyphs back through each font's ToUnicode map. */
export function pdfText(pdf: Buffer): string {
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
  return readableText(out);
}

// CJK fonts share one glyph between an ideograph and its radical, and Chromium's ToUnicode map may name either:
// 人 comes back as ⼈ (Kangxi radical, which NFKC folds) and 民 as ⺠ (radicals supplement, which it does not).
const radicalsSupplement: Record<string, string> = {
  '⺠': '民',
  '⻅': '见',
  '⻓': '长',
  '⻔': '门',
  '⻋': '车',
  '⻛': '风',
  '⻜': '飞',
  '⻢': '马',
  '⻘': '青',
  '⻝': '食',
  '⻚': '页',
  '⻉': '贝',
  '⻄': '西',
  '⻩': '黄',
  '⻬': '齐',
  '⻳': '龟',
  '⻰': '龙',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻨': '麦',
  '⻆': '角',
  '⻣': '骨',
  '⻤': '鬼',
  '⻮': '齿',
  '⻯': '龙',
  '⺟': '母',
  '⺬': '示',
  '⺮': '竹',
  '⻊': '足',
  '⻌': '辶',
  '⻏': '阝',
  '⻖': '阝',
  '⺅': '亻',
  '⺾': '艹',
};

/** Text as a reader sees it: compatibility forms folded (NFKC) and radicals read as the ideographs they draw. */
export function readableText(text: string): string {
  return text.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => radicalsSupplement[c] ?? c);
}

/** The year in Asia/Shanghai (case numbers and deadlines use the station's calendar). */
export function stationYear(): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
}

// ---------------------------------------------------------------------------------------------------------------
// 接待日

/** Plans a reception day (default date and place) with a topic and representatives on duty; returns its page URL. */
export async function planReceptionDay(page: Page, day: { topic: string; representatives: readonly string[] }) {
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await page.getByRole('button', { name: '计划接待日' }).click();
  await page.getByLabel('接待主题').fill(day.topic);
  for (const name of day.representatives) await page.getByRole('checkbox', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page).toHaveURL(/#\/reception-days\/[0-9A-Z]{26}$/);
  return page.url();
}

/**
 * Prints the day's public notice to an A4 PDF (one page: date, place, time, the representatives on duty, no app
 * chrome), then comes back to the day's page.
 */
export async function printReceptionDayNotice(page: Page, dayUrl: string, representatives: readonly string[]) {
  await page.getByRole('button', { name: '打印接待日公告' }).click();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toContainText('人大代表接待日公告');
  await expect(sheet).toContainText('象州县妙皇乡政府大院综合楼一楼');
  for (const name of representatives) await expect(sheet).toContainText(name);
  await expect(sheet).toContainText('09:00–12:00');
  await expect(page.getByRole('navigation')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A4 is about 595×842 points; the notice fits on one page.
  const raw = pdf.toString('latin1');
  expect(raw).toMatch(/\/MediaBox \[0 0 59[56](\.\d+)? 84[12](\.\d+)?\]/);
  expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(dayUrl);
}

/** Records the planned day as held: the representatives on duty are ticked as present; the visitors are counted. */
export async function holdReceptionDay(page: Page, day: { present: string; visitorCount: number }) {
  await page.getByRole('button', { name: '登记开展情况' }).click();
  const hold = page.getByRole('dialog', { name: '登记接待日开展情况' });
  await expect(hold.getByRole('checkbox', { name: day.present })).toBeChecked();
  await hold.getByLabel('接待群众人数').fill(String(day.visitorCount));
  await okButton(hold).click();
  await expect(page.getByText('已开展', { exact: true }).first()).toBeVisible();
}

export interface VisitorOpinion {
  category: string;
  content: string;
  name: string;
  phone: string;
  /** The representative who took it (the form remembers it for the next opinions). */
  representative?: string;
  photo?: { name: string; buffer: Buffer };
  /** Saves with Ctrl+Enter instead of the button. */
  saveWithKeyboard?: boolean;
}

/** Three visitors of a reception day: the first taken by 韦国华, the second with a photo, the third saved by keyboard. */
export function threeVisitorOpinions(photo: Buffer): VisitorOpinion[] {
  return [
    {
      category: '乡村振兴',
      content: '大樟村到县道的村道坑洼，雨天无法通行',
      name: '张三丰',
      phone: '13812345678',
      representative: '韦国华',
    },
    {
      category: '污染防治',
      content: '村口垃圾池长期无人清运，气味很大',
      name: '李秀梅',
      phone: '13900001111',
      photo: { name: 'rubbish.png', buffer: photo },
    },
    {
      category: '公共应急',
      content: '河边护栏损坏，小孩上学有危险',
      name: '覃小龙',
      phone: '',
      saveWithKeyboard: true,
    },
  ];
}

/** Takes opinions with the fast form of a held reception day's page, one after the other. */
export async function takeOpinionsOnReceptionDay(page: Page, visitors: readonly VisitorOpinion[]) {
  for (const [index, v] of visitors.entries()) {
    await choose(page, '类别', v.category);
    if (v.representative) await choose(page, '收集代表', v.representative);
    await page.getByLabel('意见建议内容').fill(v.content);
    await page.getByLabel('群众姓名').fill(v.name);
    if (v.phone) await page.getByLabel('联系电话').fill(v.phone);
    if (v.photo) {
      await page.locator('input[type="file"]').setInputFiles({ ...v.photo, mimeType: 'image/png' });
      await expect(page.getByText('已添加 1 张')).toBeVisible();
    }
    if (v.saveWithKeyboard) {
      await page.getByLabel('意见建议内容').press('Control+Enter');
    } else {
      await page.getByRole('button', { name: '保存并录入下一条' }).click();
    }
    await expect(page.getByText(`已保存第 ${index + 1} 条意见`)).toBeVisible();
  }
  await expect(page.getByText(`当天收集的群众意见（${visitors.length} 条）`)).toBeVisible();
}

/** The 群众意见 list (a region: the virtual table's body is not a <table>). */
export function opinionTable(page: Page): Locator {
  return page.getByRole('region', { name: '群众意见列表' });
}

/** On an opinion's page: answers it on site, which closes it at the station. */
export async function answerOnSite(page: Page, answer: string) {
  await page.getByRole('button', { name: '当场答复' }).click();
  const dialog = page.getByRole('dialog', { name: '当场答复并办结' });
  await dialog.getByLabel('答复内容').fill(answer);
  await okButton(dialog).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '当场答复' })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------------------
// 调解案件: a neighbours' dispute over a wall, mediated in two sessions to a written agreement.

/**
 * Registers the neighbours' dispute: leaving with unsaved input asks first; a missing party name is refused at the
 * field. Ends on the case page (已受理, parties masked); returns the case number.
 */
export async function registerNeighboursDispute(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await page.getByRole('button', { name: '登记调解案件' }).click();
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

  const caseNumber = `象州-妙皇-${stationYear()}-0001`;
  await expect(page.getByRole('heading', { name: caseNumber })).toBeVisible();
  await expect(page.getByText('已受理', { exact: true })).toBeVisible();
  // Parties are masked on the case page.
  await expect(page.getByRole('cell', { name: '张**' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '138****1111' })).toBeVisible();
  return caseNumber;
}

/** Starts mediation and records two sessions (at the village committee, then at the activity center). */
export async function mediateInTwoSessions(page: Page) {
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
}

/** Writes the agreement: refused while the performance method (a statutory item) is missing, then saved. */
export async function writeAgreement(page: Page, caseNumber: string) {
  await page.getByRole('button', { name: '达成协议' }).click();
  await page.getByLabel('争议事项').fill('围墙是否越过宅基地边界。');
  await page.getByLabel('各方责任').fill('被申请人建墙时未与申请人确认边界，负主要责任。');
  await page.getByLabel('协议内容').fill('被申请人于期限内拆除越界围墙0.5米，申请人不再追究。');
  const deadline = page.getByLabel('履行期限');
  await deadline.fill(`${stationYear()}-12-31`);
  await deadline.press('Enter');
  await page.getByRole('button', { name: /保存协议/ }).click();
  await expect(page.getByText('调解协议书缺少“履行方式”，请补充后再保存(《人民调解法》第二十九条)')).toBeVisible();
  await page.getByLabel('履行方式').fill('被申请人自行拆除，村委会现场见证。');
  await page.getByRole('button', { name: /保存协议/ }).click();
  await expect(page.getByRole('heading', { name: caseNumber })).toBeVisible();
  await expect(page.locator('.ant-tag', { hasText: '达成协议' })).toBeVisible();
}

/**
 * Prints 人民调解协议书 from the case page to an A4 PDF and checks its text holds every statutory item with the
 * parties' full data (the one place it appears) and no toolbar. Ends on the print view.
 */
export async function printAgreement(page: Page, caseNumber: string) {
  await page.getByRole('button', { name: '打印人民调解协议书' }).click();
  await expect(page.getByRole('heading', { name: '人民调解协议书' })).toBeVisible();
  const pdf = await printToPdf(page, { printBackground: true });
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
    `履行期限：${stationYear()}年12月31日前`,
    '人民调解员（签名）',
    '妙皇乡人大代表履职活动中心人民调解委员会（盖章）',
  ]) {
    expect(text).toContain(readableText(expected));
  }
  expect(text).not.toContain(readableText('打印/保存为PDF')); // the toolbar does not print
}

// ---------------------------------------------------------------------------------------------------------------
// 履职活动

/** A row of the compliance view, found by the activity type's name. */
export function complianceRow(page: Page, type: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: type, exact: true }) });
}

/** The compliance summary's figures (本期应开展 N 项，已完成 N 项，缺 N 项). */
export async function complianceSummary(page: Page): Promise<{ required: number; done: number; missing: number }> {
  const summary = page.getByRole('status', { name: '完成情况' });
  await expect(summary).toContainText(/本期应开展 \d+ 项/);
  const text = (await summary.textContent()) ?? '';
  const figures = /本期应开展 (\d+) 项，已完成 (\d+) 项，缺 (\d+) 项/.exec(text);
  if (figures) return { required: Number(figures[1]), done: Number(figures[2]), missing: Number(figures[3]) };
  // Everything done: the summary says so without the missing count.
  const all = /本期应开展 (\d+) 项/.exec(text);
  return { required: Number(all?.[1]), done: Number(all?.[1]), missing: 0 };
}

/**
 * From the 履职活动 list: records a training session with attendance, minutes and a photo (refused without a name
 * first), then a deliberation day; ends on the list with both rows showing who took part.
 */
export async function recordTrainingAndDeliberationDay(page: Page, photo: Buffer) {
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
  await page.locator('input[type=file]').setInputFiles({ name: 'training.png', mimeType: 'image/png', buffer: photo });
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

  // Both appear in the list.
  await page.getByRole('link', { name: '返回列表' }).click();
  await expectActivitiesListed(page);
}

/** The two recorded activities are in the 履职活动 list with the representatives who took part. */
export async function expectActivitiesListed(page: Page) {
  const training = page.getByRole('row', { name: /学习《代表法》/ });
  await expect(training).toContainText('韦国华');
  await expect(training).toContainText('莫春燕');
  await expect(page.getByRole('row', { name: /村道硬化/ })).toContainText('覃志强');
}

// ---------------------------------------------------------------------------------------------------------------
// 设置: export, wipe, restore

export interface ExportedFile {
  name: string;
  buffer: Buffer;
  counts: Record<string, number>;
}

/** 设置 → 导出全部数据 (a download in the browser): the file's name, bytes and its record counts. */
export async function exportAllData(page: Page): Promise<ExportedFile> {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全部数据' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^联络站数据-.+\.lsdata$/);
  const buffer = readFileSync((await download.path()) ?? '');
  const parsed = JSON.parse(buffer.toString('utf8')) as { format: string; counts: Record<string, number> };
  expect(parsed.format).toBe('liaison-station-data');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('已导出');
  return { name: download.suggestedFilename(), buffer, counts: parsed.counts };
}

/** 设置 → 清除本机数据: a strong confirmation (the words typed exactly), then the app is back at first run. */
export async function wipeAllData(page: Page) {
  await page.getByRole('menuitem', { name: '设置' }).click();
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
}

/** Chooses a file in the host's open dialog (a file input in a browser) opened by `button`. */
export async function chooseFile(page: Page, button: string, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** 从导出文件恢复 (in 设置, or on the first-run screen) with the given file. */
export function restoreFrom(page: Page, file: { name: string; buffer: Buffer }) {
  return chooseFile(page, '从导出文件恢复', file);
}

/** The files in the app's backup folder (OPFS in a browser). */
export function backupFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('liaison-backups', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });
}
