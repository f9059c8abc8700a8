// Which recorded fields the station may still correct, by status: everything it took while the opinion is only
// recorded; once submitted the county works on the content, so only the visitor's contact details (and photos).
import { DomainError } from '../common/domain-error';
import type { Opinion } from './opinion';

/** Station intake fields a clerk edits in the form (photos are separate documents and may always be added). */
export const opinionIntakeFields = [
  'category',
  'title',
  'content',
  'source',
  'receivedAt',
  'representativeId',
  'visitor',
] as const;
export type OpinionIntakeField = (typeof opinionIntakeFields)[number];

/** The fields the station may change now. An opinion taken at a reception day keeps that day's time and source. */
export function editableOpinionFields(opinion: Pick<Opinion, 'status' | 'receptionDayId'>): OpinionIntakeField[] {
  if (opinion.status !== 'recorded') return ['visitor'];
  return opinionIntakeFields.filter(
    (field) => !(opinion.receptionDayId && (field === 'receivedAt' || field === 'source')),
  );
}

/** Throws DomainError('opinion_field_locked') naming the first field of `changed` that may not change now. */
export function assertOpinionEditable(opinion: Pick<Opinion, 'status' | 'receptionDayId'>, changed: readonly string[]) {
  const allowed = new Set<string>(editableOpinionFields(opinion));
  const locked = changed.find((field) => !allowed.has(field));
  if (locked === undefined) return;
  const submitted = opinion.status !== 'recorded';
  throw new DomainError({
    code: 'opinion_field_locked',
    message: submitted
      ? '意见已提交到县级平台，只能更正群众的联系方式和补充照片；内容有误请在办理记录中说明或联系县人大常委会'
      : '接待日收集的意见沿用接待日的时间和来源，不能单独修改',
    messageEn: `Field ${locked} cannot be edited in status ${opinion.status}`,
    field: locked,
  });
}
