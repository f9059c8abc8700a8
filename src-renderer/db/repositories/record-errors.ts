// Refusals raised by the repositories: a DomainError that also lists every invalid field for the form.
import { DomainError } from '../../../src-shared/common/domain-error';
import type { LocalisedFieldError } from '../../../src-shared/validation/validate';

/** The record does not satisfy its schema; nothing was stored. `errors` has one Chinese message per field. */
export class RecordValidationError extends DomainError {
  readonly errors: LocalisedFieldError[];

  constructor(errors: LocalisedFieldError[]) {
    const first = errors[0];
    super({
      code: 'validation_failed',
      message: first
        ? `${first.message}${errors.length > 1 ? `（另有${errors.length - 1}处需要修改）` : ''}`
        : '记录内容不符合要求，请检查后重新保存',
      messageEn: `Invalid record: ${errors.map((e) => `${e.field || 'record'}: ${e.messageEn}`).join('; ')}`,
      ...(first?.field ? { field: first.field } : {}),
    });
    this.name = 'RecordValidationError';
    this.errors = errors;
  }
}

export function isRecordValidationError(value: unknown): value is RecordValidationError {
  return value instanceof RecordValidationError;
}

export function recordNotFound(collectionLabel: string, id: string): DomainError {
  return new DomainError({
    code: 'record_not_found',
    message: `找不到这条${collectionLabel}记录，可能已被删除，请刷新列表后重试`,
    messageEn: `Record ${id} not found`,
  });
}

export function stationNotEnrolled(): DomainError {
  return new DomainError({
    code: 'station_not_enrolled',
    message: '本机尚未注册到联络站，请先在“设置”中完成注册',
    messageEn: 'This installation is not enrolled to a station yet',
  });
}
