// The deployable build: sync-server/ without its sources, `npm install --omit=dev`, then plain `node dist/cli.js` —
// same help, same demo, same exit codes as the source entry, a real server (enrolment, pull, push, metrics), and the
// operator's backup-while-serving and restore into a fresh data folder, as the README's deployment guide says.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOpinion } from '../../src-shared/testing/factories';
import { exitCodes } from './cli/exit-codes';
import { type ProcessResult, runNode } from './testing/run-process';
import { getTls, selfSigned } from './testing/tls-fixtures';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serverDir = path.join(repoRoot, 'sync-server');
const stationId = 'st-xiangzhou-miaohuang';
/** Each test starts several Node processes; on a busy machine one can take seconds to start. */
const processTimeout = 180_000;

/** A CLI run in `cwd`, with the log quiet and relative paths resolved against `cwd`. */
function runIn(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return runNode(args, { cwd, env: { ...process.env, INIT_CWD: cwd, LS_LOG_LEVEL: 'warn', ...env } });
}

let work: string;
let deployDir: string;
let built: (args: string[], env?: NodeJS.ProcessEnv) => Promise<ProcessResult>;
const source = (args: string[], env?: NodeJS.ProcessEnv) =>
  runIn(['--import', 'tsx', path.join(serverDir, 'src', 'cli.ts'), ...args], repoRoot, env);
const servers: ChildProcess[] = [];

