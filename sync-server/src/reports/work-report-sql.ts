// The work report's figures in SQL over the `documents` table (SQLite json_extract, GROUP BY): nothing is loaded whole.

import type Database from 'better-sqlite3';
import type { ActivityType } from '../../../src-shared/activity/activity';
import type { OpinionTotals, RepresentativeFigures, StationFigures } from '../../../src-shared/api/reports';
import { processedOpinionStatuses } from '../../../src-shared/opinion/opinion-lifecycle';
import { maskName, maskPhone } from '../../../src-shared/privacy/masking';
import {
  type ActivityMonthRow,
  emptyStationFigures,
  type OpinionDetailRow,
  type WorkReportFigures,
  type WorkReportFiguresQuery,
} from './report-types';

/**
 * Every record's report date is the generated column `documents.report_date` (see sqlite-store.ts migration 2):
 * an opinion's Asia/Shanghai date of `receivedAt`, a mediation case's `registeredOn`, a reception day's and an
 * activity's `date`. It is indexed with (collection, county_id), so a county's period is an index range.
 */
export const reportDateExpression = `CASE collection
  WHEN 'opinions' THEN date(json_extract(body, '$.receivedAt'), '+8 hours')
  WHEN 'mediationCases' THEN json_extract(body, '$.registeredOn')
  WHEN 'receptionDays' THEN json_extract(body, '$.date')
  WHEN 'activities' THEN json_extract(body, '$.date')
END`;

const areaMarker = '/*area*/';

/** Records of one collection in the report's county, period and (see `inArea`) stations; alias `d`. */
function inReport(collection: string): string {
  return `d.collection = '${collection}' AND d.county_id = @county AND d.deleted = 0
    AND d.report_date BETWEEN @from AND @to ${areaMarker}`;
}

/**
 * The station filter, written into the SQL only for a township or station report: a `@stations IS NULL OR …` test
 * would keep SQLite from using the (collection, station_id, report_date) index for a single station.
 */
function inArea(sql: string, filtered: boolean): string {
  return sql.replaceAll(areaMarker, filtered ? 'AND d.station_id IN (SELECT value FROM json_each(@stations))' : '');
}

interface Params {
  county: string;
  from: string;
  to: string;
  asOf: string;
  /** JSON array of station ids, or null for the whole county. */
  stations: string | null;
  processed: string;
}

