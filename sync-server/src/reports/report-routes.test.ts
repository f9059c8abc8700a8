// County report routes over HTTP: JSON, XLSX and CSV exports, masking, the audit log, and the staff-only scope.

import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncReport, WorkReport } from '../../../src-shared/api/reports';
import { countyRoutes } from '../../../src-shared/api/routes';
import { makeDepartment } from '../../../src-shared/testing/factories';
import { auth, insertRow, pushDocs, startTestServer, type TestServer, updateRow } from '../testing/test-server';
import { FIXTURE as F, seedWorkReportFixture } from './work-report.fixture';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await seedWorkReportFixture(server.store);
  server.clock.current = F.now;
});
afterEach(async () => {
  await server.close();
});

/** The audit log's export entries (the harness's own enrolments are logged too). */
async function exports() {
  return (await server.store.listAudit(100)).filter((e) => e.action === 'report.export');
}

const workUrl = (query: string) => `${countyRoutes.workReport}?from=${F.from}&to=${F.to}${query}`;

function get(url: string, token: string) {
  return server.app.inject({ method: 'GET', url, headers: auth(token) });
}

/** A minimal CSV reader (quoted fields, doubled quotes), enough to read our exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('GET /v1/county/reports/work', () => {
  it('answers staff of the county with the JSON report', async () => {
    const res = await get(workUrl(''), server.tokens.staffX);
    expect(res.statusCode).toBe(200);
    const report = res.json<WorkReport>();
    expect(report.opinions.processingRate).toEqual({ numerator: 4, denominator: 9, value: 4 / 9 });
    expect(report.area).toEqual({ kind: 'county', id: F.countyId, name: '象州县' });
    // The monthly trend comes with the report: one request, not one per month.
    expect(report.opinions.byMonth.map((m) => [m.month, m.received])).toEqual([
      ['2026-01', 4],
      ['2026-02', 4],
      ['2026-03', 3],
    ]);
    expect(await exports()).toEqual([]); // viewing is not exporting
  });

  it('exports XLSX with Chinese sheet names and headers, visitors masked, and records the export', async () => {
    const res = await get(workUrl('&format=xlsx'), server.tokens.staffX);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`work-report-${F.countyId}-${F.from}_${F.to}.xlsx`);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('象州县联络站工作报表');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '意见分类统计',
      '各站情况',
      '矛盾纠纷调解',
      '八项活动缺项',
      '代表履职',
      '意见明细',
    ]);
    const summary = workbook.getWorksheet('概况');
    const rateRow = summary?.getColumn(1).values.indexOf('办理率') ?? -1;
    expect(summary?.getRow(rateRow).getCell(2).value).toBeCloseTo(4 / 9, 10);
    expect(summary?.getRow(rateRow).getCell(2).numFmt).toBe('0.00%');
    const details = workbook.getWorksheet('意见明细');
    expect(details?.getRow(1).values).toContain('联系电话');
    const text = JSON.stringify(details?.getSheetValues());
    expect(text).toContain('138****5678');
    expect(text).toContain('张*');
    expect(text).not.toContain(F.visitorPhone);
    expect(text).not.toContain('张三');
    expect(details?.rowCount).toBe(1 + 11);

    const [entry] = await exports();
    expect(entry).toMatchObject({ actor: 'staff:staff-x', action: 'report.export', target: 'work' });
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({
      countyId: F.countyId,
      format: 'xlsx',
      from: F.from,
      to: F.to,
      personalData: 'masked',
    });
  });

  it('exports CSV with a BOM, stacked sections and masked visitors', async () => {
    const res = await get(workUrl(`&format=csv&stationId=${F.stationA}`), server.tokens.staffX);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]).toEqual(['【概况】']);
    expect(rows[1]).toEqual(['项目', '数值']);
    expect(rows.find((r) => r[0] === '办理率')?.[1]).toBe(String(3 / 5));
    const detailsStart = rows.findIndex((r) => r[0] === '【意见明细】');
    expect(rows[detailsStart + 1]).toContain('联系电话');
    expect(res.body).toContain('138****5678');
    expect(res.body).not.toContain(F.visitorPhone);
    expect(await exports()).toHaveLength(1);
  });

  it('refuses a station, staff of another county, and another county’s station', async () => {
    const station = await get(workUrl(''), server.tokens.stationA);
    expect(station.statusCode).toBe(403);
    expect(station.json()).toMatchObject({ error: 'staff_only' });
    const other = await get(workUrl(`&countyId=${F.countyId}`), server.tokens.staffY);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: 'out_of_scope' });
    expect(other.json().message).toMatch(/本人所在县/);
    const foreignStation = await get(workUrl(`&stationId=${F.otherCountyStation}`), server.tokens.staffX);
    expect(foreignStation.statusCode).toBe(403);
    const anonymous = await server.app.inject({ method: 'GET', url: workUrl('') });
    expect(anonymous.statusCode).toBe(401);
    // Staff of 武宣县 see their own county only: o14 is theirs.
    const own = (await get(workUrl(''), server.tokens.staffY)).json<WorkReport>();
    expect(own.opinions.totals.received).toBe(1);
    expect(await exports()).toEqual([]);
  });

  it('answers a malformed date with 400 and a Chinese message', async () => {
    const res = await get(`${countyRoutes.workReport}?from=2026-02-30`, server.tokens.staffX);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_date' });
  });
});

describe('GET /v1/county/reports/sync', () => {
  it('lists every station of the county as JSON, and exports CSV with an audit entry', async () => {
    await server.app.inject({
      method: 'POST',
      url: '/v1/sync/heartbeat',
      headers: auth(server.tokens.stationA),
      payload: { appVersion: '0.1.0', pendingChanges: 3, lastError: null, lastSyncAt: F.now.toISOString() },
    });
    const res = await get(countyRoutes.syncReport, server.tokens.staffX);
    expect(res.statusCode).toBe(200);
    const report = res.json<SyncReport>();
    expect(report.stations.map((s) => s.stationId).sort()).toEqual([F.stationB, F.stationA].sort());
    const a = report.stations.find((s) => s.stationId === F.stationA);
    expect(a).toMatchObject({ appVersion: '0.1.0', pendingChanges: 3, enrolled: true, neverSynced: false });
    expect(report.stations.find((s) => s.stationId === F.stationB)).toMatchObject({
      neverSynced: true,
      status: 'neverSynced',
    });

    const csv = await get(`${countyRoutes.syncReport}?format=csv`, server.tokens.staffX);
    expect(csv.statusCode).toBe(200);
    const rows = parseCsv(csv.body.slice(1));
    expect(rows[0]?.slice(0, 4)).toEqual(['乡镇(街道)', '联络站', '类型', '状态']);
    expect(rows).toHaveLength(3);
    expect(await exports()).toMatchObject([{ action: 'report.export', target: 'sync' }]);
  });

  it('uses the server’s stale threshold (LS_STALE_DAYS / --stale-days) unless the request names one', async () => {
    await server.close();
    server = await startTestServer({ staleDays: 3 });
    const syncedAt = new Date('2026-03-02T02:00:00.000Z');
    server.clock.current = syncedAt;
    const pulled = await get('/v1/sync/opinions/pull?seq=0&limit=10', server.tokens.stationA);
    expect(pulled.statusCode).toBe(200);
    server.clock.current = new Date(syncedAt.getTime() + 5 * 24 * 60 * 60 * 1000);

    const byDefault = (await get(countyRoutes.syncReport, server.tokens.staffX)).json<SyncReport>();
    expect(byDefault.staleDays).toBe(3);
    const station = (report: SyncReport) => report.stations.find((s) => s.daysSinceSync !== null);
    expect(station(byDefault)).toMatchObject({ daysSinceSync: 5, stale: true, status: 'stale' });

    const asked = (await get(`${countyRoutes.syncReport}?staleDays=10`, server.tokens.staffX)).json<SyncReport>();
    expect(asked.staleDays).toBe(10);
    expect(station(asked)).toMatchObject({ daysSinceSync: 5, stale: false, status: 'fresh' });
  });

  it('refuses station tokens', async () => {
    const res = await get(countyRoutes.syncReport, server.tokens.stationB);
    expect(res.statusCode).toBe(403);
  });
});

describe('county workspace helpers', () => {
  it('lists the townships and stations of the county for filters', async () => {
    const res = await get(countyRoutes.reference, server.tokens.staffX);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      county: { id: string; name: string };
      townships: { id: string; name: string; stationCount: number }[];
      stations: { id: string; townshipId: string }[];
    }>();
    expect(body.county).toEqual({ id: F.countyId, name: '象州县' });
    expect(body.townships).toEqual(
      expect.arrayContaining([
        { id: F.townshipA, name: '妙皇乡', stationCount: 1 },
        { id: F.townshipB, name: '古德镇', stationCount: 1 },
      ]),
    );
    expect(body.stations.map((s) => s.id).sort()).toEqual([F.stationA, F.stationB].sort());
    expect((await get(countyRoutes.reference, server.tokens.stationA)).statusCode).toBe(403);
  });

  it('lets staff maintain departments through push (create, rename, deactivate)', async () => {
    const department = makeDepartment({ id: 'dept-water', name: '象州县水利局' });
    expect((await pushDocs(server.app, server.tokens.staffX, 'departments', [insertRow(department)])).json()).toEqual(
      [],
    );
    const renamed = { ...department, name: '象州县水利局（河长办）', active: false, updatedAt: F.now.toISOString() };
    const res = await pushDocs(server.app, server.tokens.staffX, 'departments', [updateRow(department, renamed)]);
    expect(res.json()).toEqual([]);
    expect((await server.store.getDocument('departments', 'dept-water'))?.body).toMatchObject({
      name: '象州县水利局（河长办）',
      active: false,
    });
  });
});
