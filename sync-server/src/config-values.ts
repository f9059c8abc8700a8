// Parsers for the server's settings (flags and LS_* variables): each refuses a bad value with a message naming it.
import { isIP } from 'node:net';

export class ConfigError extends Error {}

/** The name a setting is given by: its flag and its environment variable, e.g. `--body-limit / LS_BODY_LIMIT`. */
export interface SettingName {
  flag: string;
  env: string;
}

const named = (name: SettingName) => `${name.flag}（环境变量 ${name.env}）`;

/** A whole number within [min, max]; unset (undefined or empty) gives the fallback. */
export function parseIntegerSetting(
  value: string | undefined,
  fallback: number,
  name: SettingName,
  range: { min: number; max: number; unit: string },
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new ConfigError(
      `${named(name)}的值 "${value}" 无效：请填写 ${range.min}–${range.max} 之间的整数（${range.unit}）`,
    );
  }
  return n;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function parseLogLevel(value: string | undefined, name: SettingName): string {
  if (value === undefined || value.trim() === '') return 'info';
  const level = value.trim().toLowerCase();
  if (!(logLevels as readonly string[]).includes(level)) {
    throw new ConfigError(`${named(name)}的值 "${value}" 无效：请填写 ${logLevels.join('、')} 之一`);
  }
  return level;
}

/** An origin (scheme, host, optional port) such as `http://localhost:5173`; unset gives null. */
export function parseOrigin(value: string | undefined, name: SettingName): string | null {
  if (value === undefined || value.trim() === '') return null;
  let origin: string | null = null;
  try {
    const url = new URL(value.trim());
    if (url.origin !== 'null' && url.pathname === '/' && !url.search && !url.hash) origin = url.origin;
  } catch {
    origin = null;
  }
  if (!origin) {
    throw new ConfigError(`${named(name)}的值 "${value}" 无效：请填写一个来源，例如 http://localhost:5173（不带路径）`);
  }
  return origin;
}

export function parseHost(value: string | undefined, name: SettingName): string {
  if (value === undefined || value.trim() === '') return '127.0.0.1';
  const host = value.trim();
  if (!isIP(host) && !/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) {
    throw new ConfigError(`${named(name)}的值 "${value}" 无效：请填写 IP 地址（如 127.0.0.1、0.0.0.0）或主机名`);
  }
  return host;
}

/** The words proxy-addr (Fastify's trustProxy) understands for whole address ranges. */
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (proxyRangeNames.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * The reverse proxies whose X-Forwarded-For / -Proto / -Host the server believes: addresses, CIDR ranges or
 * `loopback`, comma-separated. Unset or `off`: none (the default; the socket's address is the client's).
 * "Trust everyone" is refused: any client could then choose its own IP and escape the rate limits.
 */
export function parseTrustProxy(value: string | undefined, name: SettingName): string[] {
  if (value === undefined) return [];
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'off' || text === 'false' || text === 'no') return [];
  if (['true', 'on', 'yes', 'all', '*', '1'].includes(text)) {
    throw new ConfigError(
      `${named(name)}不能设为 "${value}"（信任所有来源会让任何客户端伪造自己的 IP）：` +
        '请填写反向代理的地址，例如 127.0.0.1、loopback 或 10.0.0.0/8，多个用逗号分隔',
    );
  }
  const entries = text.split(',').map((e) => e.trim());
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length > 0) {
    throw new ConfigError(
      `${named(name)}中的 "${wrong.join('", "')}" 不是 IP 地址或网段：请填写例如 127.0.0.1、loopback 或 10.0.0.0/8`,
    );
  }
  return entries;
}

/** The token Prometheus must send to read /metrics; unset gives null (then only this machine may read them). */
export function parseMetricsToken(value: string | undefined, env: string): string | null {
  if (value === undefined || value.trim() === '') return null;
  const token = value.trim();
  if (token.length < 16 || /\s/.test(token)) {
    throw new ConfigError(
      `环境变量 ${env} 太短或含空白：请用至少 16 个字符的随机字符串（例如 openssl rand -hex 32 的输出）`,
    );
  }
  return token;
}
