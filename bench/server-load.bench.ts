// Bench: the sync server under load from outside, as a city deployment sees it. N simulated stations (default 600;
// `--stations 6000` for a province) each enrol, pull every collection and push 20 new opinions; then a steady mixed
// load (pulls, pushes, heartbeats, county sync reports) for 60 s (BENCH_SECONDS) with 64 requests in flight, against:
// SQLite (one instance), PostgreSQL (one instance) and PostgreSQL (two instances, separate processes, requests
// alternating). Baseline in the same run: an unknown path (404 JSON), the HTTP floor under the same load.
// Prints per route p50/p95/p99, throughput, errors and server memory, checks that every acknowledged opinion is
// stored once and pulled once, and writes bench/results/server-load.json. The servers run as `serve` processes from
// the source (tsx); PostgreSQL is a throwaway cluster with its default durability (fsync, synchronous commit;
// BENCH_PG_FAST=1 turns both off).
// Run: npx tsx bench/server-load.bench.ts [--stations 600] [--only sqlite|postgres|postgres-2] [--in-flight 64]
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syncRoutes } from '../src-shared/api/routes';
import type { SyncedCollection } from '../src-shared/api/sync-protocol';
import { syncedCollections } from '../src-shared/api/sync-protocol';
import { newId } from '../src-shared/common/ids';
import { makeDepartment, makeOpinion, makeRepresentative, makeStation } from '../src-shared/testing/factories';
import { hashSecret, newToken } from '../sync-server/src/security/secrets';
import { issueEnrolmentCode } from '../sync-server/src/services/enrolment';
import { writeReference } from '../sync-server/src/services/reference-data';
import { openStore, type StoreLocation } from '../sync-server/src/store/open-store';
import type { Store } from '../sync-server/src/store/store';
import { startPostgresCluster } from '../sync-server/src/testing/postgres-cluster';

const { values: flags } = parseArgs({
  options: {
    stations: { type: 'string', default: '600' },
    only: { type: 'string' },
    'in-flight': { type: 'string', default: '64' },
  },
});
const stationCount = Number(flags.stations);
const inFlight = Number(flags['in-flight']);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'sync-server', 'src', 'cli.ts');
const resultsFile = path.join(root, 'bench', 'results', 'server-load.json');
const counties = ['兴宾区', '合山市', '象州县', '武宣县', '忻城县', '金秀瑶族自治县'];

interface Target {
  name: string;
  kind: 'sqlite' | 'postgres';
  instances: number;
}
const targets: Target[] = [
  { name: 'sqlite', kind: 'sqlite', instances: 1 },
  { name: 'postgres', kind: 'postgres', instances: 1 },
  { name: 'postgres-2', kind: 'postgres', instances: 2 },
].filter((t) => !flags.only || t.name === flags.only) as Target[];

// ---------- the simulated stations and county staff ----------

interface SimStation {
  id: string;
  countyId: string;
  code: string;
  token: string;
  checkpoints: Map<SyncedCollection, number>;
  acked: string[];
}

interface Staff {
  countyId: string;
  token: string;
}

/** Places, stations with representatives, departments, one enrolment code per station and a staff session per county. */
async function seed(store: Store, n: number): Promise<{ stations: SimStation[]; staff: Staff[] }> {
  const now = new Date();
  const stations: SimStation[] = [];
  const staff: Staff[] = [];
  for (const [c, countyName] of counties.entries()) {
    const countyId = `county-${c + 1}`;
    await store.upsertCounties([{ id: countyId, name: countyName }]);
    const here = Array.from({ length: Math.ceil(n / counties.length) }, (_, s) => `${countyId}-s${s + 1}`).slice(
      0,
      Math.max(0, n - stations.length),
    );
    const stationDocs = here.map((id, s) =>
      makeStation({
        id,
        countyId,
        countyName,
        countyShortName: countyName.slice(0, 2),
        townshipId: `${countyId}-t${(s % 10) + 1}`,
        townshipName: `第${(s % 10) + 1}乡镇`,
        name: `第${s + 1}联络站`,
        shortName: `站${s + 1}`,
      }),
    );
    const townships = Array.from({ length: 10 }, (_, t) => ({
      id: `${countyId}-t${t + 1}`,
      countyId,
      name: `第${t + 1}乡镇`,
    }));
    await writeReference(store, 'stations', stationDocs, townships);
    await writeReference(
      store,
      'representatives',
      here.flatMap((id) => [1, 2].map((r) => makeRepresentative({ id: `${id}-r${r}`, countyId, stationId: id }))),
    );
    await writeReference(
      store,
      'departments',
      Array.from({ length: 5 }, (_, d) => makeDepartment({ id: `${countyId}-d${d + 1}`, countyId })),
    );
    for (const id of here) {
      const { code } = await issueEnrolmentCode(store, id, now);
      stations.push({ id, countyId, code, token: '', checkpoints: new Map(), acked: [] });
    }
    const token = newToken();
    await store.createToken({
      hash: hashSecret(token),
      kind: 'staff',
      subject: `bench-${countyId}`,
      countyId,
      stationId: null,
      deviceName: null,
      createdAt: now.toISOString(),
      revokedAt: null,
      expiresAt: new Date(now.getTime() + 12 * 3600_000).toISOString(),
    });
    staff.push({ countyId, token });
  }
  return { stations, staff };
}

