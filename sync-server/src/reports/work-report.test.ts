// Work-report figures against the hand-worked fixture (work-report.fixture.ts), on both stores (a SQLite file and a
// PostgreSQL database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { type OpenedStore, openTestStore, storeKinds } from '../testing/test-stores';
import { buildWorkReport, monthsOf, reportPeriod } from './work-report';
import { FIXTURE as F, seedWorkReportFixture } from './work-report.fixture';

describe.each(storeKinds)('work report of 象州县, 2026-01-01 … 2026-03-31, judged on 2026-04-10 (%s)', (kind) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(kind);
    store = opened.store;
    await seedWorkReportFixture(store);
  });
  afterAll(() => opened.dispose());

  const countyReport = async () =>
    (await buildWorkReport(store, { countyId: F.countyId, from: F.from, to: F.to }, F.now)).report;

  it('counts opinions received in the period by their Shanghai date: first and last day in, the days around out', async () => {
    const t = (await countyReport()).opinions.totals;
    // In: o1–o7 (o6 at 00:00 on 1 Jan, o7 at 23:59:59 on 31 Mar), o10–o13 = 11. Out: o8 (1 Apr), o9 (31 Dec),
    // o14 (another county).
    expect(t.received).toBe(11);
    expect(t.merged).toBe(1); // o4
    expect(t.answeredOnSite).toBe(1); // o2
  });

  it('computes 办理率 without the merged duplicate and the still-recorded opinion', async () => {
    const report = await countyReport();
    // Submitted = 11 − o7 (recorded, never left the station) − o4 (merged: the matter is counted once, via o1) = 9.
    // Processed = o1 closed + o2 answered on site + o3 replied (again) + o10 rated = 4. o11 rejected, o12 escalated,
    // o13 returned, o5 assigned and o6 submitted are not processed.  4 ÷ 9 = 0.444…
    expect(report.opinions.processingRate).toEqual({ numerator: 4, denominator: 9, value: 4 / 9 });
  });

  it('computes the on-time rate, the satisfaction rate and the average days to reply', async () => {
    const report = await countyReport();
    const t = report.opinions.totals;
    // Replied (a current reply): o1 (15 Jan ≤ 20 Jan ✓), o3 (12 Mar > 10 Mar ✗, its second reply),
    // o10 (20 Feb ≤ 28 Feb ✓), o12 (5 Mar > 1 Mar ✗): on time 2 ÷ 4.
    expect(report.opinions.onTimeRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // Rated on the current reply: o1 satisfied, o10 basically satisfied, o12 unsatisfied (escalated after it).
    // o3's old "unsatisfied" belongs to its first reply and is not counted.  (1 + 1) ÷ 3.
    expect([t.rated, t.satisfied, t.basicallySatisfied, t.unsatisfied]).toEqual([3, 1, 1, 1]);
    expect(report.opinions.satisfactionRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    // Days from receipt to reply: o1 5→15 Jan = 10, o3 1 Feb→12 Mar = 28 + 11 = 39, o10 10→20 Feb = 10,
    // o12 20 Feb→5 Mar = 8 + 5 = 13.  (10 + 39 + 10 + 13) ÷ 4 = 18.
    expect(t.averageDaysToReply).toBeCloseTo(18, 10);
    // Overdue on 10 Apr: o5 (assigned, deadline 31 Mar). o13's deadline passed too, but it was returned.
    expect(t.overdue).toBe(1);
  });

  it('gives the monthly trend in the same report: received and processed per month, months without opinions as 0', async () => {
    // Jan: o1 closed, o2 answered on site, o4 merged, o6 (1 Jan 00:00) submitted; Feb: o3 replied, o10 rated,
    // o11 rejected, o12 escalated; Mar: o5 assigned, o7 (31 Mar 23:59:59) recorded, o13 returned.
    expect((await countyReport()).opinions.byMonth).toEqual([
      { month: '2026-01', received: 4, processed: 2 },
      { month: '2026-02', received: 4, processed: 2 },
      { month: '2026-03', received: 3, processed: 0 },
    ]);
    // The months at both ends are clipped to the period: November has nothing, January only 1–5 Jan (o6, o1).
    const clipped = await buildWorkReport(store, { countyId: F.countyId, from: '2025-11-15', to: '2026-01-05' }, F.now);
    expect(clipped.report.opinions.byMonth).toEqual([
      { month: '2025-11', received: 0, processed: 0 },
      { month: '2025-12', received: 1, processed: 0 },
      { month: '2026-01', received: 2, processed: 1 },
    ]);
  });

  it('lists the calendar months of a period across the new year', () => {
    expect(monthsOf('2025-11-15', '2026-01-10')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    const long = monthsOf('2024-01-01', '2026-03-31');
    expect([long.length, long[0], long.at(-1)]).toEqual([27, '2024-01', '2026-03']);
  });

  it("gives for each month of the trend what that month's own report says (one query instead of one per month)", async () => {
    const period = { countyId: F.countyId, townshipId: F.townshipA, from: '2025-12-20', to: '2026-04-01' };
    const trend = (await buildWorkReport(store, period, F.now)).report.opinions.byMonth;
    expect(trend.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    for (const point of trend) {
      const [year, month] = point.month.split('-').map(Number) as [number, number];
      const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
      const start = [`${point.month}-01`, period.from].sort()[1] as string;
      const end = [lastDay, period.to].sort()[0] as string;
      const monthly = (await buildWorkReport(store, { ...period, from: start, to: end }, F.now)).report;
      expect(point, point.month).toEqual({
        month: point.month,
        received: monthly.opinions.totals.received,
        processed: monthly.opinions.totals.processed,
      });
    }
    expect(trend.reduce((sum, m) => sum + m.received, 0)).toBeGreaterThan(0);
  });

  it('breaks opinions down by category and status, every category listed', async () => {
    const byCategory = Object.fromEntries((await countyReport()).opinions.byCategory.map((c) => [c.category, c]));
    expect(Object.keys(byCategory)).toHaveLength(7);
    expect(byCategory.ruralRevitalization?.total).toBe(3); // o1 closed, o4 merged, o10 rated
    expect(byCategory.ruralRevitalization?.byStatus).toMatchObject({ closed: 1, merged: 1, rated: 1, submitted: 0 });
    expect(byCategory.pollution?.byStatus).toMatchObject({ replied: 1, returned: 1 }); // o3, o13
    expect(byCategory.other?.byStatus).toMatchObject({ answeredOnSite: 1, recorded: 1, closed: 0 }); // o2, o7 (not o8, o9)
    expect(byCategory.workerRights?.label).toBe('职工维权');
  });

  it('counts reception days held and visitors received', async () => {
    // Held in the period: r1 (5 visitors), r2 (0), r5 on 31 Mar (4). r3 cancelled, r4 on 1 Apr.  3 days, 9 visitors.
    expect((await countyReport()).reception).toEqual({ daysHeld: 3, visitors: 9 });
  });

  it('counts mediation cases by type and outcome, success over concluded cases', async () => {
    const m = (await countyReport()).mediation;
    // In: m1–m6 (m6 registered on 1 Jan, m3 on 31 Mar; m7 on 1 Apr is out) = 6.
    // Concluded: performed m1, m6 + agreed m2 + failed m3 = 4 (withdrawn m4 and mediating m5 are not).
    // Successful: agreed + performed = 3.  3 ÷ 4 = 0.75.
    expect(m.total).toBe(6);
    expect(m.successRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    const neighbour = m.byType.find((t) => t.disputeType === 'neighbour');
    expect(neighbour?.byStatus).toMatchObject({ performed: 1, failed: 1 });
    expect(m.byType.find((t) => t.disputeType === 'contract')?.total).toBe(0);
  });

  it('lists the required activities missing per station, by month and quarter', async () => {
    const missing = (await countyReport()).missingActivities.map((m) => [m.stationId, m.type, m.missingIn]);
    // Q1 requires reception in each month and training, deliberation day and app reporting once in the quarter.
    // 妙皇: reception Jan (r1, with visitors), Mar (activity a4); Feb's r2 had no visitors → Feb missing.
    // 古德: reception Mar only (r5); training a5 on 31 Mar; its deliberation day a6 is on 1 Apr (out).
    expect(missing).toEqual([
      [F.stationB, 'reception', ['2026-01', '2026-02']],
      [F.stationB, 'deliberationDay', ['2026-Q1']],
      [F.stationB, 'appReporting', ['2026-Q1']],
      [F.stationA, 'reception', ['2026-02']],
    ]);
    const report = await countyReport();
    expect(report.missingActivities[0]?.missingInLabels).toEqual(['2026年1月', '2026年2月']);
    expect(report.stations.map((s) => [s.stationId, s.missingActivities])).toEqual([
      [F.stationB, 3],
      [F.stationA, 1],
    ]);
  });

  it("gives each station's figures", async () => {
    const stations = Object.fromEntries((await countyReport()).stations.map((s) => [s.stationId, s]));
    // 妙皇: received o1–o7 = 7, submitted o1 o2 o3 o5 o6 = 5, processed o1 o2 o3 = 3, overdue o5;
    // held r1 r2 (5 visitors); mediation m1–m5.
    expect(stations[F.stationA]).toMatchObject({
      opinionsReceived: 7,
      opinionsSubmitted: 5,
      opinionsProcessed: 3,
      opinionsOverdue: 1,
      receptionDaysHeld: 2,
      visitors: 5,
      mediationCases: 5,
    });
    // 古德: o10–o13, processed o10 only; r5 (4 visitors); m6.
    expect(stations[F.stationB]).toMatchObject({
      opinionsReceived: 4,
      opinionsSubmitted: 4,
      opinionsProcessed: 1,
      receptionDaysHeld: 1,
      visitors: 4,
      mediationCases: 1,
    });
    expect(stations[F.stationB]?.processingRate.value).toBe(0.25);
  });

  it("gives each representative's record", async () => {
    const reps = Object.fromEntries((await countyReport()).representatives.map((r) => [r.representativeId, r]));
    // 韦代表: present at r1, r2 (r4 out); collected o1 o3 o4 o5 o6 o7 (o2 by the clerk alone); activities a1 a2 a4;
    // mediation m1 m2.
    expect(reps[F.repA]).toMatchObject({
      receptionDaysPresent: 2,
      opinionsCollected: 6,
      activitiesAttended: 3,
      mediationsJoined: 2,
      levelLabel: '县人大代表',
      stationName: '妙皇乡人大代表联络站',
    });
    // 覃代表: r5; o10–o13; a5 (a6 out); m6 (m7 out).
    expect(reps[F.repB]).toMatchObject({
      receptionDaysPresent: 1,
      opinionsCollected: 4,
      activitiesAttended: 1,
      mediationsJoined: 1,
    });
  });

  it('narrows to a township or a station', async () => {
    const township = await buildWorkReport(
      store,
      { countyId: F.countyId, townshipId: F.townshipB, from: F.from, to: F.to },
      F.now,
    );
    expect(township.report.area).toEqual({ kind: 'township', id: F.townshipB, name: '古德镇' });
    expect(township.report.opinions.processingRate).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(township.report.representatives.map((r) => r.representativeId)).toEqual([F.repB]);
    const station = await buildWorkReport(
      store,
      { countyId: F.countyId, stationId: F.stationA, from: F.from, to: F.to },
      F.now,
    );
    expect(station.report.opinions.totals.received).toBe(7);
    expect(station.report.reception).toEqual({ daysHeld: 2, visitors: 5 });
  });

  it("refuses another county's station and an inverted period", async () => {
    await expect(
      buildWorkReport(store, { countyId: F.countyId, stationId: F.otherCountyStation }, F.now),
    ).rejects.toMatchObject({ statusCode: 403, code: 'out_of_scope' });
    expect(() => reportPeriod('2026-03-31', '2026-01-01', F.now)).toThrow(/晚于/);
    expect(() => reportPeriod('2026-02-30', undefined, F.now)).toThrow(/无效/);
    expect(reportPeriod(undefined, undefined, F.now)).toEqual({
      from: '2026-01-01',
      to: '2026-04-10',
      asOf: '2026-04-10',
    });
  });

  it('uses the report-date index for the period filter', async () => {
    const period =
      "SELECT count(*) FROM documents WHERE collection = 'opinions' AND county_id = ? AND report_date BETWEEN ? AND ?";
    const params = [F.countyId, F.from, F.to];
    // PostgreSQL prefers a scan of so small a table: with scans off, the plan shows the index serves the filter.
    const plan =
      kind === 'sqlite'
        ? (await opened.sql.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${period}`, params)).map((p) => p.detail)
        : await opened.sql.transaction('snapshot', async (tx) => {
            await tx.run('SET LOCAL enable_seqscan = off');
            return (await tx.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${period}`, params)).map((p) => p['QUERY PLAN']);
          });
    expect(plan.join(' ')).toMatch(/documents_report_date/);
  });
});
