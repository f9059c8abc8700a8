// A real sync server for end-to-end specs: the CLI loads the demo data into a temporary folder, then `serve` runs it
// as its own process (so a spec can stop and restart it); the app is opened from the server, which serves the build.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = join(root, 'sync-server', 'src', 'cli.ts');
const run = promisify(execFile);

/** Demo data (see sync-server/src/demo): staff accounts `staff-<county>` share one password. */
export const demoStaffPassword = 'laibin-demo-2026';

export interface SyncServerProcess {
  url: string;
  dataDir: string;
  /** Runs a CLI command against the same data folder; returns its standard output. */
  cli(args: string[]): Promise<string>;
  /** A one-time enrolment code for a station, as county staff issue it. */
  issueCode(stationId: string): Promise<string>;
  stationsOf(countyId: string): Promise<{ id: string; name: string; kind: string }[]>;
  /** Adds a county staff account (`staff add`, password on standard input). */
  addStaff(countyId: string, user: string, password: string): Promise<void>;
  stop(): Promise<void>;
  /** Starts again on the same port with the same data. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`sync server did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => /^https?:\/\//.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sync server exited (${code}): ${err}`));
    });
  });
}

export async function startSyncServer(): Promise<SyncServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
  const env = { ...process.env, LS_LOG_LEVEL: 'warn', LS_AUTH_RATE_MAX: '1000' };
  const cliRun = async (args: string[]) =>
    (await run(process.execPath, ['--import', 'tsx', cli, ...args, '--data', dataDir], { cwd: root, env })).stdout;
  await cliRun(['demo']);

  let child: ChildProcess | null = null;
  let port = '0';
  let url = '';
  const start = async () => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, 'serve', '--data', dataDir, '--port', port, '--host', '127.0.0.1'],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    url = await waitForUrl(child);
    port = new URL(url).port;
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((done) => running.once('exit', () => done()));
    running.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
    if (running.exitCode === null) running.kill('SIGKILL');
  };
  await start();
  return {
    get url() {
      return url;
    },
    dataDir,
    cli: cliRun,
    async issueCode(stationId) {
      const issued = JSON.parse(await cliRun(['enroll', '--station', stationId, '--json'])) as { code: string };
      return issued.code;
    },
    async stationsOf(countyId) {
      return JSON.parse(await cliRun(['stations', 'list', '--county', countyId, '--json'])) as {
        id: string;
        name: string;
        kind: string;
      }[];
    },
    async addStaff(countyId, user, password) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          cli,
          'staff',
          'add',
          '--county',
          countyId,
          '--user',
          user,
          '--password-stdin',
          '--data',
          dataDir,
        ],
        { cwd: root, env, stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
      });
      child.stdin?.end(`${password}\n`);
      const code = await new Promise<number | null>((done) => child.on('exit', done));
      if (code !== 0) throw new Error(`staff add failed (${code}): ${err}`);
    },
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One sync server for all the tests of a spec file: started before them, disposed after them. Call it at the top of
 * the spec; the function it returns gives the running server inside a test.
 */
export function syncServerForSpec(): () => SyncServerProcess {
  let server: SyncServerProcess | undefined;
  test.beforeAll(async () => {
    server = await startSyncServer();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });
  return () => {
    if (!server)
      throw new Error('the sync server is not running: syncServerForSpec() must be called at the top of the spec');
    return server;
  };
}

/** First run of the station app: enrol with the code, then give the clerk's name; ends on the shell. */
export async function enrolStationInApp(page: Page, server: SyncServerProcess, code: string, clerk = '王文书') {
  await page.goto(server.url);
  await page.getByLabel('服务器地址').fill(server.url);
  await page.getByLabel('注册码').fill(code);
  await page.getByLabel('本机名称').fill('联络站电脑');
  await page.getByRole('button', { name: /^注\s*册$/ }).click();
  await page.getByLabel('您的姓名').fill(clerk);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('status', { name: '同步状态' })).toBeVisible();
}

/** County staff open the app from the server and sign in (with the county's demo account unless told otherwise). */
export async function signInCounty(
  page: Page,
  server: SyncServerProcess,
  countyId: string,
  account: { user: string; password: string } = { user: `staff-${countyId}`, password: demoStaffPassword },
) {
  await page.goto(server.url);
  await page.getByRole('button', { name: '县级工作人员登录' }).click();
  await page.getByLabel('用户名').fill(account.user);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('群众意见办理')).toBeVisible();
}

/** The clerk records an opinion and submits it to the county; returns the address of its detail page. */
export async function recordAndSubmitOpinion(page: Page, server: SyncServerProcess, title: string): Promise<string> {
  await page.goto(`${server.url}/#/opinions/new`);
  await chooseOption(page, '类别', '公共应急');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('意见建议内容').fill(`${title}：村口至学校路段路灯全部不亮，夜间学生出行不安全。`);
  await page.getByLabel('群众姓名').fill('李四');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByRole('button', { name: '提交到县级平台' })).toBeVisible();
  const detailUrl = page.url();
  await page.getByRole('button', { name: '提交到县级平台' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已提交').first()).toBeVisible();
  return detailUrl;
}

/** The token the app stored (browser host: localStorage), for checks the UI cannot make. */
export async function storedToken(page: Page): Promise<string> {
  const secret = await page.evaluate(() => localStorage.getItem('liaison.secret.syncToken'));
  if (!secret) throw new Error('no sync credentials stored in this browser context');
  return (JSON.parse(secret) as { token: string }).token;
}

/** Chooses an option of an antd Select found by its label (antd lists options as titled items, not all as roles). */
export async function chooseOption(page: Page, label: string, option: string | null) {
  await page.getByLabel(label).click();
  const items = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await (option === null ? items.first() : items.filter({ hasText: option }).first()).click();
}
