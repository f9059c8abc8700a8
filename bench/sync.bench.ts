// Bench: initial pull and initial push of 10,000 opinions through the real replication (the app's database: RxDB on
// Dexie with the shared validation and encryption; HTTP to a real sync server), beside a raw baseline in the same
// run: the same JSON in one request and one raw Dexie bulkPut; one raw Dexie read and one POST.
// Run: npx tsx bench/sync.bench.ts [pullCount=10000] [pushCount=10000]. Node with fake-indexeddb: its cursor steps are
// far slower than a browser's, so the real figures come from bench/sync-chromium.bench.ts; this one runs anywhere.
// The push's local records are written by one bulk insert and share one write time: before the seeking
// "changes since" (src-renderer/db/changed-documents-storage.ts) every push batch rescanned them all (10,000: 19 min).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { type LiaisonDatabase, openLiaisonDatabase } from '../src-renderer/db/database';
import { startReplication } from '../src-renderer/sync/replication';
import type { EnrollResponse } from '../src-shared/api/enrolment';
import type { PullResponse, WireDocument } from '../src-shared/api/sync-protocol';
import { newId } from '../src-shared/common/ids';
import type { Opinion } from '../src-shared/opinion/opinion';
import { makeOpinion } from '../src-shared/testing/factories';
import { type SyncTestServer, startSyncTestServer } from '../testing/sync-test-server';

const count = Number(process.argv[2] ?? 10_000);
const pushCount = Number(process.argv[3] ?? 10_000);

