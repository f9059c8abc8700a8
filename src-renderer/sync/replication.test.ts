// A station enrols with a real sync server, syncs offline work both ways and reports its state: real HTTP, fake IndexedDB.

import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '../../src-shared/api/enrolment';
import type { LoginResponse } from '../../src-shared/api/staff-session';
import type { PullResponse } from '../../src-shared/api/sync-protocol';
import { newId } from '../../src-shared/common/ids';
import type { Opinion } from '../../src-shared/opinion/opinion';
import { makeOpinion, makePhoto } from '../../src-shared/testing/factories';
import { type SyncTestServer, startSyncTestServer } from '../../testing/sync-test-server';
import { until } from '../../testing/until';
import { type LiaisonDatabase, openLiaisonDatabase } from '../db/database';
import { setHostForTesting } from '../platform/host';
import { createMemoryHost } from '../platform/memory-host';
import type { SyncStatusState } from '../state/sync-status-store';
import { readCredentials } from './credentials';
import { adoptEnrolment, enrolStation, findProvisioning, resumeOrProvisionedEnrolment } from './enrol';
import { chunkByBytes, pushBodyBudget } from './replication';
import { createSyncClient } from './sync-client';
import { type SyncSession, startSyncSession } from './sync-session';

let server: SyncTestServer;
const opened: { db: LiaisonDatabase; engine?: SyncSession }[] = [];

beforeAll(async () => {
  server = await startSyncTestServer();
});

afterAll(async () => {
  await server?.dispose();
});

afterEach(async () => {
  for (const item of opened.splice(0)) {
    await item.engine?.stop();
    await item.db.close();
  }
  setHostForTesting(undefined);
});

async function openDb(): Promise<LiaisonDatabase> {
  const db = await openLiaisonDatabase({
    name: `sync-test-${newId().toLowerCase()}`,
    encryptionKey: 'test-key-123456',
    indexedDB,
    IDBKeyRange,
    multiInstance: false,
  });
  opened.push({ db });
  return db;
}

function stationOf(countyId: string, index = 0) {
  const stations = server.demo.stations.filter((s) => s.countyId === countyId);
  const station = stations[index];
  if (!station) throw new Error(`no demo station ${index} in ${countyId}`);
  return station;
}

async function staffLogin(countyId: string): Promise<LoginResponse> {
  const staff = server.demo.staff.find((s) => s.countyId === countyId)!;
  const client = createSyncClient({ serverUrl: server.url, token: null, appVersion: 'test', role: 'county' });
  return client.request<LoginResponse>('/v1/auth/login', {
    method: 'POST',
    body: { user: staff.user, password: staff.password },
  });
}

describe('enrolment', () => {
  it('exchanges the code for a token kept through the host bridge, and learns the station’s short names', async () => {
    const host = createMemoryHost();
    setHostForTesting(host);
    const station = stationOf('xiangzhou', 1);
    const code = await server.issueCode(station.id);

    const enrolled = await enrolStation({ serverUrl: `${server.url}/`, code, deviceName: '妙皇站电脑' });

    expect(enrolled.stationId).toBe(station.id);
    expect(enrolled.stationName).toBe(station.name);
    expect(enrolled.countyId).toBe('xiangzhou');
    expect(enrolled.stationShortName.length).toBeGreaterThan(0);
    expect(enrolled.countyShortName).toBe('象州');
    const credentials = await readCredentials();
    expect(credentials).toMatchObject({ role: 'station', stationId: station.id, serverUrl: server.url });
    expect(credentials?.token.length).toBeGreaterThan(16);
  });

  it('refuses a used code with the server’s advice', async () => {
    setHostForTesting(createMemoryHost());
    const station = stationOf('xiangzhou', 2);
    const code = await server.issueCode(station.id);
    await enrolStation({ serverUrl: server.url, code, deviceName: 'A' });
    await expect(enrolStation({ serverUrl: server.url, code, deviceName: 'B' })).rejects.toMatchObject({
      code: 'enrolment_code_used',
      message: expect.stringContaining('新的注册码'),
    });
  });
});

