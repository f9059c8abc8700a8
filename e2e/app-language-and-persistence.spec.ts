// Data and the station set-up survive a reload; switching to English in 设置 changes labels and date formats.
import { expect, type Page, test } from '@playwright/test';
import { choose } from './support/clerk-steps';

async function setUpTrainingStation(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill('王文书');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('王文书，您好')).toBeVisible();
}

test('records survive a reload and the app can be switched to English', async ({ page }) => {
  await setUpTrainingStation(page);
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  // The shared step: the combobox named exactly 类别, not the list's 按类别筛选 behind the opening form.
  await choose(page, '类别', '食品药品');
  await page.getByLabel('意见建议内容').fill('集市上有人卖过期的腊肉，希望加强检查');
  await page.getByLabel('群众姓名').fill('蒙大姐');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/#\/opinions\/[0-9A-Z]{26}$/);
  const opinionUrl = page.url();

  await page.reload();
  await expect(page.getByRole('heading', { name: '集市上有人卖过期的腊肉，希望加强检查' })).toBeVisible();
  await expect(page.getByText('妙皇乡人大代表履职活动中心').first()).toBeVisible();
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await expect(page.getByText('共 1 条', { exact: true })).toBeVisible();

  // 设置 → English: navigation, enum labels from the shared domain and dates follow.
  await page.getByRole('menuitem', { name: '设置' }).click();
  // antd's radio buttons hide the input: click the visible label.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Opinions' })).toBeVisible();
  await page.goto(opinionUrl);
  await expect(page.getByText('Food and drugs')).toBeVisible();
  await expect(page.locator('.ant-tag').filter({ hasText: 'Recorded' })).toBeVisible();
  await expect(page.getByText('Clerk: 王文书')).toBeVisible();

  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Reception days' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('menuitem', { name: 'Today' }).click();
  await expect(page.getByText(/Hello 王文书, today is \w+day, \w+ \d{1,2}, \d{4}/)).toBeVisible();
});
