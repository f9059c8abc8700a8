// Importing a county's stations from CSV or XLSX with Chinese headers: all rows or none, errors by row number.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { canonicalJson } from '../../../src-shared/common/canonical-json';
import { newId } from '../../../src-shared/common/ids';
import { type Station, type StationKind, stationKinds } from '../../../src-shared/station/station';
import { domainRules } from '../replication/domain-rules';
import { referenceWrite } from '../services/reference-data';
import type { County, DocumentWrite, Store, Township } from '../store/store';

/** The columns, by their Chinese header; `required` columns must be present in the header row. */
export const stationImportColumns = {
  name: { header: '站点名称', required: true },
  kind: { header: '类型', required: true },
  county: { header: '县(市、区)', required: true },
  township: { header: '乡镇(街道)', required: true },
  shortName: { header: '简称', required: false },
  address: { header: '地址', required: false },
  isDemonstration: { header: '是否示范点', required: false },
  belt: { header: '示范带', required: false },
} as const;
type Column = keyof typeof stationImportColumns;

export interface ImportRowError {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column?: string;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  townshipsCreated: number;
  errors: ImportRowError[];
  /** How a CSV file's text was read (Excel on Chinese Windows saves "CSV" in GB18030); null for XLSX. */
  encoding: CsvEncoding | null;
}

export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * The text of a CSV file: UTF-8 (with or without the byte-order mark Excel's "CSV UTF-8" writes) when the bytes are
 * valid UTF-8, else GB18030 (a superset of GBK and GB2312: Excel's plain "CSV" on Chinese Windows). Real GB18030
 * text almost never forms valid UTF-8, so the order decides rightly. Bytes valid in neither are refused whole.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes),
      encoding: 'utf-8',
    };
  } catch {
    // Not UTF-8: try the Chinese national encoding next.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new ImportFileError(
      'unreadable_encoding',
      '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030）：请在 Excel 中“另存为”“CSV UTF-8(逗号分隔)”或 .xlsx 后重新导入',
    );
  }
}

/** Headers compare without spaces and with full-width brackets made half-width: 县（市、区） = 县(市、区). */
function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

const kindAliases: Record<string, StationKind> = {
  活动中心: 'activityCenter',
  履职活动中心: 'activityCenter',
  代表履职活动中心: 'activityCenter',
  村级: 'villageStation',
  村级站: 'villageStation',
  联络站: 'villageStation',
  专业: 'professionalStation',
  专业站: 'professionalStation',
};

export function parseStationKind(text: string): StationKind | null {
  const value = normaliseHeader(text);
  if (stationKinds.includes(value)) return value;
  for (const kind of stationKinds.values) {
    if (normaliseHeader(stationKinds.label(kind)) === value) return kind;
  }
  return kindAliases[value] ?? null;
}

function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['', '否', 'n', 'no', 'false', '0'].includes(value)) return false;
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(value)) return true;
  return null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    return '';
  }
  return String(value);
}

/** Reads the first worksheet as rows of trimmed strings (row 1 = the header), and how a CSV file was decoded. */
export async function readTable(file: string): Promise<{ rows: string[][]; encoding: CsvEncoding | null }> {
  const workbook = new ExcelJS.Workbook();
  const ext = path.extname(file).toLowerCase();
  let sheet: ExcelJS.Worksheet | undefined;
  let encoding: CsvEncoding | null = null;
  if (ext === '.xlsx') {
    await workbook.xlsx.readFile(file);
    sheet = workbook.worksheets[0];
  } else if (ext === '.csv') {
    // UTF-8 or GB18030, detected; every value is kept as text (no number or date guessing).
    const decoded = decodeCsv(await readFile(file));
    const text = decoded.text;
    encoding = decoded.encoding;
    const { Readable } = await import('node:stream');
    sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value } as never);
  } else {
    throw new ImportFileError('unsupported_file', `不支持的文件类型 ${ext || '(无扩展名)'}：请使用 .csv 或 .xlsx 文件`);
  }
  if (!sheet) throw new ImportFileError('empty_file', '文件中没有工作表，请检查文件');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[rowNumber - 1] = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
  });
  return { rows: Array.from(rows, (r) => r ?? []), encoding };
}

export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ParsedRow {
  row: number;
  values: Record<Column, string>;
}

function mapHeader(header: readonly string[]): { index: Map<Column, number>; errors: ImportRowError[] } {
  const index = new Map<Column, number>();
  const errors: ImportRowError[] = [];
  const normalised = header.map(normaliseHeader);
  for (const [column, spec] of Object.entries(stationImportColumns) as [
    Column,
    { header: string; required: boolean },
  ][]) {
    const i = normalised.indexOf(normaliseHeader(spec.header));
    if (i >= 0) index.set(column, i);
    else if (spec.required) errors.push({ row: 1, column: spec.header, message: `缺少表头“${spec.header}”` });
  }
  return { index, errors };
}

/** A short name for case numbers when the sheet gives none: the village or township name without its suffix. */
function deriveShortName(name: string): string {
  const base = name
    .replace(/(人大代表|代表|人大工委|人大)?(履职活动中心|联络站|活动中心)$/, '')
    .replace(/(街道|社区|村|镇|乡)$/, '')
    .replace(/[-\s]/g, '');
  return base.slice(0, 10) || name.slice(0, 10);
}

/**
 * Builds the station documents of a table, matching existing stations by county and name (so re-importing a
 * corrected sheet updates instead of duplicating). Pure apart from reading the store; writes nothing.
 */
