// Bench: the 群众意见 list in Chromium with 10,000 and 50,000 opinions in the app's real database (RxDB on Dexie,
// validation and encryption as in the app): seed time, first render of the virtualized list, filter by status,
// filter by category + date range, text search — beside a raw IndexedDB getAll of the same store in the same run.
// Also: two statuses at once (merged index walks), and the text search's first page alone (what the clerk sees
// first; the count of all matches follows).
// Run: npx tsx bench/opinion-list.bench.ts [counts, e.g. 10000,50000]. Prints a table.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench', 'results', 'opinion-list');
const counts = (process.argv[2] ?? '10000,50000').split(',').map(Number);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface BenchRow {
  count: number;
  seedMs: number;
  rawGetAllMs: number;
  firstRenderMs: number;
  statusMs: number;
  categoryDateMs: number;
  textMs: number;
  twoStatusesMs: number;
  textFirstPageMs: number;
  matches: { status: number; categoryDate: number; text: number; twoStatuses: number };
  rawRows: number;
}

/** The page that runs in Chromium: it imports the app's own database, repository and table. */
const entrySource = `
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { firstValueFrom } from 'rxjs';
import '../../../src-renderer/i18n/i18n';
import { openLiaisonDatabase } from '../../../src-renderer/db/database';
import { OpinionRepository } from '../../../src-renderer/db/repositories/opinion-repository';
import { OpinionTable } from '../../../src-renderer/features/opinions/opinion-table';
import { opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import { makeOpinion, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import { opinionListPageSize } from '../../../src-renderer/state/opinion-filter-store';

const words = ['村道破损', '路灯不亮', '垃圾清运', '饮水安全', '农田灌溉', '校车接送', '医保报销', '危房改造'];
let seed = 7;
const random = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
const pick = (items) => items[Math.floor(random() * items.length)];

function rawGetAll(dbName) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const stores = [...idb.objectStoreNames];
      // Dexie's RxStorage keeps the documents in the 'docs' table.
      const store = stores.find((s) => s === 'docs') ?? stores[0];
      const t0 = performance.now();
      const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => {
        const ms = performance.now() - t0;
        idb.close();
        resolve({ ms, rows: request.result.length });
      };
      request.onerror = () => reject(request.error);
    };
  });
}

function rowsRendered() {
  return new Promise((resolve) => {
    const check = () => (document.querySelector('.ant-table-row') ? resolve() : requestAnimationFrame(check));
    check();
  });
}

window.runBench = async (count) => {
  const name = 'bench' + count + 'x' + Date.now();
  const db = await openLiaisonDatabase({ name, encryptionKey: 'bench-key-0123456789', multiInstance: false });
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-01-01T00:00:00Z') - start;
  const reps = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'];
  const t0 = performance.now();
  for (let i = 0; i < count; i += 2000) {
    const chunk = [];
    for (let j = i; j < Math.min(count, i + 2000); j++) {
      const w = pick(words);
      const receivedAt = new Date(start + Math.floor(random() * span)).toISOString();
      chunk.push(makeOpinion({
        status: pick(opinionStatuses.values),
        category: pick(opinionCategories.values),
        representativeId: pick(reps),
        receivedAt,
        createdAt: receivedAt,
        updatedAt: receivedAt,
        title: w + '问题' + j,
        content: '群众反映' + w + '，希望有关部门尽快解决。编号' + j,
      }));
    }
    await db.opinions.bulkInsert(chunk);
  }
  const seedMs = performance.now() - t0;

  const dbNames = (await indexedDB.databases()).map((d) => d.name).filter((n) => n && n.includes(name) && n.includes('opinions'));
  const raw = await rawGetAll(dbNames[0]);

  const repository = new OpinionRepository(db);
  // As the list page does: the newest page of matches plus the count of all matches.
  const list = (filter) =>
    firstValueFrom(repository.list$({ filter: { stationId: TEST_STATION_ID, ...filter }, limit: opinionListPageSize }));
  const countOf = (filter) => firstValueFrom(repository.count$({ stationId: TEST_STATION_ID, ...filter }));
  const timed = async (filter) => {
    const t = performance.now();
    const [rows, total] = await Promise.all([list(filter), countOf(filter)]);
    return { ms: performance.now() - t, rows: total, shown: rows.length };
  };

  // First render: the unfiltered query plus the virtualized table's first rows on screen.
  const container = document.getElementById('root');
  const r0 = performance.now();
  const [all] = await Promise.all([list({}), countOf({})]);
  const reactRoot = createRoot(container);
  reactRoot.render(createElement(ConfigProvider, { locale: zhCN }, createElement(App, null, createElement(OpinionTable, {
    opinions: all, representatives: new Map(), loading: false, height: 500,
    sortField: 'receivedAt', sortOrder: 'desc', onSort: () => {}, onOpen: () => {},
  }))));
  await rowsRendered();
  const firstRenderMs = performance.now() - r0;

  const status = await timed({ status: 'replied' });
  const categoryDate = await timed({ category: 'pollution', receivedFrom: '2025-01-01', receivedTo: '2025-06-30' });
  const text = await timed({ text: '路灯' });
  const twoStatuses = await timed({ status: ['submitted', 'assigned'] });
  const f0 = performance.now();
  await list({ text: '医保' });
  const textFirstPageMs = performance.now() - f0;
  reactRoot.unmount();
  await db.remove();
  return {
    count, seedMs, rawGetAllMs: raw.ms, firstRenderMs,
    statusMs: status.ms, categoryDateMs: categoryDate.ms, textMs: text.ms,
    twoStatusesMs: twoStatuses.ms, textFirstPageMs,
    matches: { status: status.rows, categoryDate: categoryDate.rows, text: text.rows, twoStatuses: twoStatuses.rows },
    rawRows: raw.rows, listed: all.length,
  };
};
window.benchReady = true;
`;

