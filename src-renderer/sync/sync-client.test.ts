// The sync client tells the clerk what to do for every kind of failure, and sends the headers the server checks.
import { describe, expect, it } from 'vitest';
import {
  createSyncClient,
  errorFromResponse,
  networkError,
  normaliseServerUrl,
  SyncError,
  serverEndpoint,
} from './sync-client';

describe('errors the clerk sees', () => {
  it('a revoked station token asks to enrol again with a new code, and needs a new token', () => {
    const error = errorFromResponse(401, { error: 'token_revoked', message: '凭证已被吊销' }, 'station');
    expect(error.code).toBe('token_revoked');
    expect(error.message).toContain('重新注册');
    expect(error.needsNewToken).toBe(true);
    expect(error.retryable).toBe(false);
  });

  it('an expired county session asks to sign in again', () => {
    const error = errorFromResponse(401, { error: 'session_expired', message: '登录已过期' }, 'county');
    expect(error.message).toContain('重新登录');
    expect(error.needsNewToken).toBe(true);
  });

  it('a wrong enrolment code keeps the server’s own advice and is not a lost token', () => {
    const error = errorFromResponse(
      401,
      { error: 'enrolment_code_used', message: '该注册码已被使用，请向县人大常委会索取新的注册码' },
      'station',
    );
    expect(error.code).toBe('enrolment_code_used');
    expect(error.message).toBe('该注册码已被使用，请向县人大常委会索取新的注册码');
    expect(error.needsNewToken).toBe(false);
  });

  it('426 names the required version and asks to upgrade', () => {
    const error = errorFromResponse(426, { error: 'schema_outdated', message: 'x', requiredVersion: 3 }, 'station');
    expect(error.code).toBe('schema_outdated');
    expect(error.requiredVersion).toBe(3);
    expect(error.message).toMatch(/版本 3/);
    expect(error.message).toContain('安装最新版本');
  });

  it('413 asks for fewer or smaller photos; 429 asks to wait; 5xx retries by itself', () => {
    expect(errorFromResponse(413, null, 'station').message).toContain('照片');
    const busy = errorFromResponse(429, null, 'station');
    expect(busy.message).toContain('稍候');
    expect(busy.retryable).toBe(true);
    const failed = errorFromResponse(503, 'Service Unavailable', 'station');
    expect(failed.code).toBe('server_error');
    expect(failed.message).toContain('自动重试');
    expect(failed.retryable).toBe(true);
  });

  it('403 keeps the server’s reason', () => {
    const error = errorFromResponse(403, { error: 'out_of_scope', message: '不能写入其他联络站的记录' }, 'station');
    expect(error.code).toBe('out_of_scope');
    expect(error.message).toBe('不能写入其他联络站的记录');
  });

  it('a network failure says the data is safe and sync resumes by itself', () => {
    const error = networkError(new TypeError('fetch failed'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_unreachable');
    expect(error.message).toContain('不会丢失');
    expect(error.retryable).toBe(true);
  });
});

describe('server addresses', () => {
  it('accepts an address without scheme or with a trailing slash', () => {
    expect(normaliseServerUrl(' 192.168.1.5:8787/ ')).toBe('http://192.168.1.5:8787');
    expect(normaliseServerUrl('https://sync.example.cn/liaison/')).toBe('https://sync.example.cn/liaison');
    expect(serverEndpoint('http://a:1/base/', '/v1/sync/opinions/pull', { seq: 5, limit: 10 })).toBe(
      'http://a:1/base/v1/sync/opinions/pull?seq=5&limit=10',
    );
  });

  it('refuses an address that is not one', () => {
    expect(() => normaliseServerUrl('')).toThrow(SyncError);
    expect(() => normaliseServerUrl('县 服务器')).toThrow(SyncError);
  });
});

describe('requests', () => {
  it('send the token, the app version and the schema version, and map a refusal', async () => {
    const seen: Headers[] = [];
    const fakeFetch: typeof fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers));
      return new Response(JSON.stringify({ error: 'schema_outdated', message: 'old', requiredVersion: 2 }), {
        status: 426,
      });
    };
    const client = createSyncClient({
      serverUrl: 'http://server',
      token: 'secret-token',
      appVersion: '1.2.3',
      role: 'station',
      fetch: fakeFetch,
    });
    await expect(client.request('/v1/sync/opinions/pull', { schemaVersion: 1 })).rejects.toMatchObject({
      status: 426,
      requiredVersion: 2,
    });
    expect(seen[0]?.get('authorization')).toBe('Bearer secret-token');
    expect(seen[0]?.get('x-app-version')).toBe('1.2.3');
    expect(seen[0]?.get('x-schema-version')).toBe('1');
  });

  it('turn a connection refused into the network error', async () => {
    const client = createSyncClient({
      serverUrl: 'http://127.0.0.1:9',
      token: null,
      appVersion: '1',
      role: 'station',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(client.request('/healthz')).rejects.toMatchObject({ code: 'network_unreachable', status: 0 });
  });
});
