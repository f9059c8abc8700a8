// Issue 5 at the station: an opinion whose assignment deadline has passed without a reply stands out in 群众意见
// (row and deadline in red, 超期) and on its page; one still within its deadline does not. A station gets assignments
// only from the county: here the county's processing arrives in the station's own data file, restored in training mode.
import { createHash } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import {
  choose,
  exportAllData,
  okButton,
  opinionTable,
  restoreFrom,
  setUpTrainingStation,
  wipeAllData,
} from './support/clerk-steps';

/** A station date ('YYYY-MM-DD', Asia/Shanghai) `days` from today. */
function stationDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function recordAndSubmit(page: Page, title: string) {
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  await choose(page, '类别', '市容市貌');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('意见建议内容').fill(`${title}，请有关部门尽快处理。`);
  await page.getByLabel('群众姓名').fill('黄志强');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/#\/opinions\/[0-9A-Z]{26}$/);
  await page.getByRole('button', { name: '提交到县级平台' }).click();
  await okButton(page).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '已提交' })).toBeVisible();
}

interface FileOpinion {
  id: string;
  title: string;
  status: string;
  updatedAt: string;
  assignment?: { leadDepartmentId: string; assistingDepartmentIds: string[]; deadline: string };
  history: { id: string; at: string; by: string; role: string; action: string; from?: string; to?: string }[];
}

/** The county accepted and assigned each opinion with the given deadline (as sync would bring it), in the file. */
function assignInFile(file: Buffer, deadlines: Record<string, string>): Buffer {
  const data = JSON.parse(file.toString('utf8')) as {
    checksum: string;
    collections: { opinions: FileOpinion[]; departments: { id: string }[] };
  };
  const department = data.collections.departments[0]?.id ?? 'dept';
  const at = new Date().toISOString();
  for (const opinion of data.collections.opinions) {
    const deadline = deadlines[opinion.title];
    if (!deadline) continue;
    opinion.status = 'assigned';
    opinion.updatedAt = at;
    opinion.assignment = { leadDepartmentId: department, assistingDepartmentIds: [], deadline };
    const entry = (action: string, from: string, to: string, n: number) => ({
      id: `${opinion.id.slice(0, 20)}CNTY${action === 'accept' ? 'AC' : 'AS'}${n}`,
      at,
      by: '县人大李干事',
      role: 'county',
      action,
      from,
      to,
    });
    opinion.history.push(entry('accept', 'submitted', 'accepted', 1), entry('assign', 'accepted', 'assigned', 2));
  }
  // The file's integrity check covers the records; a real export of the assigned opinions would carry the same.
  data.checksum = createHash('sha256').update(JSON.stringify(data.collections)).digest('hex');
  return Buffer.from(JSON.stringify(data));
}

test('an assigned opinion past its deadline is highlighted in the list and on its page', async ({ page }) => {
  test.setTimeout(90_000);
  await setUpTrainingStation(page, '王文书');
  await recordAndSubmit(page, '村口路灯不亮');
  await recordAndSubmit(page, '菜市场排水沟堵塞');

  // The county assigned both: the street lights were due three days ago, the drain in ten days.
  const exported = await exportAllData(page);
  const lateDeadline = stationDay(-3);
  const assigned = assignInFile(exported.buffer, { 村口路灯不亮: lateDeadline, 菜市场排水沟堵塞: stationDay(10) });
  await wipeAllData(page);
  await restoreFrom(page, { name: exported.name, buffer: assigned });
  await page.getByLabel('您的姓名').fill('王文书');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('王文书，您好')).toBeVisible();

  // The list: the late one's row is red with 超期 beside its deadline; the other is plain.
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  const table = opinionTable(page);
  await expect(page.getByText('共 2 条', { exact: true })).toBeVisible();
  const late = table.locator('.ant-table-row').filter({ hasText: '村口路灯不亮' });
  const onTime = table.locator('.ant-table-row').filter({ hasText: '菜市场排水沟堵塞' });
  await expect(late).toContainText('超期');
  await expect(late).toHaveClass(/opinion-row-overdue/);
  await expect(onTime).toContainText('已交办');
  await expect(onTime).not.toContainText('超期');
  await expect(onTime).not.toHaveClass(/opinion-row-overdue/);
  const background = await late
    .locator('.ant-table-cell')
    .first()
    .evaluate((cell) => getComputedStyle(cell).backgroundColor);
  expect(background).toBe('rgb(255, 241, 240)');

  // Its page says the deadline has passed and the department has not replied.
  await late.getByText('村口路灯不亮').click();
  const [year, month, day] = lateDeadline.split('-').map(Number);
  await expect(page.getByRole('alert')).toContainText(
    `已超过办理期限（${year}年${month}月${day}日），承办单位尚未答复`,
  );
  await expect(page.locator('.ant-tag').filter({ hasText: '超期' }).first()).toBeVisible();
  await page.getByRole('button', { name: '返回列表' }).click();
  await onTime.getByText('菜市场排水沟堵塞').click();
  await expect(page.getByRole('heading', { name: '菜市场排水沟堵塞' })).toBeVisible();
  await expect(page.getByText('已超过办理期限')).toHaveCount(0);
  await expect(page.locator('.ant-tag').filter({ hasText: '超期' })).toHaveCount(0);
});
