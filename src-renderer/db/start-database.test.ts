// App start: the key comes from the host, an unreadable database is replaced from the backup, conflicts merge field-wise.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeOpinion } from '../../src-shared/testing/factories';
import { createMemoryHost } from '../platform/memory-host';
import { conflictHandlerFor } from './conflict-handler';
import { getLocalSetting } from './local-settings';
import { type StartedDatabase, startLocalDatabase } from './start-database';
import { updateStationIdentity } from './station-identity';

let started: StartedDatabase | undefined;
afterEach(async () => {
  started?.snapshotter.stop();
  if (started && !started.db.closed) await started.db.close();
  started = undefined;
});

describe('startLocalDatabase', () => {
  it('creates the database key once and keeps using it', async () => {
    const host = createMemoryHost();
    const indexedDB = new IDBFactory();
    started = await startLocalDatabase({ host, name: 'start-a', indexedDB, IDBKeyRange, multiInstance: false });
    const key = host.secrets.get('dbKey');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await started.db.opinions.insert(makeOpinion());
    started.snapshotter.stop();
    await started.db.close();
    started = await startLocalDatabase({ host, name: 'start-a', indexedDB, IDBKeyRange, multiInstance: false });
    expect(host.secrets.get('dbKey')).toBe(key);
    expect(await started.db.opinions.count().exec()).toBe(1);
    expect(started.restored).toBeNull();
  });

  it('replaces an unreadable database and restores it from the backup', async () => {
    const host = createMemoryHost();
    const indexedDB = new IDBFactory();
    started = await startLocalDatabase({ host, name: 'start-b', indexedDB, IDBKeyRange, multiInstance: false });
    await started.db.opinions.bulkInsert([makeOpinion(), makeOpinion()]);
    await started.snapshotter.flush();
    started.snapshotter.stop();
    await started.db.close();
    // The key got lost (e.g. a broken keychain): the old database can no longer be decrypted.
    host.secrets.delete('dbKey');
    started = await startLocalDatabase({ host, name: 'start-b', indexedDB, IDBKeyRange, multiInstance: false });
    expect(started.recoveredFrom?.code).toBe('database_open_failed');
    expect(started.restored?.restored.opinions).toBe(2);
    expect(await started.db.opinions.count().exec()).toBe(2);
  });

  it('does not touch an unreadable database when there is no backup', async () => {
    const host = createMemoryHost();
    const indexedDB = new IDBFactory();
    started = await startLocalDatabase({ host, name: 'start-c', indexedDB, IDBKeyRange, multiInstance: false });
    started.snapshotter.stop();
    await started.db.opinions.insert(makeOpinion());
    await started.db.close();
    started = undefined;
    host.secrets.set('dbKey', 'another-key-that-does-not-fit');
    await expect(
      startLocalDatabase({ host, name: 'start-c', indexedDB, IDBKeyRange, multiInstance: false }),
    ).rejects.toMatchObject({ code: 'database_open_failed' });
  });

  it('comes back with this PC’s station and clerk after IndexedDB was lost', async () => {
    const host = createMemoryHost();
    started = await startLocalDatabase({ host, name: 'start-d', indexedDB: new IDBFactory(), IDBKeyRange });
    await updateStationIdentity(started.db, {
      stationId: 'station-miaohuang',
      countyId: 'county-xiangzhou',
      stationName: '妙皇乡人大代表联络站',
      mode: 'training',
      clerkName: '黄文书',
    });
    await started.db.opinions.insert(makeOpinion());
    await started.snapshotter.flush();
    await started.snapshotter.stop();
    await started.db.close();

    started = await startLocalDatabase({ host, name: 'start-d', indexedDB: new IDBFactory(), IDBKeyRange });

    expect(started.restored?.restored.opinions).toBe(1);
    expect(started.skippedBackups).toEqual([]);
    expect(await getLocalSetting(started.db, 'station-identity')).toMatchObject({
      stationId: 'station-miaohuang',
      mode: 'training',
      clerkName: '黄文书',
    });
  });

  it('starts empty, and says why, when every backup is damaged', async () => {
    const host = createMemoryHost();
    await host.writeBackup('{"format":"liaison-station-data"');
    started = await startLocalDatabase({ host, name: 'start-e', indexedDB: new IDBFactory(), IDBKeyRange });

    expect(started.restored).toBeNull();
    expect(started.backupProblem?.code).toBe('backup_unreadable');
    expect(await started.db.opinions.count().exec()).toBe(0);
  });
});

describe('conflict handler', () => {
  it('keeps the station’s and the county’s edits of different fields', async () => {
    const handler = conflictHandlerFor('opinions');
    const base = { ...makeOpinion({ status: 'accepted' }), _deleted: false };
    const local = { ...base, title: '站点改的标题', updatedAt: '2026-03-03T00:00:00.000Z' };
    const remote = {
      ...base,
      status: 'assigned' as const,
      assignment: { leadDepartmentId: 'dept-1', assistingDepartmentIds: [], deadline: '2026-04-01' },
      updatedAt: '2026-03-04T00:00:00.000Z',
    };
    expect(handler.isEqual(local, remote, 'test')).toBe(false);
    expect(handler.isEqual(local, { ...local }, 'test')).toBe(true);
    const merged = await handler.resolve(
      { assumedMasterState: base, newDocumentState: local, realMasterState: remote },
      'test',
    );
    expect(merged).toMatchObject({ title: '站点改的标题', status: 'assigned', assignment: remote.assignment });
  });
});
