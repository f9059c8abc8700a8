// SqlDatabase over one better-sqlite3 connection: statements run synchronously, and statements and transactions take
// the connection in order of arrival, so that no other request's statement runs inside an open transaction.
import type Database from 'better-sqlite3';
import type { SqlDatabase, SqlDialect, SqlParams, SqlSession, TransactionMode } from './sql-database';

function jsonPath(path: readonly string[]): string {
  return `$${path.map((p) => `.${p}`).join('')}`;
}

export const sqliteDialect: SqlDialect = {
  kind: 'sqlite',
  json: (column, ...path) => `json_extract(${column}, '${jsonPath(path)}')`,
  jsonNumber: (column, ...path) => `json_extract(${column}, '${jsonPath(path)}')`,
  jsonTextElements: (column, path, alias) => `json_each(${column}, '${jsonPath([path])}') ${alias}`,
  jsonObjectElements: (column, path, alias) => `json_each(${column}, '${jsonPath([path])}') ${alias}`,
  inJsonArray: (expr, param) => `${expr} IN (SELECT value FROM json_each(${param}))`,
  daysBetween: (from, to) => `julianday(${to}) - julianday(${from})`,
  byteOrder: '',
  scratchTableSuffix: '',
  reportSetup: null,
};

/** better-sqlite3 binds numbers, strings, bigints, buffers and null: booleans become 1/0. */
function bindable(params: SqlParams | undefined): unknown[] | Record<string, unknown> {
  const convert = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
  if (params === undefined) return [];
  if (Array.isArray(params)) return params.map(convert);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = sqliteDialect;
  /** Prepared statements of every query: preparing costs more than running them. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Whether a statement or transaction has the connection; the others wait in `waiting`, in order. */
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  private readonly session: SqlSession;

  constructor(readonly db: Database.Database) {
    this.session = {
      dialect: sqliteDialect,
      all: async <T>(sql: string, params?: SqlParams) => this.allNow<T>(sql, params),
      get: async <T>(sql: string, params?: SqlParams) => this.getNow<T>(sql, params),
      run: async (sql: string, params?: SqlParams) => this.runNow(sql, params),
    };
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private allNow<T>(sql: string, params: SqlParams | undefined): T[] {
    return this.prepared(sql).all(bindable(params)) as T[];
  }

  private getNow<T>(sql: string, params: SqlParams | undefined): T | undefined {
    return this.prepared(sql).get(bindable(params)) as T | undefined;
  }

  private runNow(sql: string, params: SqlParams | undefined): number {
    const statement = this.prepared(sql);
    // A statement that returns rows (…RETURNING) cannot be run(); its row count is what changed.
    if (statement.reader) return statement.all(bindable(params)).length;
    return statement.run(bindable(params)).changes;
  }

  /** Takes the connection, first come first served: a transaction holds it across its statements. */
  private async acquire(): Promise<void> {
    if (!this.busy && this.waiting.length === 0) {
      this.busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the connection to the next in line (who finds it still taken), or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  private async exclusive<T>(run: () => T | Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await run();
    } finally {
      this.release();
    }
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.exclusive(() => this.allNow<T>(sql, params));
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.exclusive(() => this.getNow<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<number> {
    return this.exclusive(() => this.runNow(sql, params));
  }

  transaction<T>(mode: TransactionMode, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      // IMMEDIATE takes the write lock before reading, so no other writer slips in between read and write.
      this.db.exec(mode === 'snapshot' ? 'BEGIN' : 'BEGIN IMMEDIATE');
      try {
        const result = await work(this.session);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }
}
