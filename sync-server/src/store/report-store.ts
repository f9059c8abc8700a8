// The report part of the Store: aggregates computed by the database, never by loading every record.
import type { OpinionCategory } from '../../../src-shared/opinion/opinion';
import type { DuplicateCandidate } from '../reports/duplicates';
import type {
  OpinionDetailRow,
  SyncReportSourceRow,
  WorkReportFigures,
  WorkReportFiguresQuery,
} from '../reports/report-types';

export interface ReportStore {
  /** Every (not deleted) station of the county with its sync bookkeeping and station tokens. */
  syncReportRows(countyId: string): Promise<SyncReportSourceRow[]>;
  /** The work report's figures for the county, period and stations (null = the whole county). */
  workReportFigures(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<WorkReportFigures>;
  /** The opinions of the period for the export's detail sheet, visitor name and phone masked. */
  opinionDetails(query: WorkReportFiguresQuery, stationIds: readonly string[] | null): Promise<OpinionDetailRow[]>;
  /** Opinions of the county and category that another could be merged into (not recorded, merged or rejected). */
  opinionDuplicateCandidates(
    countyId: string,
    category: OpinionCategory,
    excludeId: string,
  ): Promise<DuplicateCandidate[]>;
}
