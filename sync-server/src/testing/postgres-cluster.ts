// A throwaway PostgreSQL cluster for tests and benches: initdb + pg_ctl in a temporary folder (as the `postgres` user
// when running as root), on a free port, removed afterwards. Fails with a clear message where it cannot start.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresCluster {
  /** The cluster's folder (data, socket, log). */
  dir: string;
  port: number;
  /** A connection URL for a database of the cluster (default: the `postgres` maintenance database). */
  url(database?: string): string;
  /** Stops the server and removes the folder. */
  stop(): Promise<void>;
}

export class PostgresUnavailableError extends Error {}

/** Debian's binaries: LS_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LS_PG_BIN) return env.LS_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new PostgresUnavailableError(
      'PostgreSQL 未安装，无法运行 PostgreSQL 测试 / PostgreSQL is not installed, so the PostgreSQL tests cannot run: ' +
        'sudo apt-get install -y postgresql (or set LS_PG_BIN to the folder holding initdb and pg_ctl).',
    );
  }
  return path.join(root, versions[0] as string, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary; as root through runuser, since initdb and postgres refuse to run as root. */
async function pgCommand(bin: string, command: string, args: string[]): Promise<void> {
  const file = path.join(bin, command);
  if (isRoot) await run('runuser', ['-u', 'postgres', '--', file, ...args]);
  else await run(file, args);
}

export interface ClusterOptions {
  /** No fsync and no synchronous commit: fast, for tests (a crash loses the cluster, which is thrown away anyway). */
  durable?: boolean;
  maxConnections?: number;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = await mkdtemp(path.join(tmpdir(), 'ls-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const stopAndRemove = () => stopPostgresCluster(dir);
  try {
    if (isRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    await pgCommand(bin, 'initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const settings = [
      `-c listen_addresses=127.0.0.1`,
      `-k ${dir}`,
      `-c max_connections=${options.maxConnections ?? 200}`,
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ];
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await pgCommand(bin, 'pg_ctl', [
          '-D',
          data,
          '-l',
          log,
          '-w',
          '-t',
          '60',
          '-o',
          `-p ${port} ${settings.join(' ')}`,
          'start',
        ]);
        break;
      } catch (error) {
        // Another process may have taken the port between probing and starting: try another.
        if (attempt >= 2) throw error;
      }
    }
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return { dir, port, url, stop: stopAndRemove };
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    await stopAndRemove();
    if (error instanceof PostgresUnavailableError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new PostgresUnavailableError(
      `无法启动用于测试的 PostgreSQL / could not start a throwaway PostgreSQL cluster (${bin}): ${detail}\n${serverLog.slice(-2000)}`,
    );
  }
}

/** Stops the cluster in `dir` (if running) and removes the folder. */
export async function stopPostgresCluster(dir: string): Promise<void> {
  const data = path.join(dir, 'data');
  if (existsSync(path.join(data, 'postmaster.pid'))) {
    await pgCommand(postgresBinDir(), 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
  }
  await rm(dir, { recursive: true, force: true });
}

let databaseCounter = 0;

/**
 * Creates a database in the cluster, empty or as a copy of `template` (a file copy: far faster than migrating each
 * time); `drop` removes it (closing any connection left).
 */
export async function createDatabase(
  cluster: Pick<PostgresCluster, 'url'>,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ls_${process.pid}_${Date.now().toString(36)}_${(databaseCounter++).toString(36)}`;
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template} STRATEGY FILE_COPY` : ''}`);
  } finally {
    await admin.end();
  }
  return {
    url: cluster.url(name),
    async drop() {
      const client = new pg.Client({ connectionString: cluster.url() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
