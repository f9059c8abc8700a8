// Builds window.host for the preload from the contract: one function per HostApi method, each an IPC invoke.
import { formatHostError, type HostApi } from '../../src-shared/host/host-api';
import { type HostEnvelope, hostContract, hostMethods } from './host-contract';

export type Invoke = (channel: string, args: unknown[]) => Promise<unknown>;

function isEnvelope(value: unknown): value is HostEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Exactly the contract's methods; a refusal rejects with an Error whose message is `[code] 中文说明`. */
export function createHostBridge(invoke: Invoke): HostApi {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of hostMethods) {
    const { channel } = hostContract[method];
    bridge[method] = async (...args: unknown[]) => {
      const reply = await invoke(channel, args);
      if (!isEnvelope(reply))
        throw new Error(formatHostError({ code: 'host_bad_reply', message: '主程序应答异常，请重启程序。' }));
      if (!reply.ok) throw new Error(formatHostError(reply.error));
      return reply.value;
    };
  }
  return Object.freeze(bridge) as unknown as HostApi;
}
