// Encrypted backups of local data in <userData>/backups: the newest state plus one snapshot per day (30 kept).
// IndexedDB is never the only copy of unsynced work (electron/electron#38616): the renderer writes here.
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo } from '../../src-shared/host/host-api';
import { writeFileAtomic } from '../atomic-file';
import { HostError } from '../host-error';
import type { BackupCipher } from './backup-cipher';

export const backupExtension = '.lsbak';
export const dailySnapshotsKept = 30;
/** Larger snapshots are refused: IPC and memory would suffer long before that. */
export const maxSnapshotBytes = 256 * 1024 * 1024;

const magic = Buffer.from('LSBK', 'ascii');
const formatVersion = 1;
// magic (4) + version (1) + header length (4), then the header JSON, then the sealed body.
const prefixLength = magic.length + 1 + 4;
const maxHeaderLength = 4096;
const latestId = 'latest';
const backupIdPattern = /^(latest|daily-\d{4}-\d{2}-\d{2})$/;
/** What writeFileAtomic leaves behind when the machine stops mid-write: `<id>.lsbak.<hex>.tmp`. */
const tempBackupPattern = /^(latest|daily-\d{4}-\d{2}-\d{2})\.lsbak\.[0-9a-f]+\.tmp$/;

interface BackupHeader {
  createdAt: string;
}

export interface BackupStoreOptions {
  directory: string;
  cipher: BackupCipher;
  /** Injected clock so rotation is testable. */
  now?: () => Date;
}

export interface BackupContent {
  info: BackupInfo;
  snapshot: string;
}

export interface BackupStore {
  /** Writes `latest` and today's daily snapshot, atomically and encrypted, then drops dailies beyond 30. */
  write(snapshot: string): Promise<BackupInfo>;
  /** Newest first: `latest`, then the dailies by date. Reads only the unencrypted file headers. */
  list(): Promise<BackupInfo[]>;
  /** The newest backup (latest, else the newest daily), or one by id; null when none exists. */
  read(id?: string): Promise<BackupContent | null>;
  /**
   * Deletes every backup (and half-written temporary backup) in the folder, after any write in progress; other files
   * (the backup key) stay. Returns how many backups were removed. Used when the clerk wipes this PC.
   */
  deleteAll(): Promise<number>;
}

export function isBackupId(id: string): boolean {
  return backupIdPattern.test(id);
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const { directory, cipher } = options;
  const now = options.now ?? (() => new Date());
  // Writes are serialized so two quick saves never interleave their renames.
  let queue: Promise<unknown> = Promise.resolve();

  const fileOf = (id: string) => path.join(directory, `${id}${backupExtension}`);

  async function writeOne(id: string, sealedFile: Buffer): Promise<BackupInfo> {
    await writeFileAtomic(fileOf(id), sealedFile);
    return infoOf(id, (await stat(fileOf(id))).size, readHeaderOf(sealedFile, id).createdAt);
  }

  async function rotate(): Promise<void> {
    const dailies = (await ids()).filter((id) => id !== latestId).sort((a, b) => b.localeCompare(a));
    for (const id of dailies.slice(dailySnapshotsKept)) await rm(fileOf(id), { force: true });
  }

  async function ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith(backupExtension))
      .map((name) => name.slice(0, -backupExtension.length))
      .filter(isBackupId);
  }

  async function write(snapshot: string): Promise<BackupInfo> {
    assertSnapshot(snapshot);
    const createdAt = now();
    const sealedFile = seal(cipher, snapshot, { createdAt: createdAt.toISOString() });
    // The daily file first: if the machine stops in between, `latest` still holds the previous good state.
    await writeOne(`daily-${localDate(createdAt)}`, sealedFile);
    const latest = await writeOne(latestId, sealedFile);
    await rotate();
    return latest;
  }

  async function list(): Promise<BackupInfo[]> {
    const result: BackupInfo[] = [];
    for (const id of await ids()) {
      const file = fileOf(id);
      try {
        const header = readHeaderOf(await readPrefix(file), id);
        result.push(infoOf(id, (await stat(file)).size, header.createdAt));
      } catch {
        // A damaged file is not offered for restore; read(id) explains why if asked for it by name.
      }
    }
    return result.sort(newestFirst);
  }

  async function read(id?: string): Promise<BackupContent | null> {
    if (id !== undefined && !isBackupId(id)) {
      throw new HostError('backup_not_found', `没有编号为“${id.slice(0, 40)}”的备份，请在设置中重新选择。`);
    }
    const existing = await ids();
    const chosen =
      id ?? (existing.includes(latestId) ? latestId : (existing.sort((a, b) => b.localeCompare(a))[0] ?? null));
    if (chosen === null) return null;
    let data: Buffer;
    try {
      data = await readFile(fileOf(chosen));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        if (id === undefined) return null;
        throw new HostError('backup_not_found', `备份“${chosen}”不存在，请在设置中重新选择。`);
      }
      throw error;
    }
    const { header, snapshot } = unseal(cipher, data, chosen);
    return { info: infoOf(chosen, data.length, header.createdAt), snapshot };
  }

  async function deleteAll(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      // Only names this store writes: never a path, never another file of the folder.
      const isBackup = name.endsWith(backupExtension) && isBackupId(name.slice(0, -backupExtension.length));
      if (!isBackup && !tempBackupPattern.test(name)) continue;
      await rm(path.join(directory, name), { force: true });
      if (isBackup) removed++;
    }
    return removed;
  }

  /** Writes and deletions run one after another, so a write in progress can never land after a deletion. */
  function queued<T>(run: () => Promise<T>): Promise<T> {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    write: (snapshot) => queued(() => write(snapshot)),
    list,
    read,
    deleteAll: () => queued(deleteAll),
  };
}

