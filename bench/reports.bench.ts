// Bench: county sync and work reports (JSON and XLSX) on a city-scale SQLite database — 600 stations, 100,000
// opinions, 20,000 mediation cases — beside baselines in the same run: a plain count(*) of the county's opinions and
// reading all of them into memory. Run: npx tsx bench/reports.bench.ts [opinions] [repetitions]. Prints a table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ActivityType } from '../src-shared/activity/activity';
import { activityTypes } from '../src-shared/activity/activity';
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
import { databaseFileName, SqliteStore } from '../sync-server/src/store/sqlite-store';

const opinionCount = Number(process.argv[2] ?? 100_000);
const repetitions = Number(process.argv[3] ?? 5);
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

/** Seeds the database: one transaction, prepared statements, documents built with the shared factories. */
function seedDatabase(file: string): SeedCounts {
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertDoc = db.prepare(
    `INSERT INTO documents (collection, id, station_id, county_id, seq, deleted, body, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertCounty = db.prepare('INSERT INTO counties (id, name) VALUES (?, ?)');
  const insertTownship = db.prepare('INSERT INTO townships (id, county_id, name) VALUES (?, ?, ?)');
  const insertToken = db.prepare(
    `INSERT INTO tokens (hash, kind, subject, county_id, station_id, device_name, created_at, revoked_at, expires_at)
     VALUES (?, 'station', ?, ?, ?, 'bench', ?, NULL, NULL)`,
  );
  const insertSync = db.prepare(
    `INSERT INTO station_sync (station_id, last_heartbeat_at, app_version, pending_changes, last_error, last_sync_at,
       last_pull_at, last_push_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = 0;
  const at = now.toISOString();
  const put = (collection: string, doc: { id: string; countyId: string }, stationId: string | null) => {
    seq++;
    insertDoc.run(collection, doc.id, stationId, doc.countyId, seq, JSON.stringify(doc), at);
  };
  const stations: { id: string; countyId: string; reps: string[] }[] = [];
  db.transaction(() => {
    counties.forEach((countyName, c) => {
      const countyId = `county-${c + 1}`;
      insertCounty.run(countyId, countyName);
      for (let t = 0; t < townshipsPerCounty; t++) {
        insertTownship.run(`${countyId}-t${t + 1}`, countyId, `第${t + 1}乡镇`);
      }
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
        put('stations', station, id);
        const reps: string[] = [];
        for (let r = 0; r < 10; r++) {
          const rep = makeRepresentative({ id: `${id}-r${r + 1}`, countyId, stationId: id, name: `代表${r + 1}` });
          put('representatives', rep, id);
          reps.push(rep.id);
        }
        stations.push({ id, countyId, reps });
        // 95% enrolled; most synced within days, some stale, some never.
        if (random() < 0.95) {
          insertToken.run(`bench-${id}`, id, countyId, id, '2025-01-01T00:00:00.000Z');
          const r = random();
          if (r < 0.9) {
            const last = new Date(now.getTime() - (r < 0.8 ? random() * 3 : 8 + random() * 30) * 86_400_000);
            insertSync.run(
              id,
              last.toISOString(),
              '0.1.0',
              Math.floor(random() * 20),
              null,
              last.toISOString(),
              last.toISOString(),
              last.toISOString(),
            );
          }
        }
      }
    });
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
      put('opinions', opinion, station.id);
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
      put('mediationCases', mediationCase, station.id);
    }
    let n = 0;
    for (const station of stations) {
      for (let month = 0; month < 15; month++) {
        const date = dayOf('2025-01-10', month * 30);
        const held = random() < 0.9;
        put(
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
        put(
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
    db.prepare("UPDATE meta SET value = ? WHERE key = 'seq'").run(String(seq));
  })();
  db.exec('ANALYZE');
  db.close();
  return { stations: stations.length, documents: seq, ms: performance.now() - started };
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

async function main(): Promise<void> {
  // BENCH_KEEP_DIR=DIR keeps the seeded database there (to look at query plans afterwards).
  const keep = process.env.BENCH_KEEP_DIR;
  const dir = keep ?? (await mkdtemp(path.join(tmpdir(), 'ls-bench-reports-')));
  try {
    SqliteStore.open(dir).close(); // creates the tables and the report index (migrations)
    const seeded = seedDatabase(path.join(dir, databaseFileName));
    process.stderr.write(
      `seeded ${seeded.stations} stations, ${seeded.documents} documents (${opinionCount} opinions, ${mediationCount} mediation cases) in ${(seeded.ms / 1000).toFixed(1)} s\n`,
    );
    const store = SqliteStore.open(dir);
    const countyId = 'county-3';
    const range = { from: '2025-01-01', to: '2025-12-31' };
    const countyOpinions = await median(
      async () => (await store.listDocuments('opinions', { kind: 'county', countyId })).length,
    );
    const rows: { scenario: string; median: number; min: number; note?: string }[] = [];
    const db = (store as unknown as { db: Database.Database }).db;
    const count = db.prepare("SELECT count(*) AS n FROM documents WHERE collection = 'opinions' AND county_id = ?");
    const countOnly = await median(async () => count.get(countyId));
    const opinionsInCounty = (count.get(countyId) as { n: number }).n;
    rows.push({ scenario: `baseline: SELECT count(*) of the county's opinions (${opinionsInCounty})`, ...countOnly });
    rows.push({ scenario: 'baseline: read all the county opinions into memory', ...countyOpinions });
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
    await store.close();

    const base = countOnly.median;
    const load = countyOpinions.median;
    const width = Math.max(...rows.map((r) => r.scenario.length));
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.log(
      `\nReports on ${seeded.stations} stations, ${opinionCount} opinions, ${mediationCount} mediation cases; county ${countyId}; median of ${repetitions} runs\n`,
    );
    console.log(line(['scenario'.padEnd(width), 'median ms', '   min ms', '× count(*)', '× load all']));
    console.log(line(['-'.repeat(width), '---------', '---------', '----------', '----------']));
    for (const r of rows) {
      console.log(
        line([
          r.scenario.padEnd(width),
          r.median.toFixed(1).padStart(9),
          r.min.toFixed(1).padStart(9),
          (r.median / base).toFixed(1).padStart(10),
          (r.median / load).toFixed(2).padStart(10),
        ]),
      );
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
