// The county work report: reception, opinions (办理率, on-time, satisfaction), mediation, missing activities,
// representatives — for a period and an area. Figures come from SQL (store/sql/sql-work-report.ts); here they are assembled.

import { type Activity, activityFrequency, activityTypes } from '../../../src-shared/activity/activity';
import type { MissingActivity, OpinionMonth, Rate, WorkReport, WorkReportQuery } from '../../../src-shared/api/reports';
import {
  activityCompliance,
  type Period,
  periodRange,
  shanghaiDate,
} from '../../../src-shared/compliance/activity-compliance';
import {
  type DisputeType,
  disputeTypes,
  type MediationCaseStatus,
  mediationCaseStatuses,
} from '../../../src-shared/mediation-case/mediation-case';
import { type OpinionStatus, opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import type { ReceptionDay, ReceptionDayStatus } from '../../../src-shared/reception-day/reception-day';
import { representativeLevels } from '../../../src-shared/representative/representative';
import { badRequest, forbidden, HttpError } from '../plugins/errors';
import type { Store } from '../store/store';
import {
  type ActivityMonthRow,
  type AreaStation,
  emptyStationFigures,
  type WorkReportFigures,
  type WorkReportFiguresQuery,
} from './report-types';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** Today in Asia/Shanghai. */
export function shanghaiToday(now: Date): string {
  return shanghaiDate(now.toISOString());
}

/** The report period: given dates checked; by default from 1 January of this year to today (Asia/Shanghai). */
export function reportPeriod(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): { from: string; to: string; asOf: string } {
  const asOf = shanghaiToday(now);
  const start = from ?? `${asOf.slice(0, 4)}-01-01`;
  const end = to ?? asOf;
  for (const [name, value] of [
    ['from', start],
    ['to', end],
  ] as const) {
    if (!validDate(value)) {
      throw badRequest('invalid_date', `日期 ${name}=${value} 无效，请按“年-月-日”填写，例如 2026-03-31`);
    }
  }
  if (start > end) throw badRequest('invalid_period', `开始日期 ${start} 晚于结束日期 ${end}，请调换后重试`);
  return { from: start, to: end, asOf };
}

/** The calendar months ('YYYY-MM') from the month of `from` to the month of `to`, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

/** The trend: every month of the period, those without opinions as zeros. */
function opinionsByMonth(found: readonly OpinionMonth[], from: string, to: string): OpinionMonth[] {
  const byMonth = new Map(found.map((m) => [m.month, m]));
  return monthsOf(from, to).map((month) => byMonth.get(month) ?? { month, received: 0, processed: 0 });
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export interface ResolvedArea {
  kind: 'county' | 'township' | 'station';
  id: string;
  name: string;
  /** The stations covered (all of the county's for kind county). */
  stations: AreaStation[];
  /** The station filter for SQL: null for the whole county (every record of the county counts). */
  stationIds: string[] | null;
}

/** Resolves the area (county, or one of its townships or stations); another county's township or station is refused. */
export async function resolveArea(
  store: Store,
  countyId: string,
  countyName: string,
  townshipId?: string,
  stationId?: string,
): Promise<ResolvedArea> {
  const docs = (await store.listDocuments('stations', { kind: 'county', countyId })).filter((d) => !d.deleted);
  const all: AreaStation[] = docs.map((d) => ({
    id: d.id,
    name: String(d.body.name ?? d.id),
    townshipId: String(d.body.townshipId ?? ''),
    townshipName: String(d.body.townshipName ?? ''),
  }));
  all.sort((a, b) => a.townshipName.localeCompare(b.townshipName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  if (stationId) {
    const station = all.find((s) => s.id === stationId);
    if (!station) {
      const elsewhere = await store.getDocument('stations', stationId);
      if (elsewhere) throw forbidden('out_of_scope', '该联络站不属于您所在的县(市、区)，只能查看本县区的报表');
      throw new HttpError(404, 'station_not_found', `没有编号为 ${stationId} 的联络站，请从列表中选择`);
    }
    if (townshipId && station.townshipId !== townshipId) {
      throw badRequest('station_not_in_township', '所选联络站不在所选乡镇(街道)，请重新选择');
    }
    return { kind: 'station', id: station.id, name: station.name, stations: [station], stationIds: [station.id] };
  }
  if (townshipId) {
    const townships = await store.listTownships(countyId);
    const township = townships.find((t) => t.id === townshipId);
    const stations = all.filter((s) => s.townshipId === townshipId);
    if (!township && stations.length === 0) {
      const known = (await store.listTownships()).some((t) => t.id === townshipId);
      if (known) throw forbidden('out_of_scope', '该乡镇(街道)不属于您所在的县(市、区)，只能查看本县区的报表');
      throw new HttpError(404, 'township_not_found', `没有编号为 ${townshipId} 的乡镇(街道)，请从列表中选择`);
    }
    return {
      kind: 'township',
      id: townshipId,
      name: township?.name ?? stations[0]?.townshipName ?? townshipId,
      stations,
      stationIds: stations.map((s) => s.id),
    };
  }
  return { kind: 'county', id: countyId, name: countyName, stations: all, stationIds: null };
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

const halfNames = ['上半年', '下半年'];

export function periodCode(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'halfYear':
      return `${p.year}-H${p.index}`;
    case 'year':
      return String(p.year);
  }
}

export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}年${p.index}月`;
    case 'quarter':
      return `${p.year}年第${p.index}季度`;
    case 'halfYear':
      return `${p.year}年${halfNames[p.index - 1] ?? ''}`;
    case 'year':
      return `${p.year}年`;
  }
}

/** Minimal records for the shared compliance rules: only station, type/status and date are read by them. */
function complianceInputs(rows: readonly ActivityMonthRow[], countyId: string) {
  const activities: Activity[] = [];
  const receptionDays: ReceptionDay[] = [];
  const base = { id: '', countyId, createdAt: '', updatedAt: '', history: [] };
  for (const r of rows) {
    const date = `${r.month}-01`;
    if (r.kind === 'receptionDay') {
      receptionDays.push({
        ...base,
        stationId: r.stationId,
        date,
        startTime: '',
        endTime: '',
        place: '',
        representativeIds: [],
        status: (r.receptionDayStatus ?? 'planned') as ReceptionDayStatus,
        visitorCount: r.hadVisitors ? 1 : 0,
      });
    } else if (activityTypes.includes(r.kind)) {
      activities.push({ ...base, stationId: r.stationId, type: r.kind, date, title: '', representativeIds: [] });
    }
  }
  return { activities, receptionDays };
}

/**
 * Required activities missing per station: the shared rules (src-shared/compliance) applied to each calendar year
 * the period touches, keeping only the sub-periods (month, quarter, half-year, year, by the type's frequency) that
 * lie wholly inside the report period — a type is not required in a period too short to hold its frequency.
 */
export function missingActivities(
  stations: readonly AreaStation[],
  rows: readonly ActivityMonthRow[],
  countyId: string,
  from: string,
  to: string,
): MissingActivity[] {
  const byStation = new Map<string, ActivityMonthRow[]>();
  for (const r of rows) byStation.set(r.stationId, [...(byStation.get(r.stationId) ?? []), r]);
  const out: MissingActivity[] = [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (const station of stations) {
    const inputs = complianceInputs(byStation.get(station.id) ?? [], countyId);
    const missing = new Map<string, { periods: Period[] }>();
    for (let year = firstYear; year <= lastYear; year++) {
      const compliance = activityCompliance({
        stationId: station.id,
        period: { kind: 'year', year, index: 1 },
        ...inputs,
      });
      for (const c of compliance) {
        const inside = c.missingIn.filter((p) => {
          const range = periodRange(p);
          return range.start >= from && range.end <= to;
        });
        if (inside.length === 0) continue;
        const entry = missing.get(c.type) ?? { periods: [] };
        entry.periods.push(...inside);
        missing.set(c.type, entry);
      }
    }
    for (const type of activityTypes.values) {
      const entry = missing.get(type);
      if (!entry) continue;
      out.push({
        stationId: station.id,
        stationName: station.name,
        townshipName: station.townshipName,
        type,
        typeLabel: activityTypes.label(type),
        frequency: activityFrequency(type),
        missingIn: entry.periods.map(periodCode),
        missingInLabels: entry.periods.map(periodLabel),
      });
    }
  }
  return out;
}

/** Assembles the report from the store's figures (rates are ratios of SQL counts). */
export function assembleWorkReport(
  figures: WorkReportFigures,
  area: ResolvedArea,
  county: { id: string; name: string },
  period: { from: string; to: string; asOf: string },
  now: Date,
): WorkReport {
  const t = figures.opinionTotals;
  const byCategory = opinionCategories.values.map((category) => {
    const byStatus = emptyCounts<OpinionStatus>(opinionStatuses.values);
    let total = 0;
    for (const r of figures.opinionsByCategoryStatus) {
      if (r.category !== category || !opinionStatuses.includes(r.status)) continue;
      byStatus[r.status] += r.count;
      total += r.count;
    }
    return { category, label: opinionCategories.label(category), total, byStatus };
  });

  const mediationByType = disputeTypes.values.map((disputeType: DisputeType) => {
    const byStatus = emptyCounts<MediationCaseStatus>(mediationCaseStatuses.values);
    let total = 0;
    for (const r of figures.mediationByTypeStatus) {
      if (r.disputeType !== disputeType || !mediationCaseStatuses.includes(r.status)) continue;
      byStatus[r.status] += r.count;
      total += r.count;
    }
    return { disputeType, label: disputeTypes.label(disputeType), total, byStatus };
  });
  const mediationStatus = emptyCounts<MediationCaseStatus>(mediationCaseStatuses.values);
  for (const row of mediationByType) {
    for (const s of mediationCaseStatuses.values) mediationStatus[s] += row.byStatus[s];
  }
  // Success = agreement reached (agreed, or performed) ÷ cases concluded (agreed, performed, failed). Withdrawn
  // cases are left out: the parties ended them, the mediation had no outcome to succeed or fail.
  const successful = mediationStatus.agreed + mediationStatus.performed;
  const concluded = successful + mediationStatus.failed;

  const missing = missingActivities(area.stations, figures.activityMonths, county.id, period.from, period.to);
  const missingByStation = new Map<string, number>();
  for (const m of missing) missingByStation.set(m.stationId, (missingByStation.get(m.stationId) ?? 0) + 1);
  const figuresByStation = new Map(figures.stations.map((s) => [s.stationId, s]));
  const stationNames = new Map(area.stations.map((s) => [s.id, s.name]));

  return {
    countyId: county.id,
    countyName: county.name,
    area: { kind: area.kind, id: area.id, name: area.name },
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    generatedAt: now.toISOString(),
    reception: { daysHeld: figures.receptionDaysHeld, visitors: figures.visitors },
    opinions: {
      totals: t,
      processingRate: rate(t.processed, t.submitted),
      onTimeRate: rate(t.repliedOnTime, t.replied),
      satisfactionRate: rate(t.satisfied + t.basicallySatisfied, t.rated),
      byMonth: opinionsByMonth(figures.opinionsByMonth, period.from, period.to),
      byCategory,
    },
    mediation: {
      total: mediationByType.reduce((sum, r) => sum + r.total, 0),
      concluded,
      successful,
      successRate: rate(successful, concluded),
      byType: mediationByType,
    },
    stations: area.stations.map((s) => {
      const f = figuresByStation.get(s.id) ?? emptyStationFigures(s.id);
      return {
        ...f,
        stationName: s.name,
        townshipName: s.townshipName,
        processingRate: rate(f.opinionsProcessed, f.opinionsSubmitted),
        missingActivities: missingByStation.get(s.id) ?? 0,
      };
    }),
    missingActivities: missing,
    representatives: figures.representatives.map((r) => ({
      ...r,
      levelLabel: representativeLevels.includes(r.level) ? representativeLevels.label(r.level) : r.level,
      stationName: stationNames.get(r.stationId) ?? r.stationId,
    })),
  };
}

/** The request's area and period, the county known (the caller's own). */
export type WorkReportRequest = Omit<WorkReportQuery, 'countyId' | 'format'> & { countyId: string };

/** The work report for a county (or one of its townships or stations) and a period. */
export async function buildWorkReport(
  store: Store,
  request: WorkReportRequest,
  now: Date,
): Promise<{ report: WorkReport; query: WorkReportFiguresQuery; area: ResolvedArea }> {
  const county = await store.getCounty(request.countyId);
  if (!county) {
    throw new HttpError(404, 'county_not_found', `没有编号为 ${request.countyId} 的县(市、区)，请检查县区编号`);
  }
  const period = reportPeriod(request.from, request.to, now);
  const area = await resolveArea(store, county.id, county.name, request.townshipId, request.stationId);
  const query: WorkReportFiguresQuery = {
    countyId: county.id,
    townshipId: request.townshipId,
    stationId: request.stationId,
    ...period,
  };
  const figures = await store.workReportFigures(query, area.stationIds);
  return { report: assembleWorkReport(figures, area, county, period, now), query, area };
}
