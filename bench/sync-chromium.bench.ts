// Bench: initial pull and initial push of 10,000 opinions in real Chromium — the app's own database (RxDB on Dexie,
// shared validation, encryption) and replication (src-renderer/sync/replication.ts) against a real sync server
// (SQLite, HTTP) — beside a raw baseline in the same run and the same browser: for the pull, the same JSON in one
// request and one raw Dexie bulkPut; for the push, one raw Dexie read of the same records and one POST.
// The local records for the push are written by one bulk insert, so they share one write time (as after a restore,
// an import or a migration): the case that made each push batch rescan everything before (see
// src-renderer/db/changed-documents-storage.ts).
// Run: npx tsx bench/sync-chromium.bench.ts [pullCount=10000] [pushCount=10000]. Prints a table; exits 1 on failure.
// BENCH_PROFILE=1 also writes the page's CPU profiles of the pull and the push to bench/results/sync-chromium/.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { EnrollResponse } from '../src-shared/api/enrolment';
import type { PullResponse, WireDocument } from '../src-shared/api/sync-protocol';
import { newId } from '../src-shared/common/ids';
import type { Opinion } from '../src-shared/opinion/opinion';
import { makeOpinion } from '../src-shared/testing/factories';
import { type SyncTestServer, startSyncTestServer } from '../testing/sync-test-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench', 'results', 'sync-chromium');
const pullCount = Number(process.argv[2] ?? 10_000);
const pushCount = Number(process.argv[3] ?? 10_000);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Timed {
  ms: number;
  value: number;
}

/** The page that runs in Chromium: it imports the app's own database and replication. */
const entrySource = `
import Dexie from 'dexie';
import { openLiaisonDatabase } from '../../../src-renderer/db/database';
import { startReplication } from '../../../src-renderer/sync/replication';
import { newId } from '../../../src-shared/common/ids';
import { makeOpinion } from '../../../src-shared/testing/factories';

const encryptionKey = 'bench-key-0123456789';
const timed = async (run) => {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
};
const opinions = (countyId, stationId, n) =>
  Array.from({ length: n }, (_, i) =>
    makeOpinion({ id: newId(), countyId, stationId, status: 'recorded', title: '基准意见 ' + (i + 1), history: [] }));
const rawDexie = async (name) => {
  const dexie = new Dexie(name);
  dexie.version(1).stores({ opinions: 'id, updatedAt, [stationId+receivedAt]' });
  await dexie.open();
  return dexie;
};
const replicate = async (db, serverUrl, token, identity) => {
  const replication = startReplication(db, {
    serverUrl, token, appVersion: 'bench', identity, collections: ['opinions'], isOnline: () => true,
  });
  await replication.states.get('opinions').awaitInitialReplication();
  await replication.awaitInSync();
  await replication.cancel();
};

let pushDb = null;
window.bench = {
  async pull({ serverUrl, token }) {
    const db = await openLiaisonDatabase({ name: 'pull' + Date.now(), encryptionKey, multiInstance: false });
    const result = await timed(async () => {
      await replicate(db, serverUrl, token, 'bench-pull');
      return db.opinions.count().exec();
    });
    await db.remove();
    return result;
  },
  async rawPull({ url }) {
    const dexie = await rawDexie('raw-pull-' + Date.now());
    const result = await timed(async () => {
      const docs = await (await fetch(url)).json();
      await dexie.table('opinions').bulkPut(docs);
      return dexie.table('opinions').count();
    });
    await dexie.delete();
    return result;
  },
  async preparePush({ countyId, stationId, count }) {
    pushDb = await openLiaisonDatabase({ name: 'push' + Date.now(), encryptionKey, multiInstance: false });
    // One bulk insert: every record shares one local write time.
    return timed(async () => {
      await pushDb.opinions.bulkInsert(opinions(countyId, stationId, count));
      return count;
    });
  },
  async push({ serverUrl, token }) {
    const result = await timed(async () => {
      await replicate(pushDb, serverUrl, token, 'bench-push');
      return pushDb.opinions.count().exec();
    });
    await pushDb.remove();
    return result;
  },
  async rawPush({ url, countyId, stationId, count }) {
    const dexie = await rawDexie('raw-push-' + Date.now());
    await dexie.table('opinions').bulkPut(opinions(countyId, stationId, count));
    const result = await timed(async () => {
      const docs = await dexie.table('opinions').toArray();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(docs) });
      return (await response.json()).received;
    });
    await dexie.delete();
    return result;
  },
};
window.benchReady = true;
`;

async function buildPage(): Promise<string> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(path.join(work, 'entry.js'), entrySource);
  await writeFile(
    path.join(work, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"></head><body><script type="module" src="./entry.js"></script></body></html>',
  );
  const outDir = path.join(work, 'dist');
  await build({
    configFile: false,
    root: work,
    base: './',
    logLevel: 'error',
    // Profiles keep function names readable.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8000, minify: !process.env.BENCH_PROFILE },
  });
  return outDir;
}

