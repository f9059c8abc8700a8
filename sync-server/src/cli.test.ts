// CLI smoke tests: real processes, JSON on stdout alone, messages on stderr, exit codes.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opinionSchema } from '../../src-shared/opinion/opinion';
import { loadConfig } from './config';
import { FIXTURE, seedWorkReportFixture } from './reports/work-report.fixture';
import { SqliteStore } from './store/sqlite-store';
import { runNode } from './testing/run-process';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = path.join('sync-server', 'src', 'cli.ts');

function cli(args: string[], input?: string) {
  return runNode(['--import', 'tsx', cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, INIT_CWD: repoRoot, LS_LOG_LEVEL: 'warn' },
    input,
  });
}

let data: string;
beforeAll(async () => {
  data = await mkdtemp(path.join(tmpdir(), 'ls-cli-'));
});
afterAll(async () => {
  await rm(data, { recursive: true, force: true });
});

describe('cli', () => {
  it('loads the demo, lists stations as JSON on stdout, and pre-enrols a demo station', async () => {
    const enrolFile = path.join(data, 'enrolment.json');
    const demo = await cli([
      'demo',
      '--data',
      data,
      '--json',
      '--enroll-station',
      'st-xiangzhou-miaohuang',
      '--enrolment-out',
      enrolFile,
      '--server-url',
      'http://127.0.0.1:9999',
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const summary = JSON.parse(demo.stdout) as { counties: number; staff: { user: string; password: string }[] };
    expect(summary.counties).toBe(6);
    expect(summary.staff.map((s) => s.user)).toContain('staff-xiangzhou');
    expect(demo.stderr).toContain('演示数据已载入');
    const enrolment = JSON.parse(await readFile(enrolFile, 'utf8')) as Record<string, string>;
    expect(enrolment).toMatchObject({ serverUrl: 'http://127.0.0.1:9999', stationId: 'st-xiangzhou-miaohuang' });
    expect(enrolment.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = await cli(['stations', 'list', '--json', '--data', data]);
    expect(list.code, list.stderr).toBe(0);
    const stations = JSON.parse(list.stdout) as {
      id: string;
      name: string;
      kind: string;
      countyId: string;
      townshipId: string;
    }[];
    expect(stations.length).toBeGreaterThan(30);
    for (const s of stations) {
      expect(s).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          kind: expect.any(String),
          countyId: expect.any(String),
          townshipId: expect.any(String),
        }),
      );
    }
    expect(new Set(stations.map((s) => s.kind))).toEqual(
      new Set(['activityCenter', 'villageStation', 'professionalStation']),
    );
    expect(new Set(stations.map((s) => s.countyId)).size).toBe(6);
  });

  it('prints an enrolment code alone on stdout, and refuses an unknown station with exit code 1', async () => {
    const ok = await cli(['enroll', '--station', 'st-xiangzhou-miaohuang', '--data', data]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(ok.stderr).toContain('只能使用一次');

    const missing = await cli(['enroll', '--station', 'no-such-station', '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('station_not_found');
  });

  it('adds a staff account with the password from stdin, and explains usage errors with exit code 2', async () => {
    const add = await cli(
      ['staff', 'add', '--county', 'xiangzhou', '--user', 'li', '--password-stdin', '--data', data],
      'a-long-password\n',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe('');
    const noFlag = await cli(['staff', 'add', '--county', 'xiangzhou', '--user', 'li', '--data', data]);
    expect(noFlag.code).toBe(2);
    expect(noFlag.stderr).toContain('--password-stdin');
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
  });

  it('serves: prints the URL on stdout, answers /healthz, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'serve', '--port', '0', '--data', data], {
      cwd: repoRoot,
      env: { ...process.env, INIT_CWD: repoRoot, LS_LOG_LEVEL: 'warn', LS_STATIC_DIR: '' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const line = out.split('\n')[0];
          if (out.includes('\n') && line) resolve(line.trim());
        });
        child.on('close', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, schemaVersions: { opinions: opinionSchema.version } });
      // restore refuses while the server runs on this folder
      const restore = await cli(['restore', '--from', path.join(data, 'x.sqlite'), '--data', data]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('server_running');
    } finally {
      const closed = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      expect(await closed).toBe(0);
    }
  });
});

describe('cli report', () => {
  it('prints the work report as JSON and the sync report as CSV on stdout, and writes XLSX only to --out', async () => {
    const reportData = path.join(data, 'report');
    const store = SqliteStore.open(reportData);
    await seedWorkReportFixture(store);
    await store.close();
    const county = ['--county', FIXTURE.countyId, '--data', reportData];

    const work = await cli(['report', 'work', ...county, '--from', FIXTURE.from, '--to', FIXTURE.to]);
    expect(work.code).toBe(0);
    const report = JSON.parse(work.stdout);
    expect(report.opinions.totals.received).toBe(11);
    expect(report.mediation.successRate.value).toBe(0.75);

    const sync = await cli(['report', 'sync', ...county, '--format', 'csv']);
    expect(sync.code).toBe(0);
    const lines = sync.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^乡镇\(街道\),联络站,/);
    expect(lines).toHaveLength(3);

    const syncJson = JSON.parse((await cli(['report', 'sync', ...county])).stdout);
    expect(Array.isArray(syncJson)).toBe(true);
    expect(syncJson.map((s: { stationId: string }) => s.stationId).sort()).toEqual(
      [FIXTURE.stationA, FIXTURE.stationB].sort(),
    );
    expect(syncJson[0]).toHaveProperty('daysSinceSeen');

    const refused = await cli(['report', 'work', ...county, '--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('--out');

    const out = path.join(data, 'work.xlsx');
    const xlsx = await cli([
      'report',
      'work',
      ...county,
      '--from',
      FIXTURE.from,
      '--to',
      FIXTURE.to,
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe('概况');
  });

  // Four CLI processes in a row (each loads tsx): on a busy 2-core machine more than the default 30 s.
  it('loads 象州县 sample records with demo --sample-records (idempotently) so the work report has figures', async () => {
    const sampleData = path.join(data, 'sample');
    const first = await cli(['demo', '--data', sampleData, '--json', '--sample-records']);
    expect(first.code, first.stderr).toBe(0);
    const firstSummary = JSON.parse(first.stdout) as { sampleRecords: { opinions: number; written: number } };
    expect(firstSummary.sampleRecords.written).toBeGreaterThan(firstSummary.sampleRecords.opinions);
    const second = await cli(['demo', '--data', sampleData, '--json', '--sample-records']);
    expect(second.code, second.stderr).toBe(0);
    const secondSummary = JSON.parse(second.stdout) as { written: number; sampleRecords: { written: number } };
    expect(secondSummary.sampleRecords.written).toBe(0);
    expect(secondSummary.written).toBe(0);
    expect(second.stderr).toContain('本次写入 0 条');

    // The records span the last ~4 months: report from 5 months back, so the test holds in January too.
    const from = new Date(Date.now() - 150 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await cli(['report', 'work', '--data', sampleData, '--county', 'xiangzhou', '--from', from]);
    expect(report.code, report.stderr).toBe(0);
    const work = JSON.parse(report.stdout) as {
      opinions: { totals: { received: number; submitted: number }; processingRate: { value: number | null } };
      reception: { daysHeld: number };
      mediation: { total: number };
    };
    expect(work.opinions.totals.received).toBeGreaterThan(0);
    expect(work.opinions.totals.submitted).toBeGreaterThan(0);
    expect(work.opinions.processingRate.value).toBeGreaterThan(0);
    expect(work.opinions.processingRate.value).toBeLessThan(1);
    expect(work.reception.daysHeld).toBeGreaterThan(0);
    expect(work.mediation.total).toBeGreaterThan(0);

    const bad = await cli(['demo', '--data', sampleData, '--reference-date', '2026-02-30', '--sample-records']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--reference-date');
  }, 90_000);
});

describe('config', () => {
  it('resolves --data against the directory npm was started from, flags over environment over defaults', () => {
    const env = { INIT_CWD: '/srv/liaison', LS_PORT: '9000', LS_DATA_DIR: 'env-data' };
    expect(loadConfig({}, env)).toMatchObject({ dataDir: '/srv/liaison/env-data', port: 9000, host: '127.0.0.1' });
    expect(loadConfig({ data: 'flag-data', port: '8080' }, env)).toMatchObject({
      dataDir: '/srv/liaison/flag-data',
      port: 8080,
    });
    expect(loadConfig({}, { INIT_CWD: '/srv/liaison' }).dataDir).toBe('/srv/liaison/.data/server');
    expect(() => loadConfig({ port: 'eighty' }, {})).toThrow(/端口/);
  });

  it('takes the sync report’s stale threshold from --stale-days, then LS_STALE_DAYS, else 7 days', () => {
    expect(loadConfig({}, {}).staleDays).toBe(7);
    expect(loadConfig({}, { LS_STALE_DAYS: '14' }).staleDays).toBe(14);
    expect(loadConfig({ staleDays: '30' }, { LS_STALE_DAYS: '14' }).staleDays).toBe(30);
    for (const wrong of ['0', '1.5', 'week', '400']) {
      expect(() => loadConfig({}, { LS_STALE_DAYS: wrong })).toThrow(/超期天数/);
    }
  });
});