// ---------- servers as separate processes ----------

interface Server {
  url: string;
  pid: number;
  maxRssMb: number;
  stop(): Promise<void>;
}

function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

async function startServer(location: StoreLocation): Promise<Server> {
  const args = ['--import', 'tsx', cli, 'serve', '--port', '0', '--data', location.dataDir];
  if (location.databaseUrl) args.push('--database', location.databaseUrl);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      INIT_CWD: root,
      LS_LOG_LEVEL: 'warn',
      LS_STATIC_DIR: '',
      // Every simulated station enrols from this one address.
      LS_AUTH_RATE_MAX: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]?.trim() ?? '');
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  const server: Server = {
    url,
    pid: child.pid as number,
    maxRssMb: 0,
    async stop() {
      clearInterval(sampler);
      if (child.exitCode === null && child.signalCode === null) {
        server.maxRssMb = Math.max(server.maxRssMb, rssMb(server.pid));
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
  const sampler = setInterval(() => {
    server.maxRssMb = Math.max(server.maxRssMb, rssMb(server.pid));
  }, 500);
  return server;
}

// ---------- HTTP with timings ----------

const agents = new Map<string, http.Agent>();

interface Answer {
  status: number;
  body: unknown;
}

function request(base: string, method: string, url: string, token: string | null, payload?: unknown): Promise<Answer> {
  let agent = agents.get(base);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
    agents.set(base, agent);
  }
  const data = payload === undefined ? undefined : Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(url, base),
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: kept as text for the error count
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

interface RouteStats {
  times: number[];
  errors: number;
  statuses: Map<number, number>;
}

class Recorder {
  readonly routes = new Map<string, RouteStats>();

  async time(route: string, run: () => Promise<Answer>, ok: (status: number) => boolean = (s) => s === 200) {
    let stats = this.routes.get(route);
    if (!stats) {
      stats = { times: [], errors: 0, statuses: new Map() };
      this.routes.set(route, stats);
    }
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await run();
    } catch (error) {
      stats.errors++;
      stats.times.push(performance.now() - started);
      throw error;
    }
    stats.times.push(performance.now() - started);
    stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
    if (!ok(answer.status)) stats.errors++;
    return answer;
  }

  summary() {
    return [...this.routes].map(([route, s]) => {
      const sorted = [...s.times].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
      return {
        route,
        count: s.times.length,
        errors: s.errors,
        p50: at(50),
        p95: at(95),
        p99: at(99),
        statuses: Object.fromEntries(s.statuses),
      };
    });
  }

  get total(): { count: number; errors: number } {
    let count = 0;
    let errors = 0;
    for (const s of this.routes.values()) {
      count += s.times.length;
      errors += s.errors;
    }
    return { count, errors };
  }
}

/** Runs `work` over `items` with `inFlight` at a time. */
async function pooled<T>(items: readonly T[], work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i] as T, i);
      }
    }),
  );
}

// ---------- what a station does ----------

function newOpinions(station: SimStation, count: number) {
  return Array.from({ length: count }, () => {
    const opinion = makeOpinion({ id: newId(), stationId: station.id, countyId: station.countyId });
    return { assumedMasterState: null, newDocumentState: { ...opinion, _deleted: false } };
  });
}

async function pull(rec: Recorder, base: string, station: SimStation, collection: SyncedCollection): Promise<void> {
  const seq = station.checkpoints.get(collection) ?? 0;
  const answer = await rec.time('GET pull', () =>
    request(base, 'GET', `${syncRoutes.pull(collection)}?seq=${seq}&limit=100`, station.token),
  );
  const body = answer.body as { checkpoint?: { seq: number } };
  if (answer.status === 200 && body.checkpoint) station.checkpoints.set(collection, body.checkpoint.seq);
}

