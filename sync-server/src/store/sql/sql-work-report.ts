// The work report's figures in SQL over the `documents` table (JSON fields, GROUP BY), written once for SQLite and
// PostgreSQL through the dialect: nothing is loaded whole.
import type { ActivityType } from '../../../../src-shared/activity/activity';
import type { OpinionTotals, RepresentativeFigures, StationFigures } from '../../../../src-shared/api/reports';
import { processedOpinionStatuses } from '../../../../src-shared/opinion/opinion-lifecycle';
import { maskName, maskPhone } from '../../../../src-shared/privacy/masking';
import {
  type ActivityMonthRow,
  emptyStationFigures,
  type OpinionDetailRow,
  type WorkReportFigures,
  type WorkReportFiguresQuery,
} from '../../reports/report-types';
import { type SqlDatabase, type SqlDialect, sqlWordList } from './sql-database';

/*
 * Every record's report date is the generated column `documents.report_date` (see the store migrations): an
 * opinion's Asia/Shanghai date of `receivedAt`, a mediation case's `registeredOn`, a reception day's and an
 * activity's `date`. It is indexed with (collection, county_id) and (collection, station_id), so a county's or a
 * station's period is an index range.
 */

const areaMarker = '/*area*/';

/** Records of one collection in the report's county, period and (see `inArea`) stations; alias `d`. */
function inReport(collection: string): string {
  return `d.collection = '${collection}' AND d.county_id = @county AND NOT d.deleted
    AND d.report_date BETWEEN @from AND @to ${areaMarker}`;
}

/**
 * The station filter, written into the SQL only for a township or station report: a `@stations IS NULL OR …` test
 * would keep the planner from using the (collection, station_id, report_date) index for a single station.
 */
function inArea(dialect: SqlDialect, sql: string, filtered: boolean): string {
  return sql.replaceAll(areaMarker, filtered ? `AND ${dialect.inJsonArray('d.station_id', '@stations')}` : '');
}

type Params = {
  county: string;
  from: string;
  to: string;
  asOf: string;
  /** JSON array of station ids (only for a township or station report). */
  stations?: string;
};

