// Forms refuse invalid input with a specific Chinese message at the field, store nothing, and warn before unsaved
// changes are lost.
import { expect, type Page, test } from '@playwright/test';

async function setUpTrainingStation(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill('王文书');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('王文书，您好')).toBeVisible();
}

/** The error text antd shows under a form field (the field is found by its label's text). */
function fieldError(page: Page, label: string) {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator('.ant-form-item-label label').getByText(label, { exact: true }) })
    .locator('.ant-form-item-explain');
}

test('an empty or invalid opinion is refused at the fields and nothing is stored', async ({ page }) => {
  await setUpTrainingStation(page);
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(fieldError(page, '类别')).toHaveText('请填写“类别”');
  await expect(fieldError(page, '意见建议内容')).toHaveText('请填写“意见建议内容”');
  await expect(fieldError(page, '群众姓名')).toHaveText('请填写“群众姓名”');

  // Invalid phone and ID number: the shared validator names the field and the expected format.
  await page.getByLabel('联系电话').fill('电话号码');
  await page.getByLabel('身份证号码').fill('12345');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(fieldError(page, '联系电话')).toContainText('“联系电话”应为电话号码');
  await expect(fieldError(page, '身份证号码')).toContainText('“身份证号码”应为18位身份证号码');

  // Leaving asks first; 留在此页 keeps the input.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '有未保存的修改' })).toBeVisible();
  await page.getByRole('button', { name: '留在此页' }).click();
  await expect(page).toHaveURL(/#\/opinions\/new$/);
  await expect(page.getByLabel('联系电话')).toHaveValue('电话号码');

  // Closing the window asks too (beforeunload).
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true }).catch(() => undefined);
  const shown = await dialog;
  expect(shown.type()).toBe('beforeunload');
  await shown.accept();
});

test('leaving an unsaved form after confirming stores nothing', async ({ page }) => {
  await setUpTrainingStation(page);
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  await page.getByLabel('意见建议内容').fill('只填了一半的意见');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(fieldError(page, '群众姓名')).toHaveText('请填写“群众姓名”');
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '离开' }).click();
  await expect(page.getByText('共 0 条', { exact: true })).toBeVisible();
});

test('a reception day needs representatives on duty, and holding it needs who came', async ({ page }) => {
  await setUpTrainingStation(page);
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await page.getByRole('button', { name: '计划接待日' }).click();
  await page.getByLabel('接待地点').fill('');
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(fieldError(page, '值班代表')).toHaveText('请至少选择一名值班代表，公告上要写明');
  await page.getByRole('checkbox', { name: /莫春燕/ }).check();
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(fieldError(page, '接待地点')).toHaveText('请填写“接待地点”');
  await expect(page).toHaveURL(/#\/reception-days\/new$/);

  await page.getByLabel('接待地点').fill('妙皇村委会会议室');
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page).toHaveURL(/#\/reception-days\/[0-9A-Z]{26}$/);

  await page.getByRole('button', { name: '登记开展情况' }).click();
  const hold = page.getByRole('dialog', { name: '登记接待日开展情况' });
  await hold.getByRole('checkbox', { name: '莫春燕' }).uncheck();
  await hold.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(hold.locator('.ant-form-item-explain')).toHaveText('请至少选择一名到场接待的代表');
  await hold.getByRole('button', { name: /取\s*消|Cancel/ }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '计划' })).toBeVisible();
});
