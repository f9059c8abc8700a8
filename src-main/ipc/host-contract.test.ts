// The IPC contract: one entry per HostApi method, and arguments from the renderer validated before any handler runs.
import { describe, expect, it } from 'vitest';
import { hostContract, hostMethods } from './host-contract';

const expectRefused = (run: () => unknown) =>
  expect(run).toThrow(expect.objectContaining({ code: 'invalid_argument' }));

describe('host contract', () => {
  it('covers exactly the HostApi methods, each on its own channel', () => {
    // The `satisfies` clause in host-contract.ts ties these names to HostApi at compile time.
    expect([...hostMethods].sort()).toEqual(
      [
        'appInfo',
        'deleteBackups',
        'deleteSecret',
        'exportDiagnostics',
        'getSecret',
        'listBackups',
        'log',
        'openFile',
        'printToPdf',
        'readBackup',
        'readProvisioning',
        'saveFile',
        'setSecret',
        'writeBackup',
      ].sort(),
    );
    const channels = hostMethods.map((method) => hostContract[method].channel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^host:[a-z-]+$/);
  });

  it('accepts well-formed calls', () => {
    expect(hostContract.getSecret.validate(['syncToken'])).toEqual(['syncToken']);
    expect(hostContract.setSecret.validate(['dbKey', 'k'.repeat(64)])).toEqual(['dbKey', 'k'.repeat(64)]);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(
      hostContract.saveFile.validate([
        { suggestedName: '意见汇总-2026年3月.xlsx', mimeType: 'application/vnd.ms-excel', data: bytes },
      ]),
    ).toEqual([{ suggestedName: '意见汇总-2026年3月.xlsx', mimeType: 'application/vnd.ms-excel', data: bytes }]);
    expect(hostContract.openFile.validate([{ extensions: ['lsbak', 'json'] }])).toEqual([
      { extensions: ['lsbak', 'json'] },
    ]);
    expect(hostContract.printToPdf.validate([{ suggestedName: '人民调解协议书.pdf' }])).toEqual([
      { suggestedName: '人民调解协议书.pdf' },
    ]);
    expect(hostContract.readBackup.validate([])).toEqual([]);
    expect(hostContract.readBackup.validate(['daily-2026-03-02'])).toEqual(['daily-2026-03-02']);
    expect(hostContract.log.validate(['warn', 'sync retry', { attempt: 2 }])).toEqual([
      'warn',
      'sync retry',
      { attempt: 2 },
    ]);
    expect(hostContract.exportDiagnostics.validate([{ pendingChanges: 4 }])).toEqual([{ pendingChanges: 4 }]);
  });

  it('refuses secret names outside the contract', () => {
    expectRefused(() => hostContract.getSecret.validate(['backupKey']));
    expectRefused(() => hostContract.getSecret.validate(['__proto__']));
    expectRefused(() => hostContract.setSecret.validate(['syncToken', '']));
    expectRefused(() => hostContract.setSecret.validate(['syncToken', 42]));
  });

  it('refuses wrong argument counts', () => {
    expectRefused(() => hostContract.appInfo.validate(['extra']));
    // Deleting backups takes no argument: no id or path can be slipped in.
    expect(hostContract.deleteBackups.validate([])).toEqual([]);
    expectRefused(() => hostContract.deleteBackups.validate(['../secrets.json']));
    expectRefused(() => hostContract.getSecret.validate([]));
    expectRefused(() => hostContract.log.validate(['info']));
  });

  it.each([
    ['a folder in the name', { suggestedName: '..\\..\\Windows\\evil.json', mimeType: 'application/json', data: '{}' }],
    ['a path', { suggestedName: '/etc/cron.d/x.json', mimeType: 'application/json', data: '{}' }],
    ['an executable', { suggestedName: 'setup.exe', mimeType: 'application/octet-stream', data: 'MZ' }],
    ['a shortcut', { suggestedName: 'report.pdf.lnk', mimeType: 'application/octet-stream', data: 'x' }],
    ['no extension', { suggestedName: 'report', mimeType: 'text/plain', data: 'x' }],
    ['a control character', { suggestedName: 'a\u0007.txt', mimeType: 'text/plain', data: 'x' }],
    ['a bad mime type', { suggestedName: 'a.txt', mimeType: 'text plain', data: 'x' }],
    ['data of the wrong type', { suggestedName: 'a.txt', mimeType: 'text/plain', data: 12 }],
    ['an extra field', { suggestedName: 'a.txt', mimeType: 'text/plain', data: 'x', path: 'C:\\' }],
  ])('refuses saving with %s', (_label, request) => {
    expectRefused(() => hostContract.saveFile.validate([request]));
  });

  it('refuses opening file types outside the allow-list', () => {
    expectRefused(() => hostContract.openFile.validate([{ extensions: ['exe'] }]));
    expectRefused(() => hostContract.openFile.validate([{ extensions: [] }]));
    expectRefused(() => hostContract.openFile.validate([{ extensions: 'json' }]));
  });

  it('refuses a PDF name that is not a PDF, and backup ids that are not backups', () => {
    expectRefused(() => hostContract.printToPdf.validate([{ suggestedName: 'x.html' }]));
    expectRefused(() => hostContract.readBackup.validate(['../secrets']));
    expectRefused(() => hostContract.readBackup.validate([7]));
  });

  it('refuses objects that are not plain data', () => {
    class Sneaky {
      pendingChanges = 1;
    }
    expectRefused(() => hostContract.exportDiagnostics.validate([new Sneaky()]));
    expectRefused(() => hostContract.exportDiagnostics.validate([[1, 2]]));
    expectRefused(() => hostContract.log.validate(['trace', 'x']));
    expectRefused(() => hostContract.log.validate(['info', 'x', { big: 'x'.repeat(70_000) }]));
  });
});
