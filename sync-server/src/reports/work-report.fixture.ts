// A small county whose work-report figures were worked out by hand (see work-report.test.ts for the arithmetic).
// Period 2026-01-01 … 2026-03-31 (Q1), judged on 2026-04-10. Two stations of 象州县 in two townships, one of 武宣县.
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import {
  makeActivity,
  makeMediationCase,
  makeOpinion,
  makeReceptionDay,
  makeRepresentative,
  makeStation,
  TEST_COUNTY_ID,
  TEST_STATION_ID,
} from '../../../src-shared/testing/factories';
import { validateDocument } from '../../../src-shared/validation/validate';
import { owningStationId } from '../replication/scope';
import type { Store } from '../store/store';

export const FIXTURE = {
  countyId: TEST_COUNTY_ID,
  otherCountyId: 'county-wuxuan',
  stationA: TEST_STATION_ID,
  stationB: 'station-gude',
  otherCountyStation: 'station-tongling',
  townshipA: 'township-miaohuang',
  townshipB: 'township-gude',
  repA: 'rep-wei',
  repB: 'rep-qin',
  from: '2026-01-01',
  to: '2026-03-31',
  /** 2026-04-10 in Asia/Shanghai. */
  now: new Date('2026-04-10T02:00:00.000Z'),
  /** o1's visitor phone (masked 138****5678 in exports). */
  visitorPhone: '13812345678',
} as const;

const F = FIXTURE;

const stations = [
  makeStation({ id: F.stationA, townshipId: F.townshipA, townshipName: '妙皇乡' }),
  makeStation({
    id: F.stationB,
    townshipId: F.townshipB,
    townshipName: '古德镇',
    name: '古德村人大代表联络站',
    shortName: '古德',
    kind: 'villageStation',
    isDemonstration: false,
  }),
  makeStation({
    id: F.otherCountyStation,
    countyId: F.otherCountyId,
    countyName: '武宣县',
    countyShortName: '武宣',
    townshipId: 'township-tongling',
    townshipName: '桐岭镇',
    name: '桐岭镇人大代表履职活动中心',
    shortName: '桐岭',
  }),
];

const representatives = [
  makeRepresentative({ id: F.repA, stationId: F.stationA, name: '韦代表', level: 'county' }),
  makeRepresentative({ id: F.repB, stationId: F.stationB, name: '覃代表', level: 'township' }),
];

const A = { stationId: F.stationA, representativeId: F.repA };
const B = { stationId: F.stationB, representativeId: F.repB };
const assigned = (deadline: string) => ({ leadDepartmentId: 'dept-housing', assistingDepartmentIds: [], deadline });
const replied = (repliedOn: string) => ({ class: 'A' as const, text: '已办理', repliedOn });

