// The host bridge in a plain browser (county staff, tests): web APIs only, no Node, no Electron.
import { version as appVersion } from '../../package.json';
import type {
  BackupInfo,
  HostApi,
  LogLevel,
  OpenedFile,
  OpenFileRequest,
  SaveFileRequest,
  SaveResult,
  SecretName,
} from '../../src-shared/host/host-api';
import {
  BackupCipherError,
  decryptBackup,
  encryptBackup,
  generateBackupKey,
  parseBackupEnvelope,
} from './backup-cipher';
import {
  backupIdOf,
  dailyBackupName,
  dailyBackupsToPrune,
  isDailyBackupName,
  latestBackupName,
} from './backup-rotation';

const secretPrefix = 'liaison.secret.';
const backupKeyStorageKey = 'liaison.backupKey';
/** OPFS folder: it lives beside IndexedDB but is a separate store, so it survives losing the database. */
const backupFolder = 'liaison-backups';

function download(name: string, mimeType: string, data: string | Uint8Array): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.extensions.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) {
        resolve(null);
        return;
      }
      file.arrayBuffer().then((buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }), reject);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

async function backupDirectory(): Promise<FileSystemDirectoryHandle> {
  if (!navigator.storage?.getDirectory) {
    throw new BackupCipherError('backup_unreadable', '此浏览器不支持本地备份，请使用最新版 Chrome 或 Edge');
  }
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(backupFolder, { create: true });
}

/** Names of the files in an OPFS folder (the DOM lib in use lacks the async-iterable typing). */
async function fileNames(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  const iterable = dir as unknown as { keys(): AsyncIterable<string> };
  for await (const name of iterable.keys()) names.push(name);
  return names;
}

async function writeText(dir: FileSystemDirectoryHandle, name: string, text: string): Promise<number> {
  const handle = await dir.getFileHandle(name, { create: true });
  // createWritable writes to a swap file and replaces the old one on close: a crash leaves the old file intact.
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
  return (await handle.getFile()).size;
}

async function readText(dir: FileSystemDirectoryHandle, name: string): Promise<string | null> {
  try {
    const handle = await dir.getFileHandle(name);
    return await (await handle.getFile()).text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw error;
  }
}

async function backupKey(create: boolean): Promise<string | null> {
  const existing = localStorage.getItem(backupKeyStorageKey);
  if (existing || !create) return existing;
  const key = await generateBackupKey();
  localStorage.setItem(backupKeyStorageKey, key);
  return key;
}

async function backupInfo(dir: FileSystemDirectoryHandle, name: string): Promise<BackupInfo | null> {
  const text = await readText(dir, name);
  if (text === null) return null;
  try {
    const envelope = parseBackupEnvelope(text);
    return {
      id: backupIdOf(name),
      kind: name === latestBackupName ? 'latest' : 'daily',
      createdAt: envelope.createdAt,
      sizeBytes: text.length,
    };
  } catch {
    return null;
  }
}

let backupQueue: Promise<unknown> = Promise.resolve();

/**
 * Backup writes and deletions run one at a time: across tabs through a Web Lock, within this page through a queue,
 * so a write that started before a wipe can never land after the wipe deleted the backups.
 */
function exclusiveBackupAccess<T>(run: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  const next = backupQueue.then(() => (locks ? locks.request('liaison-backups', run) : run()));
  backupQueue = next.catch(() => undefined);
  return next;
}

function isBackupFileName(name: string): boolean {
  return name === latestBackupName || isDailyBackupName(name);
}

function fileNameOfBackupId(id: string): string | null {
  const name = `${id}.lsbak`;
  return isBackupFileName(name) ? name : null;
}

export function createBrowserHost(): HostApi {
  return {
    async appInfo() {
      return { version: appVersion, host: 'browser', platform: navigator.userAgent };
    },
    async getSecret(name: SecretName) {
      return localStorage.getItem(secretPrefix + name);
    },
    async setSecret(name: SecretName, value: string) {
      localStorage.setItem(secretPrefix + name, value);
    },
    async deleteSecret(name: SecretName) {
      localStorage.removeItem(secretPrefix + name);
    },
    async saveFile(request: SaveFileRequest): Promise<SaveResult> {
      download(request.suggestedName, request.mimeType, request.data);
      return { saved: true };
    },
    openFile: pickFile,
    async printToPdf(): Promise<SaveResult> {
      // The browser's print dialog offers "保存为 PDF"; whether the user saved is not observable.
      window.print();
      return { saved: true };
    },
    writeBackup(snapshot: string): Promise<BackupInfo> {
      return exclusiveBackupAccess(async () => {
        const key = await backupKey(true);
        const now = new Date();
        const createdAt = now.toISOString();
        const text = await encryptBackup(snapshot, key ?? '', createdAt);
        const dir = await backupDirectory();
        const sizeBytes = await writeText(dir, latestBackupName, text);
        await writeText(dir, dailyBackupName(now), text);
        for (const old of dailyBackupsToPrune(await fileNames(dir))) await dir.removeEntry(old);
        return { id: backupIdOf(latestBackupName), kind: 'latest', createdAt, sizeBytes };
      });
    },
    deleteBackups(): Promise<number> {
      return exclusiveBackupAccess(async () => {
        const dir = await backupDirectory();
        let removed = 0;
        for (const name of await fileNames(dir)) {
          if (!isBackupFileName(name)) continue;
          await dir.removeEntry(name);
          removed++;
        }
        return removed;
      });
    },
    async listBackups(): Promise<BackupInfo[]> {
      const dir = await backupDirectory();
      const infos: BackupInfo[] = [];
      for (const name of await fileNames(dir)) {
        if (!isBackupFileName(name)) continue;
        const info = await backupInfo(dir, name);
        if (info) infos.push(info);
      }
      // Newest first, 'latest' before the daily snapshot of the same moment.
      return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.kind === 'latest' ? -1 : 1));
    },
    async readBackup(id?: string): Promise<string | null> {
      const name = id === undefined ? latestBackupName : fileNameOfBackupId(id);
      if (!name) return null;
      const dir = await backupDirectory();
      const text = await readText(dir, name);
      if (text === null) return null;
      const key = await backupKey(false);
      if (!key) throw new BackupCipherError('backup_key_missing', '找不到备份密钥，无法读取此浏览器中的备份');
      return decryptBackup(text, key);
    },
    async readProvisioning() {
      return null;
    },
    async exportDiagnostics(rendererReport: Record<string, unknown>): Promise<SaveResult> {
      const report = {
        generatedAt: new Date().toISOString(),
        host: 'browser',
        appVersion,
        userAgent: navigator.userAgent,
        renderer: rendererReport,
      };
      const stamp = report.generatedAt.slice(0, 10);
      download(`liaison-diagnostics-${stamp}.json`, 'application/json', JSON.stringify(report, null, 2));
      return { saved: true };
    },
    async log(level: LogLevel, message: string, fields?: Record<string, unknown>) {
      const line = fields ? [message, fields] : [message];
      if (level === 'error') console.error(...line);
      else if (level === 'warn') console.warn(...line);
      else if (level === 'info') console.info(...line);
      else console.debug(...line);
    },
  };
}
