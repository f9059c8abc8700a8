// How the sync server refuses a request: the JSON body of every 4xx, and the fields a refused document is faulted on.

/** A field at fault: where, a stable code for logs and tests, and a Chinese message that says what to correct. */
export interface FieldError {
  /** Dotted path of the field: 'title', 'visitor.phone', 'parties.0.name'; '' for the whole document. */
  field: string;
  /** Stable code from the shared validation (required, tooLong, invalidFormat, …) or the server's own rules. */
  code: string;
  message: string;
}

/** Every refusal: a stable code for logs and tests, a Chinese message that says what to do next. */
export interface ErrorBody {
  error: string;
  message: string;
  /** For 426: the schema version the server requires. */
  requiredVersion?: number;
  /** A push refused for one document: its index in the request's rows, its id, and the fields at fault
   * (validation errors as FieldError, ownership and edit-rule refusals as field names). */
  row?: number;
  id?: string;
  fields?: (string | FieldError)[];
}
