// The access part on SQL, for both databases: enrolment codes, tokens, staff accounts and shared rate-limit counters.
import type {
  AccessStore,
  EnrolmentCode,
  EnrolmentOutcome,
  RateLimitHit,
  StaffAccount,
  TokenRecord,
} from '../access-store';
import type { SqlDatabase, SqlSession } from './sql-database';

interface TokenRow {
  hash: string;
  kind: 'station' | 'staff';
  subject: string;
  county_id: string;
  station_id: string | null;
  device_name: string | null;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
}

function toToken(row: TokenRow): TokenRecord {
  return {
    hash: row.hash,
    kind: row.kind,
    subject: row.subject,
    countyId: row.county_id,
    stationId: row.station_id,
    deviceName: row.device_name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

async function insertToken(tx: SqlSession, t: TokenRecord): Promise<void> {
  await tx.run(
    `INSERT INTO tokens (hash, kind, subject, county_id, station_id, device_name, created_at, revoked_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [t.hash, t.kind, t.subject, t.countyId, t.stationId, t.deviceName, t.createdAt, t.revokedAt, t.expiresAt],
  );
}

/** Expired rate-limit counters are deleted at most this often (per server instance). */
const rateLimitPruneMs = 10 * 60 * 1000;

export class SqlAccess implements AccessStore {
  private lastRateLimitPrune = 0;

  constructor(private readonly db: SqlDatabase) {}

  async createEnrolmentCode(code: EnrolmentCode): Promise<void> {
    await this.db.run(
      'INSERT INTO enrolment_codes (hash, station_id, county_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [code.hash, code.stationId, code.countyId, code.createdAt, code.expiresAt],
    );
  }

  enrol(
    codeHash: string,
    now: string,
    token: Omit<TokenRecord, 'subject' | 'stationId' | 'countyId'>,
  ): Promise<EnrolmentOutcome> {
    return this.db.transaction('write', async (tx): Promise<EnrolmentOutcome> => {
      // FOR UPDATE on PostgreSQL: two instances redeeming one code at once are ordered, the second sees it used.
      const lock = tx.dialect.kind === 'postgres' ? ' FOR UPDATE' : '';
      const code = await tx.get<{
        station_id: string;
        county_id: string;
        expires_at: string;
        used_at: string | null;
        revoked_at: string | null;
      }>(`SELECT station_id, county_id, expires_at, used_at, revoked_at FROM enrolment_codes WHERE hash = ?${lock}`, [
        codeHash,
      ]);
      if (!code) return { ok: false, reason: 'unknown' };
      if (code.used_at) return { ok: false, reason: 'used' };
      if (code.revoked_at) return { ok: false, reason: 'revoked' };
      if (code.expires_at <= now) return { ok: false, reason: 'expired' };
      await tx.run('UPDATE enrolment_codes SET used_at = ? WHERE hash = ?', [now, codeHash]);
      await insertToken(tx, {
        ...token,
        stationId: code.station_id,
        subject: code.station_id,
        countyId: code.county_id,
      });
      return { ok: true, stationId: code.station_id, countyId: code.county_id };
    });
  }

  async createToken(token: TokenRecord): Promise<void> {
    await insertToken(this.db, token);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = await this.db.get<TokenRow>(
      `SELECT hash, kind, subject, county_id, station_id, device_name, created_at, revoked_at, expires_at
       FROM tokens WHERE hash = ?`,
      [hash],
    );
    return row ? toToken(row) : null;
  }

  async revokeToken(hash: string, at: string): Promise<void> {
    await this.db.run('UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL', [at, hash]);
  }

  revokeStation(stationId: string, at: string): Promise<number> {
    return this.db.transaction('write', async (tx) => {
      await tx.run(
        'UPDATE enrolment_codes SET revoked_at = ? WHERE station_id = ? AND used_at IS NULL AND revoked_at IS NULL',
        [at, stationId],
      );
      return tx.run(
        "UPDATE tokens SET revoked_at = ? WHERE kind = 'station' AND station_id = ? AND revoked_at IS NULL",
        [at, stationId],
      );
    });
  }

  async upsertStaff(account: StaffAccount): Promise<void> {
    await this.db.run(
      `INSERT INTO staff ("user", county_id, password_hash) VALUES (?, ?, ?)
       ON CONFLICT ("user") DO UPDATE SET county_id = excluded.county_id, password_hash = excluded.password_hash`,
      [account.user, account.countyId, account.passwordHash],
    );
  }

  async getStaff(user: string): Promise<StaffAccount | null> {
    const row = await this.db.get<StaffAccount>(
      'SELECT "user" AS "user", county_id AS "countyId", password_hash AS "passwordHash" FROM staff WHERE "user" = ?',
      [user],
    );
    return row ?? null;
  }

  async hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit> {
    if (nowMs - this.lastRateLimitPrune >= rateLimitPruneMs) {
      this.lastRateLimitPrune = nowMs;
      await this.db.run('DELETE FROM rate_limits WHERE reset_at <= ?', [nowMs]);
    }
    // One statement: a new window starts at the first hit after the last one ended.
    const row = await this.db.transaction('bookkeeping', (tx) =>
      tx.get<{ hits: number; resetAt: number }>(
        `INSERT INTO rate_limits (key, hits, reset_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.reset_at <= ? THEN 1 ELSE rate_limits.hits + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= ? THEN excluded.reset_at ELSE rate_limits.reset_at END
       RETURNING hits, reset_at AS "resetAt"`,
        [key, nowMs + windowMs, nowMs, nowMs],
      ),
    );
    if (!row) throw new Error('rate limit counter not written');
    return { hits: Number(row.hits), resetAt: Number(row.resetAt) };
  }
}
