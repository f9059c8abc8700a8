// Issue 6 in the real app: the clerk's never-synced records survive losing IndexedDB (as Electron apps have after an
// upgrade): the app restores them from its own backup and says what it restored. A damaged newest backup falls back
// to the previous daily one; when no backup can be read, the app starts empty and says so in Chinese.
import { expect, type Page, test } from '@playwright/test';

async function setUpTrainingStation(page: Page, clerk: string) {
  await page.goto('/');
  await page.getByRole('button', { name: '进入培训/演示模式' }).click();
  await page.getByLabel('您的姓名').fill(clerk);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText(`${clerk}，您好`)).toBeVisible();
}

/** Picks an option of an antd Select with the mouse; retries when a busy machine swallowed the opening click. */
async function pick(page: Page, label: string, option: string) {
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await expect(async () => {
    if (!(await item.isVisible())) await page.getByLabel(label).click();
    await item.click({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

async function recordOpinion(page: Page) {
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  await pick(page, '类别', '市容市貌');
  await page.getByLabel('标题').fill('村口路灯不亮');
  await page.getByLabel('意见建议内容').fill('村口三盏路灯坏了一个多月，晚上看不清路');
  await page.getByLabel('群众姓名').fill('黄志强');
  await page.getByLabel('联系电话').fill('13812345678');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/#\/opinions\/[0-9A-Z]{26}$/);
}

async function planReceptionDay(page: Page) {
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await page.getByRole('button', { name: '计划接待日' }).click();
  await page.getByLabel('接待主题').fill('村道修缮和饮水安全');
  await page.getByRole('checkbox', { name: /韦国华/ }).check();
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page).toHaveURL(/#\/reception-days\/[0-9A-Z]{26}$/);
}

async function registerMediationCase(page: Page) {
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await page.getByRole('button', { name: '登记调解案件' }).click();
  await pick(page, '纠纷类型', '合同纠纷');
  await page.getByLabel('纠纷事实及请求').fill('砂糖桔收购款未结清。');
  await page.getByLabel('当事人姓名').nth(0).fill('蒙春花');
  await page.getByLabel('当事人姓名').nth(1).fill('某果品合作社');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^象州-妙皇-\d{4}-0001$/ })).toBeVisible();
}

/** When the page last wrote `name` in its backup folder (OPFS); 0 when there is no such file. */
function backupWrittenAt(page: Page, name = 'latest.lsbak'): Promise<number> {
  return page.evaluate(async (file) => {
    try {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('liaison-backups');
      return (await (await dir.getFileHandle(file)).getFile()).lastModified;
    } catch {
      return 0;
    }
  }, name);
}

/**
 * Waits until the app's own backup holds everything saved so far. The snapshotter writes 10 s after the last change
 * (at most 30 s while changes keep coming), so a backup finished well after the last save was made after it.
 */
async function waitForBackupOfEverything(page: Page) {
  const lastSave = await page.evaluate(() => Date.now());
  await expect
    .poll(() => backupWrittenAt(page), { timeout: 60_000, intervals: [1_000] })
    .toBeGreaterThan(lastSave + 5_000);
}

/** IndexedDB lost behind the app's back: every database deleted in the page, then the app starts again. */
async function loseIndexedDb(page: Page) {
  const deleted = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name !== '');
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    return names;
  });
  expect(deleted.length).toBeGreaterThan(0);
  await page.reload();
}

/** Replaces files of the backup folder with bytes that are no backup (a damaged disk, a half-copied file). */
async function damageBackups(page: Page, names: string[]) {
  await page.evaluate(async (files) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('liaison-backups');
    for (const name of files) {
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write('\u0000\u0013damaged sector\u0000');
      await writable.close();
    }
  }, names);
}

/** The names of the files in the backup folder. */
function backupFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('liaison-backups');
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });
}

test('after IndexedDB is lost, the app brings back every record and says what it restored', async ({ page }) => {
  test.setTimeout(150_000);
  await setUpTrainingStation(page, '黄文书');
  await recordOpinion(page);
  await planReceptionDay(page);
  await registerMediationCase(page);
  await waitForBackupOfEverything(page);

  await loseIndexedDb(page);

  // Straight back into the shell (the station and the clerk came back too), with a notice of what was restored.
  await expect(page.getByRole('banner')).toContainText('值班人员：黄文书');
  const notice = page.getByRole('alert').filter({ hasText: '已从本机备份自动恢复数据' });
  await expect(notice).toContainText('本机数据库为空，已从');
  await expect(notice).toContainText('群众意见建议 1 条');
  await expect(notice).toContainText('接待日 1 条');
  await expect(notice).toContainText('矛盾纠纷调解案件 1 条');

  // Every record is on its page, never synced to any server.
  await page.getByRole('menuitem', { name: '群众意见' }).click();
  const opinions = page.getByRole('region', { name: '群众意见列表' });
  await expect(opinions).toContainText('村口路灯不亮');
  await expect(opinions).toContainText('黄**');
  await expect(opinions).toContainText('138****5678');
  await page.getByRole('menuitem', { name: '接待日' }).click();
  await expect(page.getByText('村道修缮和饮水安全')).toBeVisible();
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  const mediation = page.getByRole('row', { name: /象州-妙皇-\d{4}-0001/ });
  await expect(mediation).toContainText('申请人 蒙**');

  // The notice stays until the clerk dismisses it.
  await page.getByRole('button', { name: '我知道了' }).click();
  await expect(notice).toBeHidden();
});

test('a damaged newest backup falls back to the previous daily backup, and the clerk is told', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpTrainingStation(page, '黄文书');
  await registerMediationCase(page);
  await waitForBackupOfEverything(page);
  // Yesterday's daily backup holds the same case; today's backups are then damaged on disk.
  const today = (await backupFiles(page)).find((name) => name.startsWith('daily-')) ?? '';
  expect(today).toMatch(/^daily-\d{4}-\d{2}-\d{2}\.lsbak$/);
  await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('liaison-backups');
    const latest = await (await (await dir.getFileHandle('latest.lsbak')).getFile()).text();
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const name = `daily-${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}.lsbak`;
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write(latest);
    await writable.close();
  });
  await damageBackups(page, ['latest.lsbak', today]);

  await loseIndexedDb(page);

  await expect(page.getByRole('banner')).toContainText('值班人员：黄文书');
  const notice = page.getByRole('alert').filter({ hasText: '已从本机备份自动恢复数据' });
  await expect(notice).toContainText('矛盾纠纷调解案件 1 条');
  await expect(notice).toContainText('较新的 1 份备份已损坏或无法读取，已改用这份较早的备份');
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await expect(page.getByRole('row', { name: /象州-妙皇-\d{4}-0001/ })).toContainText('申请人 蒙**');
});

test('when no backup can be read, the app starts empty with a clear Chinese message', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpTrainingStation(page, '黄文书');
  await registerMediationCase(page);
  await waitForBackupOfEverything(page);
  await damageBackups(page, await backupFiles(page));

  await loseIndexedDb(page);

  // First run again, and the clerk learns why and what to do.
  const notice = page.getByRole('alert').filter({ hasText: '无法从本机备份恢复数据' });
  await expect(notice).toContainText('本机的备份也已损坏，无法自动恢复，程序以空白数据启动');
  await expect(notice).toContainText('从导出文件恢复');
  await expect(page.getByRole('button', { name: '进入培训/演示模式' })).toBeVisible();
  await setUpTrainingStation(page, '黄文书');
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await expect(page.getByText('暂无调解案件')).toBeVisible();
});
