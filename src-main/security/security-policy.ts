// Security rules for the window, as data and pure decisions (apply-security.ts wires them into Electron).
import type { WebPreferences } from 'electron';

/** The renderer's origin. It must never change: IndexedDB and local storage are keyed by it. */
export const appScheme = 'app';
export const appHost = 'liaison';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design writes its styles inline at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  // The sync server address is configured per county, so any http(s) server may be reached.
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** Origins whose pages may use the host bridge and stay in the window (the app, plus a dev server in development). */
export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes such as app:, so compare scheme and host.
  const origin = `${parsed.protocol}//${parsed.host}`;
  return trustedOrigins.includes(origin);
}

/** Navigation away from the app is never allowed; reloading the app's own pages is. */
export function isNavigationAllowed(url: string, trustedOrigins: readonly string[]): boolean {
  return isTrustedUrl(url, trustedOrigins);
}

/** Sites a link may open in the clerk's browser. Only https, only these hosts (and their subdomains). */
export const externalLinkAllowList: readonly string[] = ['www.npc.gov.cn', 'www.gxrd.gov.cn', 'flk.npc.gov.cn'];

export function isAllowedExternalUrl(url: string, allowList: readonly string[] = externalLinkAllowList): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

export interface PermissionQuery {
  permission: string;
  /** The URL or origin of the frame that asks. */
  requestingUrl: string;
  /** For `media`: which devices (camera = video, microphone = audio). */
  mediaTypes: readonly string[];
  isMainFrame: boolean;
}

/** Every permission is refused except the camera (photos of opinions and receptions), for the app's own page. */
export function isPermissionGranted(query: PermissionQuery, trustedOrigins: readonly string[]): boolean {
  if (!query.isMainFrame || !isTrustedUrl(query.requestingUrl, trustedOrigins)) return false;
  if (query.permission !== 'media') return false;
  return query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'video');
}
