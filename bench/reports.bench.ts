// Bench: county sync and work reports (JSON and XLSX) on a city-scale database — 600 stations, 100,000 opinions,
// 20,000 mediation cases — on both stores (SQLite, and PostgreSQL in a throwaway cluster), beside baselines in the
// same run: the county's opinions counted (count(*) on an index) and read into memory. The data goes in through the
// Store as the server writes it, and nothing is done to the database that the server does not do itself: SQLite's
// statistics come from the store's own `PRAGMA optimize` (on close and open), PostgreSQL's from autovacuum, which
// the bench waits for. Run: npx tsx bench/reports.bench.ts [opinions] [repetitions] [sqlite|postgres|both].
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ActivityType } from '../src-shared/activity/activity';
import { activityTypes } from '../src-shared/activity/activity';
import type { SyncedCollection } from '../src-shared/api/sync-protocol';
import type { DisputeType, MediationCaseStatus } from '../src-shared/mediation-case/mediation-case';
import type { OpinionCategory, OpinionStatus } from '../src-shared/opinion/opinion';
import { opinionCategories } from '../src-shared/opinion/opinion';
import {
  makeActivity,
  makeMediationCase,
  makeOpinion,
  makeReceptionDay,
  makeRepresentative,
  makeStation,
} from '../src-shared/testing/factories';
import { syncReportOutput, workReportOutput } from '../sync-server/src/reports/report-output';
import { PostgresStore } from '../sync-server/src/store/postgres-store';
import { SqliteStore } from '../sync-server/src/store/sqlite-store';
import type { DocumentWrite, Store, StoreKind } from '../sync-server/src/store/store';
import { startPostgresCluster } from '../sync-server/src/testing/postgres-cluster';

const opinionCount = Number(process.argv[2] ?? 100_000);
const repetitions = Number(process.argv[3] ?? 5);
const which = process.argv[4] ?? 'both';
const kinds: StoreKind[] = which === 'both' ? ['sqlite', 'postgres'] : [which as StoreKind];
const mediationCount = Math.round(opinionCount / 5);
const counties = ['兴宾区', '合山市', '象州县', '武宣县', '忻城县', '金秀瑶族自治县'];
const stationsPerCounty = 100;
const townshipsPerCounty = 10;
const now = new Date('2026-04-10T02:00:00.000Z');

