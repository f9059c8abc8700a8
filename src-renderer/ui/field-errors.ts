// Maps the shared validator's field errors (and DomainError.field) onto antd Form fields, in the current language.
import type { FormInstance } from 'antd';
import { isDomainError } from '../../src-shared/common/domain-error';
import type { Locale } from '../../src-shared/common/labels';
import type { LocalisedFieldError, ValidationResult } from '../../src-shared/validation/validate';

export interface AntFieldData {
  name: (string | number)[];
  errors: string[];
}

/** 'visitor.phone' → ['visitor', 'phone']; 'parties.0.name' → ['parties', 0, 'name']. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Splits errors into those a form shows at a field (its field names, dotted, as `formFields`) and the rest
 * (shown above the form). `fieldAliases` maps a document path to the form field that edits it.
 */
export function toFormErrors(
  errors: readonly LocalisedFieldError[],
  formFields: readonly string[],
  locale: Locale,
  fieldAliases: Readonly<Record<string, string>> = {},
): { fields: AntFieldData[]; other: string[] } {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const error of errors) {
    const text = locale === 'en' ? error.messageEn : error.message;
    const target = fieldAliases[error.field] ?? error.field;
    if (formFields.includes(target)) {
      const list = byField.get(target) ?? [];
      if (!list.includes(text)) list.push(text);
      byField.set(target, list);
    } else {
      other.push(text);
    }
  }
  return {
    fields: [...byField.entries()].map(([field, messages]) => ({ name: fieldPath(field), errors: messages })),
    other,
  };
}

/** Shows validation errors at the fields of `form`; returns the messages that belong to no field of the form. */
export function applyValidationErrors(
  form: FormInstance,
  result: ValidationResult,
  formFields: readonly string[],
  locale: Locale,
  fieldAliases?: Readonly<Record<string, string>>,
): string[] {
  const { fields, other } = toFormErrors(result.errors, formFields, locale, fieldAliases);
  form.setFields(fields);
  return other;
}

/** A DomainError with a `field` shown at that field; returns its message when no form field matches. */
export function applyDomainError(
  form: FormInstance,
  error: unknown,
  formFields: readonly string[],
  locale: Locale,
  fieldAliases?: Readonly<Record<string, string>>,
): string | null {
  if (!isDomainError(error)) return error instanceof Error ? error.message : String(error);
  const message = locale === 'en' ? error.messageEn : error.message;
  const target = error.field ? (fieldAliases?.[error.field] ?? error.field) : undefined;
  if (target && formFields.includes(target)) {
    form.setFields([{ name: fieldPath(target), errors: [message] }]);
    return null;
  }
  return message;
}
