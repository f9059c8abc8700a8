// What the store computes for the county reports in SQL (the reports' own shapes are the wire contract in
// src-shared/api/reports.ts).
import type { ActivityType } from '../../../src-shared/activity/activity';
import type {
  OpinionMonth,
  OpinionTotals,
  RepresentativeFigures,
  StationFigures,
} from '../../../src-shared/api/reports';
import type { DisputeType, MediationCaseStatus } from '../../../src-shared/mediation-case/mediation-case';
import type { OpinionCategory, OpinionStatus, Satisfaction } from '../../../src-shared/opinion/opinion';
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

// ---------- Work report ----------

/** The period and area the store aggregates a work report over: the county resolved, the dates checked. */
export interface WorkReportFiguresQuery {
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

/** A station with nothing in the period. */
export function emptyStationFigures(stationId: string): StationFigures {
  return {
    stationId,
    receptionDaysHeld: 0,
    visitors: 0,
    opinionsReceived: 0,
    opinionsSubmitted: 0,
    opinionsProcessed: 0,
    opinionsOverdue: 0,
    mediationCases: 0,
  };
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
  /** Only the months that have opinions, in order. */
  opinionsByMonth: OpinionMonth[];
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
