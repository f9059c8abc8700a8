// County staff on a shared PC: signing out leaves none of the county's records (nor backups, key or token) in the
// browser's storage, a different staff member signing in starts clean, and the same one keeps their work.

import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '../../../../src-shared/api/enrolment';
import type { CountyCredentials } from '../../../../src-shared/api/staff-session';
import { newId } from '../../../../src-shared/common/ids';
import { makeOpinion } from '../../../../src-shared/testing/factories';
import { type SyncTestServer, startSyncTestServer } from '../../../../testing/sync-test-server';
import { until } from '../../../../testing/until';
import { type LiaisonDatabase, openLiaisonDatabase } from '../../../db/database';
import { setHostForTesting } from '../../../platform/host';
import { createMemoryHost, type MemoryHost } from '../../../platform/memory-host';
import { readCredentials, saveCredentials } from '../../../sync/credentials';
import { createSyncClient } from '../../../sync/sync-client';
import { SyncOwner, syncOwnerOf } from '../../../sync/sync-owner';
import { clearCountyData, isSameCountySession, signInCounty, signOutCounty } from './county-session';

let server: SyncTestServer;
const open: LiaisonDatabase[] = [];
const owners: SyncOwner[] = [];

beforeAll(async () => {
  server = await startSyncTestServer();
});

afterAll(async () => {
  await server?.dispose();
});

afterEach(async () => {
  for (const owner of owners.splice(0)) await owner.close();
  for (const db of open.splice(0)) if (!db.closed) await db.close();
  setHostForTesting(undefined);
});

async function openDb(name: string): Promise<LiaisonDatabase> {
  const db = await openLiaisonDatabase({
    name,
    encryptionKey: 'test-key-123456',
    indexedDB,
    IDBKeyRange,
    multiInstance: false,
  });
  open.push(db);
  return db;
}

/** Everything stored in the (fake) IndexedDB databases whose name contains `marker`, as one text. */
async function rawIndexedDb(marker: string): Promise<{ names: string[]; text: string }> {
  const names = (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.includes(marker));
  let text = '';
  for (const name of names) {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of Array.from(idb.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      text += JSON.stringify(all);
    }
    idb.close();
  }
  return { names, text };
}

/** A station of the county submits an opinion, as its app would push it. */
async function stationSubmits(countyId: string, title: string): Promise<void> {
  const station = server.demo.stations.find((s) => s.countyId === countyId)!;
  const anonymous = createSyncClient({ serverUrl: server.url, token: null, appVersion: 't', role: 'station' });
  const enrolled = await anonymous.request<EnrollResponse>('/v1/enroll', {
    body: { code: await server.issueCode(station.id), deviceName: 'pc' },
  });
  const client = createSyncClient({ serverUrl: server.url, token: enrolled.token, appVersion: 't', role: 'station' });
  const opinion = makeOpinion({ countyId, stationId: station.id, title, status: 'submitted' });
  const conflicts = await client.request<unknown[]>('/v1/sync/opinions/push', {
    body: [{ assumedMasterState: null, newDocumentState: { ...opinion, _deleted: false } }],
  });
  expect(conflicts).toEqual([]);
}

function staffOf(countyId: string) {
  return server.demo.staff.find((s) => s.countyId === countyId)!;
}

async function signIn(countyId: string, db: LiaisonDatabase) {
  const staff = staffOf(countyId);
  return signInCounty({ serverUrl: server.url, user: staff.user, password: staff.password }, { db, indexedDB });
}

/** The county workspace's sync: the database's owner running with the staff session. */
async function syncCounty(db: LiaisonDatabase, credentials: CountyCredentials, title: string): Promise<SyncOwner> {
  const owner = new SyncOwner(db, { retryTime: 300, isOnline: () => true });
  owners.push(owner);
  owner.hold(credentials);
  await owner.settled();
  expect(owner.session?.credentials).toEqual(credentials);
  await until(async () => (await db.opinions.find({ selector: { title } }).exec()).length === 1);
  return owner;
}

function setUp(): MemoryHost {
  const host = createMemoryHost();
  host.secrets.set('dbKey', 'test-key-123456');
  setHostForTesting(host);
  return host;
}

