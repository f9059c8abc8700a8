// Issue 3's acceptance test, one story in one browser from first run: a clerk plans and holds a reception day, takes
// three opinions (one with a photo), answers one on site, mediates a dispute to a printed agreement (A4 PDF), records
// two activities and sees compliance change, exports the data, wipes the app, restores it, and finds everything back.
import { expect, type Page, test } from '@playwright/test';
import {
  answerOnSite,
  chooseFile,
  complianceRow,
  complianceSummary,
  expectActivitiesListed,
  exportAllData,
  holdReceptionDay,
  makePng,
  mediateInTwoSessions,
  opinionTable,
  planReceptionDay,
  printAgreement,
  printReceptionDayNotice,
  recordTrainingAndDeliberationDay,
  registerNeighboursDispute,
  setUpTrainingStation,
  takeOpinionsOnReceptionDay,
  threeVisitorOpinions,
  wipeAllData,
  writeAgreement,
} from './support/clerk-steps';

const onDuty = ['韦国华', '梁美玲'];
const topic = '村道修缮和饮水安全';
const onSiteAnswer = '乡政府已安排下周修补，代表将跟踪落实';

/** The size the app stored a shown photo at (the detail pages show the stored JPEG itself). */
function naturalSize(page: Page, name: string) {
  return page
    .getByRole('img', { name })
    .first()
    .evaluate((img: HTMLImageElement) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
      jpeg: img.src.startsWith('data:image/jpeg;base64,'),
    }));
}

/** One reception day's page: held, with its representatives on duty and present and the opinions taken that day. */
async function expectReceptionDayHeld(page: Page) {
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await page.getByRole('row', { name: new RegExp(topic) }).click();
  await expect(page).toHaveURL(/#\/reception-days\/[0-9A-Z]{26}$/);
  await expect(page.locator('.ant-tag').filter({ hasText: '已开展' })).toBeVisible();
  const item = (label: string) => page.locator('.ant-descriptions-item').filter({ hasText: label });
  for (const name of onDuty) {
    await expect(item('值班代表')).toContainText(name);
    await expect(item('到场代表')).toContainText(name);
  }
  await expect(item('接待群众人数')).toContainText('3');
  await expect(page.getByText('当天收集的群众意见（3 条）')).toBeVisible();
}

/** The three opinions in the list (masked), the on-site answer closed at the station, the photo downscaled. */
async function expectOpinionsBack(page: Page) {
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  const table = opinionTable(page);
  await expect(page.getByText('共 3 条', { exact: true })).toBeVisible();
  for (const masked of ['张**', '李**', '覃**', '138****5678']) await expect(table).toContainText(masked);
  await expect(table).not.toContainText('张三丰');

  await table.getByText(/大樟村到县道/).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '当场答复' })).toBeVisible();
  await expect(page.getByText(onSiteAnswer)).toBeVisible();
  await expect(page.locator('[data-history-action="answerOnSite"]')).toContainText('王文书');
  await page.getByRole('button', { name: '返回列表' }).click();

  await table.getByText(/垃圾池/).click();
  await expect(page.getByRole('img', { name: '照片' })).toHaveCount(1);
  // The 2400×1800 photo was stored as a JPEG at most 1600 px on the long side.
  expect(await naturalSize(page, '照片')).toEqual({ width: 1600, height: 1200, jpeg: true });
  await page.getByRole('button', { name: '返回列表' }).click();
}

