// The CLI's exit codes and how a failure maps to one (and to the message an operator reads on standard error).
import { ConfigError } from '../config-values';
import { ImportFileError } from '../import/stations-import';
import { HttpError } from '../plugins/errors';
import { MigrateStoreError } from '../store/migrate-store';
import { RestoreError } from '../store/sqlite-store';
import { StorageError, StoreUnsupportedError, StoreVersionError } from '../store/store-errors';

/** What a service manager or a script can tell apart (systemd: RestartPreventExitStatus for the ones a restart won't fix). */
export const exitCodes = {
  ok: 0,
  /** The command ran and failed or was refused (unknown station, import errors, restore while serving). */
  failure: 1,
  /** Bad command line or configuration (a flag, an LS_* variable, a certificate file). */
  usage: 2,
  /** The data folder or database cannot be opened, read or written (permissions, disk full, not a database,
   * PostgreSQL unreachable). */
  storageUnavailable: 3,
  /** The database was written by a newer server: upgrade this one, or restore a backup. */
  storeTooNew: 4,
  /** `serve` could not listen: the port is taken, not allowed, or the address is not this machine's. */
  cannotListen: 5,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A command line the CLI cannot run; the command's help follows the message. */
export class UsageError extends Error {}

/** File-system errors that mean the data folder is not usable. */
const fileSystemCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EISDIR', 'EDQUOT', 'EIO']);
/** better-sqlite3's codes for a database that cannot be opened, read or written. */
const sqlitePrefixes = [
  'SQLITE_CANTOPEN',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_PERM',
  'SQLITE_BUSY',
];
/** A database server out of reach (node-postgres: socket errors, SQLSTATE classes 08, 28, 53, 57P, 3D000). */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH']);
const sqlStates = /^(08|28|53|57P)|^3D000$/;

function codeOf(err: unknown): string | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

export function isStorageUnavailable(err: unknown): boolean {
  // Already typed by the store (storage_full, storage_unavailable).
  if (err instanceof StorageError) return true;
  const code = codeOf(err);
  if (code === null) return false;
  return (
    fileSystemCodes.has(code) ||
    sqlitePrefixes.some((p) => code.startsWith(p)) ||
    networkCodes.has(code) ||
    (/^[0-9A-Z]{5}$/.test(code) && sqlStates.test(code))
  );
}

/** A failed `listen` (Node's errors carry the address and port they tried). */
interface ListenError extends NodeJS.ErrnoException {
  address?: string;
  port?: number;
}

function isListenError(err: unknown): err is ListenError {
  return typeof err === 'object' && err !== null && (err as ListenError).syscall === 'listen';
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The exit code and the operator's message for a failure (usage errors are handled by the caller with their help). */
export function failureOf(err: unknown): { exitCode: ExitCode; message: string } {
  if (err instanceof UsageError || err instanceof ConfigError) {
    return { exitCode: exitCodes.usage, message: `配置错误：${messageOf(err)}` };
  }
  if (err instanceof StoreVersionError) {
    return { exitCode: exitCodes.storeTooNew, message: `数据库版本过新：${err.message}` };
  }
  if (
    err instanceof HttpError ||
    err instanceof RestoreError ||
    err instanceof ImportFileError ||
    err instanceof StoreUnsupportedError ||
    err instanceof MigrateStoreError
  ) {
    return { exitCode: exitCodes.failure, message: `错误（${err.code}）：${err.message}` };
  }
  if (isListenError(err)) {
    const where = `${err.address ?? ''}${err.port === undefined ? '' : `:${err.port}`}`;
    const why =
      err.code === 'EADDRINUSE'
        ? '端口已被占用（另一个服务器实例还在运行？）'
        : err.code === 'EACCES'
          ? '没有权限使用该端口（1024 以下的端口需要特权）'
          : '该地址不属于本机或不可用';
    return {
      exitCode: exitCodes.cannotListen,
      message: `无法监听 ${where}：${why}。请用 --port / LS_PORT、--host / LS_HOST 换一个（${err.code}）`,
    };
  }
  if (isStorageUnavailable(err)) {
    return {
      exitCode: exitCodes.storageUnavailable,
      message:
        `存储不可用（${codeOf(err)}）：${messageOf(err)}。` +
        '请检查数据目录（--data / LS_DATA_DIR）是否存在、可写，磁盘是否已满，数据库文件是否完好；' +
        '使用 PostgreSQL 时检查数据库地址（--database / LS_DATABASE_URL）、数据库服务是否运行、用户名和密码',
    };
  }
  return { exitCode: exitCodes.failure, message: `错误：${messageOf(err)}` };
}
