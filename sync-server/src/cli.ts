// The server's command line: `npm run server -- <command>` or the built `node sync-server/dist/cli.js <command>`.
// Machine-readable output on stdout, messages on stderr.
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ReportFormat, reportFormats } from '../../src-shared/api/reports';
import { exitCodes, failureOf, UsageError } from './cli/exit-codes';
import { commandHelp, overviewHelp, serveSettings } from './cli/help';
import { type ConfigFlags, loadConfig, parseStaleDays, resolveFromInvocation } from './config';
import { loadDemo, preEnrolStation } from './demo/load-demo';
import { loadSampleRecords, type SampleSummary, sampleReferenceOf } from './demo/sample-records';
import { importStations } from './import/stations-import';
import { syncReportOutput, workReportOutput } from './reports/report-output';
import { issueEnrolmentCode, revokeStation } from './services/enrolment';
import { addStaff } from './services/staff';
import { MigrateStoreError, migrateSqliteToPostgres } from './store/migrate-store';
import { isPostgresUrl, openStore, storeDescription } from './store/open-store';
import { RestoreError, restoreSqliteBackup } from './store/sqlite-store';
import type { Store } from './store/store';
import { StoreUnsupportedError } from './store/store-errors';
import { reloadTls } from './tls';

/** Messages for people: standard error, so standard output stays parseable. */
function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const commonOptions = {
  data: { type: 'string' },
  database: { type: 'string' },
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

/** Where every command finds the store: --database / LS_DATABASE_URL (PostgreSQL), else --data (SQLite). */
interface StoreFlags {
  data?: string | undefined;
  database?: string | undefined;
}

async function withStore<T>(flags: StoreFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig({ data: flags.data, database: flags.database }));
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
  const { values } = parse(args, Object.fromEntries(serveSettings.map((s) => [s.flag, { type: 'string' as const }])));
  const flags: ConfigFlags = {};
  for (const setting of serveSettings) {
    const value = values[setting.flag];
    if (typeof value === 'string') flags[setting.key] = value;
  }
  const config = loadConfig(flags);
  // Only serve needs Fastify and its plugins: the other commands start faster without loading them.
  const { buildServer } = await import('./app');
  const store = await openStore(config);
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    app = buildServer(config, { store });
  } catch (err) {
    await store.close();
    throw err;
  }
  app.addHook('onClose', async () => {
    await store.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const pidFile = path.join(config.dataDir, pidFileName);
  writeFileSync(pidFile, String(process.pid));
  process.stdout.write(`${address}\n`);
  say(
    `联络站同步服务器已启动：${address}（数据 ${storeDescription(config)}${config.staticDir ? `，网页 ${config.staticDir}` : ''}）`,
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
  // After a certificate renewal (e.g. certbot's deploy hook): new connections get the new certificate.
  // (On Windows SIGHUP means the console is closing; the service is restarted there instead.)
  if (process.platform !== 'win32')
    process.on('SIGHUP', () => {
      try {
        if (reloadTls(app, config)) say('已重新读取 HTTPS 证书');
      } catch (err) {
        say(`重新读取 HTTPS 证书失败，继续使用原证书：${err instanceof Error ? err.message : String(err)}`);
      }
    });
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
  await withStore(values, async (store) => {
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
  await withStore(values, async (store) => {
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
  await withStore(values, async (store) => {
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
  await withStore(values, async (store) => {
    const issued = await issueEnrolmentCode(store, stationId, new Date());
    if (values.json) printJson(issued);
    else process.stdout.write(`${issued.code}\n`);
    say(`${issued.stationName}（${stationId}）的注册码，${issued.expiresAt} 前有效，只能使用一次`);
  });
}

async function revoke(args: string[]): Promise<void> {
  const { values } = parse(args, { station: { type: 'string' } });
  const stationId = required(values.station, '--station');
  await withStore(values, async (store) => {
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
  await withStore(values, async (store) => {
    await addStaff(store, user, countyId, password, new Date());
    say(`已保存县级账号 ${user}（${countyId}）`);
  });
}

async function syncStatus(args: string[]): Promise<void> {
  const { values } = parse(args, { county: { type: 'string' } });
  await withStore(values, async (store) => {
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
  await withStore(values, async (store) => {
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
  await withStore(values, async (store) => {
    await store.backup(out);
    if (values.json) printJson({ file: out });
    say(`备份完成：${out}`);
  });
}

async function restore(args: string[]): Promise<void> {
  const { values } = parse(args, { from: { type: 'string' } });
  const from = resolveFromInvocation(required(values.from, '--from'));
  const { dataDir, databaseUrl } = loadConfig({ data: values.data, database: values.database });
  if (databaseUrl) {
    throw new StoreUnsupportedError(
      'restore_unsupported',
      'PostgreSQL 数据库请用 pg_restore 恢复；restore 命令只用于内置 SQLite 文件',
    );
  }
  const pid = serverRunning(dataDir);
  if (pid !== null) throw new RestoreError('server_running', `服务器正在运行（进程 ${pid}），请先停止服务器再恢复`);
  const kept = restoreSqliteBackup(dataDir, from);
  if (values.json) printJson({ dataDir, from, previous: kept });
  say(`已从 ${from} 恢复到 ${dataDir}${kept ? `；原数据库保留为 ${kept}` : ''}`);
}

/** `migrate-store --from FILE --to URL`: a county's SQLite file into PostgreSQL, counts printed and checked. */
async function migrateStore(args: string[]): Promise<void> {
  const { values } = parse(args, { from: { type: 'string' }, to: { type: 'string' } });
  const from = resolveFromInvocation(required(values.from, '--from'));
  const to = required(values.to, '--to');
  if (!isPostgresUrl(to)) throw new UsageError('--to 须为 PostgreSQL 地址 postgres://用户:密码@主机:端口/库名');
  if (!existsSync(from)) throw new MigrateStoreError('migrate_source_not_found', `找不到 SQLite 数据文件 ${from}`);
  const pid = serverRunning(path.dirname(from));
  if (pid !== null)
    throw new MigrateStoreError('server_running', `服务器正在使用该数据文件（进程 ${pid}），请先停止服务器再迁移`);
  say(`正在把 ${from} 迁入 ${storeDescription({ dataDir: '', databaseUrl: to })} …`);
  const migration = await migrateSqliteToPostgres(from, to);
  if (values.json) printJson(migration);
  const width = Math.max(...migration.counts.map((c) => c.table.length));
  say(`${'表/数据集'.padEnd(width - 2)}  SQLite  PostgreSQL`);
  for (const c of migration.counts) {
    say(
      `${c.table.padEnd(width)}  ${String(c.source).padStart(6)}  ${String(c.target).padStart(10)}${c.source === c.target ? '' : '  ≠'}`,
    );
  }
  if (!migration.ok) {
    say('条数不一致：迁移已撤销，PostgreSQL 中没有写入任何数据');
    process.exitCode = 1;
    return;
  }
  say(
    `迁移完成，条数全部一致${migration.seqOffset > 0 ? `；数据库中已有其他县的数据，各联络站下次同步时会重新下载一遍本县数据` : ''}。` +
      '之后请用 --database（或 LS_DATABASE_URL）启动服务器',
  );
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
  'migrate-store': migrateStore,
};

/** Help asked for is the answer (stdout, exit 0); help after a mistake goes to stderr with exit 2. */
function printHelp(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = args[0] !== undefined && Object.hasOwn(commandHelp, args[0]) ? commandHelp[args[0]] : undefined;
    printHelp(topic ?? overviewHelp);
    return exitCodes.ok;
  }
  if (!command) {
    say(overviewHelp);
    return exitCodes.usage;
  }
  // Own keys only: `constructor` or `toString` is not a command.
  const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
  const help = Object.hasOwn(commandHelp, command) ? commandHelp[command] : undefined;
  if (!run || !help) {
    say(`未知命令 "${command}" / unknown command\n\n${overviewHelp}`);
    return exitCodes.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    printHelp(help);
    return exitCodes.ok;
  }
  try {
    await run(args);
    return typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      say(`${err.message}\n\n${help}`);
      return exitCodes.usage;
    }
    const { exitCode, message } = failureOf(err);
    say(message);
    return exitCode;
  }
}

/** True when this module is the program being run (also through npm's `bin` symlink), not when it is imported. */
function isEntryModule(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

const isEntry = isEntryModule();
if (isEntry) {
  const code = await main(process.argv.slice(2));
  // `serve` keeps running; other commands end here.
  if (process.argv[2] !== 'serve' || code !== 0) process.exit(code);
}
