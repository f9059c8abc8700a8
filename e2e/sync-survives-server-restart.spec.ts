// A station's large first sync (thousands of records from its other PC) survives the server stopping halfway:
// after the restart the sync finishes by itself, nothing lost or duplicated, and work recorded meanwhile arrives.

import { expect, test } from '@playwright/test';
import type { EnrollResponse } from '../src-shared/api/enrolment';
import type { PullResponse } from '../src-shared/api/sync-protocol';
import { newId } from '../src-shared/common/ids';
import { makeOpinion } from '../src-shared/testing/factories';
import { chooseOption, enrolStationInApp, type SyncServerProcess, startSyncServer } from './support/sync-server';

const seeded = 3000;
let server: SyncServerProcess;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await server?.dispose();
});

async function enrolDevice(code: string): Promise<EnrollResponse> {
  const response = await fetch(`${server.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: '旧电脑' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as EnrollResponse;
}

/** Every opinion of the station on the server (paged by seq). */
async function serverOpinions(token: string): Promise<{ id: string; title: string }[]> {
  const all: { id: string; title: string }[] = [];
  let seq = 0;
  for (;;) {
    const response = await fetch(`${server.url}/v1/sync/opinions/pull?seq=${seq}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as PullResponse<{ id: string; title: string }>;
    all.push(...page.documents);
    if (page.documents.length < 1000) return all;
    seq = page.checkpoint.seq;
  }
}

test('a large sync interrupted by a server restart finishes with nothing lost or duplicated', async ({ browser }) => {
  test.setTimeout(90_000);
  const station = (await server.stationsOf('heshan')).find((s) => s.kind === 'villageStation')!;

  // The station's records from its old PC are on the server already.
  const oldPc = await enrolDevice(await server.issueCode(station.id));
  const opinions = Array.from({ length: seeded }, (_, i) => ({
    ...makeOpinion({
      id: newId(),
      countyId: 'heshan',
      stationId: station.id,
      status: 'recorded',
      title: `旧电脑意见 ${i + 1}`,
      history: [],
    }),
    _deleted: false,
  }));
  for (let i = 0; i < opinions.length; i += 500) {
    const rows = opinions.slice(i, i + 500).map((doc) => ({ assumedMasterState: null, newDocumentState: doc }));
    const response = await fetch(`${server.url}/v1/sync/opinions/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${oldPc.token}` },
      body: JSON.stringify(rows),
    });
    expect(response.status).toBe(200);
  }

  const context = await browser.newContext();
  const clerk = await context.newPage();
  await enrolStationInApp(clerk, server, await server.issueCode(station.id));
  const indicator = clerk.getByRole('status', { name: '同步状态' });

  // Halfway through the first pull, the server stops.
  await expect(async () => {
    const text = ((await indicator.textContent()) ?? '').replace(/,/g, '');
    const done = Number(/正在同步 (\d+)/.exec(text)?.[1] ?? 0);
    expect(done).toBeGreaterThanOrEqual(250);
  }).toPass({ timeout: 30_000, intervals: [50] });
  await server.stop();
  await expect(indicator).toContainText(/同步出错|离线|无法连接/, { timeout: 20_000 });

  // Meanwhile the clerk keeps working.
  await clerk.goto(`${server.url}/#/opinions/new`);
  await chooseOption(clerk, '类别', '其他');
  await clerk.getByLabel('标题').fill('停机期间登记的意见');
  await clerk.getByLabel('意见建议内容').fill('服务器停机期间在本机登记，恢复后应上传。');
  await clerk.getByLabel('群众姓名').fill('李四');
  await clerk.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(clerk.getByRole('button', { name: '提交到县级平台' })).toBeVisible();

  await server.start();

  // The sync resumes by itself and finishes.
  await clerk.goto(`${server.url}/#/opinions`);
  const total = (seeded + 1).toLocaleString('en-US');
  await expect(clerk.getByTestId('opinion-count')).toHaveText(new RegExp(`共\\s*(${total}|${seeded + 1})\\s*条`), {
    timeout: 60_000,
  });
  await expect(indicator).not.toContainText('正在同步', { timeout: 30_000 });
  await expect(indicator).not.toContainText('待上传');

  const onServer = await serverOpinions(oldPc.token);
  const ids = onServer.map((doc) => doc.id);
  expect(ids).toHaveLength(seeded + 1);
  expect(new Set(ids).size).toBe(seeded + 1);
  expect(onServer.some((doc) => doc.title === '停机期间登记的意见')).toBe(true);

  await context.close();
});
