// HTTP client of the sync server: adds the token and version headers, and turns every failure into a SyncError
// with a stable code and a Chinese message that tells the clerk what to do next.
import type { ErrorBody } from '../../src-shared/api/errors';
import { appVersionHeader, schemaVersionHeader } from '../../src-shared/api/sync-protocol';
import { DomainError } from '../../src-shared/common/domain-error';

/** Who is calling: a station (enrolment token, long-lived) or county staff (a session that expires). */
export type ClientRole = 'station' | 'county';

export interface SyncClientOptions {
  serverUrl: string;
  /** Bearer token; null before enrolment / sign-in. */
  token: string | null;
  appVersion: string;
  role: ClientRole;
  /** Injectable for tests and the bench. */
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned (a hung server must not stall the sync forever). */
  timeoutMs?: number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** The collection's schema version; the server answers 426 when it is too old. */
  schemaVersion?: number;
  query?: Record<string, string | number>;
  signal?: AbortSignal;
}

/** A field the server named when it refused a document: its path and, for validation errors, why. */
export interface RefusedField {
  field: string;
  message?: string;
}

/** The server refused one document of a push (400/403 with `row`/`id`): which one, and the fields at fault. */
export interface DocumentRefusal {
  /** Index of the document in the request's rows. */
  row: number | undefined;
  id: string | undefined;
  fields: RefusedField[];
}

/** A refused or failed sync request. `status` is 0 when the server was not reached at all. */
export class SyncError extends DomainError {
  readonly status: number;
  /** For 426: the schema version the server requires. */
  readonly requiredVersion: number | undefined;
  /** Set when a push was refused because of one document (not the connection, token or version). */
  readonly refusal: DocumentRefusal | undefined;

  constructor(init: {
    code: string;
    message: string;
    messageEn: string;
    status: number;
    requiredVersion?: number | undefined;
    refusal?: DocumentRefusal | undefined;
  }) {
    super({ code: init.code, message: init.message, messageEn: init.messageEn });
    this.name = 'SyncError';
    this.status = init.status;
    this.requiredVersion = init.requiredVersion;
    this.refusal = init.refusal;
  }

  /** Worth retrying by itself (network, server busy or down); the others need the clerk to act. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** The token is no longer accepted: the station must enrol again, county staff must sign in again. */
  get needsNewToken(): boolean {
    return this.status === 401 && (tokenRefusalCodes.has(this.code) || this.code === 'token_invalid');
  }
}

export function isSyncError(value: unknown): value is SyncError {
  return value instanceof SyncError;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.error === 'string' && typeof body.message === 'string';
}

/** The document a 400/403 names (`row` or `id`), with its fields; undefined when the refusal is not about one. */
function refusalOf(status: number, body: ErrorBody | null): DocumentRefusal | undefined {
  if (!body || (status !== 400 && status !== 403)) return undefined;
  const row = typeof body.row === 'number' && Number.isInteger(body.row) ? body.row : undefined;
  const id = typeof body.id === 'string' ? body.id : undefined;
  if (row === undefined && id === undefined) return undefined;
  const fields: RefusedField[] = [];
  for (const item of Array.isArray(body.fields) ? body.fields : []) {
    if (typeof item === 'string') fields.push({ field: item });
    else if (typeof item === 'object' && item !== null && typeof item.field === 'string') {
      fields.push(
        typeof item.message === 'string' ? { field: item.field, message: item.message } : { field: item.field },
      );
    }
  }
  return { row, id, fields };
}

/** A request that never reached the server (offline, wrong address, server down). */
export function networkError(cause: unknown): SyncError {
  const aborted = cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError');
  return aborted
    ? new SyncError({
        code: 'server_timeout',
        status: 0,
        message: '同步服务器长时间没有响应，请检查网络；恢复后本机会自动继续同步，已录入的数据不会丢失',
        messageEn: 'The sync server did not answer in time',
      })
    : new SyncError({
        code: 'network_unreachable',
        status: 0,
        message: '无法连接同步服务器，请检查网络连接和服务器地址；联网后本机会自动同步，已录入的数据不会丢失',
        messageEn: 'The sync server cannot be reached',
      });
}

/** 401 codes that mean "the token presented is no longer good" (as opposed to a wrong code or password). */
const tokenRefusalCodes = new Set(['unauthenticated', 'invalid_token', 'token_revoked', 'session_expired']);