/** A deterministic pseudo-random source, so every run seeds the same database. */
let seed = 20260410;
function random(): number {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
/** Picks by weight: [[value, weight], …]. */
function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r <= 0) return value;
  }
  return (table.at(-1) as readonly [T, number])[0];
}
function dayOf(start: string, offsetDays: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

// Roughly the seed's shape: 98% of reported opinions processed, most closed.
const opinionStatusWeights: readonly (readonly [OpinionStatus, number])[] = [
  ['closed', 45],
  ['rated', 15],
  ['replied', 10],
  ['answeredOnSite', 6],
  ['assigned', 8],
  ['accepted', 4],
  ['submitted', 4],
  ['recorded', 2],
  ['rejected', 2],
  ['merged', 2],
  ['escalated', 1],
  ['returned', 1],
];
const mediationStatusWeights: readonly (readonly [MediationCaseStatus, number])[] = [
  ['performed', 55],
  ['agreed', 15],
  ['failed', 12],
  ['mediating', 10],
  ['registered', 5],
  ['withdrawn', 3],
];
const disputes: readonly DisputeType[] = [
  'landForest',
  'projectConstruction',
  'neighbour',
  'family',
  'labour',
  'contract',
  'other',
];
const phrases = ['村道破损', '路灯不亮', '垃圾清运', '河道污染', '饮水安全', '农田灌溉', '校车接送', '工资拖欠'];

interface SeedCounts {
  stations: number;
  documents: number;
  ms: number;
}

/** Seeds the store through its own methods (as demo data, imports and pushes write), documents in batches. */
async function seedStore(store: Store): Promise<SeedCounts> {
  const started = performance.now();
  // Deterministic: every store gets the same data.
  seed = 20260410;
  let documents = 0;
  const pending = new Map<SyncedCollection, DocumentWrite[]>();
  const flush = async (collection: SyncedCollection) => {
    const writes = pending.get(collection) ?? [];
    pending.set(collection, []);
    if (writes.length > 0) documents += (await store.upsertDocuments(collection, writes)).length;
  };
  const put = async (collection: SyncedCollection, doc: { id: string; countyId: string }, stationId: string | null) => {
    const writes = pending.get(collection) ?? [];
    writes.push({ id: doc.id, stationId, countyId: doc.countyId, deleted: false, body: { ...doc } });
    pending.set(collection, writes);
    if (writes.length >= 1000) await flush(collection);
  };
  const stations: { id: string; countyId: string; reps: string[] }[] = [];
  {
    for (const [c, countyName] of counties.entries()) {
      const countyId = `county-${c + 1}`;
      await store.upsertCounties([{ id: countyId, name: countyName }]);
      await store.upsertTownships(
        Array.from({ length: townshipsPerCounty }, (_, t) => ({
          id: `${countyId}-t${t + 1}`,
          countyId,
          name: `第${t + 1}乡镇`,
        })),
      );
      for (let s = 0; s < stationsPerCounty; s++) {
        const t = s % townshipsPerCounty;
        const id = `${countyId}-s${s + 1}`;
        const station = makeStation({
          id,
          countyId,
          countyName,
          countyShortName: `县${c + 1}`,
          townshipId: `${countyId}-t${t + 1}`,
          townshipName: `第${t + 1}乡镇`,
          name: `第${s + 1}联络站`,
          shortName: `站${s + 1}`,
          kind: s < townshipsPerCounty ? 'activityCenter' : 'villageStation',
        });
        await put('stations', station, id);
        const reps: string[] = [];
        for (let r = 0; r < 10; r++) {
          const rep = makeRepresentative({ id: `${id}-r${r + 1}`, countyId, stationId: id, name: `代表${r + 1}` });
          await put('representatives', rep, id);
          reps.push(rep.id);
        }
        stations.push({ id, countyId, reps });
        // 95% enrolled; most synced within days, some stale, some never.
        if (random() < 0.95) {
          await store.createToken({
            hash: `bench-${id}`,
            kind: 'station',
            subject: id,
            countyId,
            stationId: id,
            deviceName: 'bench',
            createdAt: '2025-01-01T00:00:00.000Z',
            revokedAt: null,
            expiresAt: null,
          });
          const r = random();
          if (r < 0.9) {
            const last = new Date(now.getTime() - (r < 0.8 ? random() * 3 : 8 + random() * 30) * 86_400_000);
            await store.recordHeartbeat({
              stationId: id,
              device: `bench-${id}`,
              at: last.toISOString(),
              appVersion: '0.1.0',
              pendingChanges: Math.floor(random() * 20),
              lastError: null,
              lastSyncAt: last.toISOString(),
            });
            await store.recordSyncActivity(id, 'pull', last.toISOString());
            await store.recordSyncActivity(id, 'push', last.toISOString());
          }
        }
      }
    }
    for (let i = 0; i < opinionCount; i++) {
      const station = pick(stations);
      const status = weighted(opinionStatusWeights);
      const receivedOn = dayOf('2025-01-01', Math.floor(random() * 455));
      const deadline = dayOf(receivedOn, 15 + Math.floor(random() * 10));
      const repliedOn = dayOf(receivedOn, 5 + Math.floor(random() * 30));
      const phrase = pick(phrases);
      const opinion = makeOpinion({
        id: `op-${i}`,
        countyId: station.countyId,
        stationId: station.id,
        representativeId: pick(station.reps),
        receivedAt: `${receivedOn}T02:00:00.000Z`,
        category: pick(opinionCategories.values) as OpinionCategory,
        title: `${phrase}问题`,
        content: `群众反映本村${phrase}，已有一段时间，希望有关部门尽快解决。编号${i}`,
        status,
        ...(['assigned', 'returned', 'replied', 'rated', 'closed', 'escalated'].includes(status)
          ? { assignment: { leadDepartmentId: 'dept-1', assistingDepartmentIds: [], deadline } }
          : {}),
        ...(['replied', 'rated', 'closed'].includes(status)
          ? { reply: { class: 'A', text: '已办理', repliedOn } }
          : {}),
        ...(['rated', 'closed'].includes(status)
          ? {
              satisfaction: weighted([
                ['satisfied', 80],
                ['basicallySatisfied', 15],
                ['unsatisfied', 5],
              ] as const),
            }
          : {}),
      });
      await put('opinions', opinion, station.id);
    }
    for (let i = 0; i < mediationCount; i++) {
      const station = pick(stations);
      const mediationCase = makeMediationCase({
        id: `mc-${i}`,
        countyId: station.countyId,
        stationId: station.id,
        caseNumber: `站-${i}`,
        registeredOn: dayOf('2025-01-01', Math.floor(random() * 455)),
        disputeType: pick(disputes),
        status: weighted(mediationStatusWeights),
        participants: [
          { name: '调解员', role: 'mediator' },
          { name: '代表', role: 'representative', representativeId: pick(station.reps) },
        ],
      });
      await put('mediationCases', mediationCase, station.id);
    }
    let n = 0;
    for (const station of stations) {
      for (let month = 0; month < 15; month++) {
        const date = dayOf('2025-01-10', month * 30);
        const held = random() < 0.9;
        await put(
          'receptionDays',
          makeReceptionDay({
            id: `rd-${n++}`,
            countyId: station.countyId,
            stationId: station.id,
            date,
            status: held ? 'held' : 'cancelled',
            representativeIds: station.reps.slice(0, 2),
            ...(held
              ? { presentRepresentativeIds: station.reps.slice(0, 2), visitorCount: Math.floor(random() * 12) }
              : {}),
          }),
          station.id,
        );
      }
      for (let a = 0; a < 20; a++) {
        await put(
          'activities',
          makeActivity({
            id: `ac-${n++}`,
            countyId: station.countyId,
            stationId: station.id,
            type: pick(activityTypes.values) as ActivityType,
            date: dayOf('2025-01-01', Math.floor(random() * 455)),
            representativeIds: [pick(station.reps)],
          }),
          station.id,
        );
      }
    }
  }
  for (const collection of pending.keys()) await flush(collection);
  return { stations: stations.length, documents, ms: performance.now() - started };
}

async function median(run: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  await run(); // warm-up: statement cache, page cache
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, min: times[0] as number };
}

