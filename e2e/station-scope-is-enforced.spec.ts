// One station never receives another station's records, and the server refuses its writes to them, even when the
// station's own token is used by hand.
import { expect, test } from '@playwright/test';
import type { PullResponse } from '../src-shared/api/sync-protocol';
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

async function pullOpinions(token: string): Promise<PullResponse<Record<string, unknown>>> {
  const response = await fetch(`${server.url}/v1/sync/opinions/pull?seq=0&limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PullResponse<Record<string, unknown>>;
}

test('a station cannot read or write another station’s records', async ({ browser }) => {
  test.setTimeout(90_000);
  const [stationA, stationB] = (await server.stationsOf('xincheng')).filter((s) => s.kind === 'villageStation');
  if (!stationA || !stationB) throw new Error('the demo county needs two village stations');

  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await enrolStationInApp(pageA, server, await server.issueCode(stationA.id), '甲站文书');
  await enrolStationInApp(pageB, server, await server.issueCode(stationB.id), '乙站文书');

  // Station A records an opinion; it reaches the server.
  await pageA.goto(`${server.url}/#/opinions/new`);
  await chooseOption(pageA, '类别', '污染防治');
  await pageA.getByLabel('标题').fill('甲站：河道垃圾需清理');
  await pageA.getByLabel('意见建议内容').fill('河道垃圾堆积，影响村民用水。');
  await pageA.getByLabel('群众姓名').fill('赵六');
  await pageA.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(pageA.getByRole('button', { name: '提交到县级平台' })).toBeVisible();
  const tokenA = await storedToken(pageA);
  await expect(async () => {
    const own = await pullOpinions(tokenA);
    expect(own.documents.map((d) => d.title)).toContain('甲站：河道垃圾需清理');
  }).toPass({ timeout: 30_000 });

  // Station B syncs, and never sees it: not in the app, not with its token by hand.
  await pageB.goto(`${server.url}/#/sync`);
  await pageB.getByRole('button', { name: /立即同步/ }).click();
  await expect(pageB.getByText('同步完成')).toBeVisible({ timeout: 30_000 });
  await pageB.goto(`${server.url}/#/opinions`);
  await expect(pageB.getByText('甲站：河道垃圾需清理')).toHaveCount(0);
  const tokenB = await storedToken(pageB);
  const seenByB = await pullOpinions(tokenB);
  expect(seenByB.documents.filter((d) => d.stationId === stationA.id)).toEqual([]);

  // B cannot overwrite A's record, nor file a record under A's name.
  const ofA = (await pullOpinions(tokenA)).documents.find((d) => d.title === '甲站：河道垃圾需清理')!;
  const overwrite = await fetch(`${server.url}/v1/sync/opinions/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenB}` },
    body: JSON.stringify([{ assumedMasterState: ofA, newDocumentState: { ...ofA, content: '被乙站篡改' } }]),
  });
  expect(overwrite.status).toBe(403);
  const forged = await fetch(`${server.url}/v1/sync/opinions/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenB}` },
    body: JSON.stringify([
      { assumedMasterState: null, newDocumentState: { ...ofA, id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', title: '冒名' } },
    ]),
  });
  expect(forged.status).toBe(403);
  const after = (await pullOpinions(tokenA)).documents.find((d) => d.id === ofA.id)!;
  expect(after.content).toBe(ofA.content);
  expect((await pullOpinions(tokenA)).documents.some((d) => d.title === '冒名')).toBe(false);

  await contextA.close();
  await contextB.close();
});
