// Three-way merge: one-sided changes survive, conflicts are decided the same way on both replicas and the loser is
// kept in history; property tests with fast-check.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../common/canonical-json';
import type { HistoryEntry } from '../common/document';
import type { Opinion } from '../opinion/opinion';
import { makeOpinion } from '../testing/factories';
import { createConflictHandler, documentsEqual, mergeDocuments, mergeDocumentsWithConflicts } from './three-way-merge';

const NOW = '2026-04-01T00:00:00.000Z';
const base = makeOpinion({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  status: 'assigned',
  updatedAt: '2026-03-01T00:00:00.000Z',
});

const entry = (
  id: string,
  at: string,
  role: HistoryEntry['role'],
  action: string,
  extra: Partial<HistoryEntry> = {},
) => ({
  id,
  at,
  by: role,
  role,
  action,
  ...extra,
});

describe('mergeDocuments', () => {
  it('keeps a field changed on one side only, from either side', () => {
    const local = { ...base, title: '村道破损(补充照片)', updatedAt: '2026-03-02T00:00:00.000Z' };
    const remote = { ...base, returnReason: '属交通局', updatedAt: '2026-03-03T00:00:00.000Z' };
    const merged = mergeDocuments('opinions', base, local, remote, NOW);
    expect(merged.title).toBe('村道破损(补充照片)');
    expect(merged.returnReason).toBe('属交通局');
    expect(merged.updatedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(merged.history).toEqual([]);
  });

  it('keeps a field removed on one side removed', () => {
    const local = { ...base, updatedAt: '2026-03-02T00:00:00.000Z' } as Opinion;
    delete (local as Partial<Opinion>).assignment;
    const merged = mergeDocuments('opinions', base, local, { ...base }, NOW);
    expect('assignment' in merged).toBe(false);
  });

  it('prefers the owning role on a real conflict, even when the other side is later, and keeps the loser in history', () => {
    // The county replies (it owns `reply`); a station copy later carries a different reply (e.g. a stale edit).
    const countyReply = { class: 'A' as const, text: '已修复', repliedOn: '2026-03-05' };
    const otherReply = { class: 'C' as const, text: '暂不能解决', repliedOn: '2026-03-06' };
    const remote = {
      ...base,
      status: 'replied' as const,
      reply: countyReply,
      updatedAt: '2026-03-05T00:00:00.000Z',
      history: [entry('h-county', '2026-03-05T00:00:00.000Z', 'county', 'reply', { from: 'assigned', to: 'replied' })],
    };
    const local = { ...base, reply: otherReply, updatedAt: '2026-03-09T00:00:00.000Z' };
    const { document, conflicts } = mergeDocumentsWithConflicts('opinions', base, local, remote, NOW);
    expect(document.reply).toEqual(countyReply);
    expect(conflicts).toEqual([{ field: 'reply', kept: countyReply, overwritten: otherReply }]);
    const conflict = document.history.find((h) => h.action === 'mergeConflict');
    expect(conflict).toMatchObject({ field: 'reply', overwritten: canonicalJson(otherReply), role: 'system' });
    expect(document.status).toBe('replied');
  });

  it('otherwise the later updatedAt wins', () => {
    const local = { ...base, title: '早', updatedAt: '2026-03-02T00:00:00.000Z' };
    const remote = { ...base, title: '晚', updatedAt: '2026-03-04T00:00:00.000Z' };
    expect(mergeDocuments('opinions', base, local, remote, NOW).title).toBe('晚');
    expect(mergeDocuments('opinions', base, remote, local, NOW).title).toBe('晚');
  });

  it('merges histories as a set sorted by time', () => {
    const a = entry('a', '2026-03-02T00:00:00.000Z', 'station', 'submit');
    const b = entry('b', '2026-03-01T00:00:00.000Z', 'county', 'accept');
    const merged = mergeDocuments('opinions', base, { ...base, history: [a] }, { ...base, history: [b, a] }, NOW);
    expect(merged.history.map((h) => h.id)).toEqual(['b', 'a']);
  });

  it('is idempotent: merging a result again adds nothing', () => {
    const local = { ...base, title: 'L', updatedAt: '2026-03-02T00:00:00.000Z' };
    const remote = { ...base, title: 'R', updatedAt: '2026-03-03T00:00:00.000Z' };
    const once = mergeDocuments('opinions', base, local, remote, NOW);
    expect(mergeDocuments('opinions', base, once, remote, NOW)).toEqual(once);
    expect(mergeDocuments('opinions', base, once, once, NOW)).toEqual(once);
  });

  it('documentsEqual ignores RxDB bookkeeping and key order', () => {
    expect(documentsEqual({ a: 1, b: { c: 2, d: 3 }, _rev: '1' }, { b: { d: 3, c: 2 }, a: 1, _rev: '2' })).toBe(true);
    expect(documentsEqual({ a: 1, _deleted: false }, { a: 1, _deleted: true })).toBe(false);
  });

  it('serves as an RxDB conflict handler', async () => {
    const handler = createConflictHandler<Opinion>('opinions', () => NOW);
    const local = { ...base, title: 'L', updatedAt: '2026-03-02T00:00:00.000Z' };
    const remote = { ...base, returnReason: 'R', updatedAt: '2026-03-03T00:00:00.000Z' };
    const resolved = await handler.resolve(
      { assumedMasterState: base, newDocumentState: local, realMasterState: remote },
      'test',
    );
    expect(resolved).toMatchObject({ title: 'L', returnReason: 'R' });
    expect(handler.isEqual(base, { ...base }, 'test')).toBe(true);
  });
});

// ---- property tests ----

const fieldChoices: Record<string, fc.Arbitrary<unknown>> = {
  title: fc.constantFrom('甲', '乙', '丙'),
  content: fc.constantFrom('内容一', '内容二'),
  category: fc.constantFrom('pollution', 'other', 'foodDrug'),
  status: fc.constantFrom('assigned', 'replied', 'returned'),
  satisfaction: fc.constantFrom(undefined, 'satisfied', 'unsatisfied'),
  returnReason: fc.constantFrom(undefined, '退回一', '退回二'),
  reply: fc.constantFrom(
    undefined,
    { class: 'A', text: '一', repliedOn: '2026-03-01' },
    { class: 'B', text: '二', repliedOn: '2026-03-02' },
  ),
  visitor: fc.constantFrom({ name: '张三' }, { name: '李四', phone: '13800000000' }),
};
const fieldNames = Object.keys(fieldChoices);
const actionsByField: Record<string, string> = { reply: 'reply', returnReason: 'return', satisfaction: 'rate' };

/** A side: some fields changed, a timestamp, and new history entries (some naming a writing role). */
const side = (tag: string) =>
  fc
    .record({
      changes: fc.dictionary(fc.constantFrom(...fieldNames), fc.constant(null), { maxKeys: 5 }),
      values: fc.record(Object.fromEntries(fieldNames.map((f) => [f, fieldChoices[f] as fc.Arbitrary<unknown>]))),
      day: fc.integer({ min: 2, max: 5 }),
      roles: fc.array(fc.constantFrom('station', 'county'), { maxLength: 3 }),
    })
    .map(({ changes, values, day, roles }) => {
      const doc: Record<string, unknown> = { ...base, updatedAt: `2026-03-0${day}T00:00:00.000Z` };
      const changed = Object.keys(changes);
      for (const f of changed) {
        if (values[f] === undefined) delete doc[f];
        else doc[f] = values[f];
      }
      doc.history = roles.map((role, i) =>
        entry(
          `${tag}-${i}`,
          `2026-03-0${day}T00:00:0${i}.000Z`,
          role as HistoryEntry['role'],
          actionsByField[changed[i] ?? ''] ?? 'edit',
        ),
      );
      return doc as unknown as Opinion;
    });

describe('merge properties', () => {
  it('(a) loses no change: one-sided changes appear, conflict losers are in history, history is the union', () => {
    fc.assert(
      fc.property(side('l'), side('r'), (local, remote) => {
        const { document } = mergeDocumentsWithConflicts('opinions', base, local, remote, NOW);
        const b = base as unknown as Record<string, unknown>;
        const l = local as unknown as Record<string, unknown>;
        const r = remote as unknown as Record<string, unknown>;
        const m = document as unknown as Record<string, unknown>;
        for (const f of fieldNames) {
          const lChanged = canonicalJson(l[f]) !== canonicalJson(b[f]);
          const rChanged = canonicalJson(r[f]) !== canonicalJson(b[f]);
          if (lChanged && !rChanged) expect(m[f]).toEqual(l[f]);
          if (rChanged && !lChanged) expect(m[f]).toEqual(r[f]);
          if (lChanged && rChanged && canonicalJson(l[f]) !== canonicalJson(r[f])) {
            const kept = canonicalJson(m[f]);
            expect([canonicalJson(l[f]), canonicalJson(r[f])]).toContain(kept);
            const loser = kept === canonicalJson(l[f]) ? r[f] : l[f];
            expect(document.history).toContainEqual(
              expect.objectContaining({ action: 'mergeConflict', field: f, overwritten: canonicalJson(loser) }),
            );
          }
        }
        const ids = new Set(document.history.map((h) => h.id));
        for (const h of [...local.history, ...remote.history]) expect(ids.has(h.id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('(b) is symmetric: both replicas converge to the same document', () => {
    fc.assert(
      fc.property(side('l'), side('r'), (x, y) => {
        expect(mergeDocuments('opinions', base, x, y, NOW)).toEqual(
          mergeDocuments('opinions', base, y, x, '2030-01-01T00:00:00.000Z'),
        );
      }),
      { numRuns: 300 },
    );
  });
});
