// The station data file (.lsdata): every record and photo in one checked JSON file, for export, restore and backups.
import type { RxCollection } from 'rxdb';
import {
  referenceCollections,
  type SyncedCollection,
  stationCollections,
  syncedCollections,
} from '../../../src-shared/api/sync-protocol';
import { type CollectionDocuments, collectionDefinitions, schemaVersions } from '../../../src-shared/collections';
import { DomainError } from '../../../src-shared/common/domain-error';
import { validateDocument } from '../../../src-shared/validation/validate';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting, type StationIdentity, setLocalSetting } from '../local-settings';
import { portableIdentity } from '../station-identity';

export const stationDataFormat = 'liaison-station-data';
export const stationDataFormatVersion = 1;
export const stationDataExtension = 'lsdata';

export type SnapshotCollections = { [C in SyncedCollection]: CollectionDocuments[C][] };
export type CollectionCounts = { [C in SyncedCollection]: number };

export interface StationDataHeader {
  format: typeof stationDataFormat;
  formatVersion: number;
  /** 'export' = a whole station chosen by the user; 'backup' = unsynced changes written automatically. */
  kind: 'export' | 'backup';
  stationId: string | null;
  exportedAt: string;
  schemaVersions: CollectionCounts;
  counts: CollectionCounts;
  /** SHA-256 (hex) of JSON.stringify(collections). */
  checksum: string;
}

export interface StationDataFile extends StationDataHeader {
  /** This installation's enrolment, so a wiped app knows its station again. */
  stationIdentity: StationIdentity | null;
  collections: SnapshotCollections;
}

export type RestoreMode =
  /** Refuse unless the app holds no station records (restore from an exported file). */
  | 'emptyOnly'
  /** Add missing records and replace older ones (restore from a backup). */
  | 'newerWins';

export interface RestoreSummary {
  restored: CollectionCounts;
  /** When the file or backup was made. */
  createdAt: string;
  stationId: string | null;
}

function refuse(code: string, message: string, messageEn: string): DomainError {
  return new DomainError({ code, message, messageEn });
}

function zeroCounts(): CollectionCounts {
  return Object.fromEntries(syncedCollections.map((c) => [c, 0])) as CollectionCounts;
}

