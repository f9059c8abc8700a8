// Field-wise three-way merge of two versions of a record: no change is ever dropped, and both replicas converge.
//
// - A field changed on one side only takes that side.
// - A field changed on both sides to different values gets a winner that does not depend on which side is "local":
//   the value written by the field's owning role (known from the history entries new on that side), else the later
//   `updatedAt`, else the larger canonical JSON. The loser is kept in a 'mergeConflict' history entry whose id is a
//   hash of its content, so both replicas create the same entry.
// - `history` is merged as a set by entry id, sorted by (at, id); `updatedAt` is the later of the two.
// The result never depends on the clock of the replica that merges, so merge(b, x, y) equals merge(b, y, x).

import type { SyncedCollection } from '../api/sync-protocol';
import { canonicalJson, jsonEqual } from '../common/canonical-json';
import type { HistoryEntry } from '../common/document';
import { fieldOwnership, lifecycles, ownerOfField } from '../ownership/field-ownership';

type Doc = Record<string, unknown>;

/** RxDB bookkeeping that is not part of the document's content. */
const BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

/** A deterministic 128-bit hash (four FNV-1a-style 32-bit lanes) as hex; not cryptographic, only an id. */
export function contentHash(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return seeds
    .map((seed, lane) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i) + lane;
        h = Math.imul(h, 0x01000193) >>> 0;
        h ^= h >>> 13;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}

function historyOf(doc: Doc | null | undefined): HistoryEntry[] {
  const h = doc?.history;
  return Array.isArray(h) ? (h as HistoryEntry[]) : [];
}

