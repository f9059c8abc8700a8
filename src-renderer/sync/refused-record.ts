// A document the server refused to store: which record it is for the clerk (collection, title or case number, a
// link to open it) and why (the server's Chinese message and fields). Kept locally unchanged and retried.

import type { SyncedCollection } from '../../src-shared/api/sync-protocol';
import { collectionDefinitions } from '../../src-shared/collections';
import type { SyncRefusal } from '../state/sync-status-store';
import type { SyncError } from './sync-client';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The collection's name for the clerk: its schema description without the parenthesised note. */
export function collectionTitle(collection: SyncedCollection): string {
  return (collectionDefinitions[collection]?.schema.description ?? collection).replace(/\(.*\)$/, '');
}

/** How the clerk knows the record: an opinion's title, a case number, a reception day's date and topic. */
export function recordLabel(collection: SyncedCollection, doc: Record<string, unknown>): string {
  const id = text(doc.id) ?? '';
  switch (collection) {
    case 'opinions':
    case 'activities':
      return text(doc.title) ?? id;
    case 'mediationCases':
      return text(doc.caseNumber) ?? id;
    case 'receptionDays':
      return [text(doc.date), text(doc.topic)].filter(Boolean).join(' ') || id;
    default:
      return text(doc.name) ?? text(doc.title) ?? id;
  }
}

const routeOf: Partial<Record<SyncedCollection, string>> = {
  opinions: '/opinions',
  receptionDays: '/reception-days',
  mediationCases: '/mediation',
  activities: '/activities',
};

/** Where the clerk opens the record to correct it (a photo: the record it belongs to); null when nowhere. */
export function recordHref(collection: SyncedCollection, doc: Record<string, unknown>): string | null {
  if (collection === 'photos') {
    const owner = text(doc.ownerCollection) as SyncedCollection | null;
    const ownerId = text(doc.ownerId);
    return owner && ownerId && routeOf[owner] ? `${routeOf[owner]}/${encodeURIComponent(ownerId)}` : null;
  }
  const route = routeOf[collection];
  const id = text(doc.id);
  return route && id ? `${route}/${encodeURIComponent(id)}` : null;
}

/** The refusal as the 同步 page shows it. */
export function describeRefusal(
  collection: SyncedCollection,
  doc: Record<string, unknown>,
  error: SyncError,
  at: Date = new Date(),
): SyncRefusal {
  return {
    collection,
    collectionTitle: collectionTitle(collection),
    id: text(doc.id) ?? error.refusal?.id ?? '',
    label: recordLabel(collection, doc),
    href: recordHref(collection, doc),
    code: error.code,
    message: error.message,
    fields: error.refusal?.fields ?? [],
    at: at.toISOString(),
  };
}
