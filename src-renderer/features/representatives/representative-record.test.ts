// A representative's record counts held reception days they attended, opinions they received and activities they joined.
import { describe, expect, it } from 'vitest';
import { makeActivity, makeOpinion, makeReceptionDay } from '../../../src-shared/testing/factories';
import { attendedReceptionDays, joinedActivities, receivedOpinions, recordCounts } from './representative-record';

describe('a representative record', () => {
  const wei = 'REP-WEI';
  const lan = 'REP-LAN';
  const receptionDays = [
    makeReceptionDay({
      date: '2026-03-01',
      status: 'held',
      representativeIds: [wei, lan],
      presentRepresentativeIds: [wei],
    }),
    makeReceptionDay({
      date: '2026-04-01',
      status: 'held',
      representativeIds: [lan],
      presentRepresentativeIds: [lan, wei],
    }),
    makeReceptionDay({ date: '2026-05-01', status: 'planned', representativeIds: [wei] }),
  ];
  const opinions = [makeOpinion({ representativeId: wei }), makeOpinion({ representativeId: lan })];
  const activities = [
    makeActivity({ date: '2026-02-01', representativeIds: [wei, lan] }),
    makeActivity({ date: '2026-02-02', representativeIds: [lan] }),
  ];

  it('counts only held days the representative was present at, newest first', () => {
    expect(attendedReceptionDays(receptionDays, wei).map((d) => d.date)).toEqual(['2026-04-01', '2026-03-01']);
    expect(attendedReceptionDays(receptionDays, lan).map((d) => d.date)).toEqual(['2026-04-01']);
  });

  it('lists opinions received and activities joined', () => {
    expect(receivedOpinions(opinions, wei)).toHaveLength(1);
    expect(joinedActivities(activities, lan).map((a) => a.date)).toEqual(['2026-02-02', '2026-02-01']);
    expect(recordCounts(wei, { receptionDays, opinions, activities })).toEqual({
      receptionDays: 2,
      opinions: 1,
      activities: 1,
    });
  });
});
