// Importing stations from CSV and XLSX: Chinese headers, all rows or none, errors by spreadsheet row number.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store';
import { decodeCsv, importStations, parseStationKind } from './stations-import';

/** Saved by Excel on Chinese Windows as plain "CSV": GB18030 bytes (made with `iconv -t GB18030`). */
const gb18030Fixture = fileURLToPath(new URL('./fixtures/stations-gb18030.csv', import.meta.url));
const gb18030ErrorsFixture = fileURLToPath(new URL('./fixtures/stations-gb18030-errors.csv', import.meta.url));

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

  it('imports a CSV that Excel saved in GB18030 (GBK), rare characters included', async () => {
    const bytes = await readFile(gb18030Fixture);
    // The fixture really is GB18030: 站点名称 in its two-byte codes, 𠮷 in four bytes, and not valid UTF-8.
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0xd5, 0xbe, 0xb5, 0xe3, 0xc3, 0xfb, 0xb3, 0xc6]));
    expect(bytes.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35]))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    const result = await importStations(store, gb18030Fixture, now);

    expect(result).toMatchObject({ ok: true, rows: 2, created: 2, townshipsCreated: 1, encoding: 'gb18030' });
    expect(await stationNames()).toEqual(['石龙镇人大代表履职活动中心', '罗秀村人大代表联络站'].sort());
    const docs = await store.listDocuments('stations', { kind: 'all' });
    expect(docs.find((d) => d.body.name === '罗秀村人大代表联络站')?.body).toMatchObject({
      kind: 'villageStation',
      countyId: 'xiangzhou',
      address: '罗秀村委（𠮷字屯旁）',
    });
    expect((await store.listTownships('xiangzhou')).map((t) => t.name).sort()).toEqual(['妙皇乡', '石龙镇'].sort());
  });

  it('reports the wrong rows of a GB18030 file by number and imports none of it', async () => {
    const result = await importStations(store, gb18030ErrorsFixture, now);
    expect(result.ok).toBe(false);
    expect(result.encoding).toBe('gb18030');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '站点名称'],
      [4, '类型'],
    ]);
    expect(await stationNames()).toEqual([]);
    expect((await store.listTownships('xiangzhou')).map((t) => t.name)).toEqual(['妙皇乡']);
  });

  it('reads UTF-8 with and without the byte-order mark, and refuses bytes of neither encoding', async () => {
    const text = `${header.join(',')}\r\n${goodRows[1]!.join(',')}\r\n`;
    const plain = new TextEncoder().encode(text);
    expect(decodeCsv(plain)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text, encoding: 'utf-8' });
    // 0xFF starts no character in either encoding.
    expect(() => decodeCsv(new Uint8Array([0x41, 0xff, 0x2c, 0x42]))).toThrow(/无法识别文件的文字编码/);

    const file = path.join(dir, 'no-bom.csv');
    await writeFile(file, plain);
    const result = await importStations(store, file, now);
    expect(result).toMatchObject({ ok: true, created: 1, encoding: 'utf-8' });
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
