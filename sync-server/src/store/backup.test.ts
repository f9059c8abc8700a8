// Backup while the server keeps writing (from another process, as the CLI does), then restore into a new folder.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeOpinion } from '../../../src-shared/testing/factories';
import { runCli } from '../testing/run-cli';
import { insertRow, pullDocs, pushDocs, startTestServer, type TestServer } from '../testing/test-server';
import { RestoreError, restoreSqliteBackup, SqliteStore } from './sqlite-store';

let server: TestServer | undefined;
const extraDirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of extraDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('takes a consistent copy while pushes continue, and restores it into a new folder', async () => {
    server = await startTestServer();
    const s = server;
    const backupFile = path.join(s.dataDir, 'backups', 'during-writes.sqlite');

    // Keep pushing small batches until the backup process has finished.
    let backupDone = false;
    let batches = 0;
    const writer = (async () => {
      while (!backupDone || batches < 5) {
        const rows = Array.from({ length: 5 }, () => insertRow(makeOpinion()));
        const res = await pushDocs(s.app, s.tokens.stationA, 'opinions', rows);
        expect(res.statusCode).toBe(200);
        batches++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const backup = await runCli(['backup', '--data', s.dataDir, '--out', backupFile]);
    backupDone = true;
    await writer;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toBe('');
    expect(backup.stderr).toContain('备份完成');

    const source = await s.store.listDocuments('opinions', { kind: 'all' });
    const restoredDir = await mkdtemp(path.join(tmpdir(), 'ls-restored-'));
    extraDirs.push(restoredDir);
    expect(restoreSqliteBackup(restoredDir, backupFile)).toBeNull();
    const restored = SqliteStore.open(restoredDir);
    try {
      const copy = await restored.listDocuments('opinions', { kind: 'all' });
      // A consistent snapshot is a prefix of the history: every document up to some seq, none after it.
      expect(copy.length).toBeGreaterThan(0);
      expect(copy.length).toBeLessThan(source.length); // writes went on after the snapshot
      expect(copy).toEqual(source.slice(0, copy.length));
      // Whole batches only: a batch is one transaction.
      expect(copy.length % 5).toBe(0);
      // Tokens and reference data came along: the restored server answers the same station.
      const { buildServer } = await import('../app');
      const app = buildServer(s.config, { store: restored, now: s.clock.now });
      let pulled = 0;
      let seq = 0;
      for (;;) {
        const page = (await pullDocs(app, s.tokens.stationA, 'opinions', seq, 1000)).json<{
          documents: unknown[];
          checkpoint: { seq: number };
        }>();
        if (page.documents.length === 0) break;
        pulled += page.documents.length;
        seq = page.checkpoint.seq;
      }
      expect(pulled).toBe(copy.length);
      await app.close();
    } finally {
      await restored.close();
    }
  });

  it('keeps the replaced database beside the restored one and refuses a file that is not a backup', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ls-restore-'));
    extraDirs.push(dir);
    const store = SqliteStore.open(dir);
    await store.upsertCounties([{ id: 'c1', name: '象州县' }]);
    await store.backup(path.join(dir, 'b.sqlite'));
    await store.upsertCounties([{ id: 'c2', name: '武宣县' }]);
    await store.close();

    const kept = restoreSqliteBackup(dir, path.join(dir, 'b.sqlite'));
    expect(kept).not.toBeNull();
    expect(existsSync(kept as string)).toBe(true);
    const reopened = SqliteStore.open(dir);
    expect((await reopened.listCounties()).map((c) => c.id)).toEqual(['c1']);
    await reopened.close();

    const junk = path.join(dir, 'junk.sqlite');
    await writeFile(junk, 'not a database');
    expect(() => restoreSqliteBackup(dir, junk)).toThrow(RestoreError);
  });
});
