// Registers one ipcMain handler per contract channel; each call is checked by dispatchHostCall.
import { type BrowserWindow, ipcMain } from 'electron';
import type { HostApi } from '../../src-shared/host/host-api';
import type { Logger } from '../logging/rotating-logger';
import { hostContract, hostMethods } from './host-contract';
import { dispatchHostCall } from './ipc-dispatch';

export function registerHostIpc(options: {
  api: HostApi;
  mainWindow: () => BrowserWindow | null;
  trustedOrigins: readonly string[];
  logger: Logger;
}): void {
  const { api, trustedOrigins, logger } = options;
  for (const method of hostMethods) {
    ipcMain.handle(hostContract[method].channel, (event, ...args: unknown[]) => {
      const window = options.mainWindow();
      const frame = event.senderFrame;
      return dispatchHostCall(
        {
          api,
          trustedOrigins,
          onRefused: (refusedMethod, code, error) =>
            logger.log(code === 'host_internal_error' ? 'error' : 'warn', 'host call refused', {
              method: refusedMethod,
              code,
              ...(code === 'host_internal_error' ? { detail: String(error) } : {}),
            }),
        },
        method,
        {
          frameUrl: frame?.url ?? null,
          isMainFrame: frame !== null && frame.parent === null,
          isMainWindow: window !== null && !window.isDestroyed() && event.sender === window.webContents,
        },
        args,
      );
    });
  }
}
