// A real sync server for the renderer's sync tests and the bench: demo data in a temporary folder, real HTTP on port 0.
// Test support only, outside src-renderer (which imports nothing from sync-server/, see import-boundaries.test.ts).
// The server is loaded by runtime paths: the renderer's tests type-check this file without Node types, so the server's
// modules stay out of that check and the few functions used are typed here.

/** The server-side pieces the tests use (see sync-server/src). */
interface StoredDocumentLike {
  id: string;
  seq: number;
  deleted: boolean;
  stationId: string | null;
  countyId: string;
  body: Record<string, unknown>;
}

type ScopeLike = { kind: 'all' } | { kind: 'county'; countyId: string };

export interface StoreLike {
  listDocuments(collection: string, scope: ScopeLike): Promise<StoredDocumentLike[]>;
  getDocument(collection: string, id: string): Promise<StoredDocumentLike | null>;
  listStationSyncStates(
    countyId?: string,
  ): Promise<
    { stationId: string; appVersion: string | null; pendingChanges: number | null; lastHeartbeatAt: string | null }[]
  >;
  close(): Promise<void>;
}

interface FastifyLike {
  listen(options: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
}

interface ServerModules {
  buildServer(config: unknown, deps: { store: StoreLike }): FastifyLike;
  testConfig(overrides: { dataDir: string } & Record<string, unknown>): unknown;
  openStore(dataDir: string): StoreLike;
  loadDemo(store: StoreLike, now: Date): Promise<unknown>;
  issueEnrolmentCode(store: StoreLike, stationId: string, now: Date): Promise<{ code: string }>;
  buildDemoData(): {
    stations: { id: string; countyId: string; name: string }[];
    staff: { user: string; countyId: string; password: string }[];
    departments: { id: string; countyId: string }[];
  };
  mkdtemp(prefix: string): Promise<string>;
  rm(path: string, options: { recursive: boolean; force: boolean }): Promise<void>;
  tmpdir(): string;
}

async function importAt<T>(specifier: string): Promise<T> {
  return (await import(/* @vite-ignore */ specifier)) as T;
}

async function loadServerModules(): Promise<ServerModules> {
  const root = new URL('../sync-server/src/', import.meta.url).href;
  const app = await importAt<Pick<ServerModules, 'buildServer'>>(`${root}app.ts`);
  const config = await importAt<Pick<ServerModules, 'testConfig'>>(`${root}config.ts`);
  const sqlite = await importAt<{ SqliteStore: { open(dir: string): StoreLike } }>(`${root}store/sqlite-store.ts`);
  const demo = await importAt<Pick<ServerModules, 'loadDemo'>>(`${root}demo/load-demo.ts`);
  const demoData = await importAt<Pick<ServerModules, 'buildDemoData'>>(`${root}demo/demo-data.ts`);
  const enrolment = await importAt<Pick<ServerModules, 'issueEnrolmentCode'>>(`${root}services/enrolment.ts`);
  const fs = await importAt<Pick<ServerModules, 'mkdtemp' | 'rm'>>('node:fs/promises');
  const os = await importAt<Pick<ServerModules, 'tmpdir'>>('node:os');
  return {
    ...app,
    ...config,
    openStore: (dir) => sqlite.SqliteStore.open(dir),
    ...demo,
    ...demoData,
    ...enrolment,
    mkdtemp: fs.mkdtemp,
    rm: fs.rm,
    tmpdir: os.tmpdir,
  };
}

export interface SyncTestServer {
  url: string;
  store: StoreLike;
  dataDir: string;
  demo: ReturnType<ServerModules['buildDemoData']>;
  /** A one-time enrolment code for a station, as the county issues it. */
  issueCode(stationId: string): Promise<string>;
  /** Stops listening (the data stays); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and deletes the data folder. */
  dispose(): Promise<void>;
}

export async function startSyncTestServer(overrides: Record<string, unknown> = {}): Promise<SyncTestServer> {
  const modules = await loadServerModules();
  const dataDir = await modules.mkdtemp(`${modules.tmpdir()}/liaison-sync-test-`);
  const store = modules.openStore(dataDir);
  await modules.loadDemo(store, new Date());
  const config = modules.testConfig({ dataDir, ...overrides });
  let port = 0;
  let app: FastifyLike | null = null;
  let url = '';
  const start = async () => {
    app = modules.buildServer(config, { store });
    url = await app.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  };
  await start();
  const server: SyncTestServer = {
    get url() {
      return url;
    },
    store,
    dataDir,
    demo: modules.buildDemoData(),
    issueCode: async (stationId) => (await modules.issueEnrolmentCode(store, stationId, new Date())).code,
    async stop() {
      await app?.close();
      app = null;
    },
    start,
    async dispose() {
      await app?.close();
      app = null;
      await store.close();
      await modules.rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
