// The operator's view of the CLI: help for every command, exit codes that tell failures apart, and one README table
// that lists every LS_* variable the code reads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { ConfigError, loadConfig } from '../config';
import { HttpError } from '../plugins/errors';
import { StorageFullError, StorageUnavailableError, StoreVersionError } from '../store/store-errors';
import { exitCodes, failureOf } from './exit-codes';
import { commandHelp, serveSettings } from './help';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the CLI in this process and collects what it wrote. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cli help', () => {
  it('answers --help for every command on stdout with exit 0, in Chinese and English', async () => {
    for (const command of Object.keys(commandHelp)) {
      const result = await run([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.startsWith(`liaison-sync ${command} — `), command).toBe(true);
      expect(result.stdout).toMatch(/用法 Usage/);
    }
    // A subcommand's help is its command's; `help <command>` works too.
    expect((await run(['report', 'work', '-h'])).stdout).toBe(commandHelp.report);
    expect((await run(['help', 'backup'])).stdout).toBe(commandHelp.backup);
  });

  it('lists every serve setting with its flag and environment variable', async () => {
    const { stdout } = await run(['serve', '--help']);
    for (const setting of serveSettings) {
      expect(stdout).toContain(`--${setting.flag} ${setting.arg}`);
      expect(stdout).toContain(`[${setting.env}]`);
    }
    expect(stdout).toContain('LS_METRICS_TOKEN');
    expect(stdout).toMatch(/退出码 Exit codes/);
  });

  it('explains a usage error with the command’s own help on stderr and exit 2', async () => {
    const missing = await run(['enroll']);
    expect(missing.code).toBe(exitCodes.usage);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('缺少 --station');
    expect(missing.stderr).toContain(commandHelp.enroll);
    const unknownFlag = await run(['serve', '--prot', '80']);
    expect(unknownFlag.code).toBe(exitCodes.usage);
    expect(unknownFlag.stderr).toContain('--prot');
    expect((await run([])).code).toBe(exitCodes.usage);
    expect((await run(['constructor'])).code).toBe(exitCodes.usage);
  });

  it('exits 3 when the PostgreSQL database cannot be reached, naming the setting to check', async () => {
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    const result = await run(['counties', 'list', '--database', 'postgres://liaison@127.0.0.1:1/liaison']);
    expect(result.code).toBe(exitCodes.storageUnavailable);
    expect(result.stderr).toMatch(/存储不可用（ECONNREFUSED）/);
    expect(result.stderr).toContain('LS_DATABASE_URL');
  });

  it('refuses a bad LS_* value before opening anything, naming the variable (exit 2)', async () => {
    vi.stubEnv('LS_LOG_LEVEL', 'loud');
    try {
      const result = await run(['serve', '--port', '0']);
      expect(result.code).toBe(exitCodes.usage);
      expect(result.stderr).toMatch(/配置错误：--log-level（环境变量 LS_LOG_LEVEL）的值 "loud" 无效/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('exit codes', () => {
  it('tells configuration, storage, a newer database, a taken port and a refusal apart', () => {
    expect(failureOf(new ConfigError('x')).exitCode).toBe(2);
    expect(failureOf(new HttpError(404, 'station_not_found', '没有该联络站')).exitCode).toBe(1);
    expect(failureOf(new Error('boom')).exitCode).toBe(1);
    expect(failureOf(new StoreVersionError(9, 3)).exitCode).toBe(4);
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    for (const code of [
      'SQLITE_CANTOPEN',
      'SQLITE_NOTADB',
      'SQLITE_FULL',
      'SQLITE_READONLY_DBMOVED',
      'EACCES',
      'ENOSPC',
    ]) {
      expect(failureOf(withCode(code)).exitCode, code).toBe(3);
    }
    // PostgreSQL out of reach: connection refused, authentication failed, no such database, disk full.
    for (const code of ['ECONNREFUSED', '28P01', '3D000', '53100', '08006']) {
      expect(failureOf(withCode(code)).exitCode, code).toBe(3);
    }
    // The store's own typed faults (a full disk, a lost database while a command runs).
    expect(failureOf(new StorageFullError()).exitCode).toBe(3);
    expect(failureOf(new StorageUnavailableError()).exitCode).toBe(3);
    // A broken rule in one statement is the command's failure, not the storage's.
    expect(failureOf(withCode('SQLITE_CONSTRAINT_UNIQUE')).exitCode).toBe(1);
    expect(failureOf(withCode('23505')).exitCode).toBe(1);
    const taken = Object.assign(new Error('listen EADDRINUSE'), {
      code: 'EADDRINUSE',
      syscall: 'listen',
      address: '127.0.0.1',
      port: 8787,
    });
    const listen = failureOf(taken);
    expect(listen.exitCode).toBe(5);
    expect(listen.message).toContain('127.0.0.1:8787');
    expect(listen.message).toContain('端口已被占用');
  });
});

describe('configuration', () => {
  it('validates every numeric and enumerated setting, naming the flag and the variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ LS_BODY_LIMIT: '10mb' }, /--body-limit（环境变量 LS_BODY_LIMIT）/],
      [{ LS_AUTH_RATE_MAX: '0' }, /LS_AUTH_RATE_MAX/],
      [{ LS_AUTH_RATE_WINDOW_MS: '1.5' }, /LS_AUTH_RATE_WINDOW_MS/],
      [{ LS_LOG_LEVEL: 'verbose' }, /LS_LOG_LEVEL/],
      [{ LS_CORS_ORIGIN: 'localhost:5173' }, /LS_CORS_ORIGIN/],
      [{ LS_CORS_ORIGIN: 'http://localhost:5173/app' }, /不带路径/],
      [{ LS_HOST: 'my host' }, /LS_HOST/],
      [{ LS_METRICS_TOKEN: 'short' }, /LS_METRICS_TOKEN/],
      [{ LS_STATIC_DIR: '/nonexistent-renderer' }, /index\.html/],
    ];
    for (const [env, message] of cases) expect(() => loadConfig({}, env), JSON.stringify(env)).toThrow(message);
    const config = loadConfig(
      { bodyLimit: '1048576', logLevel: 'WARN' },
      {
        LS_BODY_LIMIT: '99',
        LS_AUTH_RATE_MAX: '5',
        LS_AUTH_RATE_WINDOW_MS: '30000',
        LS_CORS_ORIGIN: 'http://localhost:5173/',
        LS_HOST: '0.0.0.0',
        LS_METRICS_TOKEN: 'a'.repeat(32),
      },
    );
    expect(config).toMatchObject({
      bodyLimit: 1_048_576,
      logLevel: 'warn',
      authRateLimit: { max: 5, windowMs: 30_000 },
      corsOrigin: 'http://localhost:5173',
      host: '0.0.0.0',
      metricsToken: 'a'.repeat(32),
    });
  });
});

/** Files the project's own code, scripts, tests and deployment samples live in (not dependencies or builds). */
function sourceFiles(): string[] {
  const roots = [
    'sync-server/src',
    'sync-server/deploy',
    'src-shared',
    'src-renderer',
    'src-main',
    'scripts',
    'e2e',
    'bench',
    '.ci',
  ];
  const files = ['playwright.config.ts', 'vitest.config.ts'].map((f) => path.join(repoRoot, f));
  for (const root of roots) {
    const dir = path.join(repoRoot, root);
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.parentPath.includes('node_modules') || entry.name.endsWith('.md')) continue;
      if (/\.(ts|tsx|mjs|js|cjs|sh|json|service|timer|xml|conf|ps1)$/.test(entry.name) || !entry.name.includes('.')) {
        files.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  return files;
}

describe('sync-server/README.md', () => {
  it('has one table of exactly the LS_* variables the code and tests read', () => {
    const used = new Set<string>();
    for (const file of sourceFiles()) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bLS_[A-Z0-9_]*[A-Z0-9]\b/g)) used.add(match[0]);
    }
    const readme = readFileSync(path.join(repoRoot, 'sync-server', 'README.md'), 'utf8');
    const tableRows = readme.split('\n').filter((line) => /^\|\s*`LS_[A-Z0-9_]+`/.test(line));
    const documented = tableRows.map((line) => /`(LS_[A-Z0-9_]+)`/.exec(line)?.[1]);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...used].sort());
    // Each serve setting's row names its flag.
    for (const setting of serveSettings) {
      const row = tableRows.find((line) => /`(LS_[A-Z0-9_]+)`/.exec(line)?.[1] === setting.env);
      expect(row, setting.env).toContain(`--${setting.flag}`);
    }
  });
});
