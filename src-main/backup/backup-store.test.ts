// Backups of local data: written encrypted, rotated to 30 dailies, restored, and corrupt files refused.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesGcmCipher, loadOrCreateBackupKey, type StringProtector } from './backup-cipher';
import { createBackupStore } from './backup-store';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ls-backup-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function snapshotWith(opinionContent: string): string {
  return JSON.stringify({ collections: { opinions: [{ id: '01HX0000000000000000000000', content: opinionContent }] } });
}

/** A clock the test moves forward one day at a time. */
function dayClock(start: string) {
  let current = new Date(start);
  return {
    now: () => current,
    nextDay: () => {
      current = new Date(current.getTime() + 24 * 3600 * 1000);
    },
  };
}

describe('backup store', () => {
  it('writes the newest state and today’s snapshot, encrypted, and reads it back', async () => {
    const clock = dayClock('2026-03-02T09:00:00');
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)), now: clock.now });
    const snapshot = snapshotWith('村道路灯不亮，请求维修');

    const info = await store.write(snapshot);

    expect(info.kind).toBe('latest');
    expect((await readdir(directory)).sort()).toEqual(['daily-2026-03-02.lsbak', 'latest.lsbak']);
    const raw = await readFile(path.join(directory, 'latest.lsbak'));
    expect(raw.includes(Buffer.from('路灯'))).toBe(false);
    const restored = await store.read();
    expect(restored?.snapshot).toBe(snapshot);
    expect(restored?.info.createdAt).toBe(clock.now().toISOString());
  });

  it('keeps the last 30 daily snapshots plus the newest state', async () => {
    const clock = dayClock('2026-01-01T10:00:00');
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)), now: clock.now });
    for (let day = 1; day <= 35; day++) {
      await store.write(snapshotWith(`第${day}天的意见`));
      clock.nextDay();
    }

    const backups = await store.list();

    expect(backups).toHaveLength(31);
    expect(backups[0]?.id).toBe('latest');
    const dailies = backups.filter((backup) => backup.kind === 'daily').map((backup) => backup.id);
    expect(dailies[0]).toBe('daily-2026-02-04');
    expect(dailies.at(-1)).toBe('daily-2026-01-06');
    expect(dailies).not.toContain('daily-2026-01-05');
    expect((await store.read('daily-2026-01-06'))?.snapshot).toBe(snapshotWith('第6天的意见'));
    expect((await store.read())?.snapshot).toBe(snapshotWith('第35天的意见'));
  });

  it('overwrites today’s snapshot when written twice the same day', async () => {
    const clock = dayClock('2026-04-10T08:00:00');
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)), now: clock.now });
    await store.write(snapshotWith('上午'));
    await store.write(snapshotWith('下午'));

    expect((await store.list()).map((backup) => backup.id)).toEqual(['latest', 'daily-2026-04-10']);
    expect((await store.read('daily-2026-04-10'))?.snapshot).toBe(snapshotWith('下午'));
  });

  it('answers null when there is no backup yet', async () => {
    const store = createBackupStore({
      directory: path.join(directory, 'none'),
      cipher: createAesGcmCipher(randomBytes(32)),
    });
    expect(await store.read()).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('refuses a corrupt backup with a clear error and leaves the others usable', async () => {
    const clock = dayClock('2026-05-01T08:00:00');
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)), now: clock.now });
    await store.write(snapshotWith('五月一日'));
    clock.nextDay();
    await store.write(snapshotWith('五月二日'));
    const latestFile = path.join(directory, 'latest.lsbak');
    const damaged = await readFile(latestFile);
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 0xff;
    await writeFile(latestFile, damaged);

    await expect(store.read()).rejects.toMatchObject({ code: 'backup_corrupt' });
    await expect(store.read('latest')).rejects.toThrow(/已损坏或无法解密/);
    expect((await store.read('daily-2026-05-02'))?.snapshot).toBe(snapshotWith('五月二日'));
  });

  it('refuses a backup written with another key (another machine or Windows account)', async () => {
    const writer = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)) });
    await writer.write(snapshotWith('别处的备份'));
    const reader = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)) });

    await expect(reader.read()).rejects.toMatchObject({ code: 'backup_corrupt' });
  });

  it('refuses a truncated file and a file that is not a backup, and does not list them', async () => {
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)) });
    await store.write(snapshotWith('完整'));
    const good = await readFile(path.join(directory, 'latest.lsbak'));
    await writeFile(path.join(directory, 'daily-2020-01-01.lsbak'), good.subarray(0, 12));
    await writeFile(path.join(directory, 'daily-2020-01-02.lsbak'), '{"not":"a backup"}');

    await expect(store.read('daily-2020-01-01')).rejects.toMatchObject({ code: 'backup_corrupt' });
    await expect(store.read('daily-2020-01-02')).rejects.toMatchObject({ code: 'backup_corrupt' });
    expect((await store.list()).map((backup) => backup.id)).not.toContain('daily-2020-01-01');
  });

  it('never replaces a good backup with a snapshot that is not JSON', async () => {
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)) });
    await store.write(snapshotWith('好的'));

    await expect(store.write('{"collections": ')).rejects.toMatchObject({ code: 'backup_snapshot_invalid' });
    expect((await store.read())?.snapshot).toBe(snapshotWith('好的'));
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('deletes every backup and nothing else of the folder, after a write in progress', async () => {
    const clock = dayClock('2026-06-01T08:00:00');
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)), now: clock.now });
    await store.write(snapshotWith('六月一日'));
    clock.nextDay();
    await store.write(snapshotWith('六月二日'));
    await writeFile(path.join(directory, 'backup.key'), 'sealed key');
    await writeFile(path.join(directory, 'latest.lsbak.0a1b2c.tmp'), 'half-written');
    await writeFile(path.join(directory, 'notes.txt'), '别的文件');

    // A write still running when the deletion is asked for lands first, then goes with the rest.
    const writing = store.write(snapshotWith('六月二日下午'));
    const removed = await store.deleteAll();
    await writing;

    expect(removed).toBe(3);
    expect((await readdir(directory)).sort()).toEqual(['backup.key', 'notes.txt']);
    expect(await store.list()).toEqual([]);
    expect(await store.read()).toBeNull();
    expect(await store.deleteAll()).toBe(0);
  });

  it('deletes nothing when the backup folder does not exist', async () => {
    const store = createBackupStore({
      directory: path.join(directory, 'none'),
      cipher: createAesGcmCipher(randomBytes(32)),
    });
    expect(await store.deleteAll()).toBe(0);
  });

  it('refuses ids that could point outside the backup folder', async () => {
    const store = createBackupStore({ directory, cipher: createAesGcmCipher(randomBytes(32)) });
    await expect(store.read('../secrets')).rejects.toMatchObject({ code: 'backup_not_found' });
    await expect(store.read('daily-2026-01-01')).rejects.toMatchObject({ code: 'backup_not_found' });
  });
});

describe('backup key', () => {
  // A stand-in for safeStorage: reversible, and distinguishable from plain text.
  const protector: StringProtector = {
    encryptString: async (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
    decryptString: async (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(7), 'hex').toString();
    },
  };

  it('is created once and then reused, stored sealed', async () => {
    const keyFile = path.join(directory, 'backup.key');
    const first = await loadOrCreateBackupKey(keyFile, protector);
    const second = await loadOrCreateBackupKey(keyFile, protector);

    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    expect((await readFile(keyFile)).includes(Buffer.from(first.toString('base64')))).toBe(false);
  });

  it('is never replaced when it cannot be unsealed', async () => {
    const keyFile = path.join(directory, 'backup.key');
    await writeFile(keyFile, 'garbage');

    await expect(loadOrCreateBackupKey(keyFile, protector)).rejects.toMatchObject({ code: 'backup_key_unreadable' });
    expect(await readFile(keyFile, 'utf8')).toBe('garbage');
  });
});
