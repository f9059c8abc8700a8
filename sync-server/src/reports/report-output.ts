// One way to produce a report in a format, for the HTTP routes and the CLI alike; every CSV/XLSX export is audited.
import type { SyncReport, WorkReport } from '../../../src-shared/api/reports';
import { type ExportFormat, exportMediaTypes, type ReportFormat } from '../../../src-shared/api/reports';
import type { Store } from '../store/store';
import { contentDisposition, syncReportSections, toCsv, toXlsx, workReportSections } from './report-export';
import { buildSyncReport, defaultStaleDays } from './sync-report';
import { buildWorkReport, shanghaiToday, type WorkReportRequest } from './work-report';

export interface ReportFile {
  contentType: string;
  /** The file: a CSV string (with BOM) or XLSX bytes. */
  body: string | Buffer;
  fileName: string;
  /** The Chinese file name offered to browsers. */
  displayName: string;
  contentDisposition: string;
}

export type ReportOutput<J> = { format: 'json'; value: J } | ({ format: ExportFormat } & ReportFile);

async function exportFile(
  format: ExportFormat,
  sections: Parameters<typeof toCsv>[0],
  title: string,
  baseName: string,
  displayBase: string,
): Promise<ReportFile> {
  const body = format === 'csv' ? toCsv(sections) : await toXlsx(sections, title);
  const fileName = `${baseName}.${format}`;
  const displayName = `${displayBase}.${format}`;
  return {
    contentType: exportMediaTypes[format],
    body,
    fileName,
    displayName,
    contentDisposition: contentDisposition(fileName, displayName),
  };
}

/** Who, what, when: an export may carry (masked) personal data, so each one is written to the audit log. */
async function auditExport(
  store: Store,
  actor: string,
  now: Date,
  report: 'sync' | 'work',
  detail: Record<string, unknown>,
): Promise<void> {
  await store.audit({
    at: now.toISOString(),
    actor,
    action: 'report.export',
    target: report,
    detail: JSON.stringify(detail),
  });
}

export async function workReportOutput(
  store: Store,
  request: WorkReportRequest,
  format: ReportFormat,
  actor: string,
  now: Date,
): Promise<ReportOutput<WorkReport>> {
  const { report, query, area } = await buildWorkReport(store, request, now);
  if (format === 'json') return { format, value: report };
  const details = await store.opinionDetails(query, area.stationIds);
  const areaName = area.kind === 'county' ? report.countyName : `${report.countyName}${area.name}`;
  const file = await exportFile(
    format,
    workReportSections(report, details),
    `${areaName}联络站工作报表`,
    `work-report-${report.countyId}-${report.from}_${report.to}`,
    `${areaName}联络站工作报表_${report.from}至${report.to}`,
  );
  await auditExport(store, actor, now, 'work', {
    countyId: report.countyId,
    area: report.area,
    from: report.from,
    to: report.to,
    format,
    opinionRows: details.length,
    personalData: 'masked',
  });
  return { format, ...file };
}

export async function syncReportOutput(
  store: Store,
  countyId: string,
  staleDays: number | undefined,
  format: ReportFormat,
  actor: string,
  now: Date,
): Promise<ReportOutput<SyncReport>> {
  const report = await buildSyncReport(store, countyId, now, staleDays ?? defaultStaleDays);
  if (format === 'json') return { format, value: report };
  const today = shanghaiToday(now);
  const file = await exportFile(
    format,
    syncReportSections(report),
    `${report.countyName}联络站同步情况`,
    `sync-report-${report.countyId}-${today}`,
    `${report.countyName}联络站同步情况_${today}`,
  );
  await auditExport(store, actor, now, 'sync', {
    countyId,
    staleDays: report.staleDays,
    format,
    stations: report.stations.length,
  });
  return { format, ...file };
}