async function enrol(server: SyncTestServer, stationId: string): Promise<string> {
  const response = await fetch(`${server.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await server.issueCode(stationId), deviceName: 'bench' }),
  });
  if (!response.ok) throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as EnrollResponse).token;
}

/** The baseline's server: serves one JSON body, parses posted bodies; any origin may call it (the page's differs). */
async function startRawServer(body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      response.end();
    } else if (request.method === 'GET') {
      response.writeHead(200, { ...cors, 'content-type': 'application/json' });
      response.end(body);
    } else {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
        response.writeHead(200, { ...cors, 'content-type': 'application/json' });
        response.end(JSON.stringify({ received: parsed.length }));
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** What the server holds for a station, read the way a pull does (1,000 at a time). */
async function pullAll(server: SyncTestServer, token: string): Promise<WireDocument<Opinion>[]> {
  const out: WireDocument<Opinion>[] = [];
  let seq = 0;
  for (;;) {
    const response = await fetch(`${server.url}/v1/sync/opinions/pull?seq=${seq}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as PullResponse<Opinion>;
    out.push(...page.documents);
    if (page.documents.length < 1000) return out;
    seq = page.checkpoint.seq;
  }
}

async function main(): Promise<void> {
  const dist = await buildPage();
  // The sync server also serves the bench page, so the page talks to it from its own origin.
  const server = await startSyncTestServer({ staticDir: dist, bodyLimit: 64 * 1024 * 1024 });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const version = browser.version();
  let raw: { url: string; server: Server } | null = null;
  const rows: { scenario: string; documents: number; ms: number; baseline?: number }[] = [];
  try {
    const stations = server.demo.stations.filter((s) => s.countyId === 'xiangzhou');
    const pullStation = stations[1]!;
    const pushStation = stations[2]!;

    // Seed the server with the pull station's records (as its other PC would have pushed them).
    const seedToken = await enrol(server, pullStation.id);
    for (let i = 0; i < pullCount; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, pullCount - i) }, (_, j) => ({
        newDocumentState: {
          ...makeOpinion({
            id: newId(),
            countyId: 'xiangzhou',
            stationId: pullStation.id,
            status: 'recorded',
            title: `基准意见 ${i + j + 1}`,
            history: [],
          }),
          _deleted: false,
        },
      }));
      const response = await fetch(`${server.url}/v1/sync/opinions/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seedToken}` },
        body: JSON.stringify(batch),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }
    const wire = await pullAll(server, seedToken);
    raw = await startRawServer(JSON.stringify(wire));

    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
    const call = (method: string, args: Record<string, unknown>): Promise<Timed> =>
      page.evaluate(
        ([m, a]) =>
          (window as unknown as { bench: Record<string, (a: unknown) => Promise<Timed>> }).bench[m as string]!(a),
        [method, args] as const,
      );
    // Optional CPU profile of the page (Chrome DevTools Protocol), to see where a scenario spends its time.
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) await cdp.send('Profiler.enable');
    const profiled = async (name: string, run: () => Promise<Timed>): Promise<Timed> => {
      if (!cdp) return run();
      await cdp.send('Profiler.start');
      const result = await run();
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(path.join(work, `${name}.cpuprofile`), JSON.stringify(profile));
      return result;
    };
    const log = (scenario: string, t: Timed) => console.error(`… ${scenario}: ${t.value} 条, ${Math.round(t.ms)} ms`);

    const pullToken = await enrol(server, pullStation.id);
    const pull = await profiled('pull', () => call('pull', { serverUrl: server.url, token: pullToken }));
    log('pull', pull);
    if (pull.value !== pullCount) throw new Error(`pull stored ${pull.value} of ${pullCount}`);
    const rawPull = await call('rawPull', { url: raw.url });
    log('raw pull', rawPull);

    const pushToken = await enrol(server, pushStation.id);
    log(
      'local bulk insert before the push',
      await call('preparePush', {
        countyId: 'xiangzhou',
        stationId: pushStation.id,
        count: pushCount,
      }),
    );
    const push = await profiled('push', () => call('push', { serverUrl: server.url, token: pushToken }));
    log('push', push);
    const stored = await server.store.listDocuments('opinions', { kind: 'county', countyId: 'xiangzhou' });
    const pushed = stored.filter((d) => d.stationId === pushStation.id).length;
    if (pushed !== pushCount) throw new Error(`push stored ${pushed} of ${pushCount} on the server`);
    const rawPush = await call('rawPush', {
      url: raw.url,
      countyId: 'xiangzhou',
      stationId: pushStation.id,
      count: pushCount,
    });
    log('raw push', rawPush);

    rows.push(
      { scenario: '初次拉取 (replication, RxDB+Dexie)', documents: pull.value, ms: pull.ms, baseline: rawPull.ms },
      { scenario: '基线：一次请求 + Dexie bulkPut', documents: rawPull.value, ms: rawPull.ms },
      { scenario: '初次推送 (replication, RxDB+Dexie)', documents: pushCount, ms: push.ms, baseline: rawPush.ms },
      { scenario: '基线：Dexie toArray + 一次 POST', documents: rawPush.value, ms: rawPush.ms },
    );
    await page.close();
  } finally {
    await browser.close();
    raw?.server.close();
    await server.dispose();
  }

  console.log(`\n同步基准（Chromium ${version}，拉取 ${pullCount} 条、推送 ${pushCount} 条群众意见）`);
  console.table(
    rows.map((row) => ({
      场景: row.scenario,
      条数: row.documents,
      '耗时 (ms)': Math.round(row.ms),
      '条/秒': Math.round((row.documents / row.ms) * 1000),
      相对基线: row.baseline ? `${(row.ms / row.baseline).toFixed(1)}×` : '1.0×',
    })),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