export async function planStationImport(
  store: Store,
  table: readonly string[][],
  now: Date,
): Promise<{
  writes: DocumentWrite[];
  townships: Township[];
  errors: ImportRowError[];
  rows: number;
  existing: Set<string>;
}> {
  const [header = [], ...body] = table;
  const { index, errors } = mapHeader(header);
  if (errors.length > 0) return { writes: [], townships: [], errors, rows: 0, existing: new Set() };

  const counties = await store.listCounties();
  const townships = await store.listTownships();
  const existingStations = (await store.listDocuments('stations', { kind: 'all' })).filter((d) => !d.deleted);
  const findCounty = (text: string): County | undefined =>
    counties.find((c) => c.name === text || c.id === text || c.name.replace(/(瑶族自治县|区|市|县)$/, '') === text);

  const parsed: ParsedRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return; // blank lines are not rows
    const values = {} as Record<Column, string>;
    for (const column of Object.keys(stationImportColumns) as Column[]) {
      const at = index.get(column);
      values[column] = at === undefined ? '' : (cells[at] ?? '');
    }
    parsed.push({ row: i + 2, values });
  });

  const writes: DocumentWrite[] = [];
  const newTownships = new Map<string, Township>();
  const seenNames = new Map<string, number>();
  const existing = new Set<string>();
  const at = now.toISOString();
  for (const { row, values } of parsed) {
    const rowErrors: ImportRowError[] = [];
    const fail = (column: Column, message: string) =>
      rowErrors.push({ row, column: stationImportColumns[column].header, message });
    if (!values.name) fail('name', '站点名称不能为空');
    const kind = parseStationKind(values.kind);
    if (!kind)
      fail(
        'kind',
        `类型“${values.kind}”无法识别：请填写 ${stationKinds.values.map((k) => stationKinds.label(k)).join('、')}`,
      );
    const county = findCounty(values.county);
    if (!county)
      fail(
        'county',
        `县(市、区)“${values.county}”不存在：请填写 ${counties.map((c) => c.name).join('、') || '（尚无县区，请先运行 demo 或 counties add）'}`,
      );
    if (!values.township) fail('township', '乡镇(街道)不能为空');
    const isDemonstration = parseYesNo(values.isDemonstration);
    if (isDemonstration === null) fail('isDemonstration', `“${values.isDemonstration}”无法识别：请填写 是 或 否`);
    if (county && values.name) {
      const key = `${county.id}\u0000${values.name}`;
      const firstRow = seenNames.get(key);
      if (firstRow !== undefined) fail('name', `与第 ${firstRow} 行重名（同一县内站点名称不能重复）`);
      else seenNames.set(key, row);
    }
    if (rowErrors.length > 0 || !county || !kind || isDemonstration === null) {
      errors.push(...rowErrors);
      continue;
    }

    let township =
      townships.find((t) => t.countyId === county.id && t.name === values.township) ??
      [...newTownships.values()].find((t) => t.countyId === county.id && t.name === values.township);
    if (!township) {
      township = { id: `tw-${newId(now.getTime()).toLowerCase()}`, countyId: county.id, name: values.township };
      newTownships.set(township.id, township);
    }
    const match = existingStations.find((d) => d.countyId === county.id && d.body.name === values.name);
    const countyShort = county.name.replace(/(瑶族自治县|区|市|县)$/, '') || county.name;
    const station: Station = {
      id: match?.id ?? newId(now.getTime()),
      countyId: county.id,
      createdAt: typeof match?.body.createdAt === 'string' ? match.body.createdAt : at,
      updatedAt: at,
      countyName: county.name,
      countyShortName: countyShort.slice(0, 10),
      townshipId: township.id,
      townshipName: township.name,
      name: values.name,
      shortName: values.shortName || deriveShortName(values.name),
      kind,
      isDemonstration,
      ...(values.belt ? { belt: values.belt } : {}),
      address: values.address,
    };
    const fieldErrors = domainRules.validate('stations', station as unknown as Record<string, unknown>);
    if (fieldErrors.length > 0) {
      for (const e of fieldErrors) errors.push({ row, column: e.field, message: e.message });
      continue;
    }
    if (match) {
      existing.add(station.id);
      // An unchanged row keeps its document as it is (same updatedAt), so re-importing writes nothing.
      const { updatedAt: _a, ...before } = match.body;
      const { updatedAt: _b, ...after } = station;
      if (canonicalJson(before) === canonicalJson(after)) {
        station.updatedAt = typeof match.body.updatedAt === 'string' ? match.body.updatedAt : at;
      }
    }
    writes.push(referenceWrite('stations', station));
  }
  return { writes, townships: [...newTownships.values()], errors, rows: parsed.length, existing };
}

/** Imports a CSV or XLSX file: every row is checked first; with any error nothing is written. */
export async function importStations(store: Store, file: string, now: Date): Promise<ImportResult> {
  const { rows: table, encoding } = await readTable(file);
  const plan = await planStationImport(store, table, now);
  const result: ImportResult = {
    ok: plan.errors.length === 0,
    rows: plan.rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    townshipsCreated: 0,
    errors: plan.errors.sort((a, b) => a.row - b.row),
    encoding,
  };
  if (!result.ok) return result;
  if (plan.rows === 0) {
    return { ...result, ok: false, errors: [{ row: 2, message: '文件中没有站点数据（第2行起为数据）' }] };
  }
  const written = await store.upsertDocuments('stations', plan.writes, plan.townships);
  const writtenIds = new Set(written.map((d) => d.id));
  for (const w of plan.writes) {
    if (!writtenIds.has(w.id)) result.unchanged++;
    else if (plan.existing.has(w.id)) result.updated++;
    else result.created++;
  }
  result.townshipsCreated = plan.townships.length;
  await store.audit({
    at: now.toISOString(),
    actor: 'cli',
    action: 'importStations',
    target: path.basename(file),
    detail: `${result.created} created, ${result.updated} updated`,
  });
  return result;
}
