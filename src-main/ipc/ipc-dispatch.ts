// What every IPC call goes through in the main process: sender check, argument validation, handler, envelope.
import type { HostApi } from '../../src-shared/host/host-api';
import { HostError, toHostErrorInfo } from '../host-error';
import { isTrustedUrl } from '../security/security-policy';
import { type HostEnvelope, type HostMethod, hostContract } from './host-contract';

/** Facts about the caller, taken from the IPC event (event.senderFrame, event.sender). */
export interface IpcSender {
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** The frame is the top frame of its page (never an iframe). */
  isMainFrame: boolean;
  /** The page is the app's main window (not a window some page opened). */
  isMainWindow: boolean;
}

export function checkSender(sender: IpcSender, trustedOrigins: readonly string[]): void {
  if (
    !sender.isMainWindow ||
    !sender.isMainFrame ||
    sender.frameUrl === null ||
    !isTrustedUrl(sender.frameUrl, trustedOrigins)
  ) {
    throw new HostError('ipc_sender_refused', '该请求不是来自联络站程序本身，已被拒绝。');
  }
}

export interface DispatchOptions {
  api: HostApi;
  trustedOrigins: readonly string[];
  /** Refusals are logged (without the arguments, which may hold personal data). */
  onRefused?: (method: HostMethod, code: string, error: unknown) => void;
}

export async function dispatchHostCall(
  options: DispatchOptions,
  method: HostMethod,
  sender: IpcSender,
  args: readonly unknown[],
): Promise<HostEnvelope> {
  try {
    checkSender(sender, options.trustedOrigins);
    const validated = hostContract[method].validate(args);
    const handler = options.api[method] as (...handlerArgs: unknown[]) => Promise<unknown>;
    const value = await handler.apply(options.api, validated);
    return { ok: true, value };
  } catch (error) {
    const info = toHostErrorInfo(error);
    options.onRefused?.(method, info.code, error);
    return { ok: false, error: info };
  }
}
