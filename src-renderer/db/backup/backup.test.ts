// Backups outside IndexedDB: written within a minute of a change, restored by themselves when the database comes up empty.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHostError } from '../../../src-shared/host/host-api';
import { makeActor, makeOpinion, makePhoto, makeReceptionDay } from '../../../src-shared/testing/factories';
import { createMemoryHost } from '../../platform/memory-host';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting, setLocalSetting } from '../local-settings';
import { OpinionRepository } from '../repositories/opinion-repository';
import { openTestDatabase } from '../testing/test-database';
import { parseStationData } from '../transfer/station-data-file';
import { autoRestore, autoRestoreIfEmpty, describeRestore, restoreFromBackup } from './auto-restore';
import { startBackupSnapshotter, stopBackupSnapshotter } from './backup-snapshotter';

let db: LiaisonDatabase | undefined;
afterEach(async () => {
  vi.useRealTimers();
  if (db && !db.closed) await db.close();
});

/** Taken before any test fakes the timers. */
const realSetTimeout = globalThis.setTimeout;

/**
 * Lets RxDB's change events and the snapshot's async work run while fake timers hold the clock. Parts of that work
 * hop through real macrotasks (not faked), so each round also yields to those; the fake clock does not move.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await vi.advanceTimersByTimeAsync(0);
    await new Promise((resolve) => realSetTimeout(resolve, 0));
  }
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

  it('once stopped for a wipe, writes nothing more, not even the backup of a change already waiting', async () => {
    db = (await openTestDatabase()).db;
    const host = createMemoryHost();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const snapshotter = startBackupSnapshotter(db, host, { debounceMs: 1_000, maxWaitMs: 2_000 });
    await db.opinions.insert(makeOpinion());
    await settle();

    await stopBackupSnapshotter(db);
    await db.opinions.insert(makeOpinion());
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    await snapshotter.flush();

    expect(host.backups).toHaveLength(0);
    // Stopping a database without a snapshotter is harmless.
    await expect(stopBackupSnapshotter(db)).resolves.toBeUndefined();
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

  it('falls back to the previous daily backup when the newest is damaged, and says it skipped it', async () => {
    db = (await openTestDatabase()).db;
    const clock = { now: '2026-03-01T09:00:00.000Z' };
    const now = () => new Date(clock.now);
    const host = createMemoryHost(now);
    const snapshotter = startBackupSnapshotter(db, host, { now });
    await db.opinions.insert(makeOpinion({ title: '三月一日的意见' }));
    await snapshotter.flush();
    clock.now = '2026-03-02T09:00:00.000Z';
    await db.opinions.insert(makeOpinion({ title: '三月二日的意见' }));
    await snapshotter.flush();
    await snapshotter.stop();
    await db.close();
    // The newest backup is damaged on disk: the host refuses to decrypt it.
    const latestId = (await host.listBackups())[0]?.id;
    const readBackup = host.readBackup.bind(host);
    host.readBackup = async (id) => {
      if (id === undefined || id === latestId) {
        throw new Error(formatHostError({ code: 'backup_corrupt', message: '备份“latest”已损坏或无法解密' }));
      }
      return readBackup(id);
    };

    db = (await openTestDatabase({ enrolled: false })).db;
    const outcome = await autoRestore(db, host);

    expect(outcome.problem).toBeNull();
    expect(outcome.backupId).toBe(host.backups[0]?.info.id);
    expect(outcome.summary?.restored.opinions).toBe(1);
    expect(outcome.summary?.createdAt).toBe('2026-03-01T09:00:00.000Z');
    expect(outcome.unreadable).toEqual([{ id: latestId, reason: '备份“latest”已损坏或无法解密' }]);
    expect((await db.opinions.find().exec()).map((o) => o.title)).toEqual(['三月一日的意见']);
  });

  it('skips a backup whose content fails the data file’s checks', async () => {
    db = (await openTestDatabase()).db;
    const host = createMemoryHost();
    const snapshotter = startBackupSnapshotter(db, host);
    await db.receptionDays.insert(makeReceptionDay());
    await snapshotter.flush();
    await db.receptionDays.insert(makeReceptionDay());
    await snapshotter.flush();
    await snapshotter.stop();
    await db.close();
    const newest = host.backups.at(-1);
    if (newest) newest.snapshot = newest.snapshot.replace('"checksum":"', '"checksum":"0');

    db = (await openTestDatabase({ enrolled: false })).db;
    const outcome = await autoRestore(db, host);

    expect(outcome.summary?.restored.receptionDays).toBe(1);
    expect(outcome.unreadable).toHaveLength(1);
    expect(outcome.unreadable[0]?.reason).toContain('校验不符');
  });

  it('starts empty with a clear Chinese message when no backup can be read', async () => {
    db = (await openTestDatabase({ enrolled: false })).db;
    const host = createMemoryHost();
    await host.writeBackup('{"format":"liaison-station-data","collections":');
    await host.writeBackup('not a backup at all');

    const outcome = await autoRestore(db, host);

    expect(outcome.summary).toBeNull();
    expect(outcome.unreadable).toHaveLength(2);
    expect(outcome.problem?.code).toBe('backup_unreadable');
    expect(outcome.problem?.message).toMatch(/备份也已损坏.*从导出文件恢复/);
    expect(await db.opinions.count().exec()).toBe(0);
    expect(host.logs.some((l) => l.level === 'error' && l.message.includes('no backup could be read'))).toBe(true);
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
