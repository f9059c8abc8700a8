// Removes personal data (visitors' and parties' names, phones, ID numbers, addresses) and secrets from logs and reports.

const hidden = '[已隐去]';

/** Fields whose whole value is personal data or a secret, whatever it looks like (keys compared case-insensitively). */
const sensitiveKeys = new Set(
  [
    'name',
    'fullName',
    'visitorName',
    'visitor',
    'visitors',
    'partyName',
    'parties',
    'applicant',
    'respondent',
    'contactName',
    'contact',
    'mediatorName',
    'representativeName',
    'clerkName',
    'by',
    'phone',
    'mobile',
    'telephone',
    'tel',
    'idNumber',
    'idCard',
    'address',
    'email',
    'photo',
    'photos',
    'data',
    'content',
    'facts',
    'claims',
    'note',
    'notes',
    'token',
    'syncToken',
    'dbKey',
    'password',
    'secret',
    'enrolmentCode',
    'authorization',
    'cookie',
    '姓名',
    '电话',
    '手机',
    '身份证号',
    '地址',
  ].map((key) => key.toLowerCase()),
);

const textPatterns: Array<[RegExp, string]> = [
  // Mainland ID numbers: 18 characters (last may be X) and the old 15-digit form.
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[身份证号已隐去]'],
  [/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, '[身份证号已隐去]'],
  // Mobile numbers, with or without +86 and separators.
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, '[手机号已隐去]'],
  // Landlines such as 0772-4212345.
  [/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, '[电话已隐去]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[邮箱已隐去]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [已隐去]'],
  // Account names inside paths (Windows and Linux home folders) identify the clerk.
  [/([A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+)[^\\/\s"']+/gi, '$1<用户>'],
  [/(\/home\/)[^/\s"']+/g, '$1<用户>'],
];

// Free text in Chinese may hold a visitor's name or address that no pattern recognises: hide it all.
// Codes and English messages remain, which is what support reads. Our own markers are kept (idempotent).
const chineseText =
  /(\[[^[\]]{0,12}已隐去\])|[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+(?:\s*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+)*/gu;

export function scrubText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of textPatterns) result = result.replace(pattern, replacement);
  return result.replace(chineseText, (_match, marker: string | undefined) => marker ?? '[中文已隐去]');
}

const maxDepth = 8;
const maxStringLength = 4000;
const maxItems = 200;

/** A copy of `value` safe for a support bundle: sensitive fields hidden, text scrubbed, size bounded. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const scrubbed = scrubText(value);
    return scrubbed.length > maxStringLength ? `${scrubbed.slice(0, maxStringLength)}…` : scrubbed;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    // Long numbers may be phone or ID numbers written as numbers.
    return typeof value === 'number' && Math.abs(value) >= 1e10 ? hidden : value;
  }
  if (depth >= maxDepth) return '[…]';
  if (Array.isArray(value)) return value.slice(0, maxItems).map((item) => scrubValue(item, depth + 1));
  if (typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>).slice(0, maxItems)) {
      result[scrubText(key)] = sensitiveKeys.has(key.toLowerCase()) ? hidden : scrubValue(item, depth + 1);
    }
    return result;
  }
  // Functions, symbols and bigints have no place in a report.
  return hidden;
}
