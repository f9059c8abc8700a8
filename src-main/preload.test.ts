// The preload exposes exactly the host contract as window.host, and each call goes to its IPC channel.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hostContract, hostMethods } from './ipc/host-contract';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'ok' })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: { invoke: electron.invoke },
}));

beforeEach(async () => {
  electron.exposed.clear();
  vi.resetModules();
  await import('./preload');
});

describe('preload', () => {
  it('exposes only window.host, with exactly the contract’s methods', () => {
    expect([...electron.exposed.keys()]).toEqual(['host']);
    const host = electron.exposed.get('host') as Record<string, unknown>;
    expect(Object.keys(host).sort()).toEqual([...hostMethods].sort());
    for (const method of hostMethods) expect(typeof host[method]).toBe('function');
  });

  it('sends each call on its channel with the arguments spread', async () => {
    const host = electron.exposed.get('host') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await host.setSecret?.('syncToken', 'tok');
    expect(electron.invoke).toHaveBeenCalledWith(hostContract.setSecret.channel, 'syncToken', 'tok');
  });
});
