// Runs a save and shows any refusal (schema errors, lifecycle requirements) at the form's fields, or returns its message.
import type { FormInstance } from 'antd';
import { isDomainError } from '../../src-shared/common/domain-error';
import type { Locale } from '../../src-shared/common/labels';
import type { LocalisedFieldError } from '../../src-shared/validation/validate';
import { applyDomainError, applyValidationErrors, fieldPath } from './field-errors';

/** A refusal that lists every invalid field (the repositories' RecordValidationError has this shape). */
function fieldErrorsOf(error: unknown): LocalisedFieldError[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const errors = (error as { errors?: unknown }).errors;
  return isDomainError(error) && Array.isArray(errors) ? (errors as LocalisedFieldError[]) : null;
}

export type SaveOutcome<T> = { ok: true; value: T } | { ok: false; messages: string[] };

/**
 * Awaits `save()`. On a refusal, errors naming one of `formFields` (after `aliases`) are shown at that field;
 * the others come back as messages for an alert. Nothing is thrown.
 */
export async function saveWithFieldErrors<T>(
  form: FormInstance,
  save: () => Promise<T>,
  formFields: readonly string[],
  locale: Locale,
  aliases: Readonly<Record<string, string>> = {},
): Promise<SaveOutcome<T>> {
  try {
    return { ok: true, value: await save() };
  } catch (error) {
    const fieldErrors = fieldErrorsOf(error);
    if (fieldErrors) {
      return {
        ok: false,
        messages: applyValidationErrors(form, { valid: false, errors: fieldErrors }, formFields, locale, aliases),
      };
    }
    const message = applyDomainError(form, error, formFields, locale, aliases);
    return { ok: false, messages: message === null ? [] : [message] };
  }
}

/** Clears the messages of the given fields (dotted names) before a new check. */
export function clearFieldErrors(form: FormInstance, names: readonly string[]): void {
  form.setFields(names.map((name) => ({ name: fieldPath(name), errors: [] })));
}
