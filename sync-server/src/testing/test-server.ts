// Test harness: a server on a real SQLite file in a temporary folder (or a given store), two counties, three
// stations, tokens for each.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { syncRoutes } from '../../../src-shared/api/routes';
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import { schemaVersionHeader } from '../../../src-shared/api/sync-protocol';
import { makeStation, TEST_COUNTY_ID, TEST_STATION_ID } from '../../../src-shared/testing/factories';
import { buildServer } from '../app';
import { type ServerConfig, testConfig } from '../config';
import { preEnrolStation } from '../demo/load-demo';
import { hashSecret, newToken } from '../security/secrets';
import { writeReference } from '../services/reference-data';
import { SqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';

export const OTHER_STATION_ID = 'station-gude';
export const OTHER_COUNTY_ID = 'county-wuxuan';
export const OTHER_COUNTY_STATION_ID = 'station-tongling';

/** A clock the test can move forward. */
export class TestClock {
  constructor(public current = new Date()) {}
  now = (): Date => this.current;
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  clock: TestClock;
  config: ServerConfig;
  /** Bearer tokens: station 妙皇 and 古德 (county 象州), station 桐岭 (county 武宣), staff of each county. */
  tokens: { stationA: string; stationB: string; stationOtherCounty: string; staffX: string; staffY: string };
  close(): Promise<void>;
}

async function staffToken(store: Store, user: string, countyId: string, clock: TestClock): Promise<string> {
  const token = newToken();
  await store.createToken({
    hash: hashSecret(token),
    kind: 'staff',
    subject: user,
    countyId,
    stationId: null,
    deviceName: null,
    createdAt: clock.now().toISOString(),
    revokedAt: null,
    expiresAt: new Date(clock.now().getTime() + 12 * 3600_000).toISOString(),
  });
  return token;
}

/** `options.store`: a store to serve instead of a new SQLite file (e.g. PostgreSQL); closed with the server. */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: { store?: Store } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ls-server-'));
  const config = testConfig({ dataDir, ...overrides });
  const store = options.store ?? SqliteStore.open(dataDir);
  const clock = new TestClock();
  await store.upsertCounties([
    { id: TEST_COUNTY_ID, name: '象州县' },
    { id: OTHER_COUNTY_ID, name: '武宣县' },
  ]);
  await writeReference(store, 'stations', [
    makeStation(),
    makeStation({ id: OTHER_STATION_ID, name: '古德村人大代表联络站', shortName: '古德', kind: 'villageStation' }),
    makeStation({
      id: OTHER_COUNTY_STATION_ID,
      countyId: OTHER_COUNTY_ID,
      countyName: '武宣县',
      countyShortName: '武宣',
      townshipId: 'township-tongling',
      townshipName: '桐岭镇',
      name: '桐岭镇人大代表履职活动中心',
      shortName: '桐岭',
    }),
  ]);
  const url = 'http://127.0.0.1';
  const tokens = {
    stationA: (await preEnrolStation(store, TEST_STATION_ID, url, clock.now())).token,
    stationB: (await preEnrolStation(store, OTHER_STATION_ID, url, clock.now())).token,
    stationOtherCounty: (await preEnrolStation(store, OTHER_COUNTY_STATION_ID, url, clock.now())).token,
    staffX: await staffToken(store, 'staff-x', TEST_COUNTY_ID, clock),
    staffY: await staffToken(store, 'staff-y', OTHER_COUNTY_ID, clock),
  };
  const app = buildServer(config, { store, now: clock.now });
  await app.ready();
  return {
    app,
    store,
    dataDir,
    clock,
    config,
    tokens,
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function auth(token: string, schemaVersion?: number): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    ...(schemaVersion === undefined ? {} : { [schemaVersionHeader]: String(schemaVersion) }),
  };
}

export async function pushDocs(
  app: FastifyInstance,
  token: string,
  collection: SyncedCollection,
  rows: unknown[],
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: syncRoutes.push(collection),
    headers: { ...auth(token), ...headers },
    payload: rows,
  });
}

export async function pullDocs(
  app: FastifyInstance,
  token: string,
  collection: SyncedCollection,
  seq = 0,
  limit = 100,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'GET',
    url: `${syncRoutes.pull(collection)}?seq=${seq}&limit=${limit}`,
    headers: auth(token),
  });
}

/** A new document as RxDB pushes it: no assumed master, `_deleted: false`. */
export function insertRow<T extends object>(
  doc: T,
): { assumedMasterState: null; newDocumentState: T & { _deleted: boolean } } {
  return { assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } };
}

/** An update row: what the client believes is stored, and its new state. */
export function updateRow<T extends object>(
  before: T,
  after: T,
): { assumedMasterState: T & { _deleted: boolean }; newDocumentState: T & { _deleted: boolean } } {
  return { assumedMasterState: { ...before, _deleted: false }, newDocumentState: { ...after, _deleted: false } };
}
