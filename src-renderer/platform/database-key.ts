// The local database's encryption key: kept by the host (OS keychain on the desktop, localStorage in a browser).
import type { HostApi } from '../../src-shared/host/host-api';
import { getHost } from './host';

/** 32 random bytes as hex: long enough for RxDB's crypto-js encryption (minimum 8 characters). */
export function generateDatabaseKey(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Returns the station's database key, creating and storing it once on first start. */
export async function getOrCreateDatabaseKey(host: HostApi = getHost()): Promise<string> {
  const existing = await host.getSecret('dbKey');
  if (existing) return existing;
  const key = generateDatabaseKey();
  await host.setSecret('dbKey', key);
  return key;
}
