// Converts the activity form's values to activity fields and checks them with the shared schema before saving.
import type { Activity, ActivityType } from '../../../src-shared/activity/activity';
import { type LocalisedFieldError, validateDocument } from '../../../src-shared/validation/validate';

export interface ActivityFormValues {
  type?: ActivityType;
  date?: string;
  title?: string;
  place?: string;
  representativeIds?: string[];
  participantCount?: number | null;
  summary?: string;
}

export type ActivityFields = Pick<
  Activity,
  'type' | 'date' | 'title' | 'place' | 'representativeIds' | 'participantCount' | 'summary'
>;

export const activityFormFieldNames = [
  'type',
  'date',
  'title',
  'place',
  'representativeIds',
  'participantCount',
  'summary',
] as const;

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The activity's fields; optional ones left empty are removed (undefined), so an edit clears them. */
export function toActivityFields(values: ActivityFormValues): ActivityFields {
  return {
    type: values.type as ActivityType,
    date: values.date ?? '',
    title: text(values.title) ?? '',
    place: text(values.place),
    representativeIds: [...new Set(values.representativeIds ?? [])],
    participantCount:
      values.participantCount === null || values.participantCount === undefined ? undefined : values.participantCount,
    summary: text(values.summary),
  };
}

export function toActivityFormValues(activity: Activity): ActivityFormValues {
  return {
    type: activity.type,
    date: activity.date,
    title: activity.title,
    place: activity.place,
    representativeIds: activity.representativeIds,
    participantCount: activity.participantCount ?? null,
    summary: activity.summary,
  };
}

const draftIdentity = {
  id: 'draft',
  countyId: 'draft',
  stationId: 'draft',
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  history: [],
} as const;

/** Schema errors of the activity as it would be stored (`base` = the stored activity when editing). */
export function activityFieldErrors(fields: ActivityFields, base?: Activity): LocalisedFieldError[] {
  const candidate: Record<string, unknown> = { ...(base ?? draftIdentity) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete candidate[key];
    else candidate[key] = value;
  }
  return validateDocument('activities', candidate).errors;
}
