// The main process's implementation of HostApi, from injected services (so it runs under vitest without Electron).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppInfo, HostApi } from '../../src-shared/host/host-api';
import { writeFileAtomic } from '../atomic-file';
import type { BackupStore } from '../backup/backup-store';
import { buildDiagnosticsBundle, type DiagnosticsFacts, diagnosticsFileName } from '../diagnostics/diagnostics-bundle';
import { HostError } from '../host-error';
import type { Logger } from '../logging/rotating-logger';
import { readProvisioning } from '../provisioning/provisioning';
import type { SecretStore } from '../secrets/secret-store';
import { extensionOf, maxFileBytes } from './host-contract';

export interface HostDialogs {
  /** Asks where to save; null when the clerk cancels. */
  chooseSaveLocation(request: { suggestedName: string; extension: string }): Promise<string | null>;
  /** Asks which file to open; null when the clerk cancels. */
  chooseOpenFile(request: { title: string; extensions: string[] }): Promise<string | null>;
}

export interface HostServices {
  appInfo: AppInfo;
  secrets: SecretStore;
  backups: BackupStore;
  logger: Logger;
  provisioningFile: string;
  dialogs: HostDialogs;
  /** The main window's page as an A4 PDF. */
  printCurrentPage(): Promise<Uint8Array>;
  diagnosticsFacts(): Promise<DiagnosticsFacts>;
  now?: () => Date;
}

async function writeChosen(location: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(location, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new HostError(
      'file_write_failed',
      `无法写入 ${path.basename(location)}（${code}），请换一个位置（如“文档”文件夹）再保存。`,
    );
  }
}

export function createHostHandlers(services: HostServices): HostApi {
  const now = services.now ?? (() => new Date());
  const { dialogs, logger } = services;

  async function saveTo(suggestedName: string, data: string | Uint8Array) {
    const location = await dialogs.chooseSaveLocation({ suggestedName, extension: extensionOf(suggestedName) });
    if (location === null) return { saved: false };
    await writeChosen(location, data);
    logger.log('info', 'file saved', {
      extension: extensionOf(location),
      bytes: typeof data === 'string' ? data.length : data.byteLength,
    });
    return { saved: true, location };
  }

  return {
    appInfo: async () => ({ ...services.appInfo }),
    getSecret: (name) => services.secrets.get(name),
    setSecret: (name, value) => services.secrets.set(name, value),
    deleteSecret: (name) => services.secrets.delete(name),
    saveFile: (request) => saveTo(request.suggestedName, request.data),
    async openFile(request) {
      const location = await dialogs.chooseOpenFile({
        title: request.title ?? '打开文件',
        extensions: request.extensions,
      });
      if (location === null) return null;
      // The dialog lets the clerk type any name: check the type and size again.
      if (!request.extensions.includes(extensionOf(location))) {
        throw new HostError(
          'file_type_refused',
          `只能打开 ${request.extensions.map((e) => `.${e}`).join('、')} 文件，请重新选择。`,
        );
      }
      const info = await stat(location);
      if (!info.isFile() || info.size > maxFileBytes) {
        throw new HostError('file_too_large', '所选文件过大或不是普通文件，请重新选择。');
      }
      return { name: path.basename(location), data: new Uint8Array(await readFile(location)) };
    },
    async printToPdf(request) {
      const pdf = await services.printCurrentPage();
      return saveTo(request.suggestedName, pdf);
    },
    writeBackup: (snapshot) => services.backups.write(snapshot),
    listBackups: () => services.backups.list(),
    async readBackup(id) {
      const content = await services.backups.read(id);
      if (content) logger.log('info', 'backup read', { id: content.info.id, createdAt: content.info.createdAt });
      return content?.snapshot ?? null;
    },
    async deleteBackups() {
      const removed = await services.backups.deleteAll();
      logger.log('warn', 'backups deleted', { removed });
      return removed;
    },
    readProvisioning: () => readProvisioning(services.provisioningFile),
    async exportDiagnostics(rendererReport) {
      const at = now();
      const bundle = buildDiagnosticsBundle({
        facts: await services.diagnosticsFacts(),
        logs: logger.readFiles(),
        backups: await services.backups.list(),
        rendererReport,
        now: at,
      });
      return saveTo(diagnosticsFileName(at), `${JSON.stringify(bundle, null, 2)}\n`);
    },
    async log(level, message, fields) {
      logger.log(level, `renderer: ${message}`, fields);
    },
  };
}
