import { tableIds, tableWords, type InteractionTable } from './interactionTable';
import { withinPeriod, type InteractionFacts, type Period } from './types';

/** A scored review as the attention list compares them. */
export interface ReviewMark {
  id: string;
  date: string;
  score: number;
}

/** Newest first; on the same date by id: the order in which the attention list compares reviews. */
export function compareReviews(a: ReviewMark, b: ReviewMark): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/**
 * What the register and the attention list need of one partner's interactions: its scored reviews and
 * the departments in touch within a period. One pass over the interactions, so the first screen never
 * walks them per partner.
 */
export interface PartnerActivity {
  /** Every interaction of kind review that carries a review, in no particular order. */
  reviews: ReviewMark[];
  /** Departments with an interaction in the period (empty departments left out). */
  departments: Set<string>;
}

/** Per partner id (every partner that has interactions, inactive ones too). */
export type ActivityByPartner = Map<string, PartnerActivity>;

function entry(map: ActivityByPartner, partnerId: string): PartnerActivity {
  let a = map.get(partnerId);
  if (!a) {
    a = { reviews: [], departments: new Set() };
    map.set(partnerId, a);
  }
  return a;
}

export function activityByPartner(interactions: readonly InteractionFacts[], period: Period): ActivityByPartner {
  const map: ActivityByPartner = new Map();
  const within = withinPeriod(period);
  for (const i of interactions) {
    const a = entry(map, i.partnerId);
    if (i.kind === 'review' && i.review) a.reviews.push({ id: i.id, date: i.date, score: i.review.score });
    if (i.department && within(i.date)) a.departments.add(i.department);
  }
  return map;
}

/**
 * The same figures read straight from the cache's columns. A review counts when it has a score, as for
 * the objects: the overview cache carries a review's score only, and only when it is not 0.
 */
export function activityFromTable(table: InteractionTable, period: Period): ActivityByPartner {
  const map: ActivityByPartner = new Map();
  const words = tableWords(table);
  const ids = tableIds(table);
  const byCode: Array<PartnerActivity | undefined> = new Array(words.length);
  // Dates are codes into the words too: decide "in the period" once per distinct date.
  const within = withinPeriod(period);
  const dateIn = new Int8Array(words.length); // 0 unknown, 1 in, -1 out
  // Departments as small indexes, so "this partner already has this department" is a byte, not a Set lookup per row.
  const departmentIndex = new Int32Array(words.length).fill(-1);
  const departments: number[] = [];
  const seen: Uint8Array[] = [];
  const reviewCode = words.indexOf('review');
  for (let r = 0; r < table.length; r++) {
    const p = table.partner[r];
    const a = (byCode[p] ??= entry(map, words[p]));
    const d = table.date[r];
    const score = table.reviewScore[r];
    if (table.kind[r] === reviewCode && score) a.reviews.push({ id: ids[r], date: words[d], score });
    const dc = table.department[r];
    if (words[dc] === '') continue;
    if (dateIn[d] === 0) dateIn[d] = within(words[d]) ? 1 : -1;
    if (dateIn[d] < 0) continue;
    let di = departmentIndex[dc];
    if (di < 0) {
      di = departmentIndex[dc] = departments.length;
      departments.push(dc);
    }
    const partnerSeen = (seen[p] ??= new Uint8Array(64));
    if (di >= partnerSeen.length) {
      const grown = new Uint8Array(Math.max(di + 1, partnerSeen.length * 2));
      grown.set(partnerSeen);
      seen[p] = grown;
    }
    if (seen[p][di]) continue;
    seen[p][di] = 1;
    a.departments.add(words[dc]);
  }
  return map;
}
