// A clerk records two of the station's required activities (attendance, minutes, a photo) and sees the quarter's
// compliance view change from missing to done.
import { expect, test } from '@playwright/test';
import { complianceRow, makePng, recordTrainingAndDeliberationDay, setUpTrainingStation } from './support/clerk-steps';

test('clerk records two activities and the compliance view changes', async ({ page }) => {
  test.setTimeout(60_000);
  await setUpTrainingStation(page, '覃文书');
  await page.getByRole('menuitem', { name: '履职活动' }).click();

  // This quarter: nothing held yet.
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect(page.getByRole('status', { name: '完成情况' })).toContainText('本期应开展 4 项，已完成 0 项，缺 4 项');
  await expect(complianceRow(page, '学习培训')).toContainText('未开展');
  await expect(complianceRow(page, '代表议政日')).toContainText('未开展');

  // Two activities: a training session with attendance, minutes and a photo, and a deliberation day; both appear
  // in the list, and the compliance view now shows them done.
  await recordTrainingAndDeliberationDay(page, makePng(640, 480, 0x8c));
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