/** better-sqlite3's compiled binary from this checkout, packed as the prebuilt download prebuild-install looks for. */
async function localPrebuild(dir: string): Promise<string> {
  const module = path.join(repoRoot, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(await readFile(path.join(module, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['czf', path.join(dir, name), 'build/Release/better_sqlite3.node'], { cwd: module });
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ls-built-'));
  deployDir = path.join(work, 'liaison-sync');
  // What an operator copies to the server: sync-server/ without src/ (and without this checkout's builds or modules).
  await cp(serverDir, deployDir, {
    recursive: true,
    filter: (from) =>
      !['src', 'dist', 'node_modules'].includes(path.relative(serverDir, from).split(path.sep)[0] ?? ''),
  });
  const build = await runIn(
    [path.join(repoRoot, 'scripts', 'build-server.mjs'), '--outdir', path.join(deployDir, 'dist')],
    repoRoot,
  );
  expect(build.code, build.stderr).toBe(0);

  // No internet for prebuilt binaries here: the one compiled for this checkout stands in for the download, so the
  // install takes seconds instead of compiling SQLite (~3 minutes on this machine; an operator's install does either).
  const prebuilds = await localPrebuild(await mkdtemp(path.join(work, 'prebuilds-')));
  const started = Date.now();
  execFileSync('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: deployDir,
    env: { ...process.env, npm_config_better_sqlite3_local_prebuilds: prebuilds },
    stdio: 'pipe',
  });
  console.info(`npm install --omit=dev: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  built = (args, env) => runIn([path.join(deployDir, 'dist', 'cli.js'), ...args], deployDir, env);
}, 600_000);

afterAll(async () => {
  for (const child of servers) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

/** Starts `serve` from the build on a free port; resolves its URL (the first line on stdout). */
async function serveBuilt(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(deployDir, 'dist', 'cli.js'), 'serve', '--port', '0'], {
    cwd: deployDir,
    env: { ...process.env, LS_LOG_LEVEL: 'warn', LS_DATA_DIR: dataDir, LS_STATIC_DIR: '', ...env },
  });
  servers.push(child);
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]?.trim() ?? '');
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGTERM');
    });
  return { url, child, stop };
}

describe('the built server', () => {
  it('installs only production dependencies and bundles its own sources', async () => {
    const modules = new Set(await readdir(path.join(deployDir, 'node_modules')));
    for (const dep of ['fastify', 'better-sqlite3', 'pg', 'pino', 'prom-client'])
      expect(modules.has(dep), dep).toBe(true);
    for (const dev of ['tsx', 'vitest', 'esbuild', 'typescript', '@types']) expect(modules.has(dev), dev).toBe(false);
    const bundle = await readFile(path.join(deployDir, 'dist', 'cli.js'), 'utf8');
    expect(bundle.startsWith('#!/usr/bin/env node')).toBe(true);
    // src-shared is inside the bundle, not imported from a path that a deployment does not have.
    expect(bundle).not.toMatch(/from ["'][./]*src-shared/);
    const { size } = await stat(path.join(deployDir, 'dist', 'cli.js'));
    console.info(`dist/cli.js: ${(size / 1024).toFixed(0)} KiB`);
  });

  it(
    'prints the same help as the source entry, and the same exit codes for mistakes',
    async () => {
      const [fromBuild, fromSource] = await Promise.all([built(['serve', '--help']), source(['serve', '--help'])]);
      expect(fromBuild.code).toBe(0);
      expect(fromBuild.stdout).toBe(fromSource.stdout);
      expect(fromBuild.stdout).toContain('LS_TRUST_PROXY');
      expect((await built(['--help'])).stdout).toContain('liaison-sync <命令 command>');

      const file = path.join(work, 'a-file');
      await writeFile(file, '');
      const cases: [string[], number][] = [
        [['frobnicate'], exitCodes.usage],
        [['enroll', '--data', path.join(work, 'empty')], exitCodes.usage],
        [['enroll', '--station', 'nowhere', '--data', path.join(work, 'empty')], exitCodes.failure],
        [['counties', 'list', '--data', path.join(file, 'data')], exitCodes.storageUnavailable],
        // The PostgreSQL driver comes from the production install: a database nobody serves is unreachable (exit 3).
        [['counties', 'list', '--database', 'postgres://liaison@127.0.0.1:1/liaison'], exitCodes.storageUnavailable],
      ];
      const results = await Promise.all(cases.map(([args]) => built(args)));
      cases.forEach(([args, code], i) => {
        expect(results[i]?.code, `${args.join(' ')}: ${results[i]?.stderr}`).toBe(code);
      });
    },
    processTimeout,
  );

  it(
    'loads the same demo as the source entry, serves it, and keeps what it stores through backup and restore',
    async () => {
      const dataDir = path.join(work, 'data');
      const [demo, sourceDemo] = await Promise.all([
        built(['demo', '--json', '--data', dataDir]),
        source(['demo', '--json', '--data', path.join(work, 'source-data')]),
      ]);
      expect(demo.code, demo.stderr).toBe(0);
      expect(JSON.parse(demo.stdout)).toEqual(JSON.parse(sourceDemo.stdout));
      const enrol = await built(['enroll', '--station', stationId, '--json', '--data', dataDir]);
      expect(enrol.code, enrol.stderr).toBe(0);
      const { code } = JSON.parse(enrol.stdout) as { code: string };

      const server = await serveBuilt(dataDir);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ ready: true });
      const enrolled = await fetch(`${server.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: '接待室电脑' }),
      });
      expect(enrolled.status).toBe(200);
      const { token } = (await enrolled.json()) as { token: string };
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const pull = async (url: string, collection: string) => {
        const res = await fetch(`${url}/v1/sync/${collection}/pull?seq=0&limit=1000`, { headers });
        expect(res.status).toBe(200);
        return ((await res.json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
      };
      expect(await pull(server.url, 'stations')).toEqual([stationId]);
      const opinions = [1, 2, 3].map(() => makeOpinion({ stationId, countyId: 'xiangzhou' }));
      const pushed = await fetch(`${server.url}/v1/sync/opinions/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify(
          opinions.map((o) => ({ assumedMasterState: null, newDocumentState: { ...o, _deleted: false } })),
        ),
      });
      expect(pushed.status, await pushed.clone().text()).toBe(200);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/liaison_sync_documents_total\{direction="push",collection="opinions"\} 3/);

      // The daily backup, taken while the server runs; then a restore into a new data folder on another start.
      const backupFile = path.join(work, 'backups', 'liaison-daily.sqlite');
      const backup = await built(['backup', '--out', backupFile, '--data', dataDir]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(await server.stop()).toBe(0);
      const freshDir = path.join(work, 'restored');
      const restore = await built(['restore', '--from', backupFile, '--data', freshDir]);
      expect(restore.code, restore.stderr).toBe(0);
      const restored = await serveBuilt(freshDir);
      try {
        expect((await pull(restored.url, 'opinions')).sort()).toEqual(opinions.map((o) => o.id).sort());
      } finally {
        expect(await restored.stop()).toBe(0);
      }
    },
    processTimeout,
  );

  it(
    'serves HTTPS from LS_TLS_CERT / LS_TLS_KEY and takes a renewed certificate on SIGHUP',
    async () => {
      const tlsDir = await mkdtemp(path.join(work, 'tls-'));
      const first = selfSigned(tlsDir, 'first');
      const renewed = selfSigned(tlsDir, 'renewed');
      const live = { cert: path.join(tlsDir, 'live.crt'), key: path.join(tlsDir, 'live.key') };
      await copyFile(first.certFile, live.cert);
      await copyFile(first.keyFile, live.key);
      const server = await serveBuilt(path.join(work, 'tls-data'), { LS_TLS_CERT: live.cert, LS_TLS_KEY: live.key });
      try {
        expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const firstPem = await readFile(first.certFile);
        const renewedPem = await readFile(renewed.certFile);
        const served = await getTls(`${server.url}/readyz`, firstPem);
        expect(served.status).toBe(200);
        expect(served.fingerprint).toBe(new X509Certificate(firstPem).fingerprint256);

        await copyFile(renewed.certFile, live.cert);
        await copyFile(renewed.keyFile, live.key);
        server.child.kill('SIGHUP');
        const fingerprint = async () =>
          (await getTls(`${server.url}/healthz`, renewedPem).catch(() => null))?.fingerprint;
        await expect.poll(fingerprint, { timeout: 30_000 }).toBe(new X509Certificate(renewedPem).fingerprint256);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
    processTimeout,
  );
});
