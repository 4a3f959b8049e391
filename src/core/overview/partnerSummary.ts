import { figuresByPartner, figuresFromTable, type PartnerFigures } from '../partnerFigures';
import { tableIds, tableWords, type InteractionTable } from './interactionTable';
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
    // A note without a readable date tells nothing of when the department was in touch (as summariesFromTable).
    const time = Date.parse(i.date);
    if (Number.isNaN(time)) continue;
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
 * The partners (of `partnerIds`) whose summary says otherwise than their interactions, once every
 * interaction has been read (`table`, the overview's copy): a partner with interactions has no summary,
 * or a summary's count, last contact, newest reviews or departments' dates differ from what a recount at
 * the summary's own time would give. The app recounts after each of its own writes; a note added, changed
 * or removed by something else (a flow, an import, SharePoint's own list view) leaves the summary behind
 * until setup's repair, or until an overview that saw the difference asks for the recount.
 */
export function summariesOutOfStep(summaries: Iterable<PartnerSummary>, table: InteractionTable, partnerIds: Iterable<string>): string[] {
  const told = new Map<string, PartnerSummary>();
  for (const s of summaries) told.set(s.partnerId, s);
  const exact = summariesFromTable(table, told);
  const out: string[] = [];
  for (const id of new Set(partnerIds)) {
    const a = told.get(id);
    const b = exact.get(id);
    if (a ? !sameFacts(a, b ?? { ...a, interactionCount: 0, lastContact: undefined, reviews: [], departments: [] }) : b) out.push(id);
  }
  return out.sort();
}

/**
 * Per partner with interactions in `table`: its summary as {@link summarisePartner} would make it, at the
 * time of the partner's summary in `at` (now, for a partner without one). One pass over the columns, so a
 * first-ever open can check 10,000 summaries against 1,000,000 interactions without making them objects.
 */
export function summariesFromTable(table: InteractionTable, at: ReadonlyMap<string, Pick<PartnerSummary, 'at'>>, now: Date = new Date()): Map<string, PartnerSummary> {
  const words = tableWords(table);
  const ids = tableIds(table);
  const time = new Float64Array(words.length).fill(NaN);
  const reviewCode = words.indexOf('review');
  interface Counting { id: string; at: string; atTime: number; own: Summarised[]; departments: Map<number, DepartmentDates & { newestTime: number; aheadTime: number }> }
  const byCode: Array<Counting | undefined> = [];
  const figures = figuresFromTable(table);
  for (let r = 0; r < table.length; r++) {
    const p = table.partner[r];
    let c = byCode[p];
    if (!c) {
      const atIso = at.get(words[p])?.at ?? now.toISOString();
      c = byCode[p] = { id: words[p], at: atIso, atTime: Date.parse(atIso), own: [], departments: new Map() };
    }
    const d = table.date[r];
    if (Number.isNaN(time[d])) time[d] = Date.parse(words[d]);
    const score = table.reviewScore[r];
    if (table.kind[r] === reviewCode && score) c.own.push({ id: ids[r], partnerId: c.id, date: words[d], kind: 'review', department: '', reviewScore: score });
    const department = words[table.department[r]];
    if (!department) continue;
    let dates = c.departments.get(table.department[r]);
    if (!dates) c.departments.set(table.department[r], (dates = { department, newestTime: -Infinity, aheadTime: Infinity }));
    // As in summarisePartner: the newest at or before the summary's time, the earliest after it.
    if (time[d] <= c.atTime) {
      if (time[d] > dates.newestTime) (dates.newestTime = time[d]), (dates.newest = words[d]);
    } else if (time[d] < dates.aheadTime) (dates.aheadTime = time[d]), (dates.nextAhead = words[d]);
  }
  const map = new Map<string, PartnerSummary>();
  for (const c of byCode) {
    if (!c) continue;
    const f = figures.get(c.id);
    const reviews = summarisePartner(c.id, c.own, new Date(c.atTime)).reviews;
    const departments = [...c.departments.values()]
      .map(({ department, newest, nextAhead }) => ({ department, ...(newest ? { newest } : {}), ...(nextAhead ? { nextAhead } : {}) }))
      .sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
    map.set(c.id, { partnerId: c.id, interactionCount: f?.interactionCount ?? 0, lastContact: f?.lastContact, reviews, departments, at: c.at });
  }
  return map;
}

/** The same facts, each date as an instant (Graph writes without milliseconds what the app wrote with them). */
function sameFacts(a: PartnerSummary, b: PartnerSummary): boolean {
  const instant = (date: string | undefined) => (date === undefined ? '' : String(Date.parse(date)));
  const facts = (s: PartnerSummary) =>
    JSON.stringify([s.interactionCount, instant(s.lastContact), s.reviews.map((r) => [r.id, instant(r.date), r.score]), s.departments.map((d) => [d.department, instant(d.newest), instant(d.nextAhead)])]);
  return facts(a) === facts(b);
}

/** Whether two summaries say the same (`at` aside): a recount that changes nothing writes nothing. */
export function sameSummary(a: PartnerSummary, b: PartnerSummary): boolean {
  const facts = (s: PartnerSummary) =>
    JSON.stringify([s.partnerId, s.interactionCount, s.lastContact ?? '', s.reviews.map((r) => [r.id, r.date, r.score]), s.departments.map((d) => [d.department, d.newest ?? '', d.nextAhead ?? ''])]);
  return facts(a) === facts(b);
}
