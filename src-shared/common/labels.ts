// Bilingual labels (zh-CN shown to users, en for logs/tests) and enums defined together with their labels.

export type Locale = 'zh-CN' | 'en';
export type Label = { 'zh-CN': string; en: string };

/** An enum whose values are the keys of `labels`; entries may carry extra data (e.g. an activity's frequency). */
export interface LabelledEnum<V extends string, T extends Record<V, Label> = Record<V, Label>> {
  /** The values in declaration order (use for JSON-schema `enum` and select options). */
  readonly values: readonly V[];
  readonly labels: T;
  /** Type guard: is `value` one of this enum's values? */
  includes(value: unknown): value is V;
  /** The label of a value in a locale (zh-CN by default). */
  label(value: V, locale?: Locale): string;
  /** `{ value, label }` pairs for select inputs. */
  options(locale?: Locale): { value: V; label: string }[];
}

/** The value type of a `defineEnum` result. */
export type EnumValue<E> = E extends LabelledEnum<infer V, Record<string, Label>> ? V : never;

/** Defines an enum by its labels: `defineEnum({ satisfied: { 'zh-CN': '满意', en: 'Satisfied' } })`. */
export function defineEnum<const T extends Record<string, Label>>(labels: T): LabelledEnum<keyof T & string, T> {
  type V = keyof T & string;
  const values = Object.freeze(Object.keys(labels)) as readonly V[];
  return {
    values,
    labels,
    includes: (value: unknown): value is V => typeof value === 'string' && Object.hasOwn(labels, value),
    label: (value: V, locale: Locale = 'zh-CN') => labelOf(labels, value, locale),
    options: (locale: Locale = 'zh-CN') => values.map((value) => ({ value, label: labelOf(labels, value, locale) })),
  };
}

/**
 * The label of `value` in a table of labels (an enum's `labels` or a `*FieldLabels` table).
 * Falls back to the raw value so that unknown values (e.g. from a newer client) still render.
 */
export function labelOf(labels: Readonly<Record<string, Label>>, value: string, locale: Locale = 'zh-CN'): string {
  return Object.hasOwn(labels, value) ? (labels[value]?.[locale] ?? value) : value;
}
