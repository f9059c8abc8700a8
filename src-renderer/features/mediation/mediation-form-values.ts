// Converts the mediation forms' values to case fields and checks them with the shared schema before anything is saved.
import type { Locale } from '../../../src-shared/common/labels';
import type {
  DisputeType,
  MediationAgreement,
  MediationCase,
  MediationSource,
  Participant,
  ParticipantRole,
  Party,
  PartyRole,
} from '../../../src-shared/mediation-case/mediation-case';
import { type LocalisedFieldError, validateDocument } from '../../../src-shared/validation/validate';

export interface PartyFormValue {
  role?: PartyRole;
  name?: string;
  phone?: string;
  idNumber?: string;
  address?: string;
}

export interface ParticipantFormValue {
  role?: ParticipantRole;
  name?: string;
  representativeId?: string;
}

export interface CaseFormValues {
  registeredOn?: string;
  source?: MediationSource;
  disputeType?: DisputeType;
  facts?: string;
  parties?: PartyFormValue[];
  participants?: ParticipantFormValue[];
}

/** The fields the register/edit form writes. */
export type CaseFields = Pick<
  MediationCase,
  'registeredOn' | 'source' | 'disputeType' | 'facts' | 'parties' | 'participants'
>;

export type AgreementFormValues = Partial<MediationAgreement> & { outcome?: string };

/** Trimmed text; undefined when empty (optional fields are left out rather than stored as ''). */
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function withOptional<T extends object>(base: T, optional: Record<string, string | undefined>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
  return out as T;
}

export function toParty(value: PartyFormValue): Party {
  return withOptional({ name: text(value.name) ?? '', role: value.role as PartyRole } as Party, {
    phone: text(value.phone),
    idNumber: text(value.idNumber)?.toUpperCase(),
    address: text(value.address),
  });
}

export function toParticipant(value: ParticipantFormValue): Participant {
  return withOptional({ name: text(value.name) ?? '', role: value.role as ParticipantRole } as Participant, {
    representativeId: value.role === 'representative' ? text(value.representativeId) : undefined,
  });
}

/** The case fields of the register/edit form (missing values stay missing so the schema names them). */
export function toCaseFields(values: CaseFormValues): CaseFields {
  return {
    registeredOn: values.registeredOn ?? '',
    source: values.source as MediationSource,
    disputeType: values.disputeType as DisputeType,
    facts: text(values.facts) ?? '',
    parties: (values.parties ?? []).map(toParty),
    participants: (values.participants ?? []).map(toParticipant),
  };
}

export function toCaseFormValues(record: MediationCase): CaseFormValues {
  return {
    registeredOn: record.registeredOn,
    source: record.source,
    disputeType: record.disputeType,
    facts: record.facts,
    parties: record.parties.map((p) => ({ ...p })),
    participants: record.participants.map((p) => ({ ...p })),
  };
}

/** Placeholders for the fields the repository sets, so the rest of a new case can be checked against the schema. */
const draftIdentity = {
  id: 'draft',
  countyId: 'draft',
  stationId: 'draft',
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  history: [],
  caseNumber: 'draft',
  status: 'registered',
  sessions: [],
  followUps: [],
} as const;

/** A party rule the schema cannot say: an applicant and a respondent, at least two parties in all. */
export function partiesProblem(parties: readonly Party[]): 'atLeastTwoParties' | 'needApplicantAndRespondent' | null {
  if (parties.length < 2) return 'atLeastTwoParties';
  const has = (role: PartyRole) => parties.some((p) => p.role === role);
  return has('applicant') && has('respondent') ? null : 'needApplicantAndRespondent';
}

/** Schema errors of the case as it would be stored (`base` = the stored case when editing). */
export function caseFieldErrors(fields: CaseFields, base?: MediationCase): LocalisedFieldError[] {
  const candidate = { ...(base ?? draftIdentity), ...fields };
  return validateDocument('mediationCases', candidate).errors;
}

/** The agreement as entered: every statutory item is kept, even empty, so the checks can name what is missing. */
export function toAgreement(values: AgreementFormValues): MediationAgreement {
  return {
    facts: text(values.facts) ?? '',
    disputeItems: text(values.disputeItems) ?? '',
    responsibilities: text(values.responsibilities) ?? '',
    agreedContent: text(values.agreedContent) ?? '',
    performanceMethod: text(values.performanceMethod) ?? '',
    performanceDeadline: values.performanceDeadline ?? '',
    signedOn: values.signedOn ?? '',
  };
}

/** Schema errors of the agreement (each empty statutory item is named), checked on the case as it would be stored. */
export function agreementFieldErrors(
  record: MediationCase,
  agreement: MediationAgreement,
  outcome?: string,
): LocalisedFieldError[] {
  const candidate: MediationCase = { ...record, status: 'agreed', agreement };
  if (outcome) candidate.outcome = outcome;
  return validateDocument('mediationCases', candidate).errors.filter(
    (e) => e.field.startsWith('agreement') || e.field === 'outcome',
  );
}

/** The names of form fields, dotted, for mapping errors onto the form (list items included). */
export function caseFormFieldNames(values: CaseFormValues): string[] {
  const names = ['registeredOn', 'source', 'disputeType', 'facts'];
  (values.parties ?? []).forEach((_, i) => {
    for (const key of ['role', 'name', 'phone', 'idNumber', 'address']) names.push(`parties.${i}.${key}`);
  });
  (values.participants ?? []).forEach((_, i) => {
    for (const key of ['role', 'name', 'representativeId']) names.push(`participants.${i}.${key}`);
  });
  return names;
}

export const agreementFormFieldNames = [
  'agreement.facts',
  'agreement.disputeItems',
  'agreement.responsibilities',
  'agreement.agreedContent',
  'agreement.performanceMethod',
  'agreement.performanceDeadline',
  'agreement.signedOn',
  'outcome',
] as const;

/** A message of a field error in the current language. */
export function messageOf(error: { message: string; messageEn: string }, locale: Locale): string {
  return locale === 'en' ? error.messageEn : error.message;
}
