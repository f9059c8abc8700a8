// A clerk mediates a neighbours' dispute: registers it with two parties and a mediator, holds two sessions, writes the
// agreement (refused while a statutory item is missing), prints 人民调解协议书 to an A4 PDF, visits and closes it.
import { expect, test } from '@playwright/test';
import {
  mediateInTwoSessions,
  printAgreement,
  registerNeighboursDispute,
  setUpTrainingStation,
  writeAgreement,
} from './support/clerk-steps';

test('clerk mediates a dispute and prints the agreement on A4', async ({ page }) => {
  test.setTimeout(60_000);
  await setUpTrainingStation(page, '王文书');
  // Register: an applicant and a respondent; the form refuses a missing name at the field.
  const caseNumber = await registerNeighboursDispute(page);

  // Start mediation and record two sessions.
  await mediateInTwoSessions(page);

  // The agreement: saving without the performance method is refused, naming the missing statutory item.
  await writeAgreement(page, caseNumber);

  // Print 人民调解协议书: the one place the parties' full data appears; the print is recorded in the history.
  await printAgreement(page, caseNumber);

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
