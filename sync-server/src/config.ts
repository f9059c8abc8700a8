// Server configuration: defaults, environment variables (LS_*) and command-line flags, in that order of precedence.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RateLimitConfig {
  /** Attempts allowed per client IP within the window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface ServerConfig {
  /** Folder holding `liaison.sqlite` (created when missing). */
  dataDir: string;
  /** A PostgreSQL URL (LS_DATABASE_URL, --database): the store is PostgreSQL; null: the SQLite file in dataDir. */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Largest accepted request body in bytes; photos sync as base64, hence the generous default. */
  bodyLimit: number;
  /** Rate limit on `POST /v1/enroll` and `POST /v1/auth/login`, per IP. */
  authRateLimit: RateLimitConfig;
  /** How long a county staff session lasts (ms). */
  staffSessionMs: number;
  /** How long an enrolment code stays valid (ms). */
  enrolmentCodeMs: number;
  /** Seconds between keep-alive comments on server-sent event streams. */
  streamHeartbeatMs: number;
  /** The renderer build served to county staff in a browser; null to serve none. */
  staticDir: string | null;
  /** An origin allowed by CORS besides the desktop app's `app://liaison` (e.g. the Vite dev server); null for none. */
  corsOrigin: string | null;
  /** pino level; 'silent' in tests. */
  logLevel: string;
  /** Days without a successful sync after which the sync report marks a station 超期未同步 (a request may ask otherwise). */
  staleDays: number;
}

/** The sync report's stale threshold when nothing else is configured. */
export const defaultStaleDays = 7;

/** A stale threshold from a flag or LS_STALE_DAYS: whole days, 1–365 (the range the report route accepts). */
export function parseStaleDays(value: string | undefined, fallback: number = defaultStaleDays): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 365) {
    throw new ConfigError(`超期天数 "${value}" 无效：请填写 1–365 之间的整数（天）`);
  }
  return n;
}

/** The repository root, found from this file (sync-server/src/config.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Default data folder, relative to the directory the command was started from (the repo root for `npm run server`). */
export const defaultDataDirName = path.join('.data', 'server');

/**
 * The directory the user started the command from. `npm run -w sync-server` changes the working directory to
 * `sync-server/`, so relative paths given on the command line are resolved against npm's INIT_CWD instead.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ? path.resolve(env.INIT_CWD) : process.cwd();
}

export function resolveFromInvocation(p: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(invocationDir(env), p);
}

function defaultStaticDir(): string | null {
  const dir = path.join(repoRoot, 'dist', 'renderer');
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError(`端口 "${value}" 无效：请填写 0–65535 之间的整数`);
  }
  return n;
}

export class ConfigError extends Error {}

/** The store's database from --database or LS_DATABASE_URL: a postgres:// URL, or none (the embedded SQLite file). */
export function parseDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^postgres(ql)?:\/\/./i.test(value)) {
    throw new ConfigError(
      '数据库地址无效：请填写 postgres://用户:密码@主机:端口/库名；不设置则使用数据目录中的内置 SQLite 文件',
    );
  }
  return value;
}

export interface ConfigFlags {
  data?: string | undefined;
  database?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  staticDir?: string | undefined;
  corsOrigin?: string | undefined;
  staleDays?: string | undefined;
}

/** Builds the configuration from flags (strongest), then LS_* environment variables, then defaults. */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolveFromInvocation(flags.data ?? env.LS_DATA_DIR ?? defaultDataDirName, env);
  const staticFlag = flags.staticDir ?? env.LS_STATIC_DIR;
  return {
    dataDir,
    databaseUrl: parseDatabaseUrl(flags.database ?? env.LS_DATABASE_URL),
    port: parsePort(flags.port ?? env.LS_PORT, 8787),
    host: flags.host ?? env.LS_HOST ?? '127.0.0.1',
    bodyLimit: Number(env.LS_BODY_LIMIT ?? 8 * 1024 * 1024),
    authRateLimit: {
      max: Number(env.LS_AUTH_RATE_MAX ?? 10),
      windowMs: Number(env.LS_AUTH_RATE_WINDOW_MS ?? 60_000),
    },
    staffSessionMs: 12 * 60 * 60 * 1000,
    enrolmentCodeMs: 7 * 24 * 60 * 60 * 1000,
    streamHeartbeatMs: 25_000,
    staticDir:
      staticFlag === undefined ? defaultStaticDir() : staticFlag === '' ? null : resolveFromInvocation(staticFlag, env),
    corsOrigin: flags.corsOrigin ?? env.LS_CORS_ORIGIN ?? null,
    logLevel: env.LS_LOG_LEVEL ?? 'info',
    staleDays: parseStaleDays(flags.staleDays ?? env.LS_STALE_DAYS),
  };
}

/** A configuration for tests and embedding: defaults with overrides, no environment. */
export function testConfig(overrides: Partial<ServerConfig> & { dataDir: string }): ServerConfig {
  return {
    databaseUrl: null,
    port: 0,
    host: '127.0.0.1',
    bodyLimit: 8 * 1024 * 1024,
    authRateLimit: { max: 1000, windowMs: 60_000 },
    staffSessionMs: 12 * 60 * 60 * 1000,
    enrolmentCodeMs: 7 * 24 * 60 * 60 * 1000,
    streamHeartbeatMs: 25_000,
    staticDir: null,
    corsOrigin: null,
    logLevel: 'silent',
    staleDays: defaultStaleDays,
    ...overrides,
  };
}
