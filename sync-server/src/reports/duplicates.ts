// Likely duplicates of an opinion for the county's merge action: same category, similar Chinese text, any station.
import type {
  DuplicateSuggestion,
  DuplicatesQuery,
  DuplicatesResponse,
} from '../../../src-shared/api/county-workspace';
import type { OpinionCategory } from '../../../src-shared/opinion/opinion';
import { forbidden, notFound } from '../plugins/errors';
import type { Store } from '../store/store';

/** An opinion the county could merge into, as the store reads it: a suggestion before it is scored, with its content. */
export interface DuplicateCandidate extends Omit<DuplicateSuggestion, 'score' | 'excerpt'> {
  content: string;
}

/** Letters, digits and CJK only: punctuation and spaces say nothing about the matter. */
function normalise(text: string): string[] {
  return Array.from(text.toLowerCase()).filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/** The set of adjacent character pairs (bigrams): robust for Chinese, which has no spaces between words. */
export function bigrams(text: string): Set<string> {
  const c = normalise(text);
  const out = new Set<string>();
  if (c.length === 1) out.add(c[0] as string);
  for (let i = 0; i + 1 < c.length; i++) out.add(`${c[i]}${c[i + 1]}`);
  return out;
}

/** |A ∩ B| ÷ |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Likely duplicates of opinion `id` in the caller's county, best first. The candidates (same county and category,
 * not merged, not the opinion itself) are read by the store; the similarity is computed here.
 */
export async function findDuplicates(
  store: Store,
  countyId: string,
  id: string,
  options: DuplicatesQuery = {},
): Promise<DuplicatesResponse> {
  const opinion = await store.getDocument('opinions', id);
  if (!opinion || opinion.deleted) throw notFound('opinion_not_found', '找不到这条意见，可能已被删除，请刷新列表');
  if (opinion.countyId !== countyId) {
    throw forbidden('out_of_scope', '这条意见不属于您所在的县(市、区)，无法查看');
  }
  const category = opinion.body.category as OpinionCategory;
  const target = bigrams(`${String(opinion.body.title ?? '')} ${String(opinion.body.content ?? '')}`);
  const minScore = options.minScore ?? 0.2;
  const limit = options.limit ?? 10;
  const candidates = await store.opinionDuplicateCandidates(countyId, category, id);
  const suggestions: DuplicateSuggestion[] = [];
  for (const c of candidates) {
    const score = jaccard(target, bigrams(`${c.title} ${c.content}`));
    if (score < minScore) continue;
    const { content, ...rest } = c;
    suggestions.push({
      ...rest,
      score: Math.round(score * 1000) / 1000,
      excerpt: Array.from(content).slice(0, 120).join(''),
    });
  }
  suggestions.sort((a, b) => b.score - a.score || a.receivedAt.localeCompare(b.receivedAt));
  return { opinionId: id, suggestions: suggestions.slice(0, limit) };
}
