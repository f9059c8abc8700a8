// /metrics: what operators alert on is counted (routes, latencies, sync per collection, streams, store errors),
// and nobody but this machine, or a holder of LS_METRICS_TOKEN, may read it.
import { afterEach, describe, expect, it } from 'vitest';
import { operationsRoutes, syncRoutes } from '../../../src-shared/api/routes';
import { makeOpinion } from '../../../src-shared/testing/factories';
import {
  auth,
  insertRow,
  OTHER_STATION_ID,
  pullDocs,
  pushDocs,
  startTestServer,
  type TestServer,
} from '../testing/test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The value of one sample in Prometheus' text format, found by name and exact labels; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

async function scrape(s: TestServer): Promise<string> {
  const res = await s.app.inject({ method: 'GET', url: operationsRoutes.metrics });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.body;
}

describe('metrics', () => {
  it('counts requests by route pattern and status, their latency, and documents per collection', async () => {
    server = await startTestServer();
    const s = server;
    const mine = [makeOpinion(), makeOpinion(), makeOpinion()];
    expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', mine.map(insertRow))).statusCode).toBe(200);
    // Another station's record: refused (a client's mistake, not a store error), nothing stored.
    const foreign = makeOpinion({ stationId: OTHER_STATION_ID });
    expect((await pushDocs(s.app, s.tokens.stationA, 'opinions', [insertRow(foreign)])).statusCode).toBe(403);
    expect((await pullDocs(s.app, s.tokens.stationA, 'opinions')).statusCode).toBe(200);
    expect((await pullDocs(s.app, s.tokens.stationA, 'activities')).statusCode).toBe(200);
    const unknown = await s.app.inject({
      method: 'GET',
      url: '/v1/sync/made-up-collection/pull',
      headers: auth(s.tokens.stationA),
    });
    expect(unknown.statusCode).toBe(404);

    const text = await scrape(s);
    const pullRoute = { method: 'GET', route: '/v1/sync/:collection/pull' };
    expect(sample(text, 'liaison_http_requests_total', { ...pullRoute, status_code: '200' })).toBe(2);
    expect(sample(text, 'liaison_http_requests_total', { ...pullRoute, status_code: '404' })).toBe(1);
    const pushRoute = { method: 'POST', route: '/v1/sync/:collection/push' };
    expect(sample(text, 'liaison_http_requests_total', { ...pushRoute, status_code: '200' })).toBe(1);
    expect(sample(text, 'liaison_http_requests_total', { ...pushRoute, status_code: '403' })).toBe(1);
    expect(sample(text, 'liaison_http_request_duration_seconds_count', { ...pullRoute, status_code: '200' })).toBe(2);
    expect(
      sample(text, 'liaison_http_request_duration_seconds_bucket', { ...pullRoute, status_code: '200', le: '+Inf' }),
    ).toBe(2);

    const push = { direction: 'push', collection: 'opinions' };
    expect(sample(text, 'liaison_sync_requests_total', { ...push, status_code: '200' })).toBe(1);
    expect(sample(text, 'liaison_sync_requests_total', { ...push, status_code: '403' })).toBe(1);
    expect(sample(text, 'liaison_sync_documents_total', push)).toBe(3);
    expect(sample(text, 'liaison_sync_documents_total', { direction: 'pull', collection: 'opinions' })).toBe(3);
    expect(sample(text, 'liaison_sync_documents_total', { direction: 'pull', collection: 'activities' })).toBe(0);
    // A made-up collection never becomes a label (clients cannot create time series).
    expect(text).not.toContain('made-up-collection');
    // The refusal was not a store failure.
    expect(text).not.toMatch(/^liaison_store_errors_total\{/m);
    // Process metrics come along.
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts store failures by operation', async () => {
    server = await startTestServer();
    await server.store.close();
    expect((await pullDocs(server.app, server.tokens.stationA, 'opinions')).statusCode).toBe(500);
    const text = await scrape(server);
    expect(sample(text, 'liaison_store_errors_total', { operation: 'findToken' })).toBe(1);
  });

  it('shows each open event stream in a gauge until its client goes away', async () => {
    server = await startTestServer();
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const open = async () =>
      sample(await scrape(server as TestServer), 'liaison_sync_streams_open', { collection: 'opinions' });
    const controller = new AbortController();
    const res = await fetch(`${base}${syncRoutes.stream('opinions')}?token=${server.tokens.stationA}`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    await (res.body as ReadableStream<Uint8Array>).getReader().read(); // RESYNC: the stream is established
    expect(await open()).toBe(1);
    controller.abort();
    await expect.poll(open, { timeout: 10_000 }).toBe(0);
    const text = await scrape(server);
    expect(
      sample(text, 'liaison_sync_requests_total', { direction: 'stream', collection: 'opinions', status_code: '200' }),
    ).toBe(1);
  });

  it('answers only direct requests from this machine when no token is configured', async () => {
    server = await startTestServer();
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      (server as TestServer).app.inject({ method: 'GET', url: operationsRoutes.metrics, remoteAddress, headers });
    expect((await from('127.0.0.1')).statusCode).toBe(200);
    expect((await from('::1')).statusCode).toBe(200);
    const remote = await from('192.0.2.10');
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ error: 'metrics_local_only' });
    expect(remote.body).not.toContain('liaison_');
    // A reverse proxy on this machine passing on an outside request is not "this machine".
    expect((await from('127.0.0.1', { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(403);
    expect((await from('127.0.0.1', { forwarded: 'for=198.51.100.7' })).statusCode).toBe(403);
  });

  it('asks everyone for the bearer token when LS_METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-0123456789abcdef';
    server = await startTestServer({ metricsToken: token });
    const get = (remoteAddress: string, authorization?: string) =>
      (server as TestServer).app.inject({
        method: 'GET',
        url: operationsRoutes.metrics,
        remoteAddress,
        headers: authorization ? { authorization } : {},
      });
    const none = await get('127.0.0.1');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: 'metrics_token_required' });
    expect((await get('192.0.2.10', 'Bearer wrong-token-wrong-token')).statusCode).toBe(401);
    expect((await get('192.0.2.10', `Bearer ${token}x`)).statusCode).toBe(401);
    const ok = await get('192.0.2.10', `Bearer ${token}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('liaison_http_requests_total');
  });
});