interface Row {
  scenario: string;
  median: number;
  min: number;
}

/** Waits until autovacuum has analysed the documents table since the seed (what a running server relies on). */
async function autoanalysed(url: string): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ analysed: boolean }>(
        "SELECT last_autoanalyze IS NOT NULL AND n_mod_since_analyze < 1000 AS analysed FROM pg_stat_user_tables WHERE relname = 'documents'",
      );
      if (rows[0]?.analysed) return performance.now() - started;
      if (performance.now() - started > 300_000) throw new Error('autovacuum did not analyse documents in 5 minutes');
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await client.end();
  }
}

async function measure(store: Store): Promise<Row[]> {
  const countyId = 'county-3';
  const range = { from: '2025-01-01', to: '2025-12-31' };
  const county = { kind: 'county', countyId } as const;
  const rows: Row[] = [];
  const opinionsInCounty = await store.countAfter('opinions', county, 0);
  rows.push({
    scenario: `baseline: count the county's opinions (${opinionsInCounty})`,
    ...(await median(() => store.countAfter('opinions', county, 0))),
  });
  rows.push({
    scenario: 'baseline: read all the county opinions into memory',
    ...(await median(async () => (await store.listDocuments('opinions', county)).length)),
  });
  const scenarios: [string, () => Promise<unknown>][] = [
    ['sync report, county, JSON', () => syncReportOutput(store, countyId, 7, 'json', 'bench', now)],
    ['sync report, county, XLSX', () => syncReportOutput(store, countyId, 7, 'xlsx', 'bench', now)],
    ['work report 2025, county, JSON', () => workReportOutput(store, { countyId, ...range }, 'json', 'bench', now)],
    [
      'work report 2025, township, JSON',
      () => workReportOutput(store, { countyId, townshipId: `${countyId}-t1`, ...range }, 'json', 'bench', now),
    ],
    [
      'work report 2025, station, JSON',
      () => workReportOutput(store, { countyId, stationId: `${countyId}-s1`, ...range }, 'json', 'bench', now),
    ],
    [
      'work report 2025, county, XLSX (with opinion list)',
      () => workReportOutput(store, { countyId, ...range }, 'xlsx', 'bench', now),
    ],
    [
      'work report 2025, station, XLSX',
      () => workReportOutput(store, { countyId, stationId: `${countyId}-s1`, ...range }, 'xlsx', 'bench', now),
    ],
    ['work report 2025, county, CSV', () => workReportOutput(store, { countyId, ...range }, 'csv', 'bench', now)],
  ];
  for (const [scenario, run] of scenarios) rows.push({ scenario, ...(await median(run)) });
  return rows;
}