function paramsOf(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Params {
  return {
    county: query.countyId,
    from: query.from,
    to: query.to,
    asOf: query.asOf,
    stations: stationIds === null ? null : JSON.stringify(stationIds),
    processed: JSON.stringify(processedOpinionStatuses),
  };
}

/**
 * The opinion columns the figures read, extracted from the JSON once per report into a temporary table (per
 * connection, refilled each time): parsing the bodies is the cost, the aggregates over the few columns are cheap.
 */
const opinionScratch = `CREATE TEMP TABLE IF NOT EXISTS report_opinions (
  station_id TEXT, status TEXT, category TEXT, representative_id TEXT, received_on TEXT, replied_on TEXT,
  deadline TEXT, satisfaction TEXT)`;

const fillOpinionScratch = `INSERT INTO temp.report_opinions
SELECT d.station_id, json_extract(d.body, '$.status'), json_extract(d.body, '$.category'),
  json_extract(d.body, '$.representativeId'), d.report_date, json_extract(d.body, '$.reply.repliedOn'),
  json_extract(d.body, '$.assignment.deadline'), json_extract(d.body, '$.satisfaction')
FROM documents d WHERE ${inReport('opinions')}`;

const opinionRows = 'SELECT * FROM temp.report_opinions';

/**
 * Opinion figures in one pass. The period is by the date the station received the opinion (`receivedAt`, Asia/Shanghai):
 * every opinion has it, also one answered on site (which is never "submitted"), and it is what the clerk sees.
 * - received: every opinion of the period, whatever its status.
 * - submitted (办理率 denominator): status ≠ recorded (it left the station, or was closed there on site) and
 *   ≠ merged: a merged duplicate is the same matter as its original, which is counted; counting both would count
 *   one matter twice, and the duplicate (final in `merged`) could never be processed, so it would lower the rate.
 *   Rejected and escalated opinions stay in: they were submitted and were not processed to a reply.
 * - processed (办理率 numerator): status in processedOpinionStatuses (src-shared): replied, rated, closed, answeredOnSite.
 * - replied: has a current reply (`reply.repliedOn`). Re-assigning clears the reply, so a reopened opinion counts with
 *   its latest reply only.
 * - repliedOnTime: replied on or before the current assignment's deadline (按期答复率 = repliedOnTime ÷ replied).
 * - rated / satisfied / basicallySatisfied / unsatisfied: the visitor's rating of the current reply, i.e. satisfaction
 *   set and status rated, closed or escalated (escalation from rated keeps it). A reopened opinion waiting for its new
 *   reply or rating keeps the old "unsatisfied" in the document, but that rating is of the old reply: not counted.
 *   满意率 = (satisfied + basicallySatisfied) ÷ rated.
 * - averageDaysToReply: mean of (repliedOn − received date) in days over replied opinions.
 * - overdue: status assigned (waiting for the department) and deadline before asOf.
 */
const opinionTotalsSql = `WITH o AS (${opinionRows})
SELECT count(*) AS received,
  count(*) FILTER (WHERE status NOT IN ('recorded', 'merged')) AS submitted,
  count(*) FILTER (WHERE status IN (SELECT value FROM json_each(@processed))) AS processed,
  count(*) FILTER (WHERE status = 'merged') AS merged,
  count(*) FILTER (WHERE status = 'answeredOnSite') AS answeredOnSite,
  count(*) FILTER (WHERE replied_on IS NOT NULL) AS replied,
  count(*) FILTER (WHERE replied_on IS NOT NULL AND deadline IS NOT NULL AND replied_on <= deadline) AS repliedOnTime,
  count(*) FILTER (WHERE satisfaction IS NOT NULL AND status IN ('rated', 'closed', 'escalated')) AS rated,
  count(*) FILTER (WHERE satisfaction = 'satisfied' AND status IN ('rated', 'closed', 'escalated')) AS satisfied,
  count(*) FILTER (WHERE satisfaction = 'basicallySatisfied' AND status IN ('rated', 'closed', 'escalated'))
    AS basicallySatisfied,
  count(*) FILTER (WHERE satisfaction = 'unsatisfied' AND status IN ('rated', 'closed', 'escalated')) AS unsatisfied,
  avg(julianday(replied_on) - julianday(received_on)) FILTER (WHERE replied_on IS NOT NULL) AS averageDaysToReply,
  count(*) FILTER (WHERE status = 'assigned' AND deadline < @asOf) AS overdue
FROM o`;

/** received and processed (as above) per month of the received date: the trend, from the same rows in one pass. */
const opinionsByMonthSql = `WITH o AS (${opinionRows})
SELECT substr(received_on, 1, 7) AS month, count(*) AS received,
  count(*) FILTER (WHERE status IN (SELECT value FROM json_each(@processed))) AS processed
FROM o GROUP BY 1 ORDER BY 1`;

const opinionsByCategoryStatusSql = `WITH o AS (${opinionRows})
SELECT category, status, count(*) AS count FROM o GROUP BY category, status`;

/** Reception days held (status held) in the period, and the visitors they received (sum of visitorCount). */
const receptionSql = `SELECT count(*) AS held, coalesce(sum(json_extract(d.body, '$.visitorCount')), 0) AS visitors
FROM documents d WHERE ${inReport('receptionDays')} AND json_extract(d.body, '$.status') = 'held'`;

/** Mediation cases registered in the period, by dispute type and status (the outcome). */
const mediationSql = `SELECT json_extract(d.body, '$.disputeType') AS disputeType, json_extract(d.body, '$.status') AS status,
  count(*) AS count FROM documents d WHERE ${inReport('mediationCases')} GROUP BY 1, 2`;

/** Per station: the same definitions as above, grouped by station. */
const stationOpinionsSql = `WITH o AS (${opinionRows})
SELECT station_id AS stationId, count(*) AS opinionsReceived,
  count(*) FILTER (WHERE status NOT IN ('recorded', 'merged')) AS opinionsSubmitted,
  count(*) FILTER (WHERE status IN (SELECT value FROM json_each(@processed))) AS opinionsProcessed,
  count(*) FILTER (WHERE status = 'assigned' AND deadline < @asOf) AS opinionsOverdue
FROM o GROUP BY station_id`;

const stationReceptionSql = `SELECT d.station_id AS stationId, count(*) AS held,
  coalesce(sum(json_extract(d.body, '$.visitorCount')), 0) AS visitors
FROM documents d WHERE ${inReport('receptionDays')} AND json_extract(d.body, '$.status') = 'held' GROUP BY 1`;

const stationMediationSql = `SELECT d.station_id AS stationId, count(*) AS cases
FROM documents d WHERE ${inReport('mediationCases')} GROUP BY 1`;

/**
 * Activities and reception days by station and month (distinct), for the shared compliance rules
 * (src-shared/compliance): at most stations × 9 kinds × months rows.
 */
const activityMonthsSql = `SELECT d.station_id AS stationId, json_extract(d.body, '$.type') AS kind,
  substr(d.report_date, 1, 7) AS month, NULL AS receptionDayStatus, 0 AS hadVisitors
FROM documents d WHERE ${inReport('activities')} GROUP BY 1, 2, 3
UNION ALL
SELECT d.station_id, 'receptionDay', substr(d.report_date, 1, 7), json_extract(d.body, '$.status'),
  coalesce(json_extract(d.body, '$.visitorCount'), 0) > 0
FROM documents d WHERE ${inReport('receptionDays')} GROUP BY 1, 3, 4, 5`;

/**
 * Each representative grouped into a station of the area, with, in the period and area: reception days held at
 * which they were present, opinions they collected, activities they took part in, mediation cases they joined.
 */
const representativesSql = `WITH
reps AS (
  SELECT d.id, json_extract(d.body, '$.name') AS name, json_extract(d.body, '$.level') AS level,
    d.station_id, json_extract(d.body, '$.active') AS active
  FROM documents d WHERE d.collection = 'representatives' AND d.county_id = @county AND d.deleted = 0 ${areaMarker}
),
rd AS (
  SELECT j.value AS rep, count(*) AS n FROM documents d, json_each(d.body, '$.presentRepresentativeIds') j
  WHERE ${inReport('receptionDays')} AND json_extract(d.body, '$.status') = 'held' GROUP BY 1
),
op AS (SELECT representative_id AS rep, count(*) AS n FROM temp.report_opinions GROUP BY 1),
act AS (
  SELECT j.value AS rep, count(*) AS n FROM documents d, json_each(d.body, '$.representativeIds') j
  WHERE ${inReport('activities')} GROUP BY 1
),
med AS (
  SELECT json_extract(j.value, '$.representativeId') AS rep, count(DISTINCT d.id) AS n
  FROM documents d, json_each(d.body, '$.participants') j
  WHERE ${inReport('mediationCases')} AND json_extract(j.value, '$.representativeId') IS NOT NULL GROUP BY 1
)
SELECT reps.id AS representativeId, reps.name, reps.level, reps.station_id AS stationId, reps.active,
  coalesce(rd.n, 0) AS receptionDaysPresent, coalesce(op.n, 0) AS opinionsCollected,
  coalesce(act.n, 0) AS activitiesAttended, coalesce(med.n, 0) AS mediationsJoined
FROM reps LEFT JOIN rd ON rd.rep = reps.id LEFT JOIN op ON op.rep = reps.id
  LEFT JOIN act ON act.rep = reps.id LEFT JOIN med ON med.rep = reps.id
ORDER BY reps.station_id, reps.name`;

/** The export's opinion list (masked there): one row per opinion of the period, by received date. */
const opinionDetailsSql = `SELECT d.id, d.report_date AS receivedOn,
  json_extract(s.body, '$.name') AS stationName, json_extract(s.body, '$.townshipName') AS townshipName,
  json_extract(d.body, '$.category') AS category, json_extract(d.body, '$.title') AS title,
  json_extract(d.body, '$.status') AS status, json_extract(d.body, '$.visitor.name') AS visitorName,
  json_extract(d.body, '$.visitor.phone') AS visitorPhone, json_extract(d.body, '$.assignment.deadline') AS deadline,
  json_extract(d.body, '$.reply.repliedOn') AS repliedOn, json_extract(d.body, '$.satisfaction') AS satisfaction
FROM documents d LEFT JOIN documents s ON s.collection = 'stations' AND s.id = d.station_id
WHERE ${inReport('opinions')} ORDER BY d.report_date, d.id`;

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** Computes every figure of a work report with a handful of aggregate queries (one read transaction). */
export function sqliteWorkReportFigures(
  db: Database.Database,
  query: WorkReportFiguresQuery,
  stationIds: readonly string[] | null,
): WorkReportFigures {
  const p = paramsOf(query, stationIds);
  const sql = (text: string) => db.prepare(inArea(text, stationIds !== null));
  db.exec(opinionScratch);
  const read = db.transaction((): WorkReportFigures => {
    db.exec('DELETE FROM temp.report_opinions');
    sql(fillOpinionScratch).run(p);
    const totalsRow = sql(opinionTotalsSql).get(p) as Record<keyof OpinionTotals, number | null>;
    const opinionTotals: OpinionTotals = {
      received: num(totalsRow.received),
      submitted: num(totalsRow.submitted),
      processed: num(totalsRow.processed),
      merged: num(totalsRow.merged),
      answeredOnSite: num(totalsRow.answeredOnSite),
      replied: num(totalsRow.replied),
      repliedOnTime: num(totalsRow.repliedOnTime),
      rated: num(totalsRow.rated),
      satisfied: num(totalsRow.satisfied),
      basicallySatisfied: num(totalsRow.basicallySatisfied),
      unsatisfied: num(totalsRow.unsatisfied),
      averageDaysToReply: totalsRow.averageDaysToReply === null ? null : num(totalsRow.averageDaysToReply),
      overdue: num(totalsRow.overdue),
    };
    const reception = sql(receptionSql).get(p) as { held: number; visitors: number };

    const stations = new Map<string, StationFigures>();
    const station = (id: string): StationFigures => {
      let s = stations.get(id);
      if (!s) {
        s = emptyStationFigures(id);
        stations.set(id, s);
      }
      return s;
    };
    for (const r of sql(stationOpinionsSql).all(p) as (Omit<StationFigures, 'stationId'> & {
      stationId: string;
    })[]) {
      Object.assign(station(r.stationId), {
        opinionsReceived: r.opinionsReceived,
        opinionsSubmitted: r.opinionsSubmitted,
        opinionsProcessed: r.opinionsProcessed,
        opinionsOverdue: r.opinionsOverdue,
      });
    }
    for (const r of sql(stationReceptionSql).all(p) as { stationId: string; held: number; visitors: number }[]) {
      Object.assign(station(r.stationId), { receptionDaysHeld: r.held, visitors: r.visitors });
    }
    for (const r of sql(stationMediationSql).all(p) as { stationId: string; cases: number }[]) {
      station(r.stationId).mediationCases = r.cases;
    }

    const activityMonths = (
      sql(activityMonthsSql).all(p) as {
        stationId: string;
        kind: ActivityType | 'receptionDay';
        month: string;
        receptionDayStatus: string | null;
        hadVisitors: number;
      }[]
    ).map((r): ActivityMonthRow => ({ ...r, hadVisitors: r.hadVisitors === 1 }));

    const representatives = (
      sql(representativesSql).all(p) as (Omit<RepresentativeFigures, 'active'> & { active: number })[]
    ).map((r): RepresentativeFigures => ({ ...r, active: r.active === 1 }));

    return {
      receptionDaysHeld: num(reception.held),
      visitors: num(reception.visitors),
      opinionsByCategoryStatus: db
        .prepare(opinionsByCategoryStatusSql)
        .all(p) as WorkReportFigures['opinionsByCategoryStatus'],
      opinionTotals,
      opinionsByMonth: sql(opinionsByMonthSql).all(p) as WorkReportFigures['opinionsByMonth'],
      mediationByTypeStatus: sql(mediationSql).all(p) as WorkReportFigures['mediationByTypeStatus'],
      stations: [...stations.values()],
      representatives,
      activityMonths,
    };
  });
  try {
    return read.deferred();
  } finally {
    db.exec('DELETE FROM temp.report_opinions');
  }
}

/** The export's opinion list, visitor name and phone masked in the database read (they never leave unmasked). */
export function sqliteOpinionDetails(
  db: Database.Database,
  query: WorkReportFiguresQuery,
  stationIds: readonly string[] | null,
): OpinionDetailRow[] {
  const p = paramsOf(query, stationIds);
  const rows = db.prepare(inArea(opinionDetailsSql, stationIds !== null)).all(p) as (Omit<
    OpinionDetailRow,
    'overdue'
  > & {
    visitorName: string | null;
    visitorPhone: string | null;
  })[];
  return rows.map((r) => ({
    ...r,
    visitorName: maskName(r.visitorName),
    visitorPhone: maskPhone(r.visitorPhone),
    overdue: r.status === 'assigned' && r.deadline !== null && r.deadline < query.asOf,
  }));
}
