// A representative's record (代表履职档案): the reception days attended, opinions received and activities joined.
import type { Activity } from '../../../src-shared/activity/activity';
import type { Opinion } from '../../../src-shared/opinion/opinion';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';

export interface RepresentativeRecord {
  receptionDays: ReceptionDay[];
  opinions: Opinion[];
  activities: Activity[];
}

/** Held reception days where the representative was present (the duty roster counts only once held). */
export function attendedReceptionDays(days: readonly ReceptionDay[], representativeId: string): ReceptionDay[] {
  return days
    .filter(
      (d) => d.status === 'held' && (d.presentRepresentativeIds ?? d.representativeIds).includes(representativeId),
    )
    .sort((a, b) => b.date.localeCompare(a.date));
}

export function joinedActivities(activities: readonly Activity[], representativeId: string): Activity[] {
  return activities
    .filter((a) => a.representativeIds.includes(representativeId))
    .sort((a, b) => b.date.localeCompare(a.date));
}

export function receivedOpinions(opinions: readonly Opinion[], representativeId: string): Opinion[] {
  return opinions
    .filter((o) => o.representativeId === representativeId)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/** Counts per representative, for the list. */
export function recordCounts(
  representativeId: string,
  data: { receptionDays: readonly ReceptionDay[]; opinions: readonly Opinion[]; activities: readonly Activity[] },
): { receptionDays: number; opinions: number; activities: number } {
  return {
    receptionDays: attendedReceptionDays(data.receptionDays, representativeId).length,
    opinions: receivedOpinions(data.opinions, representativeId).length,
    activities: joinedActivities(data.activities, representativeId).length,
  };
}
