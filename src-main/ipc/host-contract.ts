// The IPC contract of the host bridge: one channel and one argument validator per HostApi method.
// The preload, the main-process handlers and the tests all derive from this object; adding a capability is one edit
// to src-shared/host/host-api.ts plus one entry here (the `satisfies` clause fails until both agree).
import type { HostApi, LogLevel, SecretName } from '../../src-shared/host/host-api';
import { HostError } from '../host-error';

export type HostMethod = keyof HostApi;
type ArgsOf<M extends HostMethod> = Parameters<HostApi[M]>;

export interface ContractEntry<A extends unknown[]> {
  channel: string;
  /** Checks what the renderer sent and returns it typed; throws `invalid_argument` otherwise. */
  validate: (args: readonly unknown[]) => A;
}

export const secretNames: readonly SecretName[] = ['syncToken', 'dbKey'];
export const logLevels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
/** File types the renderer may save or open (backups, exports, reports, photos). */
export const allowedExtensions: readonly string[] = [
  'lsbak',
  'json',
  'xlsx',
  'csv',
  'pdf',
  'txt',
  'docx',
  'jpg',
  'jpeg',
  'png',
];
export const maxFileBytes = 200 * 1024 * 1024;
export const maxSnapshotChars = 256 * 1024 * 1024;
const maxReportChars = 1024 * 1024;
const maxLogFieldChars = 64 * 1024;

function invalid(what: string): HostError {
  return new HostError(
    'invalid_argument',
    `程序内部请求的参数不正确（${what}），请重试；若仍失败，请导出诊断信息并联系县人大常委会。`,
  );
}

function count(args: readonly unknown[], min: number, max: number, method: string): void {
  if (args.length < min || args.length > max) throw invalid(`${method} 参数个数`);
}

function plainObject(value: unknown, what: string, allowedKeys?: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw invalid(`${what} 应为对象`);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw invalid(`${what} 应为普通对象`);
  if (allowedKeys) {
    const extra = Object.keys(value).filter((key) => !allowedKeys.includes(key));
    if (extra.length > 0) throw invalid(`${what} 含有多余字段 ${extra.join(',')}`);
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max)
    throw invalid(`${what} 应为 ${min}–${max} 个字符`);
  return value;
}

function secretName(value: unknown): SecretName {
  if (!secretNames.includes(value as SecretName)) throw invalid('密钥名称');
  return value as SecretName;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** A bare file name the dialog proposes: no folders, no characters Windows forbids, an allowed extension. */
function fileName(value: unknown, what: string, extensions: readonly string[] = allowedExtensions): string {
  const name = text(value, what, 1, 200);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(name) || /^\.+$/.test(name.replace(/\.[^.]*$/, '')) || name.trim() !== name) {
    throw invalid(`${what} 含有不允许的字符`);
  }
  if (!extensions.includes(extensionOf(name))) throw invalid(`${what} 的扩展名`);
  return name;
}

function jsonSized(value: unknown, what: string, maxChars: number): void {
  let serialized: string | undefined;
  try {
    serialized = JSON.stringify(value);
  } catch {
    throw invalid(`${what} 无法序列化`);
  }
  if (serialized === undefined || serialized.length > maxChars) throw invalid(`${what} 过大`);
}

function entry<A extends unknown[]>(channel: string, validate: (args: readonly unknown[]) => A): ContractEntry<A> {
  return { channel, validate };
}

const none =
  (method: string) =>
  (args: readonly unknown[]): [] => {
    count(args, 0, 0, method);
    return [];
  };