async function buildPage(): Promise<string> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(path.join(work, 'entry.js'), entrySource);
  await writeFile(
    path.join(work, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"></head><body><div id="root"></div><script type="module" src="./entry.js"></script></body></html>',
  );
  const outDir = path.join(work, 'dist');
  await build({
    configFile: false,
    root: work,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  });
  return outDir;
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  return new Promise((resolve) => {
    const server = createServer(async (req, res) => {
      const { readFile } = await import('node:fs/promises');
      const file = path.join(
        dir,
        decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/\/$/, '/index.html'),
      );
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;

async function main(): Promise<void> {
  const dist = await buildPage();
  const server = await serve(dist);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const rows: BenchRow[] = [];
  try {
    for (const count of counts) {
      // A fresh page per size: nothing cached between runs.
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
      const row = await page.evaluate(
        (n) => (window as unknown as { runBench: (n: number) => Promise<BenchRow> }).runBench(n),
        count,
      );
      rows.push(row);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log('\n群众意见 list in Chromium (RxDB 17 on Dexie, validation + encryption as in the app)');
  console.table(
    rows.map((r) => ({
      opinions: r.count.toLocaleString('en'),
      'seed time': `${(r.seedMs / 1000).toFixed(1)} s`,
      'raw IDB getAll (baseline)': ms(r.rawGetAllMs),
      'first render of list': ms(r.firstRenderMs),
      'filter by status': `${ms(r.statusMs)} (${r.matches.status})`,
      'filter by category+date': `${ms(r.categoryDateMs)} (${r.matches.categoryDate})`,
      'text search': `${ms(r.textMs)} (${r.matches.text})`,
      'two statuses': `${ms(r.twoStatusesMs)} (${r.matches.twoStatuses})`,
      'text search, first page only': ms(r.textFirstPageMs),
      'rows read raw': r.rawRows.toLocaleString('en'),
      'first render / baseline': ratio(r.firstRenderMs, r.rawGetAllMs),
      'slowest filter / baseline': ratio(Math.max(r.statusMs, r.categoryDateMs, r.twoStatusesMs), r.rawGetAllMs),
      'text search / baseline': ratio(r.textMs, r.rawGetAllMs),
    })),
  );
  console.log(
    'Filter columns: time to the first page (1,000 rows) plus the count (matching rows). Ratios compare with reading the whole opinions store raw.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
