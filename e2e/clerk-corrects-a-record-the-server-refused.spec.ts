// A record the server refuses does not block the station: the clerk's other records reach the county, the 同步 page
// names the refused record with the server's message and fields and opens it, and the corrected record goes through.
// (A refused record holds back the later changes of its own collection until it is corrected: they follow it.)
// The refusal comes from a server rule the client cannot know (simulated here by answering that one push as the
// server does: 400 with {error, message, row, id, fields}); everything else talks to a real sync server.

import { expect, type Page, test } from '@playwright/test';
import {
  chooseOption,
  enrolStationInApp,
  type SyncServerProcess,
  startSyncServer,
  storedToken,
} from './support/sync-server';

let server: SyncServerProcess;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await server?.dispose();
});

async function recordOpinion(page: Page, title: string): Promise<void> {
  await page.goto(`${server.url}/#/opinions/new`);
  await chooseOption(page, '类别', '市容市貌');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('意见建议内容').fill(`${title}，请有关部门尽快处理。`);
  await page.getByLabel('群众姓名').fill('王五');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByRole('button', { name: '提交到县级平台' })).toBeVisible();
}

/** Titles of the station's opinions on the server, read with the station's own token. */
async function titlesOnServer(page: Page): Promise<string[]> {
  const token = await storedToken(page);
  const response = await fetch(`${server.url}/v1/sync/opinions/pull?seq=0&limit=100`, {
    headers: { authorization: `Bearer ${token}`, 'x-app-version': '0.1.0' },
  });
  const body = (await response.json()) as { documents: { title: string }[] };
  return body.documents.map((d) => d.title);
}

test('the clerk sees which record was refused and why, corrects it, and the rest syncs meanwhile', async ({ page }) => {
  const station = (await server.stationsOf('xiangzhou')).find((s) => s.kind === 'villageStation')!;
  await enrolStationInApp(page, server, await server.issueCode(station.id));

  // Both records are made while their upload cannot get through, so they go up together in one batch later.
  const pushRoute = `${server.url}/v1/sync/opinions/push`;
  await page.route(pushRoute, (route) => route.abort('connectionrefused'));
  await recordOpinion(page, '待核实：村口路灯不亮');
  const refusedUrl = page.url();
  await recordOpinion(page, '集市垃圾清运不及时');
  await page.unroute(pushRoute);

  // The server refuses any opinion whose title still carries the placeholder 待核实.
  await page.route(pushRoute, async (route) => {
    const rows = JSON.parse(route.request().postData() ?? '[]') as {
      newDocumentState: { id: string; title: string };
    }[];
    const row = rows.findIndex((r) => r.newDocumentState.title.includes('待核实'));
    if (row < 0) return route.continue();
    return route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'validation_failed',
        message: `第 ${row + 1} 条记录填写有误，请按提示修改后再同步`,
        row,
        id: rows[row]!.newDocumentState.id,
        fields: [{ field: 'title', code: 'invalid', message: '标题不能含“待核实”，请写明具体事项' }],
      }),
    });
  });

  // The app starts again (as after a day offline): one batch with both; the other record reaches the county.
  await page.reload();
  await expect.poll(() => titlesOnServer(page), { timeout: 30_000 }).toContain('集市垃圾清运不及时');
  expect(await titlesOnServer(page)).not.toContain('待核实：村口路灯不亮');

  // 同步 names the record, the server's message and the field, and opens it.
  await page.goto(`${server.url}/#/sync`);
  const item = page.getByRole('listitem', { name: '群众意见建议：待核实：村口路灯不亮' });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText('请按提示修改后再同步');
  await expect(item).toContainText('title（标题不能含“待核实”，请写明具体事项）');
  await item.getByRole('link', { name: '打开并修改' }).click();
  await expect(page).toHaveURL(refusedUrl);

  // The clerk corrects it: it goes through and the refusal disappears.
  await page.getByRole('button', { name: '修改登记信息' }).click();
  await page.getByLabel('标题').fill('村口路灯不亮');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect.poll(() => titlesOnServer(page), { timeout: 30_000 }).toContain('村口路灯不亮');
  await page.goto(`${server.url}/#/sync`);
  await expect(page.getByRole('listitem', { name: /待核实/ })).toHaveCount(0, { timeout: 30_000 });
  expect(await titlesOnServer(page)).toEqual(expect.arrayContaining(['集市垃圾清运不及时', '村口路灯不亮']));
});
