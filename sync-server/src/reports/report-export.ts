// Report exports: XLSX (exceljs, Chinese headers, one sheet per section) and CSV (UTF-8 with BOM), personal data masked.

import ExcelJS from 'exceljs';
import type { Rate, SyncReport, WorkReport } from '../../../src-shared/api/reports';
import { mediationCaseStatuses } from '../../../src-shared/mediation-case/mediation-case';
import { opinionCategories, opinionStatuses, satisfactionLevels } from '../../../src-shared/opinion/opinion';
import { stationKinds } from '../../../src-shared/station/station';
import type { OpinionDetailRow } from './report-types';

export type CellValue = string | number | null;

export interface Column {
  header: string;
  width?: number;
  /** percent: a 0–1 ratio shown as 98.08%; decimal: one decimal place. */
  format?: 'percent' | 'decimal';
}

/** One table of a report: a sheet in XLSX, a titled block in CSV. */
export interface ReportSection {
  /** Sheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
  /** Rows to highlight (overdue, stale), by index. */
  highlight?: ReadonlySet<number>;
}

const rateValue = (r: Rate): CellValue => r.value;

function areaKindLabel(kind: WorkReport['area']['kind']): string {
  return kind === 'county' ? '县(市、区)' : kind === 'township' ? '乡镇(街道)' : '联络站';
}

/** The work report as sections: 概况, 意见分类, 各站情况, 矛盾纠纷调解, 八项活动缺项, 代表履职, and the opinion list. */
export function workReportSections(report: WorkReport, details: readonly OpinionDetailRow[]): ReportSection[] {
  const t = report.opinions.totals;
  const summary: ReportSection = {
    name: '概况',
    columns: [
      { header: '项目', width: 28 },
      { header: '数值', width: 40 },
    ],
    rows: [
      ['县(市、区)', report.countyName],
      [`统计范围（${areaKindLabel(report.area.kind)}）`, report.area.name],
      ['统计期间', `${report.from} 至 ${report.to}`],
      ['生成时间', report.generatedAt],
      ['接待日场次（已开展）', report.reception.daysHeld],
      ['接待群众人次', report.reception.visitors],
      ['收集意见建议（件）', t.received],
      ['已提交（不含合并的重复件）', t.submitted],
      ['已办理（已答复、已测评、已办结、当场答复）', t.processed],
      ['当场答复', t.answeredOnSite],
      ['合并的重复件', t.merged],
      ['办理率', rateValue(report.opinions.processingRate)],
      ['已答复', t.replied],
      ['按期答复率', rateValue(report.opinions.onTimeRate)],
      ['已测评', t.rated],
      ['满意率（满意＋基本满意）', rateValue(report.opinions.satisfactionRate)],
      ['平均答复天数', t.averageDaysToReply],
      [`超期未答复（截至 ${report.asOf}）`, t.overdue],
      ['矛盾纠纷调解案件', report.mediation.total],
      ['调解成功率', rateValue(report.mediation.successRate)],
    ],
  };
  const statusColumns = opinionStatuses.values;
  const byCategory: ReportSection = {
    name: '意见分类统计',
    columns: [
      { header: '类别', width: 20 },
      { header: '合计' },
      ...statusColumns.map((s) => ({ header: opinionStatuses.label(s) })),
    ],
    rows: report.opinions.byCategory.map((c) => [c.label, c.total, ...statusColumns.map((s) => c.byStatus[s])]),
  };
  const stations: ReportSection = {
    name: '各站情况',
    columns: [
      { header: '乡镇(街道)', width: 16 },
      { header: '联络站', width: 30 },
      { header: '接待日场次' },
      { header: '接待群众人次' },
      { header: '收集意见' },
      { header: '已提交' },
      { header: '已办理' },
      { header: '办理率', format: 'percent' },
      { header: '超期未答复' },
      { header: '调解案件' },
      { header: '缺项活动数' },
    ],
    rows: report.stations.map((s) => [
      s.townshipName,
      s.stationName,
      s.receptionDaysHeld,
      s.visitors,
      s.opinionsReceived,
      s.opinionsSubmitted,
      s.opinionsProcessed,
      s.processingRate.value,
      s.opinionsOverdue,
      s.mediationCases,
      s.missingActivities,
    ]),
    highlight: new Set(report.stations.flatMap((s, i) => (s.opinionsOverdue > 0 ? [i] : []))),
  };
  const mediationStatuses = mediationCaseStatuses.values;
  const mediation: ReportSection = {
    name: '矛盾纠纷调解',
    columns: [
      { header: '纠纷类型', width: 18 },
      { header: '合计' },
      ...mediationStatuses.map((s) => ({ header: mediationCaseStatuses.label(s) })),
    ],
    rows: [
      ...report.mediation.byType.map((m) => [m.label, m.total, ...mediationStatuses.map((s) => m.byStatus[s])]),
      [
        `调解成功率（${report.mediation.successful}/${report.mediation.concluded}）`,
        report.mediation.successRate.value === null ? '—' : `${(report.mediation.successRate.value * 100).toFixed(2)}%`,
      ],
    ],
  };
  const missing: ReportSection = {
    name: '八项活动缺项',
    columns: [
      { header: '乡镇(街道)', width: 16 },
      { header: '联络站', width: 30 },
      { header: '活动', width: 36 },
      { header: '缺项期间', width: 50 },
    ],
    rows: report.missingActivities.map((m) => [
      m.townshipName,
      m.stationName,
      m.typeLabel,
      m.missingInLabels.join('、'),
    ]),
  };
  const representatives: ReportSection = {
    name: '代表履职',
    columns: [
      { header: '代表姓名', width: 12 },
      { header: '层级', width: 16 },
      { header: '所在联络站', width: 30 },
      { header: '在任' },
      { header: '参加接待日' },
      { header: '收集意见' },
      { header: '参加活动' },
      { header: '参与调解' },
    ],
    rows: report.representatives.map((r) => [
      r.name,
      r.levelLabel,
      r.stationName,
      r.active ? '是' : '否',
      r.receptionDaysPresent,
      r.opinionsCollected,
      r.activitiesAttended,
      r.mediationsJoined,
    ]),
  };
  const opinionList: ReportSection = {
    name: '意见明细',
    columns: [
      { header: '收集日期', width: 12 },
      { header: '乡镇(街道)', width: 14 },
      { header: '联络站', width: 28 },
      { header: '类别', width: 16 },
      { header: '标题', width: 30 },
      { header: '办理状态', width: 12 },
      { header: '反映人', width: 10 },
      { header: '联系电话', width: 14 },
      { header: '办理期限', width: 12 },
      { header: '答复日期', width: 12 },
      { header: '满意度', width: 10 },
      { header: '是否超期', width: 10 },
    ],
    rows: details.map((d) => [
      d.receivedOn,
      d.townshipName,
      d.stationName,
      opinionCategories.includes(d.category) ? opinionCategories.label(d.category) : d.category,
      d.title,
      opinionStatuses.includes(d.status) ? opinionStatuses.label(d.status) : d.status,
      d.visitorName,
      d.visitorPhone,
      d.deadline,
      d.repliedOn,
      d.satisfaction && satisfactionLevels.includes(d.satisfaction) ? satisfactionLevels.label(d.satisfaction) : '',
      d.overdue ? '超期' : '',
    ]),
    highlight: new Set(details.flatMap((d, i) => (d.overdue ? [i] : []))),
  };
  // The summary's rates are ratios: format its value column row by row (see toXlsx).
  return [summary, byCategory, stations, mediation, missing, representatives, opinionList];
}