function paramsOf(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Params {
  const base = { county: query.countyId, from: query.from, to: query.to, asOf: query.asOf };
  return stationIds === null ? base : { ...base, stations: JSON.stringify(stationIds) };
}

const processed = sqlWordList(processedOpinionStatuses);
const rated = sqlWordList(['rated', 'closed', 'escalated']);

/** The queries of one dialect. */
function workReportSql(x: SqlDialect) {
  const j = (...path: string[]) => x.json('d.body', ...path);
  return {
    /**
     * The opinion columns the figures read, extracted from the JSON once per report into a temporary table (per
     * connection, emptied after each report): parsing the bodies is the cost, the aggregates over the columns are cheap.
     */
    opinionScratch: `CREATE TEMP TABLE IF NOT EXISTS report_opinions (
      station_id TEXT, status TEXT, category TEXT, representative_id TEXT, received_on TEXT, replied_on TEXT,
      deadline TEXT, satisfaction TEXT)${x.scratchTableSuffix}`,
    clearOpinionScratch: 'DELETE FROM report_opinions',
    fillOpinionScratch: `INSERT INTO report_opinions
      SELECT d.station_id, ${j('status')}, ${j('category')}, ${j('representativeId')}, d.report_date,
        ${j('reply', 'repliedOn')}, ${j('assignment', 'deadline')}, ${j('satisfaction')}
      FROM documents d WHERE ${inReport('opinions')}`,

    /**
     * Opinion figures in one pass. The period is by the date the station received the opinion (`receivedAt`,
     * Asia/Shanghai): every opinion has it, also one answered on site (which is never "submitted"), and it is what
     * the clerk sees.
     * - received: every opinion of the period, whatever its status.
     * - submitted (办理率 denominator): status ≠ recorded (it left the station, or was closed there on site) and
     *   ≠ merged: a merged duplicate is the same matter as its original, which is counted; counting both would count
     *   one matter twice, and the duplicate (final in `merged`) could never be processed, so it would lower the rate.
     *   Rejected and escalated opinions stay in: they were submitted and were not processed to a reply.
     * - processed (办理率 numerator): status in processedOpinionStatuses (src-shared): replied, rated, closed,
     *   answeredOnSite.
     * - replied: has a current reply (`reply.repliedOn`). Re-assigning clears the reply, so a reopened opinion counts
     *   with its latest reply only.
     * - repliedOnTime: replied on or before the current assignment's deadline (按期答复率 = repliedOnTime ÷ replied).
     * - rated / satisfied / basicallySatisfied / unsatisfied: the visitor's rating of the current reply, i.e.
     *   satisfaction set and status rated, closed or escalated (escalation from rated keeps it). A reopened opinion
     *   waiting for its new reply or rating keeps the old "unsatisfied" in the document, but that rating is of the
     *   old reply: not counted. 满意率 = (satisfied + basicallySatisfied) ÷ rated.
     * - averageDaysToReply: mean of (repliedOn − received date) in days over replied opinions.
     * - overdue: status assigned (waiting for the department) and deadline before asOf.
     */
    opinionTotals: `SELECT count(*) AS "received",
      count(*) FILTER (WHERE status NOT IN ('recorded', 'merged')) AS "submitted",
      count(*) FILTER (WHERE status IN ${processed}) AS "processed",
      count(*) FILTER (WHERE status = 'merged') AS "merged",
      count(*) FILTER (WHERE status = 'answeredOnSite') AS "answeredOnSite",
      count(*) FILTER (WHERE replied_on IS NOT NULL) AS "replied",
      count(*) FILTER (WHERE replied_on IS NOT NULL AND deadline IS NOT NULL AND replied_on <= deadline)
        AS "repliedOnTime",
      count(*) FILTER (WHERE satisfaction IS NOT NULL AND status IN ${rated}) AS "rated",
      count(*) FILTER (WHERE satisfaction = 'satisfied' AND status IN ${rated}) AS "satisfied",
      count(*) FILTER (WHERE satisfaction = 'basicallySatisfied' AND status IN ${rated}) AS "basicallySatisfied",
      count(*) FILTER (WHERE satisfaction = 'unsatisfied' AND status IN ${rated}) AS "unsatisfied",
      avg(${x.daysBetween('received_on', 'replied_on')}) FILTER (WHERE replied_on IS NOT NULL) AS "averageDaysToReply",
      count(*) FILTER (WHERE status = 'assigned' AND deadline < @asOf) AS "overdue"
    FROM report_opinions`,

    opinionsByCategoryStatus:
      'SELECT category, status, count(*) AS "count" FROM report_opinions GROUP BY category, status',

    /** received and processed (as above) per month of the received date: the trend; only months with opinions. */
    opinionsByMonth: `SELECT substr(received_on, 1, 7) AS "month", count(*) AS "received",
      count(*) FILTER (WHERE status IN ${processed}) AS "processed"
    FROM report_opinions GROUP BY 1 ORDER BY 1`,

    /** Reception days held (status held) in the period, and the visitors they received (sum of visitorCount). */
    reception: `SELECT count(*) AS "held", coalesce(sum(${x.jsonNumber('d.body', 'visitorCount')}), 0) AS "visitors"
      FROM documents d WHERE ${inReport('receptionDays')} AND ${j('status')} = 'held'`,

    /** Mediation cases registered in the period, by dispute type and status (the outcome). */
    mediation: `SELECT ${j('disputeType')} AS "disputeType", ${j('status')} AS "status", count(*) AS "count"
      FROM documents d WHERE ${inReport('mediationCases')} GROUP BY 1, 2`,

    /** Per station: the same definitions as above, grouped by station. */
    stationOpinions: `SELECT station_id AS "stationId", count(*) AS "opinionsReceived",
      count(*) FILTER (WHERE status NOT IN ('recorded', 'merged')) AS "opinionsSubmitted",
      count(*) FILTER (WHERE status IN ${processed}) AS "opinionsProcessed",
      count(*) FILTER (WHERE status = 'assigned' AND deadline < @asOf) AS "opinionsOverdue"
    FROM report_opinions GROUP BY station_id`,

    stationReception: `SELECT d.station_id AS "stationId", count(*) AS "held",
      coalesce(sum(${x.jsonNumber('d.body', 'visitorCount')}), 0) AS "visitors"
    FROM documents d WHERE ${inReport('receptionDays')} AND ${j('status')} = 'held' GROUP BY 1`,

    stationMediation: `SELECT d.station_id AS "stationId", count(*) AS "cases"
      FROM documents d WHERE ${inReport('mediationCases')} GROUP BY 1`,

    /**
     * Activities and reception days by station and month (distinct), for the shared compliance rules
     * (src-shared/compliance): at most stations × 9 kinds × months rows.
     */
    activityMonths: `SELECT d.station_id AS "stationId", ${j('type')} AS "kind",
      substr(d.report_date, 1, 7) AS "month", NULL AS "receptionDayStatus", 0 AS "hadVisitors"
    FROM documents d WHERE ${inReport('activities')} GROUP BY 1, 2, 3
    UNION ALL
    SELECT d.station_id, 'receptionDay', substr(d.report_date, 1, 7), ${j('status')},
      CASE WHEN coalesce(${x.jsonNumber('d.body', 'visitorCount')}, 0) > 0 THEN 1 ELSE 0 END
    FROM documents d WHERE ${inReport('receptionDays')} GROUP BY 1, 3, 4, 5`,

    /**
     * Each representative grouped into a station of the area, with, in the period and area: reception days held at
     * which they were present, opinions they collected, activities they took part in, mediation cases they joined.
     */
    representatives: `WITH
    reps AS (
      SELECT d.id, ${j('name')} AS name, ${j('level')} AS level, d.station_id,
        ${j('active')} AS active
      FROM documents d WHERE d.collection = 'representatives' AND d.county_id = @county AND NOT d.deleted ${areaMarker}
    ),
    rd AS (
      SELECT e.value AS rep, count(*) AS n FROM documents d, ${x.jsonTextElements('d.body', 'presentRepresentativeIds', 'e')}
      WHERE ${inReport('receptionDays')} AND ${j('status')} = 'held' GROUP BY 1
    ),
    op AS (SELECT representative_id AS rep, count(*) AS n FROM report_opinions GROUP BY 1),
    act AS (
      SELECT e.value AS rep, count(*) AS n FROM documents d, ${x.jsonTextElements('d.body', 'representativeIds', 'e')}
      WHERE ${inReport('activities')} GROUP BY 1
    ),
    med AS (
      SELECT ${x.json('e.value', 'representativeId')} AS rep, count(DISTINCT d.id) AS n
      FROM documents d, ${x.jsonObjectElements('d.body', 'participants', 'e')}
      WHERE ${inReport('mediationCases')} AND ${x.json('e.value', 'representativeId')} IS NOT NULL GROUP BY 1
    )
    SELECT reps.id AS "representativeId", reps.name AS "name", reps.level AS "level", reps.station_id AS "stationId",
      reps.active AS "active", coalesce(rd.n, 0) AS "receptionDaysPresent", coalesce(op.n, 0) AS "opinionsCollected",
      coalesce(act.n, 0) AS "activitiesAttended", coalesce(med.n, 0) AS "mediationsJoined"
    FROM reps LEFT JOIN rd ON rd.rep = reps.id LEFT JOIN op ON op.rep = reps.id
      LEFT JOIN act ON act.rep = reps.id LEFT JOIN med ON med.rep = reps.id
    ORDER BY reps.station_id${x.byteOrder}, reps.name${x.byteOrder}`,

    /** The export's opinion list (masked there): one row per opinion of the period, by received date. */
    opinionDetails: `SELECT d.id AS "id", d.report_date AS "receivedOn",
      ${x.json('s.body', 'name')} AS "stationName", ${x.json('s.body', 'townshipName')} AS "townshipName",
      ${j('category')} AS "category", ${j('title')} AS "title", ${j('status')} AS "status",
      ${j('visitor', 'name')} AS "visitorName", ${j('visitor', 'phone')} AS "visitorPhone",
      ${j('assignment', 'deadline')} AS "deadline", ${j('reply', 'repliedOn')} AS "repliedOn",
      ${j('satisfaction')} AS "satisfaction"
    FROM documents d LEFT JOIN documents s ON s.collection = 'stations' AND s.id = d.station_id
    WHERE ${inReport('opinions')} ORDER BY d.report_date, d.id`,
  };
}

type WorkReportSql = ReturnType<typeof workReportSql>;
const builtSql = new Map<SqlDialect, WorkReportSql>();

function sqlOf(dialect: SqlDialect): WorkReportSql {
  let sql = builtSql.get(dialect);
  if (!sql) {
    sql = workReportSql(dialect);
    builtSql.set(dialect, sql);
  }
  return sql;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** Computes every figure of a work report with a handful of aggregate queries (one consistent read). */
export function sqlWorkReportFigures(
  db: SqlDatabase,
  query: WorkReportFiguresQuery,
  stationIds: readonly string[] | null,
): Promise<WorkReportFigures> {
  const p = paramsOf(query, stationIds);
  const q = sqlOf(db.dialect);
  const area = (text: string) => inArea(db.dialect, text, stationIds !== null);
  return db.transaction('snapshot', async (tx): Promise<WorkReportFigures> => {
    if (tx.dialect.reportSetup) await tx.run(tx.dialect.reportSetup);
    await tx.run(q.opinionScratch);
    await tx.run(q.clearOpinionScratch);
    try {
      await tx.run(area(q.fillOpinionScratch), p);
      const totalsRow = (await tx.get<Record<keyof OpinionTotals, number | null>>(q.opinionTotals, {
        asOf: p.asOf,
      })) as Record<keyof OpinionTotals, number | null>;
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
      const reception = (await tx.get<{ held: number; visitors: number }>(area(q.reception), p)) ?? {
        held: 0,
        visitors: 0,
      };

      const stations = new Map<string, StationFigures>();
      const station = (id: string): StationFigures => {
        let s = stations.get(id);
        if (!s) {
          s = emptyStationFigures(id);
          stations.set(id, s);
        }
        return s;
      };
      for (const r of await tx.all<Omit<StationFigures, 'stationId'> & { stationId: string }>(q.stationOpinions, {
        asOf: p.asOf,
      })) {
        Object.assign(station(r.stationId), {
          opinionsReceived: num(r.opinionsReceived),
          opinionsSubmitted: num(r.opinionsSubmitted),
          opinionsProcessed: num(r.opinionsProcessed),
          opinionsOverdue: num(r.opinionsOverdue),
        });
      }
      for (const r of await tx.all<{ stationId: string; held: number; visitors: number }>(
        area(q.stationReception),
        p,
      )) {
        Object.assign(station(r.stationId), { receptionDaysHeld: num(r.held), visitors: num(r.visitors) });
      }
      for (const r of await tx.all<{ stationId: string; cases: number }>(area(q.stationMediation), p)) {
        station(r.stationId).mediationCases = num(r.cases);
      }

      const activityMonths = (
        await tx.all<{
          stationId: string;
          kind: ActivityType | 'receptionDay';
          month: string;
          receptionDayStatus: string | null;
          hadVisitors: number;
        }>(area(q.activityMonths), p)
      ).map((r): ActivityMonthRow => ({ ...r, hadVisitors: num(r.hadVisitors) === 1 }));

      const representatives = (
        await tx.all<Omit<RepresentativeFigures, 'active'> & { active: unknown }>(area(q.representatives), p)
      ).map(
        (r): RepresentativeFigures => ({
          ...r,
          // JSON true: 1 from SQLite, 'true' from PostgreSQL.
          active: r.active === 1 || r.active === 'true',
          receptionDaysPresent: num(r.receptionDaysPresent),
          opinionsCollected: num(r.opinionsCollected),
          activitiesAttended: num(r.activitiesAttended),
          mediationsJoined: num(r.mediationsJoined),
        }),
      );

      const counted = <T extends { count: number }>(rows: T[]) => rows.map((r) => ({ ...r, count: num(r.count) }));
      return {
        receptionDaysHeld: num(reception.held),
        visitors: num(reception.visitors),
        opinionsByCategoryStatus: counted(
          await tx.all<WorkReportFigures['opinionsByCategoryStatus'][number]>(q.opinionsByCategoryStatus),
        ),
        opinionTotals,
        opinionsByMonth: (
          await tx.all<{ month: string; received: unknown; processed: unknown }>(q.opinionsByMonth)
        ).map((r) => ({ month: r.month, received: num(r.received), processed: num(r.processed) })),
        mediationByTypeStatus: counted(
          await tx.all<WorkReportFigures['mediationByTypeStatus'][number]>(area(q.mediation), p),
        ),
        stations: [...stations.values()],
        representatives,
        activityMonths,
      };
    } finally {
      await tx.run(q.clearOpinionScratch);
    }
  });
}

/** The export's opinion list, visitor name and phone masked in the database read (they never leave unmasked). */
export async function sqlOpinionDetails(
  db: SqlDatabase,
  query: WorkReportFiguresQuery,
  stationIds: readonly string[] | null,
): Promise<OpinionDetailRow[]> {
  const p = paramsOf(query, stationIds);
  const rows = await db.all<
    Omit<OpinionDetailRow, 'overdue'> & {
      visitorName: string | null;
      visitorPhone: string | null;
    }
  >(inArea(db.dialect, sqlOf(db.dialect).opinionDetails, stationIds !== null), p);
  return rows.map((r) => ({
    ...r,
    visitorName: maskName(r.visitorName),
    visitorPhone: maskPhone(r.visitorPhone),
    overdue: r.status === 'assigned' && r.deadline !== null && r.deadline < query.asOf,
  }));
}
