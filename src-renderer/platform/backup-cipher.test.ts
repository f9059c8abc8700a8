// Browser backups are AES-GCM encrypted; a wrong key or a changed file is refused, and only 30 dailies are kept.
import { describe, expect, it } from 'vitest';
import { decryptBackup, encryptBackup, generateBackupKey, parseBackupEnvelope } from './backup-cipher';
import { dailyBackupName, dailyBackupsToPrune, latestBackupName } from './backup-rotation';

describe('backup cipher', () => {
  it('round-trips a snapshot and keeps the personal data out of the file', async () => {
    const key = await generateBackupKey();
    const snapshot = JSON.stringify({ visitor: { name: '覃秀英', phone: '13877776666' } });
    const file = await encryptBackup(snapshot, key, '2026-03-02T02:30:00.000Z');
    expect(file).not.toContain('覃秀英');
    expect(parseBackupEnvelope(file).createdAt).toBe('2026-03-02T02:30:00.000Z');
    expect(await decryptBackup(file, key)).toBe(snapshot);
  });

  it('refuses a wrong key and a tampered file', async () => {
    const file = await encryptBackup('{"a":1}', await generateBackupKey(), '2026-03-02T02:30:00.000Z');
    await expect(decryptBackup(file, await generateBackupKey())).rejects.toMatchObject({ code: 'backup_unreadable' });
    expect(() => parseBackupEnvelope('{"format":"something-else"}')).toThrow(/备份/);
  });
});

describe('backup rotation', () => {
  it('keeps the newest 30 daily snapshots and never the latest file', () => {
    const names = [latestBackupName];
    for (let day = 1; day <= 35; day++) names.push(dailyBackupName(new Date(2026, 0, day)));
    const pruned = dailyBackupsToPrune(names);
    expect(pruned).toEqual([1, 2, 3, 4, 5].map((d) => dailyBackupName(new Date(2026, 0, d))));
    expect(pruned).not.toContain(latestBackupName);
  });
});
