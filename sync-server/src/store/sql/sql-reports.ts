// The report part on SQL, for both databases: the sync report's rows, the work report's figures and opinion list,
// and duplicate candidates, each aggregated by the database.
import type { OpinionCategory } from '../../../../src-shared/opinion/opinion';
import type { DuplicateCandidate } from '../../reports/duplicates';
import type {
  OpinionDetailRow,
  SyncReportSourceRow,
  WorkReportFigures,
  WorkReportFiguresQuery,
} from '../../reports/report-types';
import type { ReportStore } from '../report-store';
import type { SqlDatabase, SqlDialect } from './sql-database';
import { sqlOpinionDetails, sqlWorkReportFigures } from './sql-work-report';

/**
 * One row per (not deleted) station of the county: its document's names, the server's own sync bookkeeping
 * (station_sync: last pull, push, heartbeat) and its station tokens (enrolment, revocation).
 */
function syncReportSql(x: SqlDialect): string {
  const j = (field: string) => x.json('d.body', field);
  return `SELECT d.id AS "stationId", ${j('name')} AS "stationName", ${j('kind')} AS "stationKind",
    ${j('townshipId')} AS "townshipId", ${j('townshipName')} AS "townshipName",
    s.last_heartbeat_at AS "lastHeartbeatAt", s.app_version AS "appVersion", s.pending_changes AS "pendingChanges",
    s.last_error AS "lastError", s.last_sync_at AS "reportedLastSyncAt", s.last_pull_at AS "lastPullAt",
    s.last_push_at AS "lastPushAt",
    coalesce(t.active, 0) AS "activeTokens", coalesce(t.issued, 0) AS "tokensIssued", t.enrolled_at AS "enrolledAt"
  FROM documents d
  LEFT JOIN station_sync s ON s.station_id = d.id
  LEFT JOIN (
    SELECT station_id, count(*) FILTER (WHERE revoked_at IS NULL) AS active, count(*) AS issued,
      max(created_at) AS enrolled_at
    FROM tokens WHERE kind = 'station' GROUP BY station_id
  ) t ON t.station_id = d.id
  WHERE d.collection = 'stations' AND d.county_id = ? AND NOT d.deleted
  ORDER BY ${j('townshipName')}${x.byteOrder}, ${j('name')}${x.byteOrder}, d.id`;
}

function duplicateCandidatesSql(x: SqlDialect): string {
  const j = (field: string) => x.json('d.body', field);
  return `SELECT d.id AS "id", d.station_id AS "stationId", coalesce(${x.json('s.body', 'name')}, '') AS "stationName",
    coalesce(${x.json('s.body', 'townshipName')}, '') AS "townshipName", ${j('category')} AS "category",
    ${j('status')} AS "status", ${j('receivedAt')} AS "receivedAt", ${j('title')} AS "title",
    ${j('content')} AS "content"
  FROM documents d LEFT JOIN documents s ON s.collection = 'stations' AND s.id = d.station_id
  WHERE d.collection = 'opinions' AND d.county_id = ? AND NOT d.deleted AND d.id <> ?
    AND ${j('category')} = ? AND ${j('status')} NOT IN ('recorded', 'merged', 'rejected')`;
}

export class SqlReports implements ReportStore {
  private readonly syncReport: string;
  private readonly duplicateCandidates: string;

  constructor(private readonly db: SqlDatabase) {
    this.syncReport = syncReportSql(db.dialect);
    this.duplicateCandidates = duplicateCandidatesSql(db.dialect);
  }

  async syncReportRows(countyId: string): Promise<SyncReportSourceRow[]> {
    const rows = await this.db.all<SyncReportSourceRow>(this.syncReport, [countyId]);
    return rows.map((r) => ({
      ...r,
      pendingChanges: r.pendingChanges === null ? null : Number(r.pendingChanges),
      activeTokens: Number(r.activeTokens),
      tokensIssued: Number(r.tokensIssued),
    }));
  }

  workReportFigures(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<WorkReportFigures> {
    return sqlWorkReportFigures(this.db, query, stationIds);
  }

  opinionDetails(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<OpinionDetailRow[]> {
    return sqlOpinionDetails(this.db, query, stationIds);
  }

  opinionDuplicateCandidates(
    countyId: string,
    category: OpinionCategory,
    excludeId: string,
  ): Promise<DuplicateCandidate[]> {
    return this.db.all<DuplicateCandidate>(this.duplicateCandidates, [countyId, excludeId, category]);
  }
}
