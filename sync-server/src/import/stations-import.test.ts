// Importing stations from CSV and XLSX: Chinese headers, all rows or none, errors by spreadsheet row number.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store';
import { importStations, parseStationKind } from './stations-import';

const header = ['站点名称', '类型', '县（市、区）', '乡镇(街道)', '简称', '地址', '是否示范点'];
const goodRows = [
  ['妙皇乡人大代表履职活动中心', '乡镇(街道)代表履职活动中心', '象州县', '妙皇乡', '妙皇', '妙皇乡政府', '是'],
  ['古德村人大代表联络站', '村级联络站', '象州县', '妙皇乡', '', '古德村委', '否'],
  ['象州县农业专业代表联络站', '专业', '象州', '象州镇', '农业专业', '', ''],
];

let dir: string;
let store: SqliteStore;
const now = new Date('2026-03-02T02:30:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ls-import-'));
  store = SqliteStore.open(dir);
  await store.upsertCounties([
    { id: 'xiangzhou', name: '象州县' },
    { id: 'wuxuan', name: '武宣县' },
  ]);
  await store.upsertTownships([{ id: 'tw-xiangzhou-miaohuang', countyId: 'xiangzhou', name: '妙皇乡' }]);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function csv(rows: string[][]): string {
  // With a byte-order mark, as Excel saves "CSV UTF-8".
  return `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
}

async function writeXlsx(file: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联络站');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

async function stationNames(): Promise<string[]> {
  return (await store.listDocuments('stations', { kind: 'all' })).map((d) => String(d.body.name)).sort();
}

describe('stations import', () => {
  it('imports a CSV file, creating missing townships, and changes nothing when imported again', async () => {
    const file = path.join(dir, 'stations.csv');
    await writeFile(file, csv([header, ...goodRows]));
    const result = await importStations(store, file, now);
    expect(result).toMatchObject({ ok: true, rows: 3, created: 3, updated: 0, townshipsCreated: 1, errors: [] });
    expect(await stationNames()).toEqual(goodRows.map((r) => r[0]).sort());

    const docs = await store.listDocuments('stations', { kind: 'all' });
    const gude = docs.find((d) => d.body.name === '古德村人大代表联络站');
    expect(gude?.body).toMatchObject({
      kind: 'villageStation',
      countyId: 'xiangzhou',
      countyShortName: '象州',
      townshipId: 'tw-xiangzhou-miaohuang',
      shortName: '古德',
      isDemonstration: false,
    });
    expect(gude?.stationId).toBe(gude?.id);

    const again = await importStations(store, file, new Date(now.getTime() + 60_000));
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    expect((await store.listDocuments('stations', { kind: 'all' })).map((d) => d.seq)).toEqual(docs.map((d) => d.seq));
  });

  it('imports an XLSX file and updates a station whose row changed', async () => {
    const file = path.join(dir, 'stations.xlsx');
    await writeXlsx(file, [header, ...goodRows]);
    expect(await importStations(store, file, now)).toMatchObject({ ok: true, created: 3 });

    const changed = goodRows.map((r) => [...r]);
    (changed[1] as string[])[5] = '古德村委会新址';
    await writeXlsx(file, [header, ...changed]);
    const result = await importStations(store, file, now);
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 });
    const docs = await store.listDocuments('stations', { kind: 'all' });
    expect(docs.find((d) => d.body.name === '古德村人大代表联络站')?.body.address).toBe('古德村委会新址');
  });

  it('imports nothing when a row is wrong, and names each wrong row and column', async () => {
    const file = path.join(dir, 'bad.xlsx');
    await writeXlsx(file, [
      header,
      ...goodRows,
      ['', '村级联络站', '象州县', '妙皇乡', '', '', ''],
      ['某村联络站', '卫生站', '柳州县', '某乡', '', '', '也许'],
      ['古德村人大代表联络站', '村级联络站', '象州县', '妙皇乡', '', '', ''],
    ]);
    const result = await importStations(store, file, now);
    expect(result.ok).toBe(false);
    expect(result.created).toBe(0);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '站点名称'],
      [6, '类型'],
      [6, '县(市、区)'],
      [6, '是否示范点'],
      [7, '站点名称'],
    ]);
    expect(result.errors.find((e) => e.row === 7)?.message).toContain('第 3 行');
    expect(await stationNames()).toEqual([]);
    expect((await store.listTownships('xiangzhou')).map((t) => t.name)).toEqual(['妙皇乡']);
  });

  it('refuses a sheet without the required headers', async () => {
    const file = path.join(dir, 'headers.csv');
    await writeFile(
      file,
      csv([
        ['名称', '地址'],
        ['某站', '某地'],
      ]),
    );
    const result = await importStations(store, file, now);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.column)).toEqual(['站点名称', '类型', '县(市、区)', '乡镇(街道)']);
  });

  it('understands station kinds by code, label and short form', () => {
    expect(parseStationKind('villageStation')).toBe('villageStation');
    expect(parseStationKind('乡镇（街道）代表履职活动中心')).toBe('activityCenter');
    expect(parseStationKind('专业代表联络站')).toBe('professionalStation');
    expect(parseStationKind('卫生站')).toBeNull();
  });
});
