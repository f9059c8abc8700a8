// A clerk corrects what was recorded: an opinion (intake while recorded, only the visitor's contact details once
// submitted) and a planned reception day. An invalid edit is refused at the field and changes nothing; leaving with
// unsaved changes asks first; the history names the changed fields but never personal values.
import { expect, type Page, test } from '@playwright/test';
import { choose } from './support/clerk-steps';

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

const updates = (page: Page) => page.locator('[data-history-action="update"]');

test('a recorded opinion is corrected; an invalid edit changes nothing; once submitted only contacts', async ({
  page,
}) => {
  await setUpTrainingStation(page);
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  await choose(page, '类别', '市容市貌');
  await page.getByLabel('标题').fill('路灯不亮');
  await page.getByLabel('意见建议内容').fill('村口三盏路灯坏了一个多月，晚上看不清路');
  await page.getByLabel('群众姓名').fill('黄志强');
  await page.getByLabel('联系电话').fill('13812345678');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/#\/opinions\/[0-9A-Z]{26}$/);
  const detailUrl = page.url();

  // An invalid phone is refused at the field; leaving asks first and nothing was stored.
  await page.getByRole('button', { name: '修改登记信息' }).click();
  await expect(page.getByRole('heading', { name: '修改群众意见' })).toBeVisible();
  await expect(page.getByLabel('联系电话')).toHaveValue('13812345678');
  await page.getByLabel('标题').fill('路灯不亮（已核实）');
  await page.getByLabel('联系电话').fill('电话号码');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(fieldError(page, '联系电话')).toContainText('“联系电话”应为电话号码');
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '有未保存的修改' })).toBeVisible();
  await page.getByRole('button', { name: '离开' }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole('heading', { name: '路灯不亮', exact: true })).toBeVisible();
  await expect(updates(page)).toHaveCount(0);
  // Opening the form showed the visitor in full: that is recorded like any reveal.
  await expect(page.locator('[data-history-action="revealPersonalData"]')).toContainText('修改记录时查看');

  // A valid correction is saved; the history names the fields, not the values.
  await page.getByRole('button', { name: '修改登记信息' }).click();
  await page.getByLabel('标题').fill('路灯不亮（已核实）');
  await page.getByLabel('联系电话').fill('13900002222');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole('heading', { name: '路灯不亮（已核实）' })).toBeVisible();
  await expect(updates(page)).toHaveCount(1);
  await expect(updates(page)).toContainText('修改：标题、联系电话');
  await expect(page.getByLabel('办理记录')).not.toContainText('13900002222');
  // In the detail the phone is masked again.
  await expect(page.getByText('139****2222')).toBeVisible();

  // Submitted: the content is the county's to process; only the visitor's contacts can be corrected.
  await page.getByRole('button', { name: '提交到县级平台' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '已提交' })).toBeVisible();
  await page.getByRole('button', { name: '更正联系方式或补充照片' }).click();
  await expect(page.getByText('意见已提交到县级平台')).toBeVisible();
  await expect(page.getByLabel('标题')).toBeDisabled();
  await expect(page.getByLabel('意见建议内容')).toBeDisabled();
  await page.getByLabel('住址').fill('妙皇村五组');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(updates(page).last()).toContainText('修改：住址');
  await expect(page.locator('.ant-tag').filter({ hasText: '已提交' })).toBeVisible();
});

test('a planned reception day is re-planned; an emptied place is refused at the field', async ({ page }) => {
  await setUpTrainingStation(page);
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await page.getByRole('button', { name: '计划接待日' }).click();
  await page.getByRole('checkbox', { name: /莫春燕/ }).check();
  await page.getByLabel('接待地点').fill('妙皇村委会会议室');
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page).toHaveURL(/#\/reception-days\/[0-9A-Z]{26}$/);
  const detailUrl = page.url();

  await page.getByRole('button', { name: '修改计划' }).click();
  await expect(page.getByRole('heading', { name: '修改接待日计划' })).toBeVisible();
  await expect(page.getByLabel('接待地点')).toHaveValue('妙皇村委会会议室');
  await page.getByLabel('接待地点').fill('');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(fieldError(page, '接待地点')).toHaveText('请填写“接待地点”');
  await expect(page).toHaveURL(/\/edit$/);

  // Leaving asks; staying keeps the input.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByRole('button', { name: '留在此页' }).click();
  await expect(page).toHaveURL(/\/edit$/);

  await page.getByLabel('接待地点').fill('妙皇村文化室');
  await page.getByLabel('接待主题').fill('春耕生产');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByText('妙皇村文化室')).toBeVisible();
  await expect(updates(page)).toContainText('修改：接待地点、接待主题');
});
