// Shapes of the county reports (sync and work) and of the figures the store computes for them in SQL.
import type { ActivityType, PeriodKind } from '../../../src-shared/activity/activity';
import type { DisputeType, MediationCaseStatus } from '../../../src-shared/mediation-case/mediation-case';
import type { OpinionCategory, OpinionStatus, Satisfaction } from '../../../src-shared/opinion/opinion';
import type { RepresentativeLevel } from '../../../src-shared/representative/representative';
import type { StationKind } from '../../../src-shared/station/station';

// ---------- Sync report ----------

/** What the store knows about one station of the county: its document, the sync bookkeeping and its tokens. */
export interface SyncReportSourceRow {
  stationId: string;
  stationName: string;
  stationKind: StationKind;
  townshipId: string;
  townshipName: string;
  lastHeartbeatAt: string | null;
  appVersion: string | null;
  pendingChanges: number | null;
  lastError: string | null;
  /** As the client reported it in its last heartbeat (station clock). */
  reportedLastSyncAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  /** Station tokens not revoked. */
  activeTokens: number;
  /** Station tokens ever issued. */
  tokensIssued: number;
  /** When the newest station token was issued (enrolment). */
  enrolledAt: string | null;
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

/** The area and period of a work report: county required, township or station optional; dates inclusive. */
export interface WorkReportQuery {
  countyId: string;
  townshipId?: string | undefined;
  stationId?: string | undefined;
  /** 'YYYY-MM-DD' (Asia/Shanghai), inclusive. */
  from: string;
  to: string;
  /** 'YYYY-MM-DD': the day "overdue" is judged on (today). */
  asOf: string;
}

/** The stations the report covers, resolved from the area (null = the whole county). */
export interface AreaStation {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
}

export interface CountByKey<K extends string> {
  key: K;
  count: number;
}

/** Opinion figures, each defined beside its SQL in work-report.ts. */
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

/** A station's activity done in a month (or a reception day), enough for the shared compliance rules. */
export interface ActivityMonthRow {
  stationId: string;
  /** An activity type, or 'receptionDay' for a reception day (with its status and whether it had visitors). */
  kind: ActivityType | 'receptionDay';
  /** 'YYYY-MM' */
  month: string;
  receptionDayStatus: string | null;
  hadVisitors: boolean;
}

/** Everything the store aggregates for one work report (all computed by SQL GROUP BY). */
export interface WorkReportFigures {
  receptionDaysHeld: number;
  visitors: number;
  opinionsByCategoryStatus: { category: OpinionCategory; status: OpinionStatus; count: number }[];
  opinionTotals: OpinionTotals;
  mediationByTypeStatus: { disputeType: DisputeType; status: MediationCaseStatus; count: number }[];
  stations: StationFigures[];
  representatives: RepresentativeFigures[];
  activityMonths: ActivityMonthRow[];
}

/** One opinion line of the export's detail sheet; the visitor's data comes masked. */
export interface OpinionDetailRow {
  id: string;
  receivedOn: string;
  stationName: string;
  townshipName: string;
  category: OpinionCategory;
  title: string;
  status: OpinionStatus;
  visitorName: string;
  visitorPhone: string;
  deadline: string | null;
  repliedOn: string | null;
  satisfaction: Satisfaction | null;
  overdue: boolean;
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