describe('provisioned enrolment', () => {
  it('exchanges a code the installer provisioned, and later resumes with the stored token instead', async () => {
    const host = createMemoryHost();
    setHostForTesting(host);
    const station = stationOf('xiangzhou', 3);
    host.provisioning = {
      serverUrl: server.url,
      enrolmentCode: await server.issueCode(station.id),
      deviceName: '前台',
    };

    const first = await resumeOrProvisionedEnrolment();
    expect(first?.stationId).toBe(station.id);
    expect((await readCredentials())?.role).toBe('station');
    // The code is spent; a restart before the clerk gave a name resumes with the token.
    const again = await resumeOrProvisionedEnrolment();
    expect(again).toEqual(first);
  });

  it('adopts a token issued by the server for the demo station', async () => {
    setHostForTesting(createMemoryHost());
    const station = stationOf('xiangzhou', 4);
    const client = createSyncClient({ serverUrl: server.url, token: null, appVersion: 't', role: 'station' });
    const issued = await client.request<EnrollResponse>('/v1/enroll', {
      body: { code: await server.issueCode(station.id), deviceName: 'demo' },
    });
    const enrolled = await adoptEnrolment({ serverUrl: server.url, ...issued });
    expect(enrolled).toMatchObject({ stationId: station.id, countyShortName: '象州' });
    expect((await readCredentials())?.token).toBe(issued.token);
  });

  it('reads a server address and code given in the page address', async () => {
    setHostForTesting(createMemoryHost());
    expect(await findProvisioning('?server=http%3A%2F%2F10.0.0.5%3A8787&code=ABCD-1234')).toEqual({
      serverUrl: 'http://10.0.0.5:8787',
      enrolmentCode: 'ABCD-1234',
    });
    expect(await findProvisioning('')).toBeNull();
  });
});