/**
 * Maps an HTTP refusal to a SyncError. The server's code is kept (logs, tests); the Chinese message is the
 * server's when it is specific to the request, or the client's own when the client knows better what to do.
 */
export function errorFromResponse(status: number, body: unknown, role: ClientRole): SyncError {
  const server = isErrorBody(body) ? body : null;
  const code = server?.error;
  const make = (fallbackCode: string, message: string, messageEn: string) =>
    new SyncError({
      code: code ?? fallbackCode,
      status,
      message,
      messageEn,
      requiredVersion: server?.requiredVersion,
      refusal: refusalOf(status, server),
    });
  switch (status) {
    case 401:
      // Refusals of a code or a password (enrolment, sign-in) come with the server's own advice.
      if (server && !tokenRefusalCodes.has(server.error)) return make('unauthorized', server.message, 'Refused');
      return role === 'station'
        ? make(
            'token_invalid',
            '本机的注册已失效或被县人大常委会撤销，请在“同步”页注销本机注册，再用县里发放的新注册码重新注册',
            'This station is no longer enrolled: enrol again with a new code',
          )
        : make('session_expired', '登录已过期，请重新登录', 'The session expired: sign in again');
    case 403:
      return make(
        'forbidden',
        server?.message ?? '没有权限读写这些记录，请确认本机注册的联络站是否正确，或联系县人大常委会',
        'Not allowed to read or write these records',
      );
    case 413:
      return make(
        'body_too_large',
        '一次提交的数据过大（多为照片），请减少照片数量或大小后再同步',
        'The request is too large',
      );
    case 426: {
      const required = server?.requiredVersion;
      return make(
        'upgrade_required',
        required === undefined
          ? '客户端版本过旧，服务器不再接受同步，请安装最新版本后再同步；本机数据会保留'
          : `客户端版本过旧（服务器要求数据版本 ${required}），请安装最新版本后再同步；本机数据会保留`,
        'The app is too old for the server: upgrade',
      );
    }
    case 429:
      return make('too_many_requests', '请求过于频繁，请稍候一分钟再试', 'Too many requests');
    default:
      if (status >= 500) {
        return make(
          'server_error',
          '同步服务器暂时出错，本机会自动重试；若长时间不恢复，请联系县人大常委会',
          'The sync server failed',
        );
      }
      return make(
        'request_refused',
        server?.message ?? `服务器拒绝了请求（${status}），请升级客户端后重试，或联系县人大常委会`,
        `The server refused the request (${status})`,
      );
  }
}

/** Joins the server address and a route, tolerating a trailing slash in the address. */
export function serverEndpoint(serverUrl: string, route: string, query?: Record<string, string | number>): string {
  const base = serverUrl.replace(/\/+$/, '');
  const url = new URL(base + route);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
  return url.toString();
}

/** Normalises a server address typed by a clerk ("192.168.1.5:8787" → "http://192.168.1.5:8787"). */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    if (trimmed === '' || /\s/.test(trimmed)) throw new TypeError('blank or spaced address');
    const url = new URL(withScheme);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    throw new SyncError({
      code: 'server_url_invalid',
      status: 0,
      message: '服务器地址格式不正确，请填写县里提供的地址，例如 http://192.168.1.10:8787',
      messageEn: 'The server address is not valid',
    });
  }
}

export interface SyncClient {
  readonly options: SyncClientOptions;
  request<T>(route: string, options?: RequestOptions): Promise<T>;
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    options,
    async request<T>(route: string, request: RequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = { [appVersionHeader]: options.appVersion, accept: 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (request.schemaVersion !== undefined) headers[schemaVersionHeader] = String(request.schemaVersion);
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await doFetch(serverEndpoint(options.serverUrl, route, request.query), {
          method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
          headers,
          body: request.body === undefined ? null : JSON.stringify(request.body),
          signal,
        });
      } catch (error) {
        throw networkError(error);
      }
      let body: unknown = null;
      try {
        const text = await response.text();
        body = text === '' ? null : JSON.parse(text);
      } catch (error) {
        if (response.ok) throw networkError(error);
      }
      if (!response.ok) throw errorFromResponse(response.status, body, options.role);
      return body as T;
    },
  };
}
