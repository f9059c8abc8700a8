// A clerk's afternoon: set up the training station, plan a reception day, print its notice, hold it, take three
// opinions with the fast form (one with a photo), answer one on site, find them again, reveal a visitor's name.
import { expect, test } from '@playwright/test';
import {
  answerOnSite,
  choose,
  holdReceptionDay,
  makePng,
  opinionTable,
  planReceptionDay,
  printReceptionDayNotice,
  setUpTrainingStation,
  takeOpinionsOnReceptionDay,
  threeVisitorOpinions,
} from './support/clerk-steps';

test('clerk plans, announces and holds a reception day, taking opinions quickly', async ({ page }) => {
  await setUpTrainingStation(page, '王文书');

  // Plan the day with two representatives on duty.
  const dayUrl = await planReceptionDay(page, { topic: '村道修缮和饮水安全', representatives: ['韦国华', '梁美玲'] });

  // The public notice prints on A4 with date, place and the representatives on duty.
  await printReceptionDayNotice(page, dayUrl, ['韦国华', '梁美玲']);

  // Hold it: both representatives came.
  await holdReceptionDay(page, { present: '韦国华', visitorCount: 3 });

  // Three opinions with the fast form; the second with a photo, the third saved with Ctrl+Enter.
  await takeOpinionsOnReceptionDay(page, threeVisitorOpinions(makePng(320, 240)));

  // The list masks names; filters narrow it down.
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  const table = opinionTable(page);
  await expect(page.getByText('共 3 条', { exact: true })).toBeVisible();
  await expect(table).toContainText('张**');
  await expect(table).toContainText('138****5678');
  await expect(table).not.toContainText('张三丰');

  // Answer the first one on site.
  await table.getByText(/大樟村到县道/).click();
  await answerOnSite(page, '乡政府已安排下周修补，代表将跟踪落实');

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