describe('replication with the county', () => {
  it('pushes work recorded offline, pulls the county’s reply, and reports status and heartbeat', async () => {
    const host = createMemoryHost();
    setHostForTesting(host);
    const station = stationOf('wuxuan', 1);
    await enrolStation({ serverUrl: server.url, code: await server.issueCode(station.id), deviceName: 'pc' });
    const credentials = (await readCredentials())!;

    // Weeks of offline work: opinions and a photo, recorded before the first sync.
    const db = await openDb();
    const opinions = Array.from({ length: 30 }, (_, i) =>
      makeOpinion({ countyId: 'wuxuan', stationId: station.id, title: `离线意见 ${i + 1}`, status: 'submitted' }),
    );
    await db.opinions.bulkInsert(opinions);
    await db.photos.insert(makePhoto({ countyId: 'wuxuan', stationId: station.id, ownerId: opinions[0]!.id }));

    const statuses: Partial<SyncStatusState>[] = [];
    const engine = await startSyncSession(db, credentials, {
      report: (patch) => statuses.push(patch),
      retryTime: 500,
      isOnline: () => true,
    });
    opened[opened.length - 1]!.engine = engine;
    expect(await engine.countPending()).toBe(31);

    await engine.syncNow();

    const onServer = await server.store.listDocuments('opinions', { kind: 'county', countyId: 'wuxuan' });
    const titles = onServer.filter((d) => d.stationId === station.id).map((d) => d.body.title);
    expect(titles).toHaveLength(30);
    expect(new Set(titles).size).toBe(30);
    expect(await server.store.getDocument('photos', (await db.photos.find().exec())[0]!.id)).not.toBeNull();
    // Reference data of the station's county arrived.
    expect(await db.departments.count().exec()).toBeGreaterThan(0);
    expect(await engine.countPending()).toBe(0);
    expect(statuses.some((s) => typeof s.lastSyncAt === 'string')).toBe(true);
    const heartbeat = await until(async () =>
      (await server.store.listStationSyncStates('wuxuan')).find((s) => s.stationId === station.id && s.lastHeartbeatAt),
    );
    expect(heartbeat.pendingChanges).toBe(0);

    // The county accepts and assigns one opinion; the station sees it through the stream.
    const session = await staffLogin('wuxuan');
    const county = createSyncClient({ serverUrl: server.url, token: session.token, appVersion: 't', role: 'county' });
    const target = onServer.find((d) => d.body.title === '离线意见 1')!;
    const master = { ...(target.body as unknown as Opinion), _deleted: false };
    const department = server.demo.departments.find((d) => d.countyId === 'wuxuan')!;
    const assigned: Opinion = {
      ...master,
      status: 'assigned',
      assignment: { leadDepartmentId: department.id, assistingDepartmentIds: [], deadline: '2026-05-01' },
      updatedAt: new Date().toISOString(),
      history: [
        ...master.history,
        {
          id: newId(),
          at: new Date().toISOString(),
          by: '县人大李干事',
          role: 'county',
          action: 'assign',
          from: 'submitted',
          to: 'assigned',
        },
      ],
    };
    const conflicts = await county.request<unknown[]>('/v1/sync/opinions/push', {
      body: [{ assumedMasterState: master, newDocumentState: { ...assigned, _deleted: false } }],
    });
    expect(conflicts).toEqual([]);

    const seen = await until(async () => {
      const doc = await db.opinions.findOne(target.id).exec();
      return doc?.status === 'assigned' ? doc : null;
    });
    expect(seen.assignment?.leadDepartmentId).toBe(department.id);
  });

  it('keeps the station’s and the county’s concurrent edits of one opinion', async () => {
    setHostForTesting(createMemoryHost());
    const station = stationOf('jinxiu', 1);
    await enrolStation({ serverUrl: server.url, code: await server.issueCode(station.id), deviceName: 'pc' });
    const credentials = (await readCredentials())!;
    const db = await openDb();
    const opinion = makeOpinion({ countyId: 'jinxiu', stationId: station.id, status: 'submitted', title: '原标题' });
    await db.opinions.insert(opinion);
    const engine = await startSyncSession(db, credentials, { report: () => {}, retryTime: 500, isOnline: () => true });
    opened[opened.length - 1]!.engine = engine;
    await engine.syncNow();
    await engine.stop();

    // The county accepts on the server while the station (offline) corrects the visitor's phone, the one intake
    // field it may still change after submission (src-shared/opinion/opinion-editing.ts; the server enforces it).
    const session = await staffLogin('jinxiu');
    const county = createSyncClient({ serverUrl: server.url, token: session.token, appVersion: 't', role: 'county' });
    const pulled = await county.request<PullResponse<Opinion>>('/v1/sync/opinions/pull', {
      query: { seq: 0, limit: 1000 },
    });
    const master = pulled.documents.find((d) => d.id === opinion.id)!;
    const now = new Date().toISOString();
    const countyConflicts = await county.request<unknown[]>('/v1/sync/opinions/push', {
      body: [
        {
          assumedMasterState: master,
          newDocumentState: {
            ...master,
            status: 'accepted',
            updatedAt: now,
            history: [
              ...master.history,
              {
                id: newId(),
                at: now,
                by: '县人大',
                role: 'county',
                action: 'accept',
                from: 'submitted',
                to: 'accepted',
              },
            ],
          },
        },
      ],
    });
    expect(countyConflicts).toEqual([]);
    const local = (await db.opinions.findOne(opinion.id).exec())!;
    await local.incrementalPatch({
      visitor: { ...opinion.visitor, phone: '13900001111' },
      updatedAt: new Date().toISOString(),
    });

    const again = await startSyncSession(db, credentials, { report: () => {}, retryTime: 500, isOnline: () => true });
    opened[opened.length - 1]!.engine = again;
    await again.syncNow();

    const merged = await until(async () => {
      const doc = await db.opinions.findOne(opinion.id).exec();
      return doc?.status === 'accepted' && doc.visitor.phone === '13900001111' ? doc : null;
    });
    expect(merged.content).toBe(opinion.content);
    const onServer = (await server.store.getDocument('opinions', opinion.id))!;
    await until(async () => {
      const doc = await server.store.getDocument('opinions', opinion.id);
      const visitor = doc?.body.visitor as { phone?: string } | undefined;
      return visitor?.phone === '13900001111' && doc?.body.status === 'accepted';
    });
    expect(onServer.countyId).toBe('jinxiu');
  });
});