interface Row {
  scenario: string;
  documents: number;
  ms: number;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** The app's real database (src-renderer/db/database.ts: validation, encryption, all collections) on fake IndexedDB. */
function openBenchDatabase(name: string): Promise<LiaisonDatabase> {
  return openLiaisonDatabase({
    name,
    encryptionKey: 'bench-password-123',
    indexedDB,
    IDBKeyRange,
    multiInstance: false,
  });
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

function opinionsFor(countyId: string, stationId: string, n: number): Opinion[] {
  return Array.from({ length: n }, (_, i) =>
    makeOpinion({ id: newId(), countyId, stationId, status: 'recorded', title: `基准意见 ${i + 1}`, history: [] }),
  );
}

/** A plain HTTP server for the baseline: serves one JSON body, and swallows (parses) posted bodies. */
async function startRawServer(body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: parsed.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function main(): Promise<void> {
  const server = await startSyncTestServer({ bodyLimit: 64 * 1024 * 1024 });
  const rows: Row[] = [];
  // Each figure is logged as soon as it is measured.
  const record = (row: Row) => {
    rows.push(row);
    console.error(`… ${row.scenario}: ${row.documents} 条, ${Math.round(row.ms)} ms`);
  };
  try {
    const stations = server.demo.stations.filter((s) => s.countyId === 'xiangzhou');
    const pullStation = stations[1]!;
    const pushStation = stations[2]!;

    // Seed the server with the pull station's records (as its other PC would have pushed them).
    const seedToken = await enrol(server, pullStation.id);
    const seed = opinionsFor('xiangzhou', pullStation.id, count);
    for (let i = 0; i < seed.length; i += 1000) {
      const rows = seed.slice(i, i + 1000).map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }));
      const response = await fetch(`${server.url}/v1/sync/opinions/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seedToken}` },
        body: JSON.stringify(rows),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }

    // 1. Initial pull through the replication.
    const pullToken = await enrol(server, pullStation.id);
    const pullDb = await openBenchDatabase(`bench-pull-${newId().toLowerCase()}`);
    const pull = await timed(async () => {
      const replication = startReplication(pullDb, {
        serverUrl: server.url,
        token: pullToken,
        appVersion: 'bench',
        identity: 'bench-pull',
        collections: ['opinions'],
        isOnline: () => true,
      });
      await replication.states.get('opinions')!.awaitInitialReplication();
      await replication.awaitInSync();
      const n = await pullDb.opinions.count().exec();
      await replication.cancel();
      return n;
    });
    if (pull.value !== count) throw new Error(`pull stored ${pull.value} of ${count}`);
    record({ scenario: '初次拉取 (replication, RxDB+Dexie)', documents: pull.value, ms: pull.ms });
    await pullDb.close();

    // 1b. Raw baseline: the same documents as one JSON body, one fetch, one Dexie bulkPut.
    const wire: WireDocument<Opinion>[] = [];
    let seq = 0;
    for (;;) {
      const response = await fetch(`${server.url}/v1/sync/opinions/pull?seq=${seq}&limit=1000`, {
        headers: { authorization: `Bearer ${pullToken}` },
      });
      const page = (await response.json()) as PullResponse<Opinion>;
      wire.push(...page.documents);
      if (page.documents.length < 1000) break;
      seq = page.checkpoint.seq;
    }
    const raw = await startRawServer(JSON.stringify(wire));
    const rawDexie = new Dexie(`bench-raw-${newId()}`, { indexedDB, IDBKeyRange });
    rawDexie.version(1).stores({
      opinions: 'id, updatedAt, [stationId+receivedAt]',
      outbox: 'id, updatedAt, [stationId+receivedAt]',
    });
    const rawPull = await timed(async () => {
      const docs = (await (await fetch(raw.url)).json()) as WireDocument<Opinion>[];
      await rawDexie.table('opinions').bulkPut(docs);
      return rawDexie.table('opinions').count();
    });
    record({ scenario: '基线：一次请求 + Dexie bulkPut', documents: rawPull.value, ms: rawPull.ms });

    // 2. Initial push: a station with the same number of local records syncs for the first time.
    const pushToken = await enrol(server, pushStation.id);
    const pushDb = await openBenchDatabase(`bench-push-${newId().toLowerCase()}`);
    const local = opinionsFor('xiangzhou', pushStation.id, pushCount);
    // One bulk insert: every record shares one local write time, as after a restore, an import or a migration.
    await pushDb.opinions.bulkInsert(local);
    const push = await timed(async () => {
      const replication = startReplication(pushDb, {
        serverUrl: server.url,
        token: pushToken,
        appVersion: 'bench',
        identity: 'bench-push',
        collections: ['opinions'],
        isOnline: () => true,
      });
      await replication.states.get('opinions')!.awaitInitialReplication();
      await replication.awaitInSync();
      await replication.cancel();
      const stored = await server.store.listDocuments('opinions', { kind: 'county', countyId: 'xiangzhou' });
      return stored.filter((d) => d.stationId === pushStation.id).length;
    });
    if (push.value !== pushCount) throw new Error(`push stored ${push.value} of ${pushCount} on the server`);
    record({ scenario: '初次推送 (replication, RxDB+Dexie)', documents: push.value, ms: push.ms });
    await pushDb.close();

    // 2b. Raw baseline: read the same records from a plain Dexie table, post them as one JSON body.
    await rawDexie.table('outbox').bulkPut(local);
    const rawPush = await timed(async () => {
      const docs = await rawDexie.table('outbox').toArray();
      const response = await fetch(raw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(docs),
      });
      return ((await response.json()) as { received: number }).received;
    });
    record({ scenario: '基线：Dexie toArray + 一次请求', documents: rawPush.value, ms: rawPush.ms });
    raw.server.close();
    rawDexie.close();
  } finally {
    await server.dispose();
  }

  const baselineFor = (scenario: string) =>
    scenario.startsWith('初次拉取') ? rows[1] : scenario.startsWith('初次推送') ? rows[3] : undefined;
  console.log(`\n同步基准（拉取 ${count} 条、推送 ${pushCount} 条群众意见，fake-indexeddb，Node ${process.version}）`);
  console.table(
    rows.map((row) => {
      const baseline = baselineFor(row.scenario);
      return {
        场景: row.scenario,
        条数: row.documents,
        '耗时 (ms)': Math.round(row.ms),
        '条/秒': Math.round((row.documents / row.ms) * 1000),
        相对基线: baseline ? `${(row.ms / baseline.ms).toFixed(1)}×` : '1.0×',
      };
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
