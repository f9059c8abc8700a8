// Fastify's own HTTPS: reads the PEM certificate and key named by LS_TLS_CERT / LS_TLS_KEY, and reloads them on renewal.
import { readFileSync } from 'node:fs';
import { createSecureContext, Server as TlsServer } from 'node:tls';
import type { FastifyInstance } from 'fastify';
import { ConfigError, type ServerConfig } from './config';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

function readPem(file: string, what: string, setting: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new ConfigError(`无法读取${what} ${file}（${reason}）：请检查 ${setting} 的路径和文件权限`);
  }
}

/** The certificate chain and key, checked to be PEM and to belong together (a mismatch fails here, not per client). */
export function readTlsFiles(tls: NonNullable<ServerConfig['tls']>): TlsFiles {
  const cert = readPem(tls.certFile, '证书', '--tls-cert（LS_TLS_CERT）');
  const key = readPem(tls.keyFile, '私钥', '--tls-key（LS_TLS_KEY）');
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    throw new ConfigError(
      `证书 ${tls.certFile} 与私钥 ${tls.keyFile} 无法使用（${err instanceof Error ? err.message : String(err)}）：` +
        '请确认两者均为 PEM 格式且是同一对',
    );
  }
  return { cert, key };
}

/**
 * Re-reads the certificate files into the running server (after a renewal, e.g. certbot's deploy hook sends SIGHUP).
 * Connections already open keep their old certificate. Returns false when the server does not speak HTTPS.
 */
export function reloadTls(app: FastifyInstance, config: ServerConfig): boolean {
  if (!config.tls || !(app.server instanceof TlsServer)) return false;
  app.server.setSecureContext(readTlsFiles(config.tls));
  return true;
}
