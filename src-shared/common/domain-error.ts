// The one error type of the domain: a stable code, a Chinese message saying what to do next, an English one for logs.

export interface DomainErrorInit {
  code: string;
  /** Chinese, for the clerk: what went wrong and what to do next. */
  message: string;
  messageEn: string;
  /** The field the error is about, when there is one (for forms). */
  field?: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly field: string | undefined;

  constructor(init: DomainErrorInit) {
    super(init.message);
    this.name = 'DomainError';
    this.code = init.code;
    this.messageEn = init.messageEn;
    this.field = init.field;
  }

  /** The shape of an HTTP error body (see src-shared/api/errors.ts ErrorBody). */
  toBody(): { error: string; message: string; messageEn: string; field?: string } {
    return {
      error: this.code,
      message: this.message,
      messageEn: this.messageEn,
      ...(this.field === undefined ? {} : { field: this.field }),
    };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
