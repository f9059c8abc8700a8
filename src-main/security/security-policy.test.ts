// The window's security rules: isolation settings, navigation, external links and permissions.
import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appOrigin,
  contentSecurityPolicy,
  isAllowedExternalUrl,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedUrl,
  secureWebPreferences,
} from './security-policy';

const trusted = [appOrigin];

describe('web preferences', () => {
  it('isolate the page from Node and Electron', () => {
    const preferences = secureWebPreferences('/app/dist/main/preload.cjs');
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/dist/main/preload.cjs',
    });
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app and forbids plugins, base and forms', () => {
    const directives = new Map(
      contentSecurityPolicy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });
});

describe('navigation', () => {
  it('stays inside the app', () => {
    expect(isTrustedUrl(appEntryUrl, trusted)).toBe(true);
    expect(isNavigationAllowed('app://liaison/#/opinions', trusted)).toBe(true);
  });

  it.each([
    'https://www.npc.gov.cn/',
    'app://other/index.html',
    'file:///C:/Windows/system32/calc.exe',
    'http://127.0.0.1:5173/',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url, trusted)).toBe(false);
  });

  it('trusts a development server only when it is listed', () => {
    expect(isNavigationAllowed('http://127.0.0.1:5173/#/', [appOrigin, 'http://127.0.0.1:5173'])).toBe(true);
  });
});

describe('external links', () => {
  it.each(['https://www.npc.gov.cn/npc/c2/c30834/', 'https://flk.npc.gov.cn/detail2.html'])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://www.npc.gov.cn/',
    'https://www.npc.gov.cn.evil.example/',
    'https://evilnpc.gov.cn/',
    'https://user@www.npc.gov.cn/',
    'https://www.npc.gov.cn:8443/',
    'file:///etc/passwd',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('permissions', () => {
  const camera = {
    permission: 'media',
    requestingUrl: 'app://liaison/index.html',
    mediaTypes: ['video'],
    isMainFrame: true,
  };

  it('grants the camera to the app for photos', () => {
    expect(isPermissionGranted(camera, trusted)).toBe(true);
  });

  it.each([
    ['the microphone', { ...camera, mediaTypes: ['audio'] }],
    ['camera with microphone', { ...camera, mediaTypes: ['video', 'audio'] }],
    ['unspecified media', { ...camera, mediaTypes: [] }],
    ['geolocation', { ...camera, permission: 'geolocation' }],
    ['notifications', { ...camera, permission: 'notifications' }],
    ['the camera for another origin', { ...camera, requestingUrl: 'https://example.com/' }],
    ['the camera for a sub-frame', { ...camera, isMainFrame: false }],
  ])('refuses %s', (_label, query) => {
    expect(isPermissionGranted(query, trusted)).toBe(false);
  });
});