test('a clerk works a whole day at the station, wipes the app, restores it and finds everything back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpTrainingStation(page, '王文书');

  // Morning: plan the reception day with two representatives on duty and print its public notice on A4.
  const dayUrl = await planReceptionDay(page, { topic, representatives: onDuty });
  await printReceptionDayNotice(page, dayUrl, onDuty);

  // The reception: both representatives came; three visitors, the second with a photo of the rubbish pit.
  await holdReceptionDay(page, { present: '韦国华', visitorCount: 3 });
  await takeOpinionsOnReceptionDay(page, threeVisitorOpinions(makePng(2400, 1800)));

  // One is answered on site and closed at the station; the list masks the visitors.
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  const table = opinionTable(page);
  await expect(page.getByText('共 3 条', { exact: true })).toBeVisible();
  await expect(table).toContainText('张**');
  await expect(table).not.toContainText('张三丰');
  await table.getByText(/大樟村到县道/).click();
  await answerOnSite(page, onSiteAnswer);

  // Afternoon: a neighbours' dispute, mediated in two sessions to a written agreement printed as 人民调解协议书.
  const caseNumber = await registerNeighboursDispute(page);
  await mediateInTwoSessions(page);
  await writeAgreement(page, caseNumber);
  await printAgreement(page, caseNumber);
  await page.getByRole('button', { name: '返回案件' }).click();
  await expect(page.getByText('打印协议书（含完整个人信息）')).toBeVisible();

  // Two activities: training and deliberation day were missing this quarter, and are done once recorded.
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect(complianceRow(page, '学习培训')).toContainText('未开展');
  await expect(complianceRow(page, '代表议政日')).toContainText('未开展');
  const before = await complianceSummary(page);
  await page.getByRole('tab', { name: '活动记录' }).click();
  await recordTrainingAndDeliberationDay(page, makePng(640, 480, 0x8c));
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect(complianceRow(page, '学习培训')).toContainText('已开展');
  await expect(complianceRow(page, '代表议政日')).toContainText('已开展');
  const after = await complianceSummary(page);
  expect(after).toEqual({ required: before.required, done: before.done + 2, missing: before.missing - 2 });

  // Evening: export all data to one file, then wipe the app.
  const exported = await exportAllData(page);
  expect(exported.counts).toMatchObject({
    receptionDays: 1,
    opinions: 3,
    mediationCases: 1,
    activities: 2,
    photos: 2,
  });
  await wipeAllData(page);

  // Nothing is left: the first-run screen. Restoring the file there brings the station back; only the name is asked.
  await chooseFile(page, '从导出文件恢复', exported);
  await expect(page.getByText('最后一步：填写您的姓名')).toBeVisible();
  await expect(page.getByText('本机联络站：妙皇乡人大代表履职活动中心')).toBeVisible();
  const restoredSummary = page.getByRole('status').filter({ hasText: '已从导出文件恢复' });
  for (const count of ['接待日 1 条', '群众意见建议 3 条', '矛盾纠纷调解案件 1 条', '联络站活动 2 条', '照片 2 条']) {
    await expect(restoredSummary).toContainText(count);
  }
  await page.getByLabel('您的姓名').fill('王文书');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('王文书，您好')).toBeVisible();

  // Everything is back: the reception day held with its representatives …
  await expectReceptionDayHeld(page);
  // … the three opinions with the photo and the on-site answer …
  await expectOpinionsBack(page);

  // … the mediation case with its agreement, printed again in full …
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  const caseRow = page.getByRole('row', { name: new RegExp(caseNumber) });
  await expect(caseRow).toContainText('达成协议');
  await expect(caseRow).toContainText('申请人 张**');
  await caseRow.getByRole('link', { name: caseNumber }).click();
  await expect(page.getByText('代表和调解员释法说理，双方同意重新确定边界。')).toBeVisible();
  await printAgreement(page, caseNumber);
  await page.getByRole('button', { name: '返回案件' }).click();

  // … and the two activities, with the photo, and the same compliance view.
  await page.getByRole('menuitem', { name: '履职活动' }).click();
  await expectActivitiesListed(page);
  await page.getByRole('link', { name: '学习《代表法》和直接联系群众制度' }).click();
  await expect(page.getByRole('img', { name: '活动照片 1' })).toBeVisible();
  await page.getByRole('link', { name: '返回列表' }).click();
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect(complianceRow(page, '学习培训')).toContainText('已开展');
  await expect(complianceRow(page, '代表议政日')).toContainText('已开展');
  expect(await complianceSummary(page)).toEqual(after);
});
