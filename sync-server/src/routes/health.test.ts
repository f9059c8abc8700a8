// Liveness and readiness: /healthz answers while the process lives; /readyz only while the store reads and writes.
import { afterEach, describe, expect, it } from 'vitest';
import { operationsRoutes } from '../../../src-shared/api/routes';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('operations routes', () => {
  it('is ready while the store works, and only live once it stops working', async () => {
    server = await startTestServer();
    const ready = await server.app.inject({ method: 'GET', url: operationsRoutes.ready });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true, storage: { readable: true, writable: true } });
    expect(ready.headers['cache-control']).toBe('no-store');

    // The database goes away under the running server (a failed disk, a closed connection).
    await server.store.close();
    const notReady = await server.app.inject({ method: 'GET', url: operationsRoutes.ready });
    expect(notReady.statusCode).toBe(503);
    const body = notReady.json();
    expect(body).toMatchObject({
      ready: false,
      error: 'storage_unavailable',
      storage: { readable: false, writable: false },
    });
    expect(body.message).toMatch(/存储/);
    // The detail (it may name files) stays in the log.
    expect(JSON.stringify(body)).not.toMatch(/not open/);

    const live = await server.app.inject({ method: 'GET', url: operationsRoutes.health });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ ok: true });
  });
});
