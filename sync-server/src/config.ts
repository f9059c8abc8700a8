// Server configuration: defaults, environment variables (LS_*) and command-line flags, in that order of precedence.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  parseHost,
  parseIntegerSetting,
  parseLogLevel,
  parseMetricsToken,
  parseOrigin,
  parseTrustProxy,
} from './config-values';

export { ConfigError } from './config-values';

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
  /** Reverse proxies whose X-Forwarded-* headers are believed (addresses, CIDRs, `loopback`); empty: none. */
  trustProxy: string[];
  /** Certificate and key files (PEM) for Fastify's own HTTPS; null: plain HTTP (e.g. behind a TLS proxy). */
  tls: { certFile: string; keyFile: string } | null;
  /** Bearer token for GET /metrics; null: /metrics answers only direct requests from this machine. */
  metricsToken: string | null;
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

/** A renderer build named explicitly must be one (an index.html in it); empty: serve none. */
function parseStaticDir(value: string, env: NodeJS.ProcessEnv): string | null {
  if (value.trim() === '') return null;
  const dir = resolveFromInvocation(value, env);
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new ConfigError(
      `--static-dir（环境变量 LS_STATIC_DIR）"${dir}" 里没有 index.html：请指向网页端构建目录（npm run build 生成的 dist/renderer），或设为空以不提供网页`,
    );
  }
  return dir;
}

/** Certificate and key come together, or not at all. */
function parseTls(cert: string | undefined, key: string | undefined, env: NodeJS.ProcessEnv): ServerConfig['tls'] {
  const certFile = cert?.trim() || undefined;
  const keyFile = key?.trim() || undefined;
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) {
    throw new ConfigError(
      'HTTPS 需要同时提供证书与私钥：--tls-cert（LS_TLS_CERT）和 --tls-key（LS_TLS_KEY），只给了其中一个',
    );
  }
  return { certFile: resolveFromInvocation(certFile, env), keyFile: resolveFromInvocation(keyFile, env) };
}

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
  logLevel?: string | undefined;
  bodyLimit?: string | undefined;
  authRateMax?: string | undefined;
  authRateWindowMs?: string | undefined;
  trustProxy?: string | undefined;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
}

/** Builds the configuration from flags (strongest), then LS_* environment variables, then defaults. */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolveFromInvocation(flags.data ?? env.LS_DATA_DIR ?? defaultDataDirName, env);
  const staticFlag = flags.staticDir ?? env.LS_STATIC_DIR;
  return {
    dataDir,
    databaseUrl: parseDatabaseUrl(flags.database ?? env.LS_DATABASE_URL),
    port: parsePort(flags.port ?? env.LS_PORT, 8787),
    host: parseHost(flags.host ?? env.LS_HOST, { flag: '--host', env: 'LS_HOST' }),
    bodyLimit: parseIntegerSetting(
      flags.bodyLimit ?? env.LS_BODY_LIMIT,
      8 * 1024 * 1024,
      { flag: '--body-limit', env: 'LS_BODY_LIMIT' },
      { min: 64 * 1024, max: 1024 * 1024 * 1024, unit: '字节' },
    ),
    authRateLimit: {
      max: parseIntegerSetting(
        flags.authRateMax ?? env.LS_AUTH_RATE_MAX,
        10,
        { flag: '--auth-rate-max', env: 'LS_AUTH_RATE_MAX' },
        { min: 1, max: 1_000_000, unit: '次' },
      ),
      windowMs: parseIntegerSetting(
        flags.authRateWindowMs ?? env.LS_AUTH_RATE_WINDOW_MS,
        60_000,
        { flag: '--auth-rate-window-ms', env: 'LS_AUTH_RATE_WINDOW_MS' },
        { min: 1000, max: 24 * 60 * 60 * 1000, unit: '毫秒' },
      ),
    },
    staffSessionMs: 12 * 60 * 60 * 1000,
    enrolmentCodeMs: 7 * 24 * 60 * 60 * 1000,
    streamHeartbeatMs: 25_000,
    staticDir: staticFlag === undefined ? defaultStaticDir() : parseStaticDir(staticFlag, env),
    corsOrigin: parseOrigin(flags.corsOrigin ?? env.LS_CORS_ORIGIN, { flag: '--cors-origin', env: 'LS_CORS_ORIGIN' }),
    logLevel: parseLogLevel(flags.logLevel ?? env.LS_LOG_LEVEL, { flag: '--log-level', env: 'LS_LOG_LEVEL' }),
    staleDays: parseStaleDays(flags.staleDays ?? env.LS_STALE_DAYS),
    trustProxy: parseTrustProxy(flags.trustProxy ?? env.LS_TRUST_PROXY, {
      flag: '--trust-proxy',
      env: 'LS_TRUST_PROXY',
    }),
    tls: parseTls(flags.tlsCert ?? env.LS_TLS_CERT, flags.tlsKey ?? env.LS_TLS_KEY, env),
    // A secret: from the environment only, never a flag (flags show in every process list).
    metricsToken: parseMetricsToken(env.LS_METRICS_TOKEN, 'LS_METRICS_TOKEN'),
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
    trustProxy: [],
    tls: null,
    metricsToken: null,
    ...overrides,
  };
}