/** Opinions o1…o14; the comments say how each one counts. */
export const fixtureOpinions = [
  // o1 closed, satisfied; replied 15 Jan for deadline 20 Jan (on time), 10 days after receipt.
  makeOpinion({
    ...A,
    id: 'o1',
    status: 'closed',
    receivedAt: '2026-01-05T02:00:00.000Z',
    category: 'ruralRevitalization',
    assignment: assigned('2026-01-20'),
    reply: replied('2026-01-15'),
    satisfaction: 'satisfied',
    visitor: { name: '张三', phone: F.visitorPhone },
  }),
  // o2 answered on site by the clerk alone (no representative): processed, never assigned.
  makeOpinion({
    ...A,
    id: 'o2',
    representativeId: '',
    status: 'answeredOnSite',
    receivedAt: '2026-01-10T03:00:00.000Z',
    category: 'other',
  }),
  // o3 reopened: rated unsatisfied → assigned again → replied again (12 Mar, deadline 10 Mar: late, 39 days).
  // Its old "unsatisfied" stays in the document until the visitor rates the new reply: not counted as rated.
  makeOpinion({
    ...A,
    id: 'o3',
    status: 'replied',
    receivedAt: '2026-02-01T01:00:00.000Z',
    category: 'pollution',
    assignment: assigned('2026-03-10'),
    reply: replied('2026-03-12'),
    satisfaction: 'unsatisfied',
    history: [
      {
        id: 'h1',
        at: '2026-02-20T02:00:00.000Z',
        by: '王文书',
        role: 'station',
        action: 'rate',
        from: 'replied',
        to: 'rated',
      },
      {
        id: 'h2',
        at: '2026-02-24T02:00:00.000Z',
        by: '李干事',
        role: 'county',
        action: 'assign',
        from: 'rated',
        to: 'assigned',
      },
      {
        id: 'h3',
        at: '2026-03-12T02:00:00.000Z',
        by: '李干事',
        role: 'county',
        action: 'reply',
        from: 'assigned',
        to: 'replied',
      },
    ],
  }),
  // o4 merged into o1 (a duplicate): out of the 办理率 denominator.
  makeOpinion({
    ...A,
    id: 'o4',
    status: 'merged',
    mergedIntoId: 'o1',
    receivedAt: '2026-01-06T02:00:00.000Z',
    category: 'ruralRevitalization',
  }),
  // o5 assigned, deadline 31 Mar: overdue on 10 Apr.
  makeOpinion({
    ...A,
    id: 'o5',
    status: 'assigned',
    receivedAt: '2026-03-01T02:00:00.000Z',
    category: 'cityAppearance',
    assignment: assigned('2026-03-31'),
  }),
  // o6 first day: 00:00 on 1 Jan in Shanghai (16:00 UTC the day before): in.
  makeOpinion({ ...A, id: 'o6', status: 'submitted', receivedAt: '2025-12-31T16:00:00.000Z', category: 'foodDrug' }),
  // o7 last day: 23:59:59 on 31 Mar in Shanghai: in, still recorded at the station (not submitted).
  makeOpinion({ ...A, id: 'o7', status: 'recorded', receivedAt: '2026-03-31T15:59:59.000Z', category: 'other' }),
  // o8 the day after (1 Apr 00:00 Shanghai): out.
  makeOpinion({ ...A, id: 'o8', status: 'closed', receivedAt: '2026-03-31T16:00:00.000Z', category: 'other' }),
  // o9 the day before (31 Dec 23:59:59 Shanghai): out.
  makeOpinion({ ...A, id: 'o9', status: 'submitted', receivedAt: '2025-12-31T15:59:59.000Z', category: 'other' }),
  // o10 rated basically satisfied; replied 20 Feb for deadline 28 Feb (on time), 10 days.
  makeOpinion({
    ...B,
    id: 'o10',
    status: 'rated',
    receivedAt: '2026-02-10T01:00:00.000Z',
    category: 'ruralRevitalization',
    assignment: assigned('2026-02-28'),
    reply: replied('2026-02-20'),
    satisfaction: 'basicallySatisfied',
  }),
  // o11 rejected: submitted, not processed.
  makeOpinion({
    ...B,
    id: 'o11',
    status: 'rejected',
    receivedAt: '2026-02-15T01:00:00.000Z',
    category: 'workerRights',
  }),
  // o12 escalated after an unsatisfied rating: rated (unsatisfied), replied late (5 Mar for 1 Mar), 13 days.
  makeOpinion({
    ...B,
    id: 'o12',
    status: 'escalated',
    receivedAt: '2026-02-20T01:00:00.000Z',
    category: 'publicEmergency',
    assignment: assigned('2026-03-01'),
    reply: replied('2026-03-05'),
    satisfaction: 'unsatisfied',
  }),
  // o13 returned by the department: its deadline has passed but it waits for the county, not overdue.
  makeOpinion({
    ...B,
    id: 'o13',
    status: 'returned',
    receivedAt: '2026-03-02T01:00:00.000Z',
    category: 'pollution',
    assignment: assigned('2026-03-15'),
  }),
  // o14 another county: never in 象州县's report.
  makeOpinion({
    id: 'o14',
    countyId: F.otherCountyId,
    stationId: F.otherCountyStation,
    status: 'closed',
    receivedAt: '2026-02-01T01:00:00.000Z',
  }),
];

export const fixtureReceptionDays = [
  makeReceptionDay({
    stationId: F.stationA,
    id: 'r1',
    status: 'held',
    date: '2026-01-15',
    visitorCount: 5,
    presentRepresentativeIds: [F.repA],
  }),
  // Held without visitors: a reception day held, but not the monthly `reception` activity.
  makeReceptionDay({
    stationId: F.stationA,
    id: 'r2',
    status: 'held',
    date: '2026-02-12',
    visitorCount: 0,
    presentRepresentativeIds: [F.repA],
  }),
  makeReceptionDay({ stationId: F.stationA, id: 'r3', status: 'cancelled', date: '2026-03-05' }),
  makeReceptionDay({
    stationId: F.stationA,
    id: 'r4',
    status: 'held',
    date: '2026-04-01',
    visitorCount: 9,
    presentRepresentativeIds: [F.repA],
  }),
  makeReceptionDay({
    stationId: F.stationB,
    id: 'r5',
    status: 'held',
    date: '2026-03-31',
    visitorCount: 4,
    presentRepresentativeIds: [F.repB],
  }),
];

