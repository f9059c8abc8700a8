// Backups outside IndexedDB: written within a minute of a change, restored by themselves when the database comes up empty.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeActor, makeOpinion, makePhoto, makeReceptionDay } from '../../../src-shared/testing/factories';
import { createMemoryHost } from '../../platform/memory-host';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting, setLocalSetting } from '../local-settings';
import { OpinionRepository } from '../repositories/opinion-repository';
import { openTestDatabase } from '../testing/test-database';
import { parseStationData } from '../transfer/station-data-file';
import { autoRestoreIfEmpty, describeRestore, restoreFromBackup } from './auto-restore';
import { startBackupSnapshotter } from './backup-snapshotter';

let db: LiaisonDatabase | undefined;
afterEach(async () => {
  vi.useRealTimers();
  if (db && !db.closed) await db.close();
});

/** Lets RxDB's change events and the snapshot's async work run while fake timers hold the clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

describe('backup snapshotter', () => {
  it('writes one backup after changes settle, never later than the maximum wait', async () => {
    db = (await openTestDatabase()).db;
    const host = createMemoryHost();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const snapshotter = startBackupSnapshotter(db, host, { debounceMs: 10_000, maxWaitMs: 30_000 });
    const opinions = new OpinionRepository(db);
    const clerk = makeActor();

    await db.opinions.insert(makeOpinion());
    await settle();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(host.backups).toHaveLength(0); // still within the quiet time
    await db.opinions.insert(makeOpinion());
    await settle();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(host.backups).toHaveLength(0); // the quiet time restarted
    await vi.advanceTimersByTimeAsync(1_500);
    await settle();
    expect(host.backups).toHaveLength(1);
    expect((await parseStationData(host.backups[0]?.snapshot ?? '')).counts.opinions).toBe(2);

    // A change every 5 s never lets 10 s of quiet pass: the maximum wait still writes within 30 s.
    const first = await db.opinions.findOne().exec();
    for (let i = 0; i < 7; i++) {
      if (first) await opinions.update(first.id, { title: `修改${i}` }, clerk);
      await settle();
      await vi.advanceTimersByTimeAsync(5_000);
    }
    await settle();
    expect(host.backups.length).toBeGreaterThanOrEqual(2);
    expect((await getLocalSetting(db, 'backup-state'))?.records).toBeGreaterThan(0);
    snapshotter.stop();
  });

  it('after a sync, backs up only what changed since the last confirmed push (with its photos)', async () => {
    db = (await openTestDatabase()).db;
    const host = createMemoryHost();
    const synced = makeOpinion({ updatedAt: '2026-03-01T00:00:00.000Z' });
    const unsynced = makeOpinion({ updatedAt: '2026-03-05T00:00:00.000Z', title: '未同步的意见' });
    await db.opinions.bulkInsert([synced, unsynced]);
    await db.photos.insert(makePhoto({ ownerId: unsynced.id, updatedAt: '2026-03-01T00:00:00.000Z' }));
    await db.receptionDays.insert(makeReceptionDay({ updatedAt: '2026-03-01T00:00:00.000Z' }));
    await setLocalSetting(db, 'sync-state', { lastPushedAt: '2026-03-02T00:00:00.000Z' });
    const snapshotter = startBackupSnapshotter(db, host);
    await snapshotter.flush();
    snapshotter.stop();
    const file = await parseStationData(host.backups[0]?.snapshot ?? '');
    expect(file.collections.opinions.map((o) => o.title)).toEqual(['未同步的意见']);
    expect(file.collections.photos).toHaveLength(1);
    expect(file.collections.receptionDays).toHaveLength(0);
    expect(file.stationIdentity?.stationId).toBeTruthy();
  });
});

describe('auto-restore', () => {
  it('restores an empty database from the newest backup and says what it restored', async () => {
    const t = await openTestDatabase();
    db = t.db;
    const host = createMemoryHost();
    await db.opinions.bulkInsert([makeOpinion(), makeOpinion()]);
    await db.receptionDays.insert(makeReceptionDay());
    const snapshotter = startBackupSnapshotter(db, host);
    await snapshotter.flush();
    snapshotter.stop();
    await db.close();

    // IndexedDB lost: a brand-new, empty database (not even enrolled).
    db = (await openTestDatabase({ enrolled: false })).db;
    const summary = await autoRestoreIfEmpty(db, host);
    expect(summary?.restored).toMatchObject({ opinions: 2, receptionDays: 1 });
    expect(await db.opinions.count().exec()).toBe(2);
    expect((await getLocalSetting(db, 'station-identity'))?.stationId).toBeTruthy();
    expect(
      describeRestore(summary ?? { restored: {} as never, createdAt: '', stationId: null }, {
        opinions: '群众意见建议',
      }),
    ).toContain('群众意见建议 2 条');
    // A second start finds data and does nothing.
    expect(await autoRestoreIfEmpty(db, host)).toBeNull();
  });

  it('does nothing without a backup', async () => {
    db = (await openTestDatabase()).db;
    expect(await autoRestoreIfEmpty(db, createMemoryHost())).toBeNull();
  });

  it('restores a chosen backup by hand, keeping newer local work', async () => {
    db = (await openTestDatabase()).db;
    const host = createMemoryHost();
    const opinion = makeOpinion({ title: '旧标题', updatedAt: '2026-03-01T00:00:00.000Z' });
    await db.opinions.insert(opinion);
    const snapshotter = startBackupSnapshotter(db, host);
    await snapshotter.flush();
    snapshotter.stop();
    const backupId = host.backups[0]?.info.id ?? '';
    // Local work after the backup: a newer edit and a lost record.
    await (await db.opinions.findOne(opinion.id).exec())?.incrementalPatch({
      title: '新标题',
      updatedAt: '2026-03-09T00:00:00.000Z',
    });
    const other = makeOpinion();
    await db.opinions.insert(other);
    await (await db.opinions.findOne(other.id).exec())?.remove();

    const summary = await restoreFromBackup(db, host, backupId);
    expect(summary.restored.opinions).toBe(0);
    expect((await db.opinions.findOne(opinion.id).exec())?.title).toBe('新标题');
    await expect(restoreFromBackup(db, host, 'no-such-backup')).rejects.toMatchObject({ code: 'backup_not_found' });
  });
});