export const hostContract = {
  appInfo: entry('host:app-info', none('appInfo')),
  getSecret: entry('host:get-secret', (args): ArgsOf<'getSecret'> => {
    count(args, 1, 1, 'getSecret');
    return [secretName(args[0])];
  }),
  setSecret: entry('host:set-secret', (args): ArgsOf<'setSecret'> => {
    count(args, 2, 2, 'setSecret');
    return [secretName(args[0]), text(args[1], '密钥', 1, 8192)];
  }),
  deleteSecret: entry('host:delete-secret', (args): ArgsOf<'deleteSecret'> => {
    count(args, 1, 1, 'deleteSecret');
    return [secretName(args[0])];
  }),
  saveFile: entry('host:save-file', (args): ArgsOf<'saveFile'> => {
    count(args, 1, 1, 'saveFile');
    const request = plainObject(args[0], '保存请求', ['suggestedName', 'mimeType', 'data']);
    const mimeType = text(request.mimeType, '文件类型', 3, 100);
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(mimeType)) throw invalid('文件类型');
    const { data } = request;
    if (typeof data === 'string') {
      if (data.length > maxFileBytes) throw invalid('文件过大');
    } else if (data instanceof Uint8Array) {
      if (data.byteLength > maxFileBytes) throw invalid('文件过大');
    } else {
      throw invalid('文件内容');
    }
    return [{ suggestedName: fileName(request.suggestedName, '文件名'), mimeType, data }];
  }),
  openFile: entry('host:open-file', (args): ArgsOf<'openFile'> => {
    count(args, 1, 1, 'openFile');
    const request = plainObject(args[0], '打开请求', ['title', 'extensions']);
    const { extensions, title } = request;
    if (!Array.isArray(extensions) || extensions.length < 1 || extensions.length > allowedExtensions.length) {
      throw invalid('扩展名列表');
    }
    for (const extension of extensions) {
      if (typeof extension !== 'string' || !allowedExtensions.includes(extension)) throw invalid('扩展名');
    }
    const result: ArgsOf<'openFile'>[0] = { extensions: [...(extensions as string[])] };
    if (title !== undefined) result.title = text(title, '标题', 1, 100);
    return [result];
  }),
  printToPdf: entry('host:print-to-pdf', (args): ArgsOf<'printToPdf'> => {
    count(args, 1, 1, 'printToPdf');
    const request = plainObject(args[0], '打印请求', ['suggestedName']);
    return [{ suggestedName: fileName(request.suggestedName, '文件名', ['pdf']) }];
  }),
  writeBackup: entry('host:write-backup', (args): ArgsOf<'writeBackup'> => {
    count(args, 1, 1, 'writeBackup');
    return [text(args[0], '备份内容', 2, maxSnapshotChars)];
  }),
  listBackups: entry('host:list-backups', none('listBackups')),
  readBackup: entry('host:read-backup', (args): ArgsOf<'readBackup'> => {
    count(args, 0, 1, 'readBackup');
    const id = args[0];
    if (id === undefined) return [];
    if (typeof id !== 'string' || !/^(latest|daily-\d{4}-\d{2}-\d{2})$/.test(id)) throw invalid('备份编号');
    return [id];
  }),
  deleteBackups: entry('host:delete-backups', none('deleteBackups')),
  readProvisioning: entry('host:read-provisioning', none('readProvisioning')),
  exportDiagnostics: entry('host:export-diagnostics', (args): ArgsOf<'exportDiagnostics'> => {
    count(args, 1, 1, 'exportDiagnostics');
    const report = plainObject(args[0], '诊断报告');
    jsonSized(report, '诊断报告', maxReportChars);
    return [report];
  }),
  log: entry('host:log', (args): ArgsOf<'log'> => {
    count(args, 2, 3, 'log');
    if (!logLevels.includes(args[0] as LogLevel)) throw invalid('日志级别');
    const message = text(args[1], '日志内容', 1, 4000);
    if (args[2] === undefined) return [args[0] as LogLevel, message];
    const fields = plainObject(args[2], '日志字段');
    jsonSized(fields, '日志字段', maxLogFieldChars);
    return [args[0] as LogLevel, message, fields];
  }),
} satisfies { [M in HostMethod]: ContractEntry<ArgsOf<M>> };

/** The methods window.host offers, in contract order. */
export const hostMethods = Object.keys(hostContract) as HostMethod[];

/** What crosses IPC: handlers never throw across it, so the code and Chinese message survive (see host-bridge.ts). */
export type HostEnvelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
