// The host bridge's handlers against real files in a temp folder: secrets, files, backups, provisioning, diagnostics.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appPaths } from '../app-paths';
import { createAesGcmCipher, type StringProtector } from '../backup/backup-cipher';
import { createBackupStore } from '../backup/backup-store';
import { createRotatingLogger } from '../logging/rotating-logger';
import { createSecretStore } from '../secrets/secret-store';
import { appOrigin } from '../security/security-policy';
import { createHostHandlers, type HostDialogs } from './host-handlers';
import { dispatchHostCall } from './ipc-dispatch';

let root: string;
// A stand-in for safeStorage that visibly transforms the value.
const protector: StringProtector = {
  encryptString: async (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: async (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ls-host-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function setup(answers: { save?: string | null; open?: string | null } = {}) {
  const paths = appPaths(path.join(root, 'userData'));
  const asked: Array<{ suggestedName: string } | { title: string; extensions: string[] }> = [];
  const dialogs: HostDialogs = {
    chooseSaveLocation: async (request) => {
      asked.push(request);
      return answers.save === undefined ? null : answers.save;
    },
    chooseOpenFile: async (request) => {
      asked.push(request);
      return answers.open === undefined ? null : answers.open;
    },
  };
  const logger = createRotatingLogger({ directory: paths.logs });
  const host = createHostHandlers({
    appInfo: { version: '0.1.0', host: 'desktop', platform: 'win32' },
    secrets: createSecretStore({ file: paths.secrets, protector }),
    backups: createBackupStore({ directory: paths.backups, cipher: createAesGcmCipher(randomBytes(32)) }),
    logger,
    provisioningFile: path.join(root, 'ProgramData', 'LiaisonStation', 'provisioning.json'),
    dialogs,
    printCurrentPage: async () => new Uint8Array(Buffer.from('%PDF-1.7 fake')),
    diagnosticsFacts: async () => ({
      appVersion: '0.1.0',
      nodeVersion: process.version,
      platform: 'win32',
      osRelease: '10.0',
      arch: 'x64',
      totalMemoryMb: 4096,
      freeMemoryMb: 1024,
      provisioning: { present: false },
    }),
    now: () => new Date(2026, 2, 2, 9, 15),
  });
  return { host, paths, asked };
}

describe('secrets', () => {
  it('keeps the sync token sealed on disk and returns it', async () => {
    const { host, paths } = setup();
    expect(await host.getSecret('syncToken')).toBeNull();
    await host.setSecret('syncToken', 'tok_9f8e7d6c5b4a');
    await host.setSecret('dbKey', 'k3y');

    expect(await host.getSecret('syncToken')).toBe('tok_9f8e7d6c5b4a');
    expect(await readFile(paths.secrets, 'utf8')).not.toContain('tok_9f8e7d6c5b4a');
    await host.deleteSecret('syncToken');
    expect(await host.getSecret('syncToken')).toBeNull();
    expect(await host.getSecret('dbKey')).toBe('k3y');
  });

  it('reports a damaged secrets file with a code', async () => {
    const { host, paths } = setup();
    await host.setSecret('dbKey', 'k3y');
    await writeFile(paths.secrets, 'not json');
    await expect(host.getSecret('dbKey')).rejects.toMatchObject({ code: 'secret_store_corrupt' });
  });
});

describe('files', () => {
  it('saves where the clerk chose', async () => {
    const target = path.join(root, '导出', '意见汇总.csv');
    const { host, asked } = setup({ save: target });
    expect(await host.saveFile({ suggestedName: '意见汇总.csv', mimeType: 'text/csv', data: 'a,b\n' })).toEqual({
      saved: true,
      location: target,
    });
    expect(await readFile(target, 'utf8')).toBe('a,b\n');
    expect(asked[0]).toEqual({ suggestedName: '意见汇总.csv', extension: 'csv' });
  });

  it('answers saved: false when the clerk cancels', async () => {
    const { host } = setup({ save: null });
    expect(await host.saveFile({ suggestedName: 'a.txt', mimeType: 'text/plain', data: 'x' })).toEqual({
      saved: false,
    });
  });

  it('opens a file of an allowed type and refuses another type typed into the dialog', async () => {
    const good = path.join(root, 'backup.lsbak');
    await writeFile(good, Buffer.from([1, 2, 3]));
    const opened = await setup({ open: good }).host.openFile({ extensions: ['lsbak'] });
    expect(opened?.name).toBe('backup.lsbak');
    expect([...(opened?.data ?? [])]).toEqual([1, 2, 3]);

    const bad = path.join(root, 'tool.exe');
    await writeFile(bad, 'MZ');
    await expect(setup({ open: bad }).host.openFile({ extensions: ['lsbak'] })).rejects.toMatchObject({
      code: 'file_type_refused',
    });
  });

  it('prints the page to a PDF file', async () => {
    const target = path.join(root, '接待日公告.pdf');
    const { host } = setup({ save: target });
    expect(await host.printToPdf({ suggestedName: '接待日公告.pdf' })).toEqual({ saved: true, location: target });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('backups through the bridge', () => {
  it('writes, lists and reads back the newest state', async () => {
    const { host, paths } = setup();
    const snapshot = JSON.stringify({ collections: { opinions: [{ id: '01HX', content: '路灯' }] } });
    const info = await host.writeBackup(snapshot);

    expect(info).toMatchObject({ id: 'latest', kind: 'latest' });
    expect(paths.backups.startsWith(paths.userData)).toBe(true);
    expect((await host.listBackups()).map((backup) => backup.kind)).toEqual(['latest', 'daily']);
    expect(await host.readBackup()).toBe(snapshot);
  });

  it('answers null when there is nothing to restore', async () => {
    expect(await setup().host.readBackup()).toBeNull();
  });

  it('deletes every backup for a wipe, and nothing outside the backups folder', async () => {
    const { host, paths } = setup();
    await host.setSecret('dbKey', 'k3y');
    await host.log('info', 'before the wipe');
    await host.writeBackup(JSON.stringify({ collections: { opinions: [{ id: '01HX', content: '路灯' }] } }));
    const beside = path.join(paths.userData, 'latest.lsbak');
    await writeFile(beside, 'not ours: beside the backups folder');
    const logsBefore = await readdir(paths.logs);

    expect(await host.deleteBackups()).toBe(2);

    expect(await host.listBackups()).toEqual([]);
    expect(await host.readBackup()).toBeNull();
    expect((await readdir(paths.backups)).filter((name) => name.includes('.lsbak'))).toEqual([]);
    expect(await readFile(beside, 'utf8')).toBe('not ours: beside the backups folder');
    expect(await host.getSecret('dbKey')).toBe('k3y');
    expect(await readdir(paths.logs)).toEqual(expect.arrayContaining(logsBefore));
    expect(await host.deleteBackups()).toBe(0);
  });

  it('deletes backups only for the app’s own page', async () => {
    const { host, paths } = setup();
    await host.writeBackup(JSON.stringify({ collections: {} }));
    const foreign = { frameUrl: 'https://evil.example/', isMainFrame: true, isMainWindow: true };
    const appPage = { frameUrl: `${appOrigin}/index.html`, isMainFrame: true, isMainWindow: true };

    const refused = await dispatchHostCall({ api: host, trustedOrigins: [appOrigin] }, 'deleteBackups', foreign, []);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ipc_sender_refused' } });
    const files = (await readdir(paths.backups)).sort();
    expect(files).toHaveLength(2);
    expect(files[1]).toBe('latest.lsbak');

    const done = await dispatchHostCall({ api: host, trustedOrigins: [appOrigin] }, 'deleteBackups', appPage, []);
    expect(done).toEqual({ ok: true, value: 2 });
    expect(await readdir(paths.backups)).toEqual([]);
  });
});

describe('provisioning and diagnostics', () => {
  it('answers null without a provisioning file', async () => {
    expect(await setup().host.readProvisioning()).toBeNull();
  });

  it('exports a diagnostics file without personal data', async () => {
    const target = path.join(root, 'diag.json');
    const { host } = setup({ save: target });
    await host.log('error', 'push failed for 韦秀兰 13877261234', { idNumber: '45130219850312402X' });
    const result = await host.exportDiagnostics({ lastError: '覃建国 139 7720 5566', pendingChanges: 2 });

    expect(result).toEqual({ saved: true, location: target });
    const text = await readFile(target, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'liaison-station-diagnostics', renderer: { pendingChanges: 2 } });
    for (const personal of ['韦秀兰', '13877261234', '45130219850312402X', '覃建国', '139 7720 5566']) {
      expect(text).not.toContain(personal);
    }
  });
});
