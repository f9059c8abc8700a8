// One owner per database runs the sync: holders of the same credentials share one session, the credentials held
// last win, no holder means no sync, and a closed owner (the database is going) starts nothing again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationCredentials } from '../../src-shared/api/enrolment';
import type { CountyCredentials } from '../../src-shared/api/staff-session';
import type { LiaisonDatabase } from '../db/database';
import { openTestDatabase } from '../db/testing/test-database';
import { setHostForTesting } from '../platform/host';
import { createMemoryHost } from '../platform/memory-host';
import { SyncOwner, sameSync, syncOwnerOf } from './sync-owner';
import type { SyncSession } from './sync-session';
import type { StatusPatch } from './sync-status';

// Nothing listens here: the sessions fail to connect and keep retrying, which is all these tests need.
const nowhere = 'http://127.0.0.1:9';

const station: StationCredentials = {
  role: 'station',
  serverUrl: nowhere,
  token: 'station-token-1',
  stationId: 'st-miaohuang',
  stationName: '妙皇乡人大代表履职活动中心',
  countyId: 'xiangzhou',
  countyName: '象州县',
  deviceName: '前台',
  enrolledAt: '2026-03-01T00:00:00.000Z',
};

const county: CountyCredentials = {
  role: 'county',
  serverUrl: nowhere,
  token: 'county-token-1',
  user: 'staff-xiangzhou',
  countyId: 'xiangzhou',
  countyName: '象州县',
  expiresAt: '2999-01-01T00:00:00.000Z',
  signedInAt: '2026-03-01T00:00:00.000Z',
};

let db: LiaisonDatabase;
const owners: SyncOwner[] = [];
let statuses: StatusPatch[] = [];

beforeEach(async () => {
  setHostForTesting(createMemoryHost());
  ({ db } = await openTestDatabase({ enrolled: false }));
  statuses = [];
});

afterEach(async () => {
  for (const owner of owners.splice(0)) await owner.close();
  await db.close();
  setHostForTesting(undefined);
});

function ownerOf(database: LiaisonDatabase): SyncOwner {
  const owner = new SyncOwner(database, { retryTime: 60_000, isOnline: () => true, report: (p) => statuses.push(p) });
  owners.push(owner);
  return owner;
}

function isStopped(session: SyncSession): boolean {
  return [...session.replication.states.values()].every((state) => state.isStopped());
}

describe('the sync owner', () => {
  it('runs one session for holders of the same credentials and stops it when the last lets go', async () => {
    const owner = ownerOf(db);
    const releaseShell = owner.hold(station);
    const releaseOther = owner.hold({ ...station });
    await owner.settled();
    const running = owner.session!;
    expect(running.credentials).toEqual(station);

    releaseShell();
    await owner.settled();
    expect(owner.session).toBe(running);
    expect(isStopped(running)).toBe(false);

    releaseOther();
    await owner.settled();
    expect(owner.session).toBeNull();
    expect(isStopped(running)).toBe(true);
  });

  it('restarts with the credentials held last, stopping the old session first, and goes back when they go', async () => {
    const owner = ownerOf(db);
    const sessions: (SyncSession | null)[] = [];
    owner.session$.subscribe((session) => sessions.push(session));
    owner.hold(station);
    await owner.settled();
    const first = owner.session!;

    const reEnrolled = { ...station, token: 'station-token-2' };
    const release = owner.hold(reEnrolled);
    await owner.settled();
    const second = owner.session!;
    expect(second.credentials.token).toBe('station-token-2');
    expect(isStopped(first)).toBe(true);
    // Never two at once: the old one was taken down (null) before the new one was up.
    expect(sessions).toEqual([null, first, null, second]);

    release();
    await owner.settled();
    expect(owner.session?.credentials.token).toBe('station-token-1');
    expect(isStopped(second)).toBe(true);
  });

  it('stops for good when closed, and a new owner of the same database takes over from the old one', async () => {
    const owner = ownerOf(db);
    owner.hold(county);
    await owner.settled();
    const running = owner.session!;
    expect(syncOwnerOf(db)).toBe(owner);

    const next = ownerOf(db);
    expect(syncOwnerOf(db)).toBe(next);
    next.hold(county);
    await next.settled();
    expect(isStopped(running)).toBe(true);
    expect(owner.session).toBeNull();
    expect(next.session).not.toBe(running);
    expect(next.session?.credentials).toEqual(county);

    await next.close();
    expect(syncOwnerOf(db)).toBeUndefined();
    next.hold(county);
    await next.settled();
    expect(next.session).toBeNull();
  });

  it('tells the same sync from another token, identity or server', () => {
    expect(sameSync(station, { ...station, deviceName: '另一台' })).toBe(true);
    expect(sameSync(station, { ...station, token: 'x' })).toBe(false);
    expect(sameSync(station, { ...station, stationId: 'st-other' })).toBe(false);
    expect(sameSync(county, { ...county, user: 'staff-other' })).toBe(false);
    expect(sameSync(county, { ...county, serverUrl: 'http://10.0.0.5:8787' })).toBe(false);
    expect(sameSync(station, county)).toBe(false);
  });
});
