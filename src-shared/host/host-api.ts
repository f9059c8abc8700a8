// The host bridge: everything the renderer may ask of the operating system, as one typed contract.
// Electron implements it over IPC (src-main/ipc, exposed by the preload); the browser build implements it
// with web APIs (src-renderer/platform). Components never call it directly: they use src-renderer/platform.

export type SecretName = 'syncToken' | 'dbKey';

export interface AppInfo {
  /** The app's version (package.json). */
  version: string;
  /** 'desktop' inside Electron, 'browser' when served to a browser. */
  host: 'desktop' | 'browser';
  platform: string;
}

export interface SaveFileRequest {
  suggestedName: string;
  mimeType: string;
  /** Text or bytes to write. */
  data: string | Uint8Array;
}

export interface OpenFileRequest {
  title?: string;
  /** Extensions without the dot, e.g. ['lsbak', 'json']. */
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface SaveResult {
  saved: boolean;
  /** Where it was written, when the host knows (a path on the desktop). */
  location?: string;
}

export interface PrintToPdfRequest {
  suggestedName: string;
}

/** Backups of local data kept outside the Chromium profile (see DESIGN.md: IndexedDB is never the only copy). */
export interface BackupInfo {
  id: string;
  /** 'latest' is the newest state; 'daily' are the rotated daily snapshots (30 kept). */
  kind: 'latest' | 'daily';
  createdAt: string;
  sizeBytes: number;
}

/** Placed by installers in the machine-wide data folder (%ProgramData% on Windows). */
export interface Provisioning {
  serverUrl: string;
  enrolmentCode: string;
  deviceName?: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface HostApi {
  appInfo(): Promise<AppInfo>;
  getSecret(name: SecretName): Promise<string | null>;
  setSecret(name: SecretName, value: string): Promise<void>;
  deleteSecret(name: SecretName): Promise<void>;
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Prints the current page to a PDF (A4) and saves it. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  /** Writes the newest state of local data (a JSON snapshot); the host encrypts and rotates it. */
  writeBackup(snapshot: string): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  /** Reads a backup (the newest when no id is given); null when there is none. */
  readBackup(id?: string): Promise<string | null>;
  /**
   * Deletes every backup of local data (after a backup write in progress); answers how many were removed.
   * Used when the clerk wipes this PC, so that no copy of the wiped data stays behind.
   */
  deleteBackups(): Promise<number>;
  readProvisioning(): Promise<Provisioning | null>;
  /** Saves a support bundle; the host adds its own logs and facts. Must contain no personal data. */
  exportDiagnostics(rendererReport: Record<string, unknown>): Promise<SaveResult>;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): Promise<void>;
}

/** A refusal by the host: a stable code (logs, tests) and a Chinese message for the clerk (what to do next). */
export interface HostErrorInfo {
  code: string;
  message: string;
}

/** Errors cross the Electron bridge as `[code] message` (custom Error properties do not survive contextBridge). */
export function formatHostError(info: HostErrorInfo): string {
  return `[${info.code}] ${info.message}`;
}

/** Reads the code and message back from an error thrown by `window.host`; null when it is not a host refusal. */
export function parseHostError(error: unknown): HostErrorInfo | null {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = /\[([a-z][a-z0-9_]*)\] ([\s\S]*)$/.exec(text);
  return match ? { code: match[1]!, message: match[2]! } : null;
}
