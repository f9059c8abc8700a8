// Storage faults as typed errors (disk full, database unreachable → 507/503 for requests) and the failures a store
// reports when it opens, which the CLI turns into their own exit codes (cli/exit-codes.ts).

export type StorageFaultCode = 'storage_full' | 'storage_unavailable';

/** A fault of the storage, not of the request: the error handler answers 507 or 503 with the code and message. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageFaultCode,
    readonly statusCode: 507 | 503,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class StorageFullError extends StorageError {
  constructor(cause?: unknown) {
    super(
      'storage_full',
      507,
      '服务器存储空间已满，暂时无法保存数据；已保存的数据不受影响。请联系县级管理员清理服务器磁盘，稍后再同步',
      { cause },
    );
  }
}

export class StorageUnavailableError extends StorageError {
  constructor(cause?: unknown) {
    super('storage_unavailable', 503, '服务器数据库暂时无法访问，请稍后重试；若反复出现请联系县级管理员', { cause });
  }
}

/** SQLite result codes and PostgreSQL SQLSTATEs / connection errors that mean the storage, not the request, failed. */
const unavailableSqliteCodes = /^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOTADB|CORRUPT)/;
const unavailablePostgresStates = /^(08|53|57P0[1-3]|58)/;
const unavailableNodeCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/** The typed storage error for a driver error, or the error itself when it is not a storage fault. */
export function classifyStorageError(error: unknown): unknown {
  if (error instanceof StorageError || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === '53100') return new StorageFullError(error);
  if (typeof code === 'string') {
    if (unavailableSqliteCodes.test(code) || unavailableNodeCodes.has(code)) return new StorageUnavailableError(error);
    if (/^[0-9A-Z]{5}$/.test(code) && unavailablePostgresStates.test(code)) return new StorageUnavailableError(error);
  }
  // pg's own messages for a lost or unobtainable connection carry no code.
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      error.message,
    )
  ) {
    return new StorageUnavailableError(error);
  }
  return error;
}

/** The database was written by a newer server (its schema version is above this one's): never open it (exit 4). */
export class StoreVersionError extends Error {
  readonly code = 'store_too_new';
  constructor(
    readonly found: number,
    readonly supported: number,
    where = 'database',
  ) {
    super(
      `数据库（${where}）的结构版本为 ${found}，比本程序支持的版本 ${supported} 新：它已被较新版本的同步服务器升级，` +
        `请安装相同或更新版本的服务器，不要用旧版本打开它。\n` +
        `The database (${where}) has schema version ${found}, newer than this server supports (${supported}): ` +
        'it was upgraded by a newer sync server; install that release or a later one, never open it with an older one.',
    );
  }
}

/** An operation this store cannot do (e.g. `backup` on PostgreSQL, which pg_dump does). */
export class StoreUnsupportedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
