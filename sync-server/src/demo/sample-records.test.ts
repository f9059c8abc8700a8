// Sample records for the demo: valid, lifecycle-built, deterministic, and loaded idempotently with seq assigned.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { receivedAtDescOf } from '../../../src-shared/opinion/opinion';
import { validateDocument } from '../../../src-shared/validation/validate';
import { SqliteStore } from '../store/sqlite-store';
import { loadDemo } from './load-demo';
import { buildSampleRecords, loadSampleRecords } from './sample-records';

const reference = new Date('2026-06-15T04:00:00.000Z');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('buildSampleRecords', () => {
  const records = buildSampleRecords(reference);

  it('is deterministic for a reference date and valid against the shared schemas', () => {
    expect(buildSampleRecords(reference)).toEqual(records);
    const all = [
      ...records.receptionDays.map((d) => ['receptionDays', d] as const),
      ...records.opinions.map((d) => ['opinions', d] as const),
      ...records.mediationCases.map((d) => ['mediationCases', d] as const),
      ...records.activities.map((d) => ['activities', d] as const),
    ];
    for (const [collection, doc] of all) expect(validateDocument(collection, doc).errors, doc.id).toEqual([]);
    expect(new Set(all.map(([, d]) => d.id)).size).toBe(all.length);
  });

  it('covers the statuses a county staff member needs to see, with matching history', () => {
    const statuses = new Set(records.opinions.map((o) => o.status));
    for (const s of ['submitted', 'accepted', 'assigned', 'replied', 'rated', 'closed', 'answeredOnSite', 'rejected'])
      expect(statuses.has(s as never), s).toBe(true);
    expect(records.opinions.length).toBeGreaterThanOrEqual(35);
    expect(new Set(records.opinions.map((o) => o.reply?.class).filter(Boolean))).toEqual(new Set(['A', 'B', 'C']));
    const today = '2026-06-15';
    const overdue = records.opinions.filter((o) => o.status === 'assigned' && (o.assignment?.deadline ?? '') < today);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    for (const o of records.opinions) {
      expect(o.history.at(-1)?.to).toBe(o.status);
      expect(o.receivedAtDesc).toBe(receivedAtDescOf(o.receivedAt));
      expect(o.visitor.name.startsWith('测试')).toBe(true);
      expect(o.visitor.phone?.startsWith('139 0000')).toBe(true);
      expect(o.updatedAt <= reference.toISOString()).toBe(true);
    }
    expect(records.opinions.find((o) => o.status === 'rejected')?.rejectionReason).toBeTruthy();
    expect(new Set(records.mediationCases.map((c) => c.status))).toEqual(
      new Set(['mediating', 'agreed', 'performed', 'failed']),
    );
    expect(records.mediationCases.find((c) => c.status === 'failed')?.referral?.kind).toBeTruthy();
    const days = new Set(records.receptionDays.map((d) => d.status));
    expect(days.has('held') && days.has('planned')).toBe(true);
    expect(records.activities.length).toBeGreaterThan(0);
  });
});

describe('loadSampleRecords', () => {
  it('stores the records with seq and writes nothing on a second run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ls-sample-'));
    dirs.push(dir);
    const store = SqliteStore.open(dir);
    try {
      await loadDemo(store, reference);
      const first = await loadSampleRecords(store, reference);
      const total = first.receptionDays + first.opinions + first.mediationCases + first.activities;
      expect(first.written).toBe(total);
      const stored = await store.getDocument('opinions', 'demo-op-xiangzhou-01');
      expect(stored?.seq).toBeGreaterThan(0);
      expect(stored?.stationId).toBe('st-xiangzhou-miaohuang');
      expect((await loadSampleRecords(store, reference)).written).toBe(0);
    } finally {
      await store.close();
    }
  });
});