async function push(rec: Recorder, base: string, station: SimStation, count: number): Promise<void> {
  const rows = newOpinions(station, count);
  const answer = await rec.time('POST push (opinions)', () =>
    request(base, 'POST', syncRoutes.push('opinions'), station.token, rows),
  );
  if (answer.status === 200 && Array.isArray(answer.body) && answer.body.length === 0) {
    station.acked.push(...rows.map((r) => r.newDocumentState.id));
  }
}

/** Enrol, pull every collection to its end, push 20 new opinions. */
async function firstSync(rec: Recorder, base: string, station: SimStation): Promise<void> {
  const enrolled = await rec.time('POST enroll', () =>
    request(base, 'POST', syncRoutes.enroll, null, { code: station.code, deviceName: `bench ${station.id}` }),
  );
  station.token = (enrolled.body as { token: string }).token;
  for (const collection of syncedCollections) {
    for (;;) {
      const seq = station.checkpoints.get(collection) ?? 0;
      const answer = await rec.time('GET pull', () =>
        request(base, 'GET', `${syncRoutes.pull(collection)}?seq=${seq}&limit=100`, station.token),
      );
      const body = answer.body as { checkpoint: { seq: number }; remaining: number };
      if (answer.status !== 200) break;
      station.checkpoints.set(collection, body.checkpoint.seq);
      if (body.remaining === 0) break;
    }
  }
  await push(rec, base, station, 20);
}

/** One request of the steady mix. */
async function steadyRequest(rec: Recorder, base: string, stations: SimStation[], staff: Staff[]): Promise<void> {
  const station = stations[Math.floor(Math.random() * stations.length)] as SimStation;
  const r = Math.random();
  if (r < 0.45) {
    const collection = syncedCollections[Math.floor(Math.random() * syncedCollections.length)] as SyncedCollection;
    await pull(rec, base, station, collection);
  } else if (r < 0.7) {
    await push(rec, base, station, 1 + Math.floor(Math.random() * 5));
  } else if (r < 0.9) {
    await rec.time('POST heartbeat', () =>
      request(base, 'POST', syncRoutes.heartbeat, station.token, {
        appVersion: '0.1.0',
        pendingChanges: Math.floor(Math.random() * 10),
        lastError: null,
        lastSyncAt: new Date().toISOString(),
      }),
    );
  } else if (r < 0.95) {
    const s = staff[Math.floor(Math.random() * staff.length)] as Staff;
    await rec.time('GET county sync report', () =>
      request(base, 'GET', `/v1/county/reports/sync?countyId=${s.countyId}`, s.token),
    );
  } else {
    await rec.time(
      'baseline: unknown path (404)',
      () => request(base, 'GET', '/v1/no-such-path', null),
      (status) => status === 404,
    );
  }
}

// ---------- one target ----------

