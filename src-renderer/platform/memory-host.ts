// An in-memory host bridge for unit tests and harnesses: records what the app asked of the OS.
import type {
  BackupInfo,
  HostApi,
  OpenedFile,
  Provisioning,
  SaveFileRequest,
  SecretName,
} from '../../src-shared/host/host-api';

export interface MemoryHost extends HostApi {
  readonly secrets: Map<SecretName, string>;
  /** Every backup written, oldest first (the last one is 'latest'). */
  readonly backups: { info: BackupInfo; snapshot: string }[];
  readonly savedFiles: SaveFileRequest[];
  readonly logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  /** What the next openFile returns. */
  nextOpenedFile: OpenedFile | null;
  provisioning: Provisioning | null;
}

export function createMemoryHost(now: () => Date = () => new Date()): MemoryHost {
  const host: MemoryHost = {
    secrets: new Map(),
    backups: [],
    savedFiles: [],
    logs: [],
    nextOpenedFile: null,
    provisioning: null,
    async appInfo() {
      return { version: '0.0.0-test', host: 'browser', platform: 'test' };
    },
    async getSecret(name) {
      return host.secrets.get(name) ?? null;
    },
    async setSecret(name, value) {
      host.secrets.set(name, value);
    },
    async deleteSecret(name) {
      host.secrets.delete(name);
    },
    async saveFile(request) {
      host.savedFiles.push(request);
      return { saved: true, location: `memory://${request.suggestedName}` };
    },
    async openFile() {
      return host.nextOpenedFile;
    },
    async printToPdf() {
      return { saved: true };
    },
    async writeBackup(snapshot) {
      const info: BackupInfo = {
        id: `backup-${host.backups.length + 1}`,
        kind: 'latest',
        createdAt: now().toISOString(),
        sizeBytes: snapshot.length,
      };
      for (const b of host.backups) b.info = { ...b.info, kind: 'daily' };
      host.backups.push({ info, snapshot });
      return info;
    },
    async listBackups() {
      return host.backups.map((b) => b.info).reverse();
    },
    async readBackup(id) {
      const found = id === undefined ? host.backups.at(-1) : host.backups.find((b) => b.info.id === id);
      return found?.snapshot ?? null;
    },
    async deleteBackups() {
      return host.backups.splice(0).length;
    },
    async readProvisioning() {
      return host.provisioning;
    },
    async exportDiagnostics(report) {
      host.savedFiles.push({
        suggestedName: 'diagnostics.json',
        mimeType: 'application/json',
        data: JSON.stringify(report),
      });
      return { saved: true };
    },
    async log(level, message, fields) {
      host.logs.push(fields ? { level, message, fields } : { level, message });
    },
  };
  return host;
}
