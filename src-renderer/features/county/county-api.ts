// The county routes of the sync server (reference lists, duplicate suggestions, reports and their exports,
// department upkeep), called with the staff session; a refused session reports itself so the page asks to sign in.

import type { CountyReference, DuplicatesResponse } from '../../../src-shared/api/county-workspace';
import {
  type ExportFormat,
  exportMediaTypes,
  type SyncReport,
  type SyncReportQuery,
  type WorkReport,
  type WorkReportQuery,
} from '../../../src-shared/api/reports';
import { countyRoutes, syncRoutes } from '../../../src-shared/api/routes';
import type { CountyCredentials } from '../../../src-shared/api/staff-session';
import {
  appVersionHeader,
  type PushResponse,
  type PushRow,
  type WireDocument,
} from '../../../src-shared/api/sync-protocol';
import { type Department, departmentSchema } from '../../../src-shared/department/department';
import {
  createSyncClient,
  errorFromResponse,
  isSyncError,
  networkError,
  type SyncClient,
  serverEndpoint,
} from '../../sync/sync-client';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

export interface CountyApi {
  reference(): Promise<CountyReference>;
  duplicates(opinionId: string): Promise<DuplicatesResponse>;
  /** `staleDays` undefined: the server's setting (LS_STALE_DAYS, 7 days unless configured). */
  syncReport(staleDays?: number): Promise<SyncReport>;
  workReport(query: WorkReportQuery): Promise<WorkReport>;
  /** The server's export of a report (an audit-log entry is written there). */
  exportReport(kind: 'sync', format: ExportFormat, query: SyncReportQuery): Promise<ExportedFile>;
  exportReport(kind: 'work', format: ExportFormat, query: WorkReportQuery): Promise<ExportedFile>;
  /** Writes departments through the ordinary push; returns the server's conflicting states (empty when written). */
  pushDepartments(rows: PushRow<Department>[]): Promise<PushResponse<Department>>;
}

export interface CountyApiOptions {
  appVersion: string;
  fetch?: typeof fetch;
  /** Called when the server no longer accepts the session (401 session_expired and the like). */
  onSessionExpired?: () => void;
}

/** The export's media type without parameters (what the saved file is). */
function mediaTypeOf(format: ExportFormat): string {
  return exportMediaTypes[format].split(';')[0] ?? exportMediaTypes[format];
}

/** The area and period of a work report, as its query string carries them. */
function workQueryOf(query: WorkReportQuery): Record<string, string | number> {
  return queryOf({ from: query.from, to: query.to, townshipId: query.townshipId, stationId: query.stationId });
}

function queryOf(values: Record<string, string | number | undefined>): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') query[key] = value;
  return query;
}

/** The Chinese file name of `Content-Disposition` (filename*), else the ASCII one, else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

export function createCountyApi(credentials: CountyCredentials, options: CountyApiOptions): CountyApi {
  const client: SyncClient = createSyncClient({
    serverUrl: credentials.serverUrl,
    token: credentials.token,
    appVersion: options.appVersion,
    role: 'county',
    fetch: options.fetch,
  });
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function guarded<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isSyncError(error) && error.needsNewToken) options.onSessionExpired?.();
      throw error;
    }
  }

  const get = <T>(route: string, query: Record<string, string | number> = {}) =>
    guarded(() => client.request<T>(route, { query }));

  async function download(route: string, query: Record<string, string | number>, format: ExportFormat) {
    return guarded(async (): Promise<ExportedFile> => {
      let response: Response;
      try {
        response = await doFetch(serverEndpoint(credentials.serverUrl, route, { ...query, format }), {
          headers: { authorization: `Bearer ${credentials.token}`, [appVersionHeader]: options.appVersion },
          signal: AbortSignal.timeout(120_000),
        });
      } catch (error) {
        throw networkError(error);
      }
      if (!response.ok) {
        let body: unknown = null;
        try {
          body = await response.json();
        } catch {
          // not JSON: the status alone decides the message
        }
        throw errorFromResponse(response.status, body, 'county');
      }
      const data = new Uint8Array(await response.arrayBuffer());
      const name = fileNameOf(response.headers.get('content-disposition'), `report.${format}`);
      return { fileName: name, mimeType: mediaTypeOf(format), data };
    });
  }

  return {
    reference: () => get<CountyReference>(countyRoutes.reference),
    duplicates: (opinionId) => get<DuplicatesResponse>(countyRoutes.duplicates(opinionId), { limit: 8 }),
    syncReport: (staleDays) => get<SyncReport>(countyRoutes.syncReport, queryOf({ staleDays })),
    workReport: (query) => get<WorkReport>(countyRoutes.workReport, workQueryOf(query)),
    exportReport(kind: 'sync' | 'work', format: ExportFormat, query: WorkReportQuery | SyncReportQuery) {
      if (kind === 'sync') {
        const { staleDays } = query as SyncReportQuery;
        return download(countyRoutes.syncReport, queryOf({ staleDays }), format);
      }
      return download(countyRoutes.workReport, workQueryOf(query as WorkReportQuery), format);
    },
    pushDepartments: (rows) =>
      guarded(() =>
        client.request<PushResponse<Department>>(syncRoutes.push('departments'), {
          body: rows,
          schemaVersion: departmentSchema.version,
        }),
      ),
  } as CountyApi;
}

/** A department's own fields, without anything RxDB adds (the server compares pushed master states exactly). */
export function departmentFields(department: Department): Department {
  return {
    id: department.id,
    countyId: department.countyId,
    createdAt: department.createdAt,
    updatedAt: department.updatedAt,
    name: department.name,
    active: department.active,
  };
}

/** The wire form of a department, as pulled and pushed. */
export function departmentWire(department: Department): WireDocument<Department> {
  return { ...departmentFields(department), _deleted: false };
}
