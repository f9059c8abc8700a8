// The access part of the Store: enrolment codes, tokens (station devices, staff sessions), staff accounts, rate limits.

export type TokenKind = 'station' | 'staff';

export interface TokenRecord {
  /** SHA-256 of the token (hex); the token itself is never stored. */
  hash: string;
  kind: TokenKind;
  /** Station id or staff user name. */
  subject: string;
  countyId: string;
  stationId: string | null;
  deviceName: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** Null: valid until revoked (station tokens). */
  expiresAt: string | null;
}

export interface StaffAccount {
  user: string;
  countyId: string;
  /** `scrypt$N$r$p$salt$hash`, see security/secrets.ts. */
  passwordHash: string;
}

export interface EnrolmentCode {
  /** SHA-256 of the normalised code. */
  hash: string;
  stationId: string;
  countyId: string;
  createdAt: string;
  expiresAt: string;
}

export type EnrolmentOutcome =
  | { ok: true; stationId: string; countyId: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'revoked' };

/** A rate-limit counter after one more hit: the hits in the current window and when the window ends (epoch ms). */
export interface RateLimitHit {
  hits: number;
  resetAt: number;
}

export interface AccessStore {
  createEnrolmentCode(code: EnrolmentCode): Promise<void>;
  /** Atomically: checks the code, marks it used, stores the new station token (its station and county from the code). */
  enrol(
    codeHash: string,
    now: string,
    token: Omit<TokenRecord, 'subject' | 'stationId' | 'countyId'>,
  ): Promise<EnrolmentOutcome>;
  createToken(token: TokenRecord): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  revokeToken(hash: string, at: string): Promise<void>;
  /** Revokes every token and unused enrolment code of a station; returns the number of tokens revoked. */
  revokeStation(stationId: string, at: string): Promise<number>;

  upsertStaff(account: StaffAccount): Promise<void>;
  getStaff(user: string): Promise<StaffAccount | null>;

  /**
   * Counts one attempt under `key` (e.g. login attempts from one address) in a fixed window of `windowMs` starting at
   * the key's first attempt, atomically, so that every server instance on the database shares the count.
   */
  hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit>;
}
