// SqlDatabase over a pg Pool: `?` and `@name` placeholders become `$n`, statements are prepared per connection by name,
// and int8/numeric come back as numbers and JSON as text (the Store parts parse it, as on SQLite).
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { SqlDatabase, SqlDialect, SqlParams, SqlSession, TransactionMode } from './sql-database';

/** `col -> 'a' ->> 'b'`: the text at a path (the single-key operators, cheaper per row than a path array). */
function jsonText(column: string, path: readonly string[]): string {
  const last = path.length - 1;
  return `(${column}${path.map((key, i) => ` ${i === last ? '->>' : '->'} '${key}'`).join('')})`;
}

function jsonValue(column: string, path: readonly string[]): string {
  return `(${column}${path.map((key) => ` -> '${key}'`).join('')})`;
}

export const postgresDialect: SqlDialect = {
  kind: 'postgres',
  json: (column, ...path) => jsonText(column, path),
  jsonNumber: (column, ...path) => {
    const value = jsonValue(column, path);
    return `(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric END)`;
  },
  jsonTextElements: (column, path, alias) => `jsonb_array_elements_text(${column} -> '${path}') AS ${alias}(value)`,
  jsonObjectElements: (column, path, alias) => `jsonb_array_elements(${column} -> '${path}') AS ${alias}(value)`,
  inJsonArray: (expr, param) => `${expr} IN (SELECT jsonb_array_elements_text(${param}::jsonb))`,
  daysBetween: (from, to) => `ls_days_between(${from}, ${to})`,
  byteOrder: ' COLLATE "C"',
  scratchTableSuffix: ' ON COMMIT DELETE ROWS',
  // A county's report reads a few thousand rows per query through the report-date index: starting parallel workers
  // costs more than it saves, and on a small server they compete with the sync requests.
  reportSetup: 'SET LOCAL max_parallel_workers_per_gather = 0',
};

/** Numbers for int8 (counts, seqs: far below 2^53) and numeric (averages); JSON as its text. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    if (oid === pg.types.builtins.JSON || oid === pg.types.builtins.JSONB) return (value: string) => value;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

interface Converted {
  text: string;
  /** Parameter names in `$n` order, for named parameters; null for positional ones. */
  names: string[] | null;
  /** The prepared statement's name (per connection). */
  name: string;
}

const converted = new Map<string, Converted>();

/** Rewrites `?` (in order) or `@name` placeholders outside string literals to `$n`. */
export function toPostgresPlaceholders(sql: string): Converted {
  const cached = converted.get(sql);
  if (cached) return cached;
  let text = '';
  let positional = 0;
  const names: string[] = [];
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (c === "'") inString = !inString;
    if (!inString && c === '?') {
      positional++;
      text += `$${positional}`;
    } else if (!inString && c === '@' && /\w/.test(sql[i + 1] ?? '')) {
      const name = /^\w+/.exec(sql.slice(i + 1))?.[0] as string;
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      text += `$${index + 1}`;
      i += name.length;
    } else {
      text += c;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error('mixed ? and @name placeholders');
  const result = {
    text,
    names: names.length > 0 ? names : null,
    name: `ls_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`,
  };
  converted.set(sql, result);
  return result;
}

function queryOf(sql: string, params: SqlParams | undefined): pg.QueryConfig {
  const c = toPostgresPlaceholders(sql);
  let values: unknown[] = [];
  if (c.names) {
    const named = (params ?? {}) as Record<string, unknown>;
    values = c.names.map((n) => {
      if (!(n in named)) throw new Error(`missing SQL parameter @${n}`);
      return named[n];
    });
  } else if (Array.isArray(params)) {
    values = [...params];
  }
  return { name: c.name, text: c.text, values };
}

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    dialect: postgresDialect,
    async all<T>(sql: string, params?: SqlParams) {
      return (await client.query(queryOf(sql, params))).rows as T[];
    },
    async get<T>(sql: string, params?: SqlParams) {
      return (await client.query(queryOf(sql, params))).rows[0] as T | undefined;
    },
    async run(sql: string, params?: SqlParams) {
      return (await client.query(queryOf(sql, params))).rowCount ?? 0;
    },
  };
}

/** One round trip each (simple protocol). Bookkeeping skips the wait for the WAL flush: safe, it loses nothing else. */
const beginStatements: Record<TransactionMode, string> = {
  write: 'BEGIN',
  bookkeeping: 'BEGIN; SET LOCAL synchronous_commit TO OFF',
  snapshot: 'BEGIN ISOLATION LEVEL REPEATABLE READ',
};

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = postgresDialect;
  private readonly session: SqlSession;

  constructor(readonly pool: pg.Pool) {
    this.session = sessionOf(pool);
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.session.all<T>(sql, params);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.session.get<T>(sql, params);
  }

  run(sql: string, params?: SqlParams): Promise<number> {
    return this.session.run(sql, params);
  }

  async transaction<T>(mode: TransactionMode, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(beginStatements[mode]);
    } catch (error) {
      client.release(true);
      throw error;
    }
    try {
      const result = await work(sessionOf(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch {
        // A connection that cannot even roll back is not given back to the pool.
        client.release(true);
      }
      throw error;
    }
  }
}
