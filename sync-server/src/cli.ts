// The server's command line: `npm run server -- <command>`. Machine-readable output on stdout, messages on stderr.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ReportFormat, reportFormats } from '../../src-shared/api/reports';
import { buildServer } from './app';
import { ConfigError, defaultDataDirName, loadConfig, parseStaleDays, resolveFromInvocation } from './config';
import { loadDemo, preEnrolStation } from './demo/load-demo';
import { loadSampleRecords, type SampleSummary, sampleReferenceOf } from './demo/sample-records';
import { ImportFileError, importStations } from './import/stations-import';
import { HttpError } from './plugins/errors';
import { syncReportOutput, workReportOutput } from './reports/report-output';
import { issueEnrolmentCode, revokeStation } from './services/enrolment';
import { addStaff } from './services/staff';
import { RestoreError, restoreSqliteBackup, SqliteStore } from './store/sqlite-store';

const usage = `联络站同步服务器 — 用法: npm run server -- <命令> [选项]

命令:
  serve [--port N] [--host H] [--static-dir DIR] [--cors-origin URL] [--stale-days 7]
                                 启动服务器（默认 127.0.0.1:8787），在标准输出打印地址；
                                 --stale-days：同步情况报表默认按几天未同步算“超期未同步”
  demo [--enroll-station ID] [--enrolment-out FILE] [--server-url URL] [--sample-records [--reference-date 日期]] [--json]
                                 载入来宾市演示数据（6个县区、乡镇、联络站、代表、承办单位、县级账号）；
                                 --enroll-station 直接为该站签发同步凭证并写入 JSON 文件（默认 <数据目录>/demo-enrolment.json）；
                                 --sample-records 另载入象州县近4个月的演示记录（接待日、意见建议、调解案件、活动），
                                 日期相对 --reference-date（年-月-日，默认今天）
  counties list [--json]         列出县(市、区)
  counties add --id ID --name 名称
  stations list [--county ID] [--json]
  stations import FILE [--json]  从 CSV 或 XLSX 导入联络站（表头：站点名称、类型、县(市、区)、乡镇(街道)、简称、地址、是否示范点）
  enroll --station ID [--json]   签发一次性注册码（7天内有效）
  revoke --station ID            吊销联络站的全部同步凭证
  staff add --county ID --user NAME --password-stdin
  sync-status [--county ID] [--json]
                                 各联络站最近一次同步与心跳
  report sync --county ID [--stale-days 7] [--format json|csv|xlsx] [--out FILE]
                                 同步情况报表：本县区每个联络站的最近同步、版本、待同步条数、最近错误
  report work --county ID [--from 日期] [--to 日期] [--township ID | --station ID]
              [--format json|csv|xlsx] [--out FILE]
                                 工作报表（日期为 年-月-日，默认本年1月1日至今天）；不带 --out 时
                                 JSON 与 CSV 输出到标准输出，XLSX 必须用 --out 指定文件
  backup --out FILE              在服务器运行时也可做一致的备份
  restore --from FILE            从备份恢复（须先停止服务器）

通用选项:
  --data DIR    数据目录（存放 liaison.sqlite），默认 ./${defaultDataDirName}（相对于执行命令的目录），
                也可用环境变量 LS_DATA_DIR 设置
环境变量: LS_DATA_DIR, LS_PORT, LS_HOST, LS_STATIC_DIR, LS_CORS_ORIGIN, LS_LOG_LEVEL, LS_AUTH_RATE_MAX
`;

class UsageError extends Error {}

/** Messages for people: standard error, so standard output stays parseable. */
function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const commonOptions = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse<O extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean; short?: string }>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`缺少 ${flag}`);
  return value;
}

function openStore(data: string | undefined): SqliteStore {
  return SqliteStore.open(loadConfig({ data }).dataDir);
}

