// The county reports over HTTP (countyRoutes.syncReport, countyRoutes.workReport): their queries, formats and the
// JSON the server answers with. The CLI's `report … --format json` prints the same objects.
import type { ActivityType, PeriodKind } from '../activity/activity';
import type { DisputeType, MediationCaseStatus } from '../mediation-case/mediation-case';
import type { OpinionCategory, OpinionStatus } from '../opinion/opinion';
import type { RepresentativeLevel } from '../representative/representative';
import type { StationKind } from '../station/station';

/** JSON (the objects below), or a file to save: CSV (UTF-8 with BOM) or XLSX. */
export const reportFormats = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export type ExportFormat = Exclude<ReportFormat, 'json'>;

/** The media type of each export (the server's Content-Type). */
export const exportMediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// ---------- Sync report ----------

/** GET countyRoutes.syncReport */
export interface SyncReportQuery {
  /** County staff may name only their own county (the default). */
  countyId?: string | undefined;
  /** After how many days without a sync a station is stale (1–365); default the server's setting (LS_STALE_DAYS). */
  staleDays?: number | undefined;
  format?: ReportFormat | undefined;
}

/** fresh 正常 · stale 超期未同步 · neverSynced 已注册从未同步 · notEnrolled 未注册 · revoked 凭证已吊销. */
export type StationSyncStatus = 'fresh' | 'stale' | 'neverSynced' | 'notEnrolled' | 'revoked';

/** One object per station of the county (the sync report's JSON is an array of these). */
export interface SyncReportRow {
  stationId: string;
  stationName: string;
  stationKind: StationKind;
  townshipId: string;
  townshipName: string;
  /** Last successful pull or push the server recorded (server clock, ISO); null when never. */
  lastSyncAt: string | null;
  /** The last sync time the station itself reported in a heartbeat (its own clock). */
  reportedLastSyncAt: string | null;
  lastHeartbeatAt: string | null;
  /** Latest of heartbeat, pull and push. */
  lastSeenAt: string | null;
  appVersion: string | null;
  pendingChanges: number | null;
  lastError: string | null;
  /** Whole days since lastSeenAt (null when never seen). */
  daysSinceSeen: number | null;
  /** Whole days since lastSyncAt (null when never synced). */
  daysSinceSync: number | null;
  /** The station holds a valid (not revoked) sync token. */
  enrolled: boolean;
  enrolledAt: string | null;
  /** Tokens were issued and all are revoked. */
  revoked: boolean;
  /** No pull, push or heartbeat ever recorded. */
  neverSynced: boolean;
  /** Enrolled, synced before, and no successful sync for `staleDays` days or more. */
  stale: boolean;
  status: StationSyncStatus;
  /** Chinese label of `status`. */
  statusLabel: string;
}

export interface SyncReport {
  countyId: string;
  countyName: string;
  generatedAt: string;
  staleDays: number;
  stations: SyncReportRow[];
  totals: Record<StationSyncStatus, number> & { stations: number };
}

// ---------- Work report ----------

/** GET countyRoutes.workReport: the period ('YYYY-MM-DD', Asia/Shanghai, inclusive; by default 1 January of this
 * year to today) and the area (no township or station: the whole county). */
export interface WorkReportQuery {
  /** County staff may name only their own county (the default). */
  countyId?: string | undefined;
  townshipId?: string | undefined;
  stationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  format?: ReportFormat | undefined;
}

/** Opinion figures, each defined beside its SQL (sync-server/src/store/sql/sql-work-report.ts). */
export interface OpinionTotals {
  /** Every opinion received in the period (any status). */
  received: number;
  /** Left the station (not `recorded`) and not merged into another: the denominator of 办理率. */
  submitted: number;
  /** In `processedOpinionStatuses` (replied, rated, closed, answered on site). */
  processed: number;
  merged: number;
  answeredOnSite: number;
  /** Has a (current) reply. */
  replied: number;
  /** Replied on or before the assignment deadline. */
  repliedOnTime: number;
  /** Rated by the visitor on the current reply. */
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** Mean of (reply date − received date) in days, over replied opinions; null when none. */
  averageDaysToReply: number | null;
  /** Assigned, not replied, deadline before `asOf`. */
  overdue: number;
}

/** One month of the work report's trend. */
export interface OpinionMonth {
  /** 'YYYY-MM' */
  month: string;
  received: number;
  processed: number;
}

export interface StationFigures {
  stationId: string;
  receptionDaysHeld: number;
  visitors: number;
  opinionsReceived: number;
  opinionsSubmitted: number;
  opinionsProcessed: number;
  opinionsOverdue: number;
  mediationCases: number;
}

export interface RepresentativeFigures {
  representativeId: string;
  name: string;
  level: RepresentativeLevel;
  stationId: string;
  active: boolean;
  receptionDaysPresent: number;
  opinionsCollected: number;
  activitiesAttended: number;
  mediationsJoined: number;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, null when the denominator is 0. */
  value: number | null;
}

export interface MissingActivity {
  stationId: string;
  stationName: string;
  townshipName: string;
  type: ActivityType;
  typeLabel: string;
  frequency: PeriodKind;
  /** Sub-periods (fully inside the report period) without the activity, e.g. '2026-02', '2026-Q1', '2026-H1', '2026'. */
  missingIn: string[];
  /** The same in Chinese: '2026年2月', '2026年第1季度', '2026年上半年', '2026年'. */
  missingInLabels: string[];
}

export interface WorkReport {
  countyId: string;
  countyName: string;
  area: { kind: 'county' | 'township' | 'station'; id: string; name: string };
  from: string;
  to: string;
  asOf: string;
  generatedAt: string;
  reception: { daysHeld: number; visitors: number };
  opinions: {
    totals: OpinionTotals;
    processingRate: Rate;
    onTimeRate: Rate;
    satisfactionRate: Rate;
    /** Every calendar month the period touches (each clipped to the period), in order, with the opinions received
     * and processed in it: the totals a one-month report of the same area would give. */
    byMonth: OpinionMonth[];
    /** Rows per category (all seven, in the domain's order), counts per status and the total. */
    byCategory: { category: OpinionCategory; label: string; total: number; byStatus: Record<OpinionStatus, number> }[];
  };
  mediation: {
    total: number;
    /** agreed + performed + failed (withdrawn excluded). */
    concluded: number;
    successful: number;
    successRate: Rate;
    byType: {
      disputeType: DisputeType;
      label: string;
      total: number;
      byStatus: Record<MediationCaseStatus, number>;
    }[];
  };
  stations: (StationFigures & {
    stationName: string;
    townshipName: string;
    processingRate: Rate;
    missingActivities: number;
  })[];
  missingActivities: MissingActivity[];
  representatives: (RepresentativeFigures & { levelLabel: string; stationName: string })[];
}
