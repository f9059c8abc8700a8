// The county API client: reports come back as sent, exports keep the server's Chinese file name, and a refused
// session is reported so the workspace can ask staff to sign in again.

import { describe, expect, it, vi } from 'vitest';
import type { CountyCredentials } from '../../../src-shared/api/staff-session';
import { createCountyApi, fileNameOf } from './county-api';

const credentials: CountyCredentials = {
  role: 'county',
  serverUrl: 'http://county.test:8787/',
  token: 'staff-token',
  user: 'staff-xiangzhou',
  countyId: 'xiangzhou',
  countyName: '象州县',
  expiresAt: '2099-01-01T00:00:00.000Z',
  signedInAt: '2026-03-01T00:00:00.000Z',
};

function fakeFetch(respond: (url: URL, init: RequestInit | undefined) => Response) {
  const calls: { url: URL; init: RequestInit | undefined }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url, init });
    return respond(url, init);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

describe('county api', () => {
  it('asks for the work report of the area and period with the staff token', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ countyId: 'xiangzhou', from: '2026-01-01' }));
    const api = createCountyApi(credentials, { appVersion: '1.0.0', fetch });
    const report = await api.workReport({ from: '2026-01-01', to: '2026-03-31', townshipId: 't1' });
    expect(report.from).toBe('2026-01-01');
    const call = calls[0]!;
    expect(call.url.pathname).toBe('/v1/county/reports/work');
    expect(Object.fromEntries(call.url.searchParams)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      townshipId: 't1',
    });
    expect(new Headers(call.init?.headers).get('authorization')).toBe('Bearer staff-token');
  });

  it('downloads an export with the Chinese file name from Content-Disposition', async () => {
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(bytes, {
          headers: {
            'content-disposition': `attachment; filename="work.xlsx"; filename*=UTF-8''${encodeURIComponent('象州县联络站工作报表.xlsx')}`,
          },
        }),
    );
    const api = createCountyApi(credentials, { appVersion: '1.0.0', fetch });
    const file = await api.exportReport('work', 'xlsx', { from: '2026-01-01', to: '2026-03-31' });
    expect(file.fileName).toBe('象州县联络站工作报表.xlsx');
    expect([...file.data]).toEqual([...bytes]);
    expect(calls[0]?.url.searchParams.get('format')).toBe('xlsx');
  });

  it('reports an expired session (401) and throws the Chinese message', async () => {
    const onSessionExpired = vi.fn();
    const { fetch } = fakeFetch(() =>
      Response.json({ error: 'session_expired', message: '登录已过期' }, { status: 401 }),
    );
    const api = createCountyApi(credentials, { appVersion: '1.0.0', fetch, onSessionExpired });
    await expect(api.syncReport(7)).rejects.toMatchObject({
      code: 'session_expired',
      message: '登录已过期，请重新登录',
    });
    await expect(api.exportReport('sync', 'csv', { staleDays: 7 })).rejects.toMatchObject({ code: 'session_expired' });
    expect(onSessionExpired).toHaveBeenCalledTimes(2);
  });

  it('does not treat a refusal of scope as an expired session', async () => {
    const onSessionExpired = vi.fn();
    const { fetch } = fakeFetch(() => Response.json({ error: 'out_of_scope', message: '不属于本县' }, { status: 403 }));
    const api = createCountyApi(credentials, { appVersion: '1.0.0', fetch, onSessionExpired });
    await expect(api.duplicates('o1')).rejects.toMatchObject({ code: 'out_of_scope', message: '不属于本县' });
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('falls back to the ASCII file name', () => {
    expect(fileNameOf('attachment; filename="sync.csv"', 'x.csv')).toBe('sync.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});