function collectionOf<C extends SyncedCollection>(db: LiaisonDatabase, name: C): RxCollection<CollectionDocuments[C]> {
  return db.collections[name] as unknown as RxCollection<CollectionDocuments[C]>;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SnapshotOptions {
  kind: StationDataFile['kind'];
  /** Only station records changed after this time (and photos of the records included); null/absent = all. */
  changedSince?: string | null;
  now?: () => Date;
}

/** Reads the database into a station data file (records decrypted: the host encrypts backups; exports are the user's). */
export async function buildStationSnapshot(db: LiaisonDatabase, options: SnapshotOptions): Promise<StationDataFile> {
  const collections = {} as Record<SyncedCollection, unknown[]>;
  for (const name of referenceCollections) {
    const docs = await collectionOf(db, name)
      .find({ sort: [{ id: 'asc' }] })
      .exec();
    collections[name] = docs.map((d) => d.toMutableJSON(false));
  }
  const since = options.changedSince ?? null;
  const ownerIds = new Set<string>();
  for (const name of stationCollections) {
    if (name === 'photos') continue;
    const selector = since ? { updatedAt: { $gt: since } } : {};
    const docs = await collectionOf(db, name)
      .find({ selector, sort: [{ id: 'asc' }] })
      .exec();
    collections[name] = docs.map((d) => d.toMutableJSON(false));
    for (const d of docs) ownerIds.add(d.id);
  }
  const photos = await db.photos.find({ sort: [{ id: 'asc' }] }).exec();
  collections.photos = photos
    .filter((p) => !since || p.updatedAt > since || ownerIds.has(p.ownerId))
    .map((p) => p.toMutableJSON(false));

  const counts = zeroCounts();
  for (const name of syncedCollections) counts[name] = collections[name].length;
  const stored = await getLocalSetting(db, 'station-identity');
  // A backup comes back to this PC (its clerk too); an export goes to another PC, whose clerk is asked.
  const identity = stored && options.kind === 'export' ? portableIdentity(stored) : stored;
  return {
    format: stationDataFormat,
    formatVersion: stationDataFormatVersion,
    kind: options.kind,
    stationId: identity?.stationId ?? null,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    schemaVersions: { ...schemaVersions },
    counts,
    checksum: await sha256Hex(JSON.stringify(collections)),
    stationIdentity: identity,
    collections: collections as SnapshotCollections,
  };
}

export async function serializeStationData(file: StationDataFile): Promise<string> {
  return JSON.stringify(file);
}

/** The file to save: `联络站数据-<station>-<date>.lsdata`. */
export async function exportStationData(
  db: LiaisonDatabase,
  now: () => Date = () => new Date(),
): Promise<{ fileName: string; data: string; counts: CollectionCounts }> {
  const file = await buildStationSnapshot(db, { kind: 'export', now });
  const stamp = file.exportedAt.slice(0, 10);
  return {
    fileName: `联络站数据-${file.stationId ?? '未注册'}-${stamp}.${stationDataExtension}`,
    data: await serializeStationData(file),
    counts: file.counts,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Migrates a stored document from `fromVersion` to the current schema with the shared migration strategies. */
function migrate(name: SyncedCollection, doc: unknown, fromVersion: number): unknown {
  const definition = collectionDefinitions[name];
  let current = doc;
  for (let v = fromVersion + 1; v <= definition.schema.version; v++) {
    const step = definition.migrationStrategies[v];
    if (!step) throw new Error(`no migration to ${name} v${v}`);
    current = step(current as never);
  }
  return current;
}

/**
 * Parses and checks a station data file completely before anything is written: JSON, format, version, checksum,
 * and every document against its schema (older schema versions are migrated first). Refusals are DomainErrors.
 */
export async function parseStationData(bytes: Uint8Array | string): Promise<StationDataFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse(
      'file_not_json',
      '该文件不是联络站数据文件(无法读取)，请选择以 .lsdata 结尾的导出文件',
      'Not a JSON file',
    );
  }
  if (!isRecord(parsed) || parsed.format !== stationDataFormat) {
    throw refuse(
      'file_wrong_format',
      '该文件不是联络站数据文件，请选择由“导出全部数据”生成的 .lsdata 文件',
      'Not a liaison station data file',
    );
  }
  if (typeof parsed.formatVersion !== 'number' || parsed.formatVersion > stationDataFormatVersion) {
    throw refuse(
      'file_newer_version',
      '该文件由更新版本的程序导出，请先将本程序升级到最新版本后再导入',
      `Format version ${String(parsed.formatVersion)} is newer than ${stationDataFormatVersion}`,
    );
  }
  const collections = parsed.collections;
  const versions = parsed.schemaVersions;
  if (!isRecord(collections) || !isRecord(versions) || typeof parsed.checksum !== 'string') {
    throw refuse('file_wrong_format', '该文件内容不完整，请重新导出后再导入', 'Missing collections or checksum');
  }
  if ((await sha256Hex(JSON.stringify(collections))) !== parsed.checksum) {
    throw refuse(
      'file_checksum_mismatch',
      '文件内容已损坏或被修改(校验不符)，未导入任何数据，请使用原始导出文件',
      'Checksum mismatch',
    );
  }
  const checked = {} as Record<SyncedCollection, unknown[]>;
  for (const name of syncedCollections) {
    const docs = collections[name] ?? [];
    const version = versions[name] ?? collectionDefinitions[name].schema.version;
    if (!Array.isArray(docs) || typeof version !== 'number') {
      throw refuse('file_wrong_format', '该文件内容不完整，请重新导出后再导入', `Bad collection ${name}`);
    }
    if (version > collectionDefinitions[name].schema.version) {
      throw refuse(
        'file_newer_version',
        '该文件由更新版本的程序导出，请先将本程序升级到最新版本后再导入',
        `${name} schema v${version} is newer than this app`,
      );
    }
    checked[name] = docs.map((doc, index) => {
      let current: unknown;
      try {
        current = migrate(name, doc, version);
      } catch {
        current = doc;
      }
      const result = validateDocument(name, current);
      if (!result.valid) {
        const first = result.errors[0];
        throw new DomainError({
          code: 'file_invalid_record',
          message: `文件中第${index + 1}条${collectionDefinitions[name].schema.description ?? name}记录不符合要求(${first?.message ?? '格式错误'})，未导入任何数据`,
          messageEn: `${name}[${index}] is invalid: ${first?.messageEn ?? 'invalid'}`,
          ...(first?.field ? { field: first.field } : {}),
        });
      }
      return current;
    });
  }
  const counts = zeroCounts();
  for (const name of syncedCollections) counts[name] = checked[name].length;
  const identity = parsed.stationIdentity;
  return {
    format: stationDataFormat,
    formatVersion: parsed.formatVersion,
    kind: parsed.kind === 'backup' ? 'backup' : 'export',
    stationId: typeof parsed.stationId === 'string' ? parsed.stationId : null,
    exportedAt: typeof parsed.exportedAt === 'string' ? parsed.exportedAt : '',
    schemaVersions: { ...schemaVersions },
    counts,
    checksum: parsed.checksum,
    stationIdentity: identityOf(identity, parsed.kind === 'backup'),
    collections: checked as SnapshotCollections,
  };
}

/** The file's station identity, keeping only known fields of the right type (a file is outside data). */
function identityOf(value: unknown, withClerk: boolean): StationIdentity | null {
  if (!isRecord(value) || typeof value.stationId !== 'string' || typeof value.countyId !== 'string') return null;
  const identity: StationIdentity = { stationId: value.stationId, countyId: value.countyId };
  const keys = ['stationName', 'countyName', 'countyShortName', 'stationShortName', 'deviceCode'] as const;
  for (const key of withClerk ? [...keys, 'clerkName' as const] : keys) {
    const field = value[key];
    if (typeof field === 'string') identity[key] = field;
  }
  if (value.mode === 'training' || value.mode === 'enrolled') identity.mode = value.mode;
  return identity;
}

/** How many station records (not reference data) the app holds. */
export async function countStationRecords(db: LiaisonDatabase): Promise<number> {
  let total = 0;
  for (const name of stationCollections) total += await collectionOf(db, name).count().exec();
  return total;
}

/**
 * Writes a checked file into the database. All documents were validated by parseStationData; if a write still
 * fails, the documents written by this call are removed again so the app is as before.
 */
export async function restoreStationData(
  db: LiaisonDatabase,
  file: StationDataFile,
  mode: RestoreMode,
): Promise<RestoreSummary> {
  if (mode === 'emptyOnly' && (await countStationRecords(db)) > 0) {
    throw refuse(
      'app_not_empty',
      '本机已有联络站数据，只能导入到空白的程序中；如需恢复，请先在新安装的程序中导入',
      'The app already holds station records',
    );
  }
  const restored = zeroCounts();
  const undo: { name: SyncedCollection; id: string; previous: unknown | null }[] = [];
  try {
    for (const name of [...referenceCollections, ...stationCollections] as SyncedCollection[]) {
      const collection = collectionOf(db, name);
      const docs = file.collections[name] as unknown as { id: string; updatedAt: string }[];
      if (docs.length === 0) continue;
      const existing = await collection.findByIds(docs.map((d) => d.id)).exec();
      const toWrite = docs.filter((d) => {
        const current = existing.get(d.id);
        return !current || (mode === 'newerWins' && d.updatedAt > (current.get('updatedAt') as string));
      });
      if (toWrite.length === 0) continue;
      for (const d of toWrite) {
        const current = existing.get(d.id);
        undo.push({ name, id: d.id, previous: current ? current.toMutableJSON(false) : null });
      }
      const result = await collection.bulkUpsert(toWrite as never[]);
      if (result.error.length > 0) {
        throw refuse('restore_write_failed', '写入数据时出错，已撤销本次导入，请重试', `${name}: write failed`);
      }
      restored[name] = toWrite.length;
    }
    if (file.stationIdentity && !(await getLocalSetting(db, 'station-identity'))) {
      // The station comes back. From an export the clerk of this PC is asked for a name (first run's last step);
      // this PC's own backup brings its clerk back too.
      const identity = file.kind === 'backup' ? file.stationIdentity : portableIdentity(file.stationIdentity);
      await setLocalSetting(db, 'station-identity', identity);
    }
  } catch (error) {
    for (const entry of undo.reverse()) {
      const collection = collectionOf(db, entry.name);
      if (entry.previous) await collection.upsert(entry.previous as never).catch(() => undefined);
      else await (await collection.findOne(entry.id).exec())?.remove().catch(() => undefined);
    }
    throw error;
  }
  return { restored, createdAt: file.exportedAt, stationId: file.stationId };
}

/** Restores an exported file into an empty app: all or nothing, refusals as DomainError with a Chinese message. */
export async function importStationData(db: LiaisonDatabase, bytes: Uint8Array | string): Promise<RestoreSummary> {
  const file = await parseStationData(bytes);
  return restoreStationData(db, file, 'emptyOnly');
}
