// At the Electron edge: each channel is registered, and the sender facts come from the real IPC event.
import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-shared/host/host-api';
import type { Logger } from '../logging/rotating-logger';
import { appOrigin } from '../security/security-policy';
import { hostContract, hostMethods } from './host-contract';
import { registerHostIpc } from './register-ipc';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
}));

describe('registering the host IPC', () => {
  const webContents = { id: 1 };
  const mainWindow = { webContents, isDestroyed: () => false };
  const api = {
    appInfo: vi.fn(async () => ({ version: '0.1.0', host: 'desktop', platform: 'win32' })),
  } as unknown as HostApi;
  const logger: Logger = { log: vi.fn(), readFiles: () => [] };
  registerHostIpc({ api, mainWindow: () => mainWindow as never, trustedOrigins: [appOrigin], logger });
  const appInfo = handlers.get(hostContract.appInfo.channel)!;
  const topFrame = { url: 'app://liaison/index.html', parent: null };

  it('registers one handler per contract method', () => {
    expect([...handlers.keys()].sort()).toEqual(hostMethods.map((method) => hostContract[method].channel).sort());
  });

  it('answers the main window’s top frame', async () => {
    expect(await appInfo({ sender: webContents, senderFrame: topFrame })).toEqual({
      ok: true,
      value: { version: '0.1.0', host: 'desktop', platform: 'win32' },
    });
  });

  it.each([
    ['another window', { sender: { id: 2 }, senderFrame: topFrame }],
    ['an iframe', { sender: webContents, senderFrame: { url: 'app://liaison/x.html', parent: topFrame } }],
    ['a frame that is gone', { sender: webContents, senderFrame: null }],
    [
      'a foreign page in the main window',
      { sender: webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
    ],
  ])('refuses %s', async (_label, event) => {
    expect(await appInfo(event)).toMatchObject({ ok: false, error: { code: 'ipc_sender_refused' } });
    expect(logger.log).toHaveBeenLastCalledWith('warn', 'host call refused', {
      method: 'appInfo',
      code: 'ipc_sender_refused',
    });
  });
});
