// Every IPC call: the sender is checked, the arguments validated, and refusals come back with a code and a message.

import { describe, expect, it, vi } from 'vitest';
import { type HostApi, parseHostError } from '../../src-shared/host/host-api';
import { HostError } from '../host-error';
import { appOrigin } from '../security/security-policy';
import { createHostBridge } from './host-bridge';
import { hostContract, hostMethods } from './host-contract';
import { dispatchHostCall, type IpcSender } from './ipc-dispatch';

const appPage: IpcSender = { frameUrl: 'app://liaison/index.html#/opinions', isMainFrame: true, isMainWindow: true };

function fakeApi(overrides: Partial<HostApi> = {}): HostApi {
  const api = {} as Record<string, unknown>;
  for (const method of hostMethods) api[method] = vi.fn(async () => `${method} done`);
  return Object.assign(api, overrides) as unknown as HostApi;
}

describe('IPC sender checks', () => {
  it('runs the handler for the app’s own page', async () => {
    const api = fakeApi();
    const reply = await dispatchHostCall({ api, trustedOrigins: [appOrigin] }, 'getSecret', appPage, ['syncToken']);
    expect(reply).toEqual({ ok: true, value: 'getSecret done' });
    expect(api.getSecret).toHaveBeenCalledWith('syncToken');
  });

  it.each([
    ['a page from the internet', { ...appPage, frameUrl: 'https://evil.example/' }],
    ['an iframe inside the app', { ...appPage, isMainFrame: false }],
    ['a window other than the main window', { ...appPage, isMainWindow: false }],
    ['a destroyed frame', { ...appPage, frameUrl: null }],
    ['a file:// page', { ...appPage, frameUrl: 'file:///C:/Users/x/Downloads/page.html' }],
    ['a look-alike app host', { ...appPage, frameUrl: 'app://liaison.evil/index.html' }],
  ])('refuses %s before any handler runs', async (_label, sender) => {
    const api = fakeApi();
    const onRefused = vi.fn();
    const reply = await dispatchHostCall({ api, trustedOrigins: [appOrigin], onRefused }, 'getSecret', sender, [
      'syncToken',
    ]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc_sender_refused' } });
    expect(api.getSecret).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('getSecret', 'ipc_sender_refused', expect.any(HostError));
  });
});

describe('IPC argument checks', () => {
  it('refuses bad arguments before the handler runs', async () => {
    const api = fakeApi();
    const reply = await dispatchHostCall({ api, trustedOrigins: [appOrigin] }, 'setSecret', appPage, [
      'backupKey',
      'x',
    ]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(api.setSecret).not.toHaveBeenCalled();
  });

  it('passes on a handler’s refusal and hides unexpected errors', async () => {
    const api = fakeApi({
      readBackup: async () => {
        throw new HostError('backup_corrupt', '备份已损坏');
      },
      listBackups: async () => {
        throw new Error('EACCES: C:\\Users\\zhanglan\\AppData');
      },
    });
    const refused = await dispatchHostCall({ api, trustedOrigins: [appOrigin] }, 'readBackup', appPage, []);
    expect(refused).toEqual({ ok: false, error: { code: 'backup_corrupt', message: '备份已损坏' } });
    const failed = await dispatchHostCall({ api, trustedOrigins: [appOrigin] }, 'listBackups', appPage, []);
    expect(failed).toMatchObject({ ok: false, error: { code: 'host_internal_error' } });
    expect(JSON.stringify(failed)).not.toContain('zhanglan');
  });
});

describe('the preload bridge', () => {
  it('offers exactly the contract’s methods and nothing else', () => {
    const bridge = createHostBridge(async () => ({ ok: true, value: null }));
    expect(Object.keys(bridge).sort()).toEqual([...hostMethods].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes each method on its channel and unwraps the value', async () => {
    const invoke = vi.fn(async (_channel: string, _args: unknown[]) => ({ ok: true, value: [{ id: 'latest' }] }));
    const bridge = createHostBridge(invoke);
    expect(await bridge.listBackups()).toEqual([{ id: 'latest' }]);
    await bridge.readBackup('daily-2026-03-02');
    expect(invoke).toHaveBeenCalledWith(hostContract.listBackups.channel, []);
    expect(invoke).toHaveBeenCalledWith(hostContract.readBackup.channel, ['daily-2026-03-02']);
  });

  it('rejects with an error the renderer can read the code from', async () => {
    const bridge = createHostBridge(async () => ({
      ok: false,
      error: { code: 'backup_corrupt', message: '备份已损坏' },
    }));
    const error = await bridge.readBackup().catch((caught: unknown) => caught);
    expect(parseHostError(error)).toEqual({ code: 'backup_corrupt', message: '备份已损坏' });
  });

  it('round-trips through the dispatcher end to end', async () => {
    const api = fakeApi({ appInfo: async () => ({ version: '0.1.0', host: 'desktop', platform: 'win32' }) });
    const bridge = createHostBridge((channel, args) => {
      const method = hostMethods.find((candidate) => hostContract[candidate].channel === channel)!;
      return dispatchHostCall({ api, trustedOrigins: [appOrigin] }, method, appPage, args);
    });
    expect(await bridge.appInfo()).toEqual({ version: '0.1.0', host: 'desktop', platform: 'win32' });
    expect(parseHostError(await bridge.getSecret('nope' as 'dbKey').catch((caught: unknown) => caught))?.code).toBe(
      'invalid_argument',
    );
  });
});