function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Union of histories by entry id, sorted by (at, id). Should one id carry two contents, the larger JSON wins. */
export function mergeHistories(...histories: HistoryEntry[][]): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const history of histories) {
    for (const entry of history) {
      const known = byId.get(entry.id);
      if (!known || canonicalJson(entry) > canonicalJson(known)) byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort(compareEntries);
}

function timeOf(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** The later of two ISO timestamps (deterministic for equal instants written differently). */
function laterTimestamp(a: unknown, b: unknown): string | undefined {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (Number.isNaN(ta)) return typeof b === 'string' ? b : undefined;
  if (Number.isNaN(tb)) return a as string;
  if (ta !== tb) return ta > tb ? (a as string) : (b as string);
  return (a as string) > (b as string) ? (a as string) : (b as string);
}

/** The roles that wrote `field` on one side since the base, as told by that side's new history entries. */
function writersOf(collection: SyncedCollection, field: string, side: Doc, baseIds: Set<string>): Set<string> {
  const lifecycle = lifecycles[collection];
  const roles = new Set<string>();
  for (const entry of historyOf(side)) {
    if (baseIds.has(entry.id)) continue;
    const t =
      lifecycle && Object.hasOwn(lifecycle.transitions, entry.action) ? lifecycle.transitions[entry.action] : undefined;
    const touched =
      entry.field === field ||
      (t?.writes as readonly string[] | undefined)?.includes(field) ||
      (t?.clears as readonly string[] | undefined)?.includes(field);
    if (touched) roles.add(entry.role);
  }
  return roles;
}

/** -1: a wins, 1: b wins. Symmetric by construction: swapping a and b swaps the answer. */
function pickWinner(
  collection: SyncedCollection,
  field: string,
  a: { doc: Doc; value: unknown },
  b: { doc: Doc; value: unknown },
  baseIds: Set<string>,
): -1 | 1 {
  const owner = ownerOfField(collection, field);
  if (owner === 'station' || owner === 'county') {
    const aByOwner = writersOf(collection, field, a.doc, baseIds).has(owner);
    const bByOwner = writersOf(collection, field, b.doc, baseIds).has(owner);
    if (aByOwner !== bByOwner) return aByOwner ? -1 : 1;
  }
  const ta = timeOf(a.doc.updatedAt);
  const tb = timeOf(b.doc.updatedAt);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta > tb ? -1 : 1;
  return canonicalJson(a.value) >= canonicalJson(b.value) ? -1 : 1;
}

export interface MergeConflict {
  field: string;
  kept: unknown;
  overwritten: unknown;
}

export interface MergeResult<T> {
  document: T;
  conflicts: MergeConflict[];
}

/**
 * Merges `local` and `remote`, two versions derived from `base` (null when unknown: both sides count as changed).
 * `now` is used only when neither side has an `updatedAt`; otherwise the result does not depend on the clock.
 */
export function mergeDocumentsWithConflicts<T extends object>(
  collection: SyncedCollection,
  base: T | null | undefined,
  local: T,
  remote: T,
  now: string,
): MergeResult<T> {
  const b = (base ?? {}) as Doc;
  const l = local as Doc;
  const r = remote as Doc;
  const baseIds = new Set(historyOf(b).map((e) => e.id));
  const fields = [...new Set([...Object.keys(b), ...Object.keys(l), ...Object.keys(r)])]
    .filter((f) => f !== 'history' && f !== 'updatedAt' && !BOOKKEEPING.has(f))
    .sort();
  const updatedAt = laterTimestamp(l.updatedAt, r.updatedAt) ?? now;
  const out: Doc = {};
  const conflicts: MergeConflict[] = [];
  const conflictEntries: HistoryEntry[] = [];
  for (const field of fields) {
    const bv = b[field];
    const lv = l[field];
    const rv = r[field];
    let value: unknown;
    if (jsonEqual(lv, rv)) value = lv;
    else if (jsonEqual(bv, lv)) value = rv;
    else if (jsonEqual(bv, rv)) value = lv;
    else {
      const localWins = pickWinner(collection, field, { doc: l, value: lv }, { doc: r, value: rv }, baseIds) === -1;
      value = localWins ? lv : rv;
      const loser = localWins ? rv : lv;
      const overwritten = canonicalJson(loser);
      conflicts.push({ field, kept: value, overwritten: loser });
      conflictEntries.push({
        id: `merge-${contentHash([collection, String(l.id ?? r.id), field, canonicalJson(value), overwritten].join('\u0000'))}`,
        at: updatedAt,
        by: 'system',
        role: 'system',
        action: 'mergeConflict',
        field,
        overwritten,
      });
    }
    if (value !== undefined) out[field] = value;
  }
  if ('updatedAt' in l || 'updatedAt' in r) out.updatedAt = updatedAt;
  if ('history' in l || 'history' in r || conflictEntries.length > 0) {
    out.history = mergeHistories(historyOf(b), historyOf(l), historyOf(r), conflictEntries);
  }
  return { document: out as T, conflicts };
}

/** The merged document (see mergeDocumentsWithConflicts). */
export function mergeDocuments<T extends object>(
  collection: SyncedCollection,
  base: T | null | undefined,
  local: T,
  remote: T,
  now: string,
): T {
  return mergeDocumentsWithConflicts(collection, base, local, remote, now).document;
}

/** Equality for RxDB's conflict handler (`isEqual`): content equality, ignoring RxDB bookkeeping and key order. */
export function documentsEqual(a: object, b: object): boolean {
  const strip = (d: object) => Object.fromEntries(Object.entries(d).filter(([k]) => !BOOKKEEPING.has(k)));
  return jsonEqual(strip(a), strip(b));
}

/**
 * A conflict handler in the shape of RxDB's RxConflictHandler: the pushed state (newDocumentState) is merged with the
 * server's (realMasterState) from the state both started from (assumedMasterState).
 */
export function createConflictHandler<T extends object>(
  collection: SyncedCollection,
  clock: () => string = () => new Date().toISOString(),
): {
  isEqual: (a: T, b: T, context: string) => boolean;
  resolve: (input: { assumedMasterState?: T; realMasterState: T; newDocumentState: T }, context: string) => Promise<T>;
} {
  return {
    isEqual: (a, b) => documentsEqual(a, b),
    resolve: async (input) =>
      mergeDocuments(
        collection,
        input.assumedMasterState ?? null,
        input.newDocumentState,
        input.realMasterState,
        clock(),
      ),
  };
}

/** The fields a collection knows (for tests and tools). */
export function knownFields(collection: SyncedCollection): string[] {
  const o = fieldOwnership[collection];
  return [...new Set([...o.station, ...o.county, ...o.shared])];
}
