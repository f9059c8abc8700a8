// Wires the security policy into Electron: permissions, navigation, new windows, webviews and downloads.
import { type App, type Session, shell } from 'electron';
import type { Logger } from '../logging/rotating-logger';
import { isAllowedExternalUrl, isNavigationAllowed, isPermissionGranted } from './security-policy';

function openExternalIfAllowed(url: string, logger: Logger): void {
  if (isAllowedExternalUrl(url)) {
    void shell.openExternal(url);
  } else {
    logger.log('warn', 'external link refused', { scheme: url.split(':')[0] });
  }
}

export function hardenSession(session: Session, trustedOrigins: readonly string[], logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const granted = isPermissionGranted(
      { permission, requestingUrl: details.requestingUrl, mediaTypes, isMainFrame: details.isMainFrame },
      trustedOrigins,
    );
    if (!granted) logger.log('warn', 'permission refused', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(
      {
        permission,
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        mediaTypes: details.mediaType ? [details.mediaType] : [],
        isMainFrame: details.isMainFrame,
      },
      trustedOrigins,
    ),
  );
  // USB, serial and HID devices are never needed.
  session.setDevicePermissionHandler(() => false);
  // Files leave the app only through the host bridge's save dialog.
  session.on('will-download', (event) => {
    event.preventDefault();
    logger.log('warn', 'download refused');
  });
}

export function hardenAllWebContents(app: App, trustedOrigins: readonly string[], logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.log('warn', 'webview refused');
    });
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (isNavigationAllowed(url, trustedOrigins)) return;
      event.preventDefault();
      openExternalIfAllowed(url, logger);
    };
    contents.on('will-navigate', (event) => guard(event, event.url));
    contents.on('will-frame-navigate', (event) => guard(event, event.url));
    contents.on('will-redirect', (event) => guard(event, event.url));
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url, logger);
      return { action: 'deny' };
    });
  });
}
