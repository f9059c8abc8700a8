// The type of one ajv standalone validator (as generated into generated/validators.js).

export interface AjvErrorObject {
  /** JSON pointer of the value, e.g. '/visitor/phone' or '/parties/0/name'. */
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: AjvErrorObject[] | null;
}