describe('county sign-out on a shared PC', () => {
  it('leaves no record, backup, key or token of the county behind, and a new sign-in syncs again', async () => {
    const host = setUp();
    const title = `退出登录测试意见 ${newId()}`;
    await stationSubmits('wuxuan', title);
    const name = `county-out-${newId().toLowerCase()}`;
    const db = await openDb(name);
    const { credentials, cleared } = await signIn('wuxuan', db);
    expect(cleared).toBe(false);
    const owner = await syncCounty(db, credentials, title);
    await host.writeBackup('{"snapshot":"of the county"}');
    // The check below can fail: the county's records really are in the browser's storage now.
    expect((await rawIndexedDb(name)).text).toContain(title);

    await signOutCounty(db, { indexedDB });

    // The replication stopped for good before the database went.
    expect(owner.session).toBeNull();
    expect(syncOwnerOf(db)).toBeUndefined();
    expect(db.closed).toBe(true);
    const raw = await rawIndexedDb(name);
    expect(raw.text).not.toContain(title);
    expect(raw.names).toEqual([]);
    expect(host.backups).toHaveLength(0);
    expect(host.secrets.has('syncToken')).toBe(false);
    expect(host.secrets.has('dbKey')).toBe(false);
    // The server ended the session too: the old token is refused.
    const old = createSyncClient({ serverUrl: server.url, token: credentials.token, appVersion: 't', role: 'county' });
    await expect(old.request('/v1/sync/opinions/pull', { query: { seq: 0, limit: 1 } })).rejects.toMatchObject({
      status: 401,
    });

    // The app reopens a new database; the next sign-in starts clean and re-syncs the county.
    const again = await openDb(name);
    expect(await again.opinions.count().exec()).toBe(0);
    const second = await signIn('wuxuan', again);
    expect(second.cleared).toBe(false);
    await syncCounty(again, second.credentials, title);
  });

  it('removes the records of a previous staff member before another one signs in', async () => {
    const host = setUp();
    const title = `上一位工作人员的意见 ${newId()}`;
    const name = `county-next-${newId().toLowerCase()}`;
    const db = await openDb(name);
    await db.opinions.insert(makeOpinion({ countyId: 'heshan', title, status: 'submitted' }));
    // The previous session expired without sign-out: its credentials and records are still here.
    const previous: CountyCredentials = {
      role: 'county',
      serverUrl: server.url,
      token: 'expired-token',
      user: 'staff-someone-else',
      countyId: 'heshan',
      countyName: '合山市',
      expiresAt: '2020-01-01T00:00:00.000Z',
      signedInAt: '2020-01-01T00:00:00.000Z',
    };
    await saveCredentials(previous);

    const result = await signIn('heshan', db);

    expect(result.cleared).toBe(true);
    expect(db.closed).toBe(true);
    expect((await rawIndexedDb(name)).text).not.toContain(title);
    expect(host.secrets.has('dbKey')).toBe(false);
    expect(await readCredentials()).toEqual(result.credentials);
    expect(host.logs.some((log) => log.message.includes('another county session removed'))).toBe(true);
  });

  it('keeps the local work of the same staff member signing in again after the session expired', async () => {
    setUp();
    const db = await openDb(`county-same-${newId().toLowerCase()}`);
    const first = await signIn('heshan', db);
    await db.opinions.insert(makeOpinion({ countyId: 'heshan', title: '未同步的办理', status: 'submitted' }));
    await saveCredentials({ ...first.credentials, expiresAt: '2020-01-01T00:00:00.000Z' });

    const again = await signIn('heshan', db);

    expect(again.cleared).toBe(false);
    expect(await db.opinions.count().exec()).toBe(1);
  });

  it('tells the same session from another person, county or server', () => {
    const base: CountyCredentials = {
      role: 'county',
      serverUrl: 'http://a',
      token: 't',
      user: 'u',
      countyId: 'c',
      countyName: 'C',
      expiresAt: '',
      signedInAt: '',
    };
    expect(isSameCountySession({ ...base, token: 'other' }, base)).toBe(true);
    expect(isSameCountySession({ ...base, user: 'v' }, base)).toBe(false);
    expect(isSameCountySession({ ...base, countyId: 'd' }, base)).toBe(false);
    expect(isSameCountySession({ ...base, serverUrl: 'http://b' }, base)).toBe(false);
    expect(isSameCountySession(null, base)).toBe(false);
  });

  it('clears a database that never synced without error', async () => {
    const host = setUp();
    const db = await openDb(`county-empty-${newId().toLowerCase()}`);
    await clearCountyData(db, host, indexedDB);
    expect(db.closed).toBe(true);
  });
});
