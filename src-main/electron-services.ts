// The Electron-backed services the host handlers need: safeStorage, dialogs, printing, facts for diagnostics.
import os from 'node:os';
import path from 'node:path';
import { type App, type BrowserWindow, dialog, type SaveDialogOptions, safeStorage } from 'electron';
import type { StringProtector } from './backup/backup-cipher';
import { createAesGcmCipher, loadOrCreateBackupKey } from './backup/backup-cipher';
import { type BackupStore, createBackupStore } from './backup/backup-store';
import type { DiagnosticsFacts } from './diagnostics/diagnostics-bundle';
import { HostError, toHostErrorInfo } from './host-error';
import type { HostDialogs } from './ipc/host-handlers';
import { readProvisioning } from './provisioning/provisioning';

/** safeStorage (DPAPI on Windows, the keyring on Linux) as the protector of secrets and the backup key. */
export const safeStorageProtector: StringProtector = {
  async encryptString(plain) {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new HostError(
        'secret_storage_unavailable',
        '本机无法加密保存数据（系统密钥服务不可用），请联系实施人员检查系统设置。',
      );
    }
    return safeStorage.encryptStringAsync(plain);
  },
  async decryptString(sealed) {
    return (await safeStorage.decryptStringAsync(sealed)).result;
  },
};

/** The backup store, created on first use (the key needs safeStorage, which needs `ready`); retried after a failure. */
export function lazyBackupStore(directory: string): BackupStore {
  let store: Promise<BackupStore> | null = null;
  const get = () => {
    store ??= loadOrCreateBackupKey(path.join(directory, 'backup.key'), safeStorageProtector).then((key) =>
      createBackupStore({ directory, cipher: createAesGcmCipher(key) }),
    );
    store.catch(() => {
      store = null;
    });
    return store;
  };
  return {
    write: async (snapshot) => (await get()).write(snapshot),
    list: async () => (await get()).list(),
    read: async (id) => (await get()).read(id),
    deleteAll: async () => (await get()).deleteAll(),
  };
}

export function electronDialogs(app: App, mainWindow: () => BrowserWindow | null): HostDialogs {
  return {
    async chooseSaveLocation({ suggestedName, extension }) {
      const options: SaveDialogOptions = {
        title: '保存',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: `${extension.toUpperCase()} 文件`, extensions: [extension] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = mainWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile({ title, extensions }) {
      const options = {
        title,
        defaultPath: app.getPath('documents'),
        filters: [{ name: extensions.map((extension) => `.${extension}`).join(' '), extensions }],
        properties: ['openFile' as const],
      };
      const window = mainWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

export async function printWindowToPdf(window: BrowserWindow | null): Promise<Uint8Array> {
  if (!window || window.isDestroyed())
    throw new HostError('print_no_window', '没有可打印的页面，请重新打开程序后再试。');
  const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  return new Uint8Array(pdf);
}

export async function collectDiagnosticsFacts(app: App, provisioningFile: string): Promise<DiagnosticsFacts> {
  let provisioning: DiagnosticsFacts['provisioning'];
  try {
    const found = await readProvisioning(provisioningFile);
    // Only the server's address: the enrolment code is a secret.
    provisioning = found ? { present: true, serverUrl: new URL(found.serverUrl).origin } : { present: false };
  } catch (error) {
    provisioning = { present: true, error: toHostErrorInfo(error).code };
  }
  return {
    appVersion: app.getVersion(),
    electronVersion: process.versions.electron,
    chromeVersion: process.versions.chrome,
    nodeVersion: process.versions.node,
    platform: process.platform,
    osRelease: os.release(),
    arch: process.arch,
    locale: app.getLocale(),
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(os.freemem() / 2 ** 20),
    provisioning,
    ...(process.platform === 'linux' ? { safeStorageBackend: safeStorage.getSelectedStorageBackend() } : {}),
  };
}