async function runTarget(target: Target) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ls-load-'));
  const cluster =
    target.kind === 'postgres' ? await startPostgresCluster({ durable: process.env.BENCH_PG_FAST !== '1' }) : null;
  const location: StoreLocation = { dataDir, databaseUrl: cluster ? cluster.url() : null };
  try {
    const seedStore = await openStore(location);
    const seeded = await seed(seedStore, stationCount);
    await seedStore.close();
    const servers: Server[] = [];
    for (let i = 0; i < target.instances; i++) servers.push(await startServer(location));
    const base = (i: number) => (servers[i % servers.length] as Server).url;
    try {
      const setup = new Recorder();
      const setupStarted = performance.now();
      await pooled(seeded.stations, (station, i) => firstSync(setup, base(i), station));
      const setupMs = performance.now() - setupStarted;
      process.stderr.write(
        `${target.name}: ${seeded.stations.length} stations enrolled, pulled and pushed in ${(setupMs / 1000).toFixed(1)} s\n`,
      );

      const steady = new Recorder();
      const deadline = performance.now() + seconds * 1000;
      const steadyStarted = performance.now();
      let turn = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (performance.now() < deadline) {
            await steadyRequest(steady, base(turn++), seeded.stations, seeded.staff).catch(() => {});
          }
        }),
      );
      const steadyMs = performance.now() - steadyStarted;

      // Exactly once: each station pulls its opinions from the start (through the other instance where there are
      // two): every acknowledged opinion once, none twice.
      let pulledTwice = 0;
      let missingFromPull = 0;
      await pooled(seeded.stations, async (station, i) => {
        const seen = new Map<string, number>();
        let seq = 0;
        for (;;) {
          const answer = await request(
            base(i + 1),
            'GET',
            `${syncRoutes.pull('opinions')}?seq=${seq}&limit=1000`,
            station.token,
          );
          const body = answer.body as { documents: { id: string }[]; checkpoint: { seq: number } };
          if (answer.status !== 200 || body.documents.length === 0) break;
          for (const d of body.documents) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
          seq = body.checkpoint.seq;
        }
        for (const n of seen.values()) if (n > 1) pulledTwice++;
        for (const id of station.acked) if (!seen.has(id)) missingFromPull++;
      });
      for (const s of servers) await s.stop();
      const store = await openStore(location);
      const stored = await store.listDocuments('opinions', { kind: 'all' });
      await store.close();
      const storedIds = new Set(stored.map((d) => d.id));
      const acked = seeded.stations.flatMap((s) => s.acked);
      const exactlyOnce = {
        acknowledged: acked.length,
        stored: stored.length,
        storedUnique: storedIds.size,
        acknowledgedMissing: acked.filter((id) => !storedIds.has(id)).length,
        storedNotAcknowledged: stored.length - acked.filter((id) => storedIds.has(id)).length,
        pulledTwice,
        missingFromPull,
      };
      const ok =
        exactlyOnce.acknowledgedMissing === 0 &&
        exactlyOnce.stored === exactlyOnce.storedUnique &&
        pulledTwice === 0 &&
        missingFromPull === 0;
      return {
        target: target.name,
        store: target.kind,
        instances: target.instances,
        stations: seeded.stations.length,
        inFlight,
        setup: { seconds: setupMs / 1000, routes: setup.summary(), ...setup.total },
        steady: {
          seconds: steadyMs / 1000,
          requestsPerSecond: steady.total.count / (steadyMs / 1000),
          routes: steady.summary(),
          ...steady.total,
        },
        serverMaxRssMb: servers.map((s) => Math.round(s.maxRssMb)),
        exactlyOnce: { ...exactlyOnce, ok },
      };
    } finally {
      for (const s of servers) await s.stop().catch(() => {});
    }
  } finally {
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results = [];
  for (const target of targets) results.push(await runTarget(target));
  for (const agent of agents.values()) agent.destroy();

  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(
    `\nServer under load: ${stationCount} stations, ${inFlight} requests in flight, steady mix for ${seconds} s (ms)\n`,
  );
  console.log(
    line(['target    ', 'phase ', 'route                         ', '  count', '   p50', '   p95', '   p99', 'errors']),
  );
  console.log(
    line(['----------', '------', '------------------------------', '-------', '------', '------', '------', '------']),
  );
  for (const r of results) {
    for (const [phase, routes] of [
      ['setup', r.setup.routes],
      ['steady', r.steady.routes],
    ] as const) {
      for (const route of routes) {
        console.log(
          line([
            r.target.padEnd(10),
            phase.padEnd(6),
            route.route.padEnd(30),
            String(route.count).padStart(7),
            route.p50.toFixed(1).padStart(6),
            route.p95.toFixed(1).padStart(6),
            route.p99.toFixed(1).padStart(6),
            String(route.errors).padStart(6),
          ]),
        );
      }
    }
  }
  console.log('');
  console.log(
    line(['target    ', 'setup s', 'steady req/s', 'errors', 'server RSS MB', 'acked  ', 'stored ', 'exactly once']),
  );
  console.log(
    line(['----------', '-------', '------------', '------', '-------------', '-------', '-------', '------------']),
  );
  for (const r of results) {
    console.log(
      line([
        r.target.padEnd(10),
        r.setup.seconds.toFixed(1).padStart(7),
        r.steady.requestsPerSecond.toFixed(0).padStart(12),
        String(r.setup.errors + r.steady.errors).padStart(6),
        r.serverMaxRssMb.join(' + ').padStart(13),
        String(r.exactlyOnce.acknowledged).padStart(7),
        String(r.exactlyOnce.stored).padStart(7),
        (r.exactlyOnce.ok ? 'yes' : 'NO').padStart(12),
      ]),
    );
  }
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(
    resultsFile,
    `${JSON.stringify({ at: new Date().toISOString(), stations: stationCount, inFlight, seconds, results }, null, 2)}\n`,
  );
  console.log(`\nwritten: ${path.relative(root, resultsFile)}`);
  if (results.some((r) => !r.exactlyOnce.ok)) {
    console.error('exactly-once check FAILED');
    process.exit(1);
  }
}

await main();
