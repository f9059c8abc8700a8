// CORS for the clients that run at another origin: the desktop app (app://liaison) always, plus one configured origin
// (LS_CORS_ORIGIN, e.g. the Vite dev server). Requests from any other origin get no CORS headers, so browsers refuse.
import type { FastifyInstance } from 'fastify';
import { appVersionHeader, schemaVersionHeader } from '../../../src-shared/api/sync-protocol';
import type { ServerConfig } from '../config';

/** The Electron renderer's origin (src-main's app:// protocol, host `liaison`). */
export const desktopAppOrigin = 'app://liaison';

/** What a preflight may ask for: the sync client's headers (see src-renderer/sync/sync-client.ts). */
const allowedHeaders = ['authorization', 'content-type', 'accept', schemaVersionHeader, appVersionHeader].join(', ');

export function allowedOrigins(config: Pick<ServerConfig, 'corsOrigin'>): ReadonlySet<string> {
  return new Set(config.corsOrigin ? [desktopAppOrigin, config.corsOrigin] : [desktopAppOrigin]);
}

/** The headers of an answer to `origin` (empty when it is not allowed); also used by the hijacked event stream. */
export function corsHeaders(
  config: Pick<ServerConfig, 'corsOrigin'>,
  origin: string | string[] | undefined,
): Record<string, string> {
  if (typeof origin !== 'string' || !allowedOrigins(config).has(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

export function registerCors(app: FastifyInstance, config: Pick<ServerConfig, 'corsOrigin'>): void {
  app.addHook('onRequest', async (request, reply) => {
    const headers = corsHeaders(config, request.headers.origin);
    if (Object.keys(headers).length === 0) return;
    reply.headers(headers);
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', allowedHeaders);
      reply.header('access-control-max-age', '600');
      return reply.status(204).send();
    }
  });
}