export const fixtureActivities = [
  makeActivity({ stationId: F.stationA, id: 'a1', type: 'training', date: '2026-01-20', representativeIds: [F.repA] }),
  makeActivity({
    stationId: F.stationA,
    id: 'a2',
    type: 'deliberationDay',
    date: '2026-02-10',
    representativeIds: [F.repA],
  }),
  makeActivity({ stationId: F.stationA, id: 'a3', type: 'appReporting', date: '2026-03-15', representativeIds: [] }),
  makeActivity({ stationId: F.stationA, id: 'a4', type: 'reception', date: '2026-03-20', representativeIds: [F.repA] }),
  makeActivity({ stationId: F.stationB, id: 'a5', type: 'training', date: '2026-03-31', representativeIds: [F.repB] }),
  makeActivity({
    stationId: F.stationB,
    id: 'a6',
    type: 'deliberationDay',
    date: '2026-04-01',
    representativeIds: [F.repB],
  }),
];

const withRep = (representativeId: string) => [
  { name: '覃调解员', role: 'mediator' as const },
  { name: '代表', role: 'representative' as const, representativeId },
];
const mediator = [{ name: '覃调解员', role: 'mediator' as const }];

export const fixtureMediationCases = [
  makeMediationCase({
    stationId: F.stationA,
    id: 'm1',
    status: 'performed',
    disputeType: 'neighbour',
    registeredOn: '2026-01-10',
    participants: withRep(F.repA),
  }),
  makeMediationCase({
    stationId: F.stationA,
    id: 'm2',
    status: 'agreed',
    disputeType: 'landForest',
    registeredOn: '2026-02-01',
    participants: withRep(F.repA),
  }),
  makeMediationCase({
    stationId: F.stationA,
    id: 'm3',
    status: 'failed',
    disputeType: 'neighbour',
    registeredOn: '2026-03-31',
    participants: mediator,
  }),
  makeMediationCase({
    stationId: F.stationA,
    id: 'm4',
    status: 'withdrawn',
    disputeType: 'family',
    registeredOn: '2026-03-01',
    participants: mediator,
  }),
  makeMediationCase({
    stationId: F.stationA,
    id: 'm5',
    status: 'mediating',
    disputeType: 'labour',
    registeredOn: '2026-02-15',
    participants: mediator,
  }),
  makeMediationCase({
    stationId: F.stationB,
    id: 'm6',
    status: 'performed',
    disputeType: 'landForest',
    registeredOn: '2026-01-01',
    participants: withRep(F.repB),
  }),
  makeMediationCase({
    stationId: F.stationB,
    id: 'm7',
    status: 'failed',
    disputeType: 'contract',
    registeredOn: '2026-04-01',
    participants: withRep(F.repB),
  }),
];

/** Every fixture document, by collection. */
export const fixtureDocuments: [SyncedCollection, readonly object[]][] = [
  ['stations', stations],
  ['representatives', representatives],
  ['opinions', fixtureOpinions],
  ['receptionDays', fixtureReceptionDays],
  ['activities', fixtureActivities],
  ['mediationCases', fixtureMediationCases],
];

/** Writes the fixture (counties, townships, documents) into a store; every document is checked against its schema. */
export async function seedWorkReportFixture(store: Store): Promise<void> {
  await store.upsertCounties([
    { id: F.countyId, name: '象州县' },
    { id: F.otherCountyId, name: '武宣县' },
  ]);
  await store.upsertTownships([
    { id: F.townshipA, countyId: F.countyId, name: '妙皇乡' },
    { id: F.townshipB, countyId: F.countyId, name: '古德镇' },
    { id: 'township-tongling', countyId: F.otherCountyId, name: '桐岭镇' },
  ]);
  for (const [collection, docs] of fixtureDocuments) {
    const writes = docs.map((doc) => {
      const body = doc as Record<string, unknown>;
      const errors = validateDocument(collection, body).errors;
      if (errors.length > 0) throw new Error(`fixture ${collection} ${String(body.id)}: ${JSON.stringify(errors)}`);
      return {
        id: body.id as string,
        stationId: owningStationId(collection, body),
        countyId: body.countyId as string,
        deleted: false,
        body,
      };
    });
    await store.upsertDocuments(collection, writes);
  }
}