async function onSqlite(): Promise<{ rows: Row[]; seeded: SeedCounts; note: string }> {
  // BENCH_KEEP_DIR=DIR keeps the seeded database there (to look at query plans afterwards).
  const keep = process.env.BENCH_KEEP_DIR;
  const dir = keep ?? (await mkdtemp(path.join(tmpdir(), 'ls-bench-reports-')));
  try {
    const writer = SqliteStore.open(dir);
    const seeded = await seedStore(writer);
    // A server restart: the store runs PRAGMA optimize on close and on open, as the server always does.
    await writer.close();
    const store = SqliteStore.open(dir);
    try {
      return { rows: await measure(store), seeded, note: 'statistics from the store’s PRAGMA optimize' };
    } finally {
      await store.close();
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<{ rows: Row[]; seeded: SeedCounts; note: string }> {
  const cluster = await startPostgresCluster();
  try {
    const store = await PostgresStore.open(cluster.url());
    try {
      const seeded = await seedStore(store);
      const waited = await autoanalysed(cluster.url());
      return {
        rows: await measure(store),
        seeded,
        note: `statistics from autovacuum (waited ${(waited / 1000).toFixed(0)} s for it)`,
      };
    } finally {
      await store.close();
    }
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const results = new Map<StoreKind, { rows: Row[]; seeded: SeedCounts; note: string }>();
  for (const kind of kinds) {
    const result = kind === 'sqlite' ? await onSqlite() : await onPostgres();
    process.stderr.write(
      `${kind}: seeded ${result.seeded.stations} stations, ${result.seeded.documents} documents (${opinionCount} opinions, ${mediationCount} mediation cases) through the store in ${(result.seeded.ms / 1000).toFixed(1)} s; ${result.note}\n`,
    );
    results.set(kind, result);
  }
  const first = [...results.values()][0] as { rows: Row[] };
  const width = Math.max(...first.rows.map((r) => r.scenario.length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(
    `\nReports on ${stationsPerCounty * counties.length} stations, ${opinionCount} opinions, ${mediationCount} mediation cases; county county-3; median of ${repetitions} runs (ms; × = times the count baseline)\n`,
  );
  const header = ['scenario'.padEnd(width)];
  const rule = ['-'.repeat(width)];
  for (const kind of results.keys()) {
    header.push(`${kind} median`.padStart(15), `${kind} min`.padStart(12), '× count'.padStart(8));
    rule.push('-'.repeat(15), '-'.repeat(12), '-'.repeat(8));
  }
  console.log(line(header));
  console.log(line(rule));
  first.rows.forEach((row, i) => {
    const cells = [row.scenario.padEnd(width)];
    for (const { rows } of results.values()) {
      const r = rows[i] as Row;
      const base = (rows[0] as Row).median;
      cells.push(
        r.median.toFixed(1).padStart(15),
        r.min.toFixed(1).padStart(12),
        (r.median / base).toFixed(1).padStart(8),
      );
    }
    console.log(line(cells));
  });
}

await main();