/** Summary rows whose value is a rate (shown as a percentage). */
const percentSummaryRows = new Set(['办理率', '按期答复率', '满意率（满意＋基本满意）', '调解成功率']);

export function syncReportSections(report: SyncReport): ReportSection[] {
  return [
    {
      name: '同步情况',
      columns: [
        { header: '乡镇(街道)', width: 16 },
        { header: '联络站', width: 30 },
        { header: '类型', width: 24 },
        { header: '状态', width: 16 },
        { header: '最近成功同步', width: 22 },
        { header: '距上次同步(天)' },
        { header: '最近联系', width: 22 },
        { header: '距上次联系(天)' },
        { header: '客户端版本', width: 12 },
        { header: '待同步条数' },
        { header: '最近错误', width: 40 },
        { header: '注册时间', width: 22 },
      ],
      rows: report.stations.map((s) => [
        s.townshipName,
        s.stationName,
        stationKinds.includes(s.stationKind) ? stationKinds.label(s.stationKind) : s.stationKind,
        s.statusLabel,
        s.lastSyncAt,
        s.daysSinceSync,
        s.lastSeenAt,
        s.daysSinceSeen,
        s.appVersion,
        s.pendingChanges,
        s.lastError,
        s.enrolledAt,
      ]),
      highlight: new Set(report.stations.flatMap((s, i) => (s.stale || s.neverSynced || s.revoked ? [i] : []))),
    },
  ];
}

const highlightFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7E6' } };

/** An XLSX workbook, one sheet per section: bold frozen header, widths, percentages, highlighted rows. */
export async function toXlsx(sections: readonly ReportSection[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '人大代表联络站同步服务器';
  workbook.title = title;
  workbook.created = new Date();
  for (const section of sections) {
    const sheet = workbook.addWorksheet(section.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = section.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.max(10, Array.from(c.header).length * 2 + 2),
      ...(c.format === 'percent'
        ? { style: { numFmt: '0.00%' } }
        : c.format === 'decimal'
          ? { style: { numFmt: '0.0' } }
          : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(section.rows);
    if (section.name === '概况') {
      sheet.eachRow((row, n) => {
        if (n > 1 && percentSummaryRows.has(String(row.getCell(1).value))) row.getCell(2).numFmt = '0.00%';
        if (n > 1 && String(row.getCell(1).value) === '平均答复天数') row.getCell(2).numFmt = '0.0';
      });
    }
    for (const index of section.highlight ?? []) {
      const row = sheet.getRow(index + 2);
      for (let c = 1; c <= section.columns.length; c++) row.getCell(c).fill = highlightFill;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV with a UTF-8 BOM (so Excel opens Chinese correctly), CRLF line ends. A single section is a plain table;
 * several are stacked, each as a title line 【名称】, its header and rows, then an empty line.
 */
export function toCsv(sections: readonly ReportSection[]): string {
  const lines: string[] = [];
  const single = sections.length === 1;
  for (const section of sections) {
    if (!single) lines.push(csvField(`【${section.name}】`));
    lines.push(section.columns.map((c) => csvField(c.header)).join(','));
    for (const row of section.rows) lines.push(row.map(csvField).join(','));
    if (!single) lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(asciiName: string, chineseName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`;
}
