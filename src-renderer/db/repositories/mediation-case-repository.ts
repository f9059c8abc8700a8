// Mediation cases (矛盾纠纷调解): register with a station-scoped case number, edit, lifecycle commands, lists.
import type { MangoQuerySelector } from 'rxdb';
import type { Observable } from 'rxjs';
import { nextCaseNumber } from '../../../src-shared/case-number/case-number';
import { DomainError } from '../../../src-shared/common/domain-error';
import type { Actor } from '../../../src-shared/common/lifecycle';
import type {
  DisputeType,
  MediationCase,
  MediationCaseStatus,
} from '../../../src-shared/mediation-case/mediation-case';
import type {
  MediationCaseAction,
  MediationCaseCommand,
} from '../../../src-shared/mediation-case/mediation-case-lifecycle';
import type { LiaisonDatabase } from '../database';
import { getLocalSetting } from '../local-settings';
import { dateRangeSelector } from './date-range';
import {
  type CreateInput,
  escapeRegex,
  type Page,
  RecordRepository,
  type RepositoryOptions,
  type SortDirection,
} from './record-repository';

export interface MediationCaseFilter {
  status?: MediationCaseStatus | readonly MediationCaseStatus[];
  disputeType?: DisputeType;
  stationId?: string;
  /** registeredOn 'YYYY-MM-DD', inclusive. */
  dateFrom?: string;
  dateTo?: string;
  /** Words in the case number or the facts (parties are encrypted and never searched). */
  text?: string;
}

export interface MediationCaseListQuery extends Page {
  filter?: MediationCaseFilter;
  direction?: SortDirection;
}

/** A new case may leave out its number: the repository assigns the next one of the station and year. */
export type MediationCaseInput = Omit<CreateInput<MediationCase>, 'caseNumber'> & { caseNumber?: string };

export function mediationCaseSelector(filter: MediationCaseFilter = {}): MangoQuerySelector<MediationCase> {
  const selector: Record<string, unknown> = {};
  if (filter.status !== undefined) {
    selector.status = Array.isArray(filter.status) ? { $in: [...filter.status] } : { $eq: filter.status };
  }
  if (filter.disputeType) selector.disputeType = { $eq: filter.disputeType };
  if (filter.stationId) selector.stationId = { $eq: filter.stationId };
  selector.registeredOn = dateRangeSelector(filter.dateFrom, filter.dateTo);
  const text = filter.text?.trim();
  if (text) {
    const pattern = escapeRegex(text);
    selector.$or = [{ caseNumber: { $regex: pattern, $options: 'i' } }, { facts: { $regex: pattern, $options: 'i' } }];
  }
  return selector as MangoQuerySelector<MediationCase>;
}

export class MediationCaseRepository extends RecordRepository<'mediationCases'> {
  constructor(db: LiaisonDatabase, options: RepositoryOptions = {}) {
    super(db, 'mediationCases', options);
  }

  /** The next case number of the station for the year of `registeredOn` (offline, station- and device-scoped). */
  async nextCaseNumber(stationId: string, registeredOn: string): Promise<string> {
    const station = await this.db.stations.findOne(stationId).exec();
    if (!station) {
      throw new DomainError({
        code: 'station_unknown',
        message: '本机还没有联络站的基础信息，请先同步一次后再登记调解案件',
        messageEn: `Station ${stationId} is not in the local reference data`,
      });
    }
    const year = Number(registeredOn.slice(0, 4));
    const prefix = `${station.countyShortName}-${station.shortName}-${year}-`;
    // The caseNumber index serves this prefix range.
    const existing = await this.collection
      .find({ selector: { caseNumber: { $gte: prefix, $lt: `${prefix}\uffff` } } })
      .exec();
    const identity = await getLocalSetting(this.db, 'station-identity');
    return nextCaseNumber({
      countyShortName: station.countyShortName,
      stationShortName: station.shortName,
      year,
      existing: existing.map((d) => d.caseNumber),
      ...(identity?.deviceCode ? { deviceCode: identity.deviceCode } : {}),
    });
  }

  protected override async prepareCreate(doc: MediationCase): Promise<MediationCase> {
    if (doc.caseNumber) return doc;
    return { ...doc, caseNumber: await this.nextCaseNumber(doc.stationId, doc.registeredOn) };
  }

  /** Registers a case (status 'registered'); the case number is assigned when not given. */
  override create(input: MediationCaseInput, actor: Actor): Promise<MediationCase> {
    return super.create({ caseNumber: '', ...input } as CreateInput<MediationCase>, actor);
  }

  /** startMediation, agree (with the written agreement), perform, fail (with referral), withdraw. */
  apply(id: string, command: MediationCaseCommand, actor: Actor): Promise<MediationCase> {
    return this.applyLifecycleCommand(id, command, actor);
  }

  override allowedActions(record: MediationCase, role: Actor['role']): MediationCaseAction[] {
    return super.allowedActions(record, role) as MediationCaseAction[];
  }

  list$(query: MediationCaseListQuery = {}): Observable<MediationCase[]> {
    const direction = query.direction ?? 'desc';
    return this.find$({
      selector: mediationCaseSelector(query.filter),
      sort: [{ registeredOn: direction }, { id: direction }],
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.skip !== undefined ? { skip: query.skip } : {}),
    });
  }

  count$(filter: MediationCaseFilter = {}): Observable<number> {
    return this.countWhere$(mediationCaseSelector(filter));
  }
}