function assertSnapshot(snapshot: string): void {
  if (Buffer.byteLength(snapshot, 'utf8') > maxSnapshotBytes) {
    throw new HostError('backup_too_large', '本地数据过大，无法写入备份，请尽快同步到县级服务器并联系县人大常委会。');
  }
  try {
    JSON.parse(snapshot);
  } catch {
    // Refusing here means a broken snapshot can never replace a good backup.
    throw new HostError('backup_snapshot_invalid', '备份内容不是有效的数据快照，已保留原有备份；请重启程序后再试。');
  }
}

function seal(cipher: BackupCipher, snapshot: string, header: BackupHeader): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(prefixLength);
  magic.copy(prefix, 0);
  prefix.writeUInt8(formatVersion, magic.length);
  prefix.writeUInt32BE(headerBytes.length, magic.length + 1);
  const associated = Buffer.concat([prefix, headerBytes]);
  return Buffer.concat([associated, cipher.encrypt(Buffer.from(snapshot, 'utf8'), associated)]);
}

function corrupt(id: string, why: string): HostError {
  return new HostError(
    'backup_corrupt',
    `备份“${id}”已损坏或无法解密（${why}），未做任何恢复；请在设置中选择另一个备份。`,
  );
}

function readHeaderOf(data: Buffer, id: string): BackupHeader & { end: number } {
  if (data.length < prefixLength || !data.subarray(0, magic.length).equals(magic)) {
    throw corrupt(id, '不是联络站备份文件');
  }
  if (data.readUInt8(magic.length) !== formatVersion) throw corrupt(id, '备份格式版本不受支持');
  const headerLength = data.readUInt32BE(magic.length + 1);
  const end = prefixLength + headerLength;
  if (headerLength > maxHeaderLength || data.length < end) throw corrupt(id, '文件不完整');
  let header: unknown;
  try {
    header = JSON.parse(data.subarray(prefixLength, end).toString('utf8'));
  } catch {
    throw corrupt(id, '文件头无法读取');
  }
  const createdAt = (header as { createdAt?: unknown } | null)?.createdAt;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw corrupt(id, '文件头无法读取');
  return { createdAt, end };
}

function unseal(cipher: BackupCipher, data: Buffer, id: string): { header: BackupHeader; snapshot: string } {
  const header = readHeaderOf(data, id);
  let plain: Buffer;
  try {
    plain = cipher.decrypt(data.subarray(header.end), data.subarray(0, header.end));
  } catch {
    throw corrupt(id, '解密失败，文件可能被改动或来自另一台电脑');
  }
  const snapshot = plain.toString('utf8');
  try {
    JSON.parse(snapshot);
  } catch {
    throw corrupt(id, '内容不是有效的数据快照');
  }
  return { header: { createdAt: header.createdAt }, snapshot };
}

async function readPrefix(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(prefixLength + maxHeaderLength);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function infoOf(id: string, sizeBytes: number, createdAt: string): BackupInfo {
  return { id, kind: id === latestId ? 'latest' : 'daily', createdAt, sizeBytes };
}

function newestFirst(a: BackupInfo, b: BackupInfo): number {
  if (a.kind !== b.kind) return a.kind === 'latest' ? -1 : 1;
  return b.id.localeCompare(a.id);
}

/** The station's calendar day (local time), which names the daily snapshot. */
function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
