// Registers the app:// scheme (before ready) and serves the renderer build through it (after ready).
import { protocol } from 'electron';
import { appScheme } from '../security/security-policy';
import { handleAppRequest } from './app-protocol';

/** Must run before `ready`: a standard, secure scheme gets its own origin, storage (IndexedDB) and fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, (request) => handleAppRequest(rendererRoot, { url: request.url, method: request.method }));
}
