// The county workspace's own requests (county staff only): the county's reference lists for filters, and likely
// duplicates of an opinion for the merge action. Departments are written through the ordinary push.
import type { OpinionCategory, OpinionStatus } from '../opinion/opinion';
import type { StationKind } from '../station/station';

/** GET countyRoutes.reference: the county, its townships and stations. */
export interface CountyReference {
  county: { id: string; name: string };
  townships: { id: string; name: string; stationCount: number }[];
  stations: {
    id: string;
    name: string;
    shortName: string;
    kind: StationKind;
    townshipId: string;
    townshipName: string;
    isDemonstration: boolean;
  }[];
}

/** GET countyRoutes.duplicates(opinionId) */
export interface DuplicatesQuery {
  /** 1–50, default 10. */
  limit?: number;
  /** Lowest similarity shown, 0–1 (default 0.2: a shared place name alone stays below it). */
  minScore?: number;
}

/** An opinion the county could merge into: same county and category, not itself a merged duplicate. */
export interface DuplicateSuggestion {
  id: string;
  stationId: string;
  stationName: string;
  townshipName: string;
  category: OpinionCategory;
  status: OpinionStatus;
  receivedAt: string;
  title: string;
  /** The start of the content (up to 120 characters), for the list. */
  excerpt: string;
  /** Character-bigram Jaccard similarity of title + content, 0–1. */
  score: number;
}

export interface DuplicatesResponse {
  opinionId: string;
  /** Best first. */
  suggestions: DuplicateSuggestion[];
}
