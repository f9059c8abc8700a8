// What every AccessStore must do (SQLite and PostgreSQL): one-time codes, tokens, staff accounts, rate-limit counters.
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../testing/test-stores';
import type { AccessStore, TokenRecord } from './access-store';
import { withOpened } from './document-store-conformance';

const at = '2026-03-01T00:00:00.000Z';
const code = { stationId: 's1', countyId: 'c1', createdAt: at, expiresAt: '2026-03-08T00:00:00.000Z' };
const deviceToken = { kind: 'station' as const, deviceName: 'pc', createdAt: at, revokedAt: null, expiresAt: null };
const staffToken: TokenRecord = {
  hash: 'staff-1',
  kind: 'staff',
  subject: 'li',
  countyId: 'c1',
  stationId: null,
  deviceName: null,
  createdAt: at,
  revokedAt: null,
  expiresAt: '2026-03-01T12:00:00.000Z',
};

export function describeAccessStoreConformance(name: string, open: () => Promise<OpenedStore<AccessStore>>): void {
  const withStore = (fn: (store: AccessStore) => Promise<void>) => withOpened(open, fn);

  describe(`${name}: access`, () => {
    it('lets an enrolment code be used once, and revokes a station with its unused codes', () =>
      withStore(async (store) => {
        await store.createEnrolmentCode({ ...code, hash: 'h1' });
        await store.createEnrolmentCode({ ...code, hash: 'h2' });
        expect(await store.enrol('h1', at, { ...deviceToken, hash: 't1' })).toEqual({
          ok: true,
          stationId: 's1',
          countyId: 'c1',
        });
        expect(await store.findToken('t1')).toEqual({
          ...deviceToken,
          hash: 't1',
          subject: 's1',
          stationId: 's1',
          countyId: 'c1',
        });
        expect(await store.enrol('h1', at, { ...deviceToken, hash: 't2' })).toEqual({ ok: false, reason: 'used' });
        expect(await store.findToken('t2')).toBeNull();
        expect(await store.revokeStation('s1', at)).toBe(1);
        expect((await store.findToken('t1'))?.revokedAt).toBe(at);
        expect(await store.enrol('h2', at, { ...deviceToken, hash: 't3' })).toEqual({ ok: false, reason: 'revoked' });
      }));

    it('refuses an unknown or expired code, and one code redeemed twice at once enrols one device', () =>
      withStore(async (store) => {
        await store.createEnrolmentCode({ ...code, hash: 'h1' });
        expect(await store.enrol('nope', at, { ...deviceToken, hash: 't0' })).toEqual({ ok: false, reason: 'unknown' });
        expect(await store.enrol('h1', code.expiresAt, { ...deviceToken, hash: 't1' })).toEqual({
          ok: false,
          reason: 'expired',
        });
        await store.createEnrolmentCode({ ...code, hash: 'h2' });
        const outcomes = await Promise.all(
          ['a', 'b', 'c', 'd'].map((t) => store.enrol('h2', at, { ...deviceToken, hash: `race-${t}` })),
        );
        expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
        expect(outcomes.filter((o) => !o.ok && o.reason === 'used')).toHaveLength(3);
      }));

    it('finds and revokes a staff session token, keeping the first revocation time', () =>
      withStore(async (store) => {
        await store.createToken(staffToken);
        expect(await store.findToken('staff-1')).toEqual(staffToken);
        await store.revokeToken('staff-1', '2026-03-01T01:00:00.000Z');
        await store.revokeToken('staff-1', '2026-03-01T02:00:00.000Z');
        expect((await store.findToken('staff-1'))?.revokedAt).toBe('2026-03-01T01:00:00.000Z');
        expect(await store.revokeStation('s1', at)).toBe(0);
      }));

    it('keeps staff accounts by user name, replacing the password hash', () =>
      withStore(async (store) => {
        await store.upsertStaff({ user: 'li', countyId: 'c1', passwordHash: 'scrypt$old' });
        await store.upsertStaff({ user: 'li', countyId: 'c1', passwordHash: 'scrypt$new' });
        expect(await store.getStaff('li')).toEqual({ user: 'li', countyId: 'c1', passwordHash: 'scrypt$new' });
        expect(await store.getStaff('wang')).toBeNull();
      }));

    it('counts rate-limit hits per key in a window that starts again after it ends', () =>
      withStore(async (store) => {
        const t0 = 1_000_000;
        expect(await store.hitRateLimit('login:1.2.3.4', 60_000, t0)).toEqual({ hits: 1, resetAt: t0 + 60_000 });
        expect(await store.hitRateLimit('login:1.2.3.4', 60_000, t0 + 10)).toEqual({ hits: 2, resetAt: t0 + 60_000 });
        expect((await store.hitRateLimit('login:5.6.7.8', 60_000, t0 + 20)).hits).toBe(1);
        const hits = await Promise.all(
          Array.from({ length: 8 }, () => store.hitRateLimit('login:1.2.3.4', 60_000, t0 + 30)),
        );
        expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await store.hitRateLimit('login:1.2.3.4', 60_000, t0 + 60_000)).toEqual({
          hits: 1,
          resetAt: t0 + 120_000,
        });
      }));
  });
}
