// The RxDB internals the sync relies on, named in one place and pinned by rxdb-internals.test.ts: an RxDB upgrade
// that changes them fails that test instead of silently miscounting the changes still to send.
import type { MangoQuerySelector } from 'rxdb';

/**
 * Documents written here after `ms`: RxDB stamps every write (local or pulled) with its local write time
 * `_meta.lwt` (milliseconds) and indexes it in every collection, so the query reads only recent documents.
 *
 * RxDB's replication would also flag a document it stored from the server (`_meta['rxdbreplication' + id]`), but
 * only when the server sends revisions (`_rev`); this server sends none, so a pulled document cannot be told from
 * a local change, and the changes still to send are the documents written after the last complete sync.
 */
export function writtenAfter<T>(ms: number): MangoQuerySelector<T> {
  return { '_meta.lwt': { $gt: ms } } as MangoQuerySelector<T>;
}
