// At the Electron edge: navigation, new windows, webviews, downloads and permissions are refused as the policy says.
import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logging/rotating-logger';
import { hardenAllWebContents, hardenSession } from './apply-security';
import { appOrigin } from './security-policy';

const openExternal = vi.hoisted(() => vi.fn(async (_url: string) => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));

const logger: Logger = { log: vi.fn(), readFiles: () => [] };

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  };
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  return contents;
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('web contents hardening', () => {
  const app = new EventEmitter();
  hardenAllWebContents(app as unknown as App, [appOrigin], logger);
  const contents = fakeContents();
  app.emit('web-contents-created', {}, contents);

  it('lets the app navigate within itself', () => {
    const event = navigationEvent('app://liaison/index.html#/opinions');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses navigation away, opening only allow-listed sites in the browser', () => {
    const allowed = navigationEvent('https://www.npc.gov.cn/');
    contents.emit('will-navigate', allowed);
    const other = navigationEvent('https://evil.example/');
    contents.emit('will-frame-navigate', other);
    const redirect = navigationEvent('file:///etc/passwd');
    contents.emit('will-redirect', redirect);

    for (const event of [allowed, other, redirect]) expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://www.npc.gov.cn/']);
  });

  it('denies every new window', () => {
    openExternal.mockClear();
    expect(contents.openHandler?.({ url: 'app://liaison/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://flk.npc.gov.cn/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://flk.npc.gov.cn/']);
  });

  it('refuses webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: object,
  ) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
  const session = new EventEmitter() as EventEmitter & Record<string, unknown>;
  let onRequest: RequestHandler | undefined;
  let onCheck: CheckHandler | undefined;
  let onDevice: (() => boolean) | undefined;
  session.setPermissionRequestHandler = (handler: RequestHandler) => {
    onRequest = handler;
  };
  session.setPermissionCheckHandler = (handler: CheckHandler) => {
    onCheck = handler;
  };
  session.setDevicePermissionHandler = (handler: () => boolean) => {
    onDevice = handler;
  };
  hardenSession(session as unknown as Session, [appOrigin], logger);

  const ask = (permission: string, details: object) => {
    const callback = vi.fn();
    onRequest?.({}, permission, callback, { requestingUrl: 'app://liaison/index.html', isMainFrame: true, ...details });
    return callback.mock.calls[0]?.[0];
  };

  it('grants the camera to the app and refuses the rest', () => {
    expect(ask('media', { mediaTypes: ['video'] })).toBe(true);
    expect(ask('media', { mediaTypes: ['audio'] })).toBe(false);
    expect(ask('geolocation', {})).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(
      onCheck?.({}, 'media', appOrigin, { mediaType: 'video', isMainFrame: true, requestingUrl: 'app://liaison/' }),
    ).toBe(true);
    expect(onCheck?.({}, 'notifications', appOrigin, { isMainFrame: true, requestingUrl: 'app://liaison/' })).toBe(
      false,
    );
    expect(onDevice?.()).toBe(false);
  });

  it('refuses downloads', () => {
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
