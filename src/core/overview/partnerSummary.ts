import { figuresByPartner, type PartnerFigures } from '../partnerFigures';
import { compareReviews, type ActivityByPartner, type ReviewMark } from './partnerActivity';
import { withinPeriod, type InteractionFacts, type Period } from './types';

/**
 * What the overview's first screen needs of one partner's interactions, so that a first-ever open can
 * show the attention headline and the register from one small item per partner instead of reading every
 * interaction first (issue 19: 10,000 partners, 1,000,000 interactions). Derived data, made by
 * {@link summarisePartner} from the partner's interactions as they are (never added to or counted up,
 * so a recount is always exact and running it twice changes nothing); src/data/partnerSummary.ts keeps
 * the PartnerSummary list in step. The overview replaces these figures with its own as soon as its copy
 * of every interaction has arrived.
 */
export interface PartnerSummary {
  partnerId: string;
  /** Interactions that count as contact (withdrawn ones do not). */
  interactionCount: number;
  lastContact?: string;
  /** The two newest scored reviews (newest first): all that "review dropped" compares. */
  reviews: ReviewMark[];
  /**
   * Per department: its newest interaction dated at or before `at`, and its earliest dated after
   * (a note dated ahead): together they tell whether the department was in touch within a period
   * ending now, for as long as no second note dated ahead has come due since the recount.
   */
  departments: DepartmentDates[];
  /** When the summary was made (ISO). */
  at: string;
}

export interface DepartmentDates {
  department: string;
  newest?: string;
  nextAhead?: string;
}

type Summarised = Pick<InteractionFacts, 'id' | 'partnerId' | 'date' | 'kind' | 'department'> & { reviewScore?: number; withdrawn?: unknown };

/** The summary of one partner from all its interactions (those of other partners are ignored). */
export function summarisePartner(partnerId: string, interactions: Iterable<Summarised>, at: Date): PartnerSummary {
  const atIso = at.toISOString();
  const own = [...interactions].filter((i) => i.partnerId === partnerId && !i.withdrawn);
  const figures: PartnerFigures = figuresByPartner(own.map((i) => ({ partnerId, date: i.date }))).get(partnerId) ?? { interactionCount: 0 };
  const reviews = own
    .filter((i) => i.kind === 'review' && i.reviewScore)
    .map((i) => ({ id: i.id, date: i.date, score: i.reviewScore! }))
    .sort(compareReviews)
    .slice(0, 2);
  const byDepartment = new Map<string, DepartmentDates>();
  for (const i of own) {
    if (!i.department) continue;
    const d = byDepartment.get(i.department) ?? { department: i.department };
    byDepartment.set(i.department, d);
    // As instants: Graph writes dates without milliseconds, `at` has them, so their texts do not compare.
    const time = Date.parse(i.date);
    if (time <= at.getTime()) {
      if (!d.newest || time > Date.parse(d.newest)) d.newest = i.date;
    } else if (!d.nextAhead || time < Date.parse(d.nextAhead)) d.nextAhead = i.date;
  }
  const departments = [...byDepartment.values()].sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  return { partnerId, interactionCount: figures.interactionCount, lastContact: figures.lastContact, reviews, departments, at: atIso };
}

/** The same facts as {@link activityFromTable} gives from every interaction, from the summaries. */
export function activityFromSummaries(summaries: Iterable<PartnerSummary>, period: Period): ActivityByPartner {
  const map: ActivityByPartner = new Map();
  const inside = withinPeriod(period);
  const within = (date: string | undefined) => date !== undefined && inside(date);
  for (const s of summaries) {
    if (s.interactionCount === 0) continue;
    const departments = new Set(s.departments.filter((d) => within(d.newest) || within(d.nextAhead)).map((d) => d.department));
    map.set(s.partnerId, { reviews: s.reviews, departments });
  }
  return map;
}

/** Each partner's last contact and count, as figuresByPartner gives them from every interaction. */
export function figuresFromSummaries(summaries: Iterable<PartnerSummary>): Map<string, PartnerFigures> {
  const map = new Map<string, PartnerFigures>();
  for (const s of summaries) if (s.interactionCount > 0) map.set(s.partnerId, { interactionCount: s.interactionCount, lastContact: s.lastContact });
  return map;
}

/**
 * The partners (of `partnerIds`) whose summary counts otherwise than their interactions, once every
 * interaction has been read (`exact`, figuresFromTable): the number or the last contact differs, or a
 * partner with interactions has no summary. The app recounts after each of its own writes; a note added,
 * changed or removed by something else (a flow, an import, SharePoint's own list view) leaves the summary
 * behind until setup's repair, or until an overview that saw the difference asks for the recount.
 */
export function summariesOutOfStep(summaries: Iterable<PartnerSummary>, exact: ReadonlyMap<string, PartnerFigures>, partnerIds: Iterable<string>): string[] {
  const told = figuresFromSummaries(summaries);
  const instant = (date: string | undefined) => (date === undefined ? undefined : Date.parse(date));
  const out: string[] = [];
  for (const id of new Set(partnerIds)) {
    const a = told.get(id);
    const b = exact.get(id);
    if ((a?.interactionCount ?? 0) !== (b?.interactionCount ?? 0) || instant(a?.lastContact) !== instant(b?.lastContact)) out.push(id);
  }
  return out.sort();
}

/** Whether two summaries say the same (`at` aside): a recount that changes nothing writes nothing. */
export function sameSummary(a: PartnerSummary, b: PartnerSummary): boolean {
  const facts = (s: PartnerSummary) =>
    JSON.stringify([s.partnerId, s.interactionCount, s.lastContact ?? '', s.reviews.map((r) => [r.id, r.date, r.score]), s.departments.map((d) => [d.department, d.newest ?? '', d.nextAhead ?? ''])]);
  return facts(a) === facts(b);
}