async function withStore<T>(data: string | undefined, fn: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = openStore(data);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const pidFileName = 'server.pid';

function serverRunning(dataDir: string): number | null {
  const file = path.join(dataDir, pidFileName);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function serve(args: string[]): Promise<void> {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'static-dir': { type: 'string' },
    'cors-origin': { type: 'string' },
    'stale-days': { type: 'string' },
  });
  const config = loadConfig({
    data: values.data,
    port: values.port,
    host: values.host,
    staticDir: values['static-dir'],
    corsOrigin: values['cors-origin'],
    staleDays: values['stale-days'],
  });
  const app = buildServer(config);
  const address = await app.listen({ port: config.port, host: config.host });
  const pidFile = path.join(config.dataDir, pidFileName);
  writeFileSync(pidFile, String(process.pid));
  process.stdout.write(`${address}\n`);
  say(
    `联络站同步服务器已启动：${address}（数据目录 ${config.dataDir}${config.staticDir ? `，网页 ${config.staticDir}` : ''}）`,
  );
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`收到 ${signal}，正在停止服务器…`);
    await app.close();
    rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function demo(args: string[]): Promise<void> {
  const { values } = parse(args, {
    'enroll-station': { type: 'string' },
    'enrolment-out': { type: 'string' },
    'server-url': { type: 'string' },
    'sample-records': { type: 'boolean', default: false },
    'reference-date': { type: 'string' },
  });
  const config = loadConfig({ data: values.data });
  const referenceDate = values['reference-date'];
  const reference = referenceDate === undefined ? null : sampleReferenceOf(referenceDate);
  if (referenceDate !== undefined && (!values['sample-records'] || !reference)) {
    throw new UsageError('--reference-date 须与 --sample-records 一起使用，格式为 年-月-日，例如 2026-06-30');
  }
  await withStore(values.data, async (store) => {
    const now = new Date();
    const summary = await loadDemo(store, now);
    say(
      `演示数据已载入：${summary.counties} 个县(市、区)、${summary.townships} 个乡镇(街道)、${summary.stations} 个联络站、` +
        `${summary.representatives} 名代表、${summary.departments} 个承办单位（本次写入 ${summary.written} 条）`,
    );
    let sampleRecords: SampleSummary | null = null;
    if (values['sample-records']) {
      sampleRecords = await loadSampleRecords(store, reference ?? now);
      say(
        `象州县演示记录已载入：${sampleRecords.receptionDays} 个接待日、${sampleRecords.opinions} 条意见建议、` +
          `${sampleRecords.mediationCases} 件调解案件、${sampleRecords.activities} 次活动（本次写入 ${sampleRecords.written} 条）`,
      );
    }
    say(`县级演示账号（密码均为 ${summary.staff[0]?.password ?? ''}）：${summary.staff.map((s) => s.user).join('、')}`);
    let enrolment: { file: string; stationId: string } | null = null;
    const stationId = values['enroll-station'];
    if (stationId) {
      const serverUrl = values['server-url'] ?? `http://${config.host}:${config.port}`;
      const result = await preEnrolStation(store, stationId, serverUrl, now);
      const file = values['enrolment-out']
        ? resolveFromInvocation(values['enrolment-out'])
        : path.join(config.dataDir, 'demo-enrolment.json');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`, { mode: 0o600 });
      say(`已为 ${result.stationName}（${stationId}）签发同步凭证，写入 ${file}`);
      enrolment = { file, stationId };
    }
    if (values.json) printJson({ ...summary, enrolment, sampleRecords });
  });
}

async function counties(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parse(rest, { id: { type: 'string' }, name: { type: 'string' } });
  await withStore(values.data, async (store) => {
    if (sub === 'list') {
      const list = await store.listCounties();
      if (values.json) printJson(list);
      else for (const c of list) process.stdout.write(`${c.id}\t${c.name}\n`);
    } else if (sub === 'add') {
      const county = { id: required(values.id, '--id'), name: required(values.name, '--name') };
      await store.upsertCounties([county]);
      say(`已保存县(市、区) ${county.name}（${county.id}）`);
    } else {
      throw new UsageError('counties 后须跟 list 或 add');
    }
  });
}

async function stations(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, { county: { type: 'string' } });
  await withStore(values.data, async (store) => {
    if (sub === 'list') {
      const scope = values.county ? { kind: 'county' as const, countyId: values.county } : { kind: 'all' as const };
      const docs = (await store.listDocuments('stations', scope)).filter((d) => !d.deleted);
      const list: Record<string, unknown>[] = docs.map((d) => ({ ...d.body, id: d.id, countyId: d.countyId }));
      if (values.json) printJson(list);
      else
        for (const s of list)
          process.stdout.write(`${s.id}\t${String(s.kind)}\t${String(s.countyName)}\t${String(s.name)}\n`);
    } else if (sub === 'import') {
      const file = resolveFromInvocation(required(positionals[0], 'FILE'));
      const result = await importStations(store, file, new Date());
      if (values.json) printJson(result);
      if (!result.ok) {
        for (const e of result.errors) say(`第 ${e.row} 行${e.column ? `【${e.column}】` : ''}：${e.message}`);
        say(`导入未完成：共 ${result.errors.length} 处错误，没有导入任何站点。请修改后重新导入。`);
        process.exitCode = 1;
        return;
      }
      say(
        `导入完成：${result.rows} 行，新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}，新增乡镇(街道) ${result.townshipsCreated}${result.encoding === 'gb18030' ? '（按 GBK/GB18030 编码读取）' : ''}`,
      );
    } else {
      throw new UsageError('stations 后须跟 list 或 import');
    }
  });
}

async function enroll(args: string[]): Promise<void> {
  const { values } = parse(args, { station: { type: 'string' } });
  const stationId = required(values.station, '--station');
  await withStore(values.data, async (store) => {
    const issued = await issueEnrolmentCode(store, stationId, new Date());
    if (values.json) printJson(issued);
    else process.stdout.write(`${issued.code}\n`);
    say(`${issued.stationName}（${stationId}）的注册码，${issued.expiresAt} 前有效，只能使用一次`);
  });
}

async function revoke(args: string[]): Promise<void> {
  const { values } = parse(args, { station: { type: 'string' } });
  const stationId = required(values.station, '--station');
  await withStore(values.data, async (store) => {
    const count = await revokeStation(store, stationId, new Date());
    if (values.json) printJson({ stationId, revokedTokens: count });
    say(`已吊销联络站 ${stationId} 的 ${count} 个同步凭证及未使用的注册码`);
  });
}

async function staff(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError('staff 后须跟 add');
  const { values } = parse(rest, {
    county: { type: 'string' },
    user: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  });
  const countyId = required(values.county, '--county');
  const user = required(values.user, '--user');
  if (!values['password-stdin'])
    throw new UsageError('请用 --password-stdin 从标准输入提供密码（避免密码出现在命令历史中）');
  const password = await readStdin();
  await withStore(values.data, async (store) => {
    await addStaff(store, user, countyId, password, new Date());
    say(`已保存县级账号 ${user}（${countyId}）`);
  });
}

async function syncStatus(args: string[]): Promise<void> {
  const { values } = parse(args, { county: { type: 'string' } });
  await withStore(values.data, async (store) => {
    const states = await store.listStationSyncStates(values.county);
    if (values.json) printJson(states);
    else
      for (const s of states)
        process.stdout.write(
          `${s.stationId}\t${s.lastSyncAt ?? '从未同步'}\t${s.appVersion ?? ''}\t${s.lastError ?? ''}\n`,
        );
  });
}

async function report(args: string[]): Promise<void> {
  const [kind, ...rest] = args;
  if (kind !== 'sync' && kind !== 'work') throw new UsageError('report 后须跟 sync 或 work');
  const { values } = parse(rest, {
    county: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    township: { type: 'string' },
    station: { type: 'string' },
    'stale-days': { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
  });
  const countyId = required(values.county, '--county');
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format)) throw new UsageError(`--format 须为 ${reportFormats.join('、')} 之一`);
  if (format === 'xlsx' && !values.out) {
    throw new UsageError('XLSX 是二进制文件，不能输出到终端：请用 --out 文件名.xlsx 指定保存位置');
  }
  // The flag, else the server's setting (LS_STALE_DAYS), else 7 days.
  let staleDays: number;
  try {
    staleDays = parseStaleDays(values['stale-days'] ?? process.env.LS_STALE_DAYS);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (kind === 'sync' && (values.from || values.to || values.township || values.station)) {
    throw new UsageError('同步情况报表不按期间或乡镇统计：--from/--to/--township/--station 只用于 report work');
  }
  await withStore(values.data, async (store) => {
    const now = new Date();
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
    let data: string | Buffer;
    if (kind === 'sync') {
      const output = await syncReportOutput(store, countyId, staleDays, format, 'cli', now);
      // The sync report's JSON is an array, one object per station of the county.
      data = output.format === 'json' ? json(output.value.stations) : output.body;
    } else {
      const request = {
        countyId,
        from: values.from,
        to: values.to,
        townshipId: values.township,
        stationId: values.station,
      };
      const output = await workReportOutput(store, request, format, 'cli', now);
      data = output.format === 'json' ? json(output.value) : output.body;
    }
    if (values.out) {
      const file = resolveFromInvocation(values.out);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
      say(`已导出${kind === 'sync' ? '同步情况报表' : '工作报表'}（${format.toUpperCase()}）：${file}`);
    } else {
      process.stdout.write(data);
    }
  });
}

async function backup(args: string[]): Promise<void> {
  const { values } = parse(args, { out: { type: 'string' } });
  const out = resolveFromInvocation(required(values.out, '--out'));
  await withStore(values.data, async (store) => {
    await store.backup(out);
    if (values.json) printJson({ file: out });
    say(`备份完成：${out}`);
  });
}

async function restore(args: string[]): Promise<void> {
  const { values } = parse(args, { from: { type: 'string' } });
  const from = resolveFromInvocation(required(values.from, '--from'));
  const { dataDir } = loadConfig({ data: values.data });
  const pid = serverRunning(dataDir);
  if (pid !== null) throw new RestoreError('server_running', `服务器正在运行（进程 ${pid}），请先停止服务器再恢复`);
  const kept = restoreSqliteBackup(dataDir, from);
  if (values.json) printJson({ dataDir, from, previous: kept });
  say(`已从 ${from} 恢复到 ${dataDir}${kept ? `；原数据库保留为 ${kept}` : ''}`);
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve,
  demo,
  counties,
  stations,
  enroll,
  revoke,
  staff,
  'sync-status': syncStatus,
  report,
  backup,
  restore,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    say(usage);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    say(`未知命令 "${command}"。\n\n${usage}`);
    return 2;
  }
  try {
    await run(args);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      say(`${err.message}\n\n${usage}`);
      return 2;
    }
    if (err instanceof HttpError || err instanceof RestoreError || err instanceof ImportFileError) {
      say(`错误（${err.code}）：${err.message}`);
      return 1;
    }
    if (err instanceof ConfigError) {
      say(`配置错误：${err.message}`);
      return 2;
    }
    say(`错误：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

const isEntry =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isEntry) {
  const code = await main(process.argv.slice(2));
  // `serve` keeps running; other commands end here.
  if (process.argv[2] !== 'serve' || code !== 0) process.exit(code);
}
