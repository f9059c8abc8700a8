// The one way the renderer reaches the operating system: Electron's preload bridge, or web APIs in a browser.
import type { HostApi } from '../../src-shared/host/host-api';
import { createBrowserHost } from './browser-host';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a plain browser. */
    host?: HostApi;
  }
}

let cached: HostApi | undefined;
let override: HostApi | undefined;

/** The host bridge for this runtime. Components and modules call this, never `window.host`. */
export function getHost(): HostApi {
  if (override) return override;
  if (cached) return cached;
  cached = typeof window !== 'undefined' && window.host ? window.host : createBrowserHost();
  return cached;
}

/** Replaces the host (tests, harnesses). Pass undefined to go back to the runtime's own. */
export function setHostForTesting(host: HostApi | undefined): void {
  override = host;
}
