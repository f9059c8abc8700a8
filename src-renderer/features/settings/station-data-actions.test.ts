// Wiping this PC: nothing of the wiped data stays, not in the database, not in any backup, and a backup the running
// snapshotter had already started cannot land afterwards.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeActivity, makeActor, makeRepresentative } from '../../../src-shared/testing/factories';
import { startBackupSnapshotter } from '../../db/backup/backup-snapshotter';
import type { LiaisonDatabase } from '../../db/database';
import { ActivityRepository } from '../../db/repositories/activity-repository';
import { openTestDatabase } from '../../db/testing/test-database';
import { createMemoryHost } from '../../platform/memory-host';
import { wipeLocalData } from './station-data-actions';

const open: LiaisonDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) if (!db.closed) await db.close().catch(() => undefined);
});

/** A PC with the test station's data: one activity, two representatives. */
async function stationWithData() {
  const { db } = await openTestDatabase();
  open.push(db);
  await db.representatives.bulkInsert([makeRepresentative({ name: '韦代表' }), makeRepresentative({ name: '蓝代表' })]);
  const { id, countyId, stationId, createdAt, updatedAt, history, ...input } = makeActivity({ title: '学习培训' });
  void [id, countyId, stationId, createdAt, updatedAt, history];
  await new ActivityRepository(db).create(input, makeActor());
  return db;
}

describe('wiping this PC', () => {
  it('leaves no backup, no keys and no database', async () => {
    const db = await stationWithData();
    const host = createMemoryHost();
    const snapshotter = startBackupSnapshotter(db, host);
    await snapshotter.flush();
    await host.writeBackup(host.backups[0]?.snapshot ?? '{}'); // an older daily one as well
    expect(host.backups).toHaveLength(2);
    await host.setSecret('dbKey', 'old-key');
    await host.setSecret('syncToken', 'token');

    await wipeLocalData(db, host, '黄文书');

    expect(host.backups).toEqual([]);
    expect(await host.listBackups()).toEqual([]);
    expect(await host.readBackup()).toBeNull();
    expect(await host.getSecret('dbKey')).toBeNull();
    expect(await host.getSecret('syncToken')).toBeNull();
    expect(db.closed).toBe(true);
    expect(host.logs.find((l) => l.message === 'local backups deleted by the wipe')?.fields).toEqual({ removed: 2 });
  });

  it('waits for a backup write already under way, then deletes it too', async () => {
    const db = await stationWithData();
    const host = createMemoryHost();
    const gate = { release: null as (() => void) | null };
    const slowWrite = host.writeBackup.bind(host);
    host.writeBackup = async (snapshot) => {
      await new Promise<void>((resolve) => {
        gate.release = resolve;
      });
      return slowWrite(snapshot);
    };
    const snapshotter = startBackupSnapshotter(db, host);
    const writing = snapshotter.flush();
    await vi.waitFor(() => expect(gate.release).not.toBeNull());

    const wiping = wipeLocalData(db, host, '黄文书');
    // The wipe waits for the write (a wipe that did not would be done well within this time).
    const first = await Promise.race([
      wiping.then(() => 'wiped'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_500)),
    ]);
    expect(first).toBe('still waiting');
    gate.release?.();
    await Promise.all([writing, wiping]);

    expect(host.backups).toEqual([]);
  });
});
