// The seam under every Store part: a few async SQL calls and transactions, implemented for SQLite and PostgreSQL.

/** Positional (`?`) or named (`@name`) parameters; booleans are bound as 1/0 on SQLite. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface SqlSession {
  readonly dialect: SqlDialect;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
}

/**
 * `write`: takes the write lock before the first read (SQLite IMMEDIATE; PostgreSQL READ COMMITTED, each statement
 * sees the latest commits). `bookkeeping`: a write whose loss in a crash would not matter (heartbeats, sync times,
 * rate-limit counters): PostgreSQL commits it without waiting for the disk. `snapshot`: one consistent read over
 * several statements (REPEATABLE READ).
 */
export type TransactionMode = 'write' | 'bookkeeping' | 'snapshot';

export interface SqlDatabase extends SqlSession {
  /** One transaction; `work` must reach the database only through `tx`. Rolled back when `work` throws. */
  transaction<T>(mode: TransactionMode, work: (tx: SqlSession) => Promise<T>): Promise<T>;
}

/** The few SQL spellings SQLite and PostgreSQL do not share; queries are built once per dialect. */
export interface SqlDialect {
  readonly kind: 'sqlite' | 'postgres';
  /** The text (or number) at a path of a JSON column: `json(d.body, 'visitor', 'name')`. */
  json(column: string, ...path: string[]): string;
  /** The number at a path of a JSON column (null when absent). */
  jsonNumber(column: string, ...path: string[]): string;
  /** A FROM item: the text elements of a JSON array at a path, as `<alias>.value`. */
  jsonTextElements(column: string, path: string, alias: string): string;
  /** A FROM item: the object elements of a JSON array at a path, as `<alias>.value` (read with `json`). */
  jsonObjectElements(column: string, path: string, alias: string): string;
  /** `expr` is one of the strings of a JSON array parameter (e.g. `@stations`). */
  inJsonArray(expr: string, param: string): string;
  /** Days from date text `from` to date text `to` (null when either is not a date). */
  daysBetween(from: string, to: string): string;
  /** Appended to a text ORDER BY: byte order, as SQLite compares by default. */
  readonly byteOrder: string;
  /** Appended to CREATE TEMP TABLE for per-transaction scratch tables. */
  readonly scratchTableSuffix: string;
  /** Run first in a report's transaction (settings for its aggregate queries), or null. */
  readonly reportSetup: string | null;
}

/** A literal SQL list of fixed identifiers (statuses): `('a', 'b')`. Refuses anything that is not a plain word. */
export function sqlWordList(words: readonly string[]): string {
  for (const w of words) if (!/^\w+$/.test(w)) throw new Error(`not a plain word: ${w}`);
  return `(${words.map((w) => `'${w}'`).join(', ')})`;
}
