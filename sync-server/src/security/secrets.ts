// Tokens, enrolment codes and staff passwords: generated at random, stored only as hashes.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** A bearer token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens and codes are stored as SHA-256 hex; they carry enough entropy (or are single-use and short-lived). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// Crockford base32: no I, L, O, U, so a clerk reading the code over the phone cannot confuse letters and digits.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrolment code, `XXXX-XXXX` (40 bits), short enough to type from a phone call. */
export function newEnrolmentCode(): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += crockford[randomInt(crockford.length)];
  }
  return out;
}

/** Normalises what a clerk typed: case, spaces, dashes, and the letters Crockford reads as digits. */
export function normaliseEnrolmentCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

/**
 * Staff passwords: scrypt, memory-hard, N = 2^15, r = 8, p = 1 (32 MiB per hash), 16-byte salt, 32-byte key.
 * Stored as `scrypt$N$r$p$salt$hash` so the parameters can be raised later without breaking old hashes.
 */
const scryptParams = { N: 2 ** 15, r: 8, p: 1 } as const;

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N, r, p, maxmem: 128 * N * r * 2 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParams;
  const key = await scryptAsync(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
