// The Fastify app factory: plugins, routes, logging and the renderer build for county staff. Does not listen.
import path from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { ServerConfig } from './config';
import { registerCors } from './plugins/cors';
import { HttpError, notFoundBody, registerErrorHandler } from './plugins/errors';
import { createServerMetrics, instrumentStore, registerMetrics, type ServerMetrics } from './plugins/metrics';
import { storeRateLimit } from './plugins/rate-limit-store';
import { reportRoutes } from './reports/report-routes';
import { authRoutes } from './routes/auth';
import { countyWorkspaceRoutes } from './routes/county';
import { enrollRoutes } from './routes/enroll';
import { healthRoutes } from './routes/health';
import { heartbeatRoutes } from './routes/heartbeat';
import { replicationRoutes } from './routes/replication';
import type { ServerContext } from './server-context';
import { SqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';
import { readTlsFiles } from './tls';

export interface ServerDeps {
  /**
   * A store opened by the caller (not closed with the server); by default the SQLite store in `config.dataDir`.
   * A PostgreSQL store (config.databaseUrl) opens asynchronously: open it with store/open-store.ts and pass it here.
   */
  store?: Store;
  /** The clock, injectable so tests can move past expiry times. */
  now?: () => Date;
  /** A logger to use instead of pino on standard error. */
  logger?: Logger;
  /** Metrics to count into (tests read them); by default a new set. */
  metrics?: ServerMetrics;
}

/** Logs never carry tokens, passwords or personal data (visitors, parties). */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.code',
  '*.visitor',
  '*.parties',
];

/** The request as logged: method and path without the query (which may carry `?token=`). */
function requestSerializer(req: FastifyRequest): Record<string, unknown> {
  return { method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip };
}

/** pino on standard error (standard output stays for machine-readable CLI output). */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    { level, redact: { paths: redactPaths, censor: '[redacted]' }, serializers: { req: requestSerializer } },
    destination,
  );
}

export function buildServer(config: ServerConfig, deps: ServerDeps = {}): FastifyInstance {
  // Certificate problems are configuration errors: found before the store is opened.
  const https = config.tls ? readTlsFiles(config.tls) : null;
  if (!deps.store && config.databaseUrl)
    throw new Error('open the PostgreSQL store with openStore() and pass it as deps.store');
  const rawStore = deps.store ?? SqliteStore.open(config.dataDir);
  const ownsStore = deps.store === undefined;
  const metrics = deps.metrics ?? createServerMetrics();
  const store = instrumentStore(rawStore, metrics);
  const logger = deps.logger ?? createLogger(config.logLevel);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    // X-Forwarded-For/-Proto/-Host count only when they come from a listed proxy (LS_TRUST_PROXY).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    ...(https ? { https } : {}),
  });
  app.decorateRequest('caller', null);

  const context: ServerContext = { config, store, now: deps.now ?? (() => new Date()) };

  registerErrorHandler(app);
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = url.startsWith('/v1/') || url === '/healthz';
    if (config.staticDir && request.method === 'GET' && !isApi && !path.extname(url)) {
      // The renderer is a single-page app: its routes all load index.html.
      return reply.type('text/html; charset=utf-8').sendFile('index.html', config.staticDir);
    }
    return reply.status(404).send(notFoundBody);
  });

  registerCors(app, config);
  registerMetrics(app, config, metrics);

  // API answers carry personal data: no browser may keep a copy in its HTTP cache (county PCs are often shared).
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/v1/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.register(rateLimit, {
    global: false,
    // Counters in the store: several instances on one database count the same attempts.
    store: storeRateLimit(store),
    errorResponseBuilder: () => new HttpError(429, 'too_many_requests', '尝试次数过多，请稍候一分钟再试'),
  });

  app.register(healthRoutes, context);
  app.register(enrollRoutes, context);
  app.register(authRoutes, context);
  app.register(heartbeatRoutes, context);
  app.register(replicationRoutes, context);
  app.register(countyWorkspaceRoutes, context);
  app.register(reportRoutes, context);

  if (config.staticDir) {
    app.register(fastifyStatic, { root: config.staticDir, wildcard: true, index: ['index.html'] });
  }

  if (ownsStore) {
    app.addHook('onClose', async () => {
      await rawStore.close();
    });
  }
  return app;
}