describe('interruptions', () => {
  it('reports the server as unreachable, keeps the work, and finishes by itself when the server is back', async () => {
    setHostForTesting(createMemoryHost());
    const station = stationOf('heshan', 1);
    await enrolStation({ serverUrl: server.url, code: await server.issueCode(station.id), deviceName: 'pc' });
    const credentials = (await readCredentials())!;
    const db = await openDb();
    const statuses: Partial<SyncStatusState>[] = [];
    const engine = await startSyncSession(db, credentials, {
      report: (patch) => statuses.push(patch),
      retryTime: 300,
      isOnline: () => true,
    });
    opened[opened.length - 1]!.engine = engine;
    await engine.syncNow();

    await server.stop();
    try {
      const opinion = makeOpinion({ countyId: 'heshan', stationId: station.id, title: '停机期间登记' });
      await db.opinions.insert(opinion);
      const failure = await until(async () => statuses.find((s) => typeof s.lastError === 'string' && s.lastError));
      expect(failure.lastError).toContain('无法连接同步服务器');
      expect(statuses.some((s) => s.online === false)).toBe(true);
      expect(await engine.countPending()).toBe(1);
    } finally {
      await server.start();
    }

    await until(async () => {
      const stored = await server.store.listDocuments('opinions', { kind: 'county', countyId: 'heshan' });
      return stored.some((d) => d.body.title === '停机期间登记');
    });
    await until(async () => statuses.at(-1)?.pending === 0 || (await engine.countPending()) === 0);
    await until(async () => statuses.some((s, i) => i > 0 && s.lastError === null && typeof s.lastSyncAt === 'string'));
  });

  it('shows progress with counts during a large first pull', async () => {
    setHostForTesting(createMemoryHost());
    const station = stationOf('xincheng', 1);
    // The station's records from another PC are on the server already.
    await enrolStation({ serverUrl: server.url, code: await server.issueCode(station.id), deviceName: 'old' });
    const old = (await readCredentials())!;
    const client = createSyncClient({ serverUrl: server.url, token: old.token, appVersion: 't', role: 'station' });
    const docs = Array.from({ length: 600 }, (_, i) => ({
      ...makeOpinion({ countyId: 'xincheng', stationId: station.id, title: `旧意见 ${i}` }),
      _deleted: false,
    }));
    await client.request('/v1/sync/opinions/push', { body: docs.map((doc) => ({ newDocumentState: doc })) });

    await enrolStation({ serverUrl: server.url, code: await server.issueCode(station.id), deviceName: 'new' });
    const credentials = (await readCredentials())!;
    const db = await openDb();
    const statuses: Partial<SyncStatusState>[] = [];
    const engine = await startSyncSession(db, credentials, {
      report: (patch) => statuses.push(patch),
      retryTime: 300,
      isOnline: () => true,
    });
    opened[opened.length - 1]!.engine = engine;
    await until(async () => (await db.opinions.count().exec()) === 600);
    const counts = statuses.flatMap((s) => (s.progress ? [s.progress.done] : []));
    expect(counts.length).toBeGreaterThan(1);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(600);
    // Counts only grow within the run.
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    await until(async () => statuses.some((s) => s.progress === null));
  });
});

describe('push requests stay under the body limit', () => {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

  it('sends a batch of ordinary opinions in one request', () => {
    const rows = Array.from({ length: 500 }, () => ({ assumedMasterState: null, newDocumentState: makeOpinion() }));
    expect(chunkByBytes(rows, pushBodyBudget)).toEqual([rows]);
  });

  it('splits long Chinese texts by UTF-8 bytes, in order, with a row over the budget alone', () => {
    const long = '村道多处破损，雨天难以通行。'.repeat(350); // 4,900 characters, about 14.7 kB in UTF-8
    const rows = Array.from({ length: 12 }, (_, i) => ({
      newDocumentState: makeOpinion({ title: `长意见 ${i}`, content: long }),
    }));
    const huge = { newDocumentState: makeOpinion({ content: long }), padding: 'x'.repeat(70_000) };
    const chunks = chunkByBytes([...rows, huge], 50_000);
    expect(chunks.flat()).toEqual([...rows, huge]);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(bytes(chunk)).toBeLessThanOrEqual(50_000);
    expect(chunks.at(-1)).toEqual([huge]);
  });
});
