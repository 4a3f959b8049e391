/**
 * Retention by the archive rules: a period per kind of record (set by an administrator, defaults in
 * docs/retention.md), the records past it listed for a reviewed destruction, and the destruction report.
 * Nothing here deletes: the records manager selects from the listed records and confirms; only what was
 * both listed and selected is destroyed (`reviewedSelection`), and the report goes into the audit trail.
 */
import type { AgendaItem, Interaction } from './model';
import type { AuditEntry } from './audit';
import { addLocalCalendarMonths } from './calendarMonths';
import { calendarDay } from './calendarDay';

export const RETENTION_KINDS = ['notes', 'agenda', 'reviews', 'audit'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Years per kind of record. */
export type RetentionPeriods = Record<RetentionKind, number>;

/**
 * The defaults (docs/retention.md gives the reasoning under the Selectielijst gemeenten en
 * intergemeentelijke organen 2020): contact notes and agenda items are supporting records of the
 * relationship, destroyed 5 years after the contact or the item's due day; relationship reviews
 * account for the partnership and are kept 10 years; the trail 10 years, its destruction reports are
 * never destroyed (the Archiefbesluit keeps an account of what was destroyed).
 */
export const DEFAULT_RETENTION: RetentionPeriods = { notes: 5, agenda: 5, reviews: 10, audit: 10 };

export const RETENTION_LIMITS = { min: 1, max: 100 } as const;

/** The periods in force: each set one where it is a whole number of years in range, else the default. */
export function retentionPeriods(set: Partial<Record<RetentionKind, number | undefined>> | undefined): RetentionPeriods {
  const valid = (n: number | undefined): n is number => Number.isInteger(n) && n! >= RETENTION_LIMITS.min && n! <= RETENTION_LIMITS.max;
  return Object.fromEntries(RETENTION_KINDS.map((k) => [k, valid(set?.[k]) ? set![k] : DEFAULT_RETENTION[k]])) as RetentionPeriods;
}

export type RetentionList = 'Interactions' | 'Agenda' | 'AuditTrail';

export interface RetentionCandidate {
  kind: RetentionKind;
  list: RetentionList;
  /** The item's id in its list (what is deleted). */
  id: string;
  clientId?: string;
  partnerId?: string;
  title: string;
  /** The day the period counts from (contact, due day, action). */
  date: string;
  /** The day the period ended. */
  expiredOn: string;
  /** A Woo-relevant note may have to be kept for a running request: listed, not preselected. */
  wooRelevant?: boolean;
  /** Its text lives in ConfidentialNotes too, which goes with it. */
  confidential?: boolean;
  /** A confidential note's author: who, besides the site's owners, may remove its text (SharePointPartnerRepository.deleteInteraction). */
  authorEmail?: string;
}

export interface RetentionInput {
  interactions: ReadonlyArray<Pick<Interaction, 'id' | 'clientId' | 'partnerId' | 'title' | 'date' | 'kind'> & { wooRelevant?: boolean; confidential?: boolean; authorEmail?: string }>;
  agenda: ReadonlyArray<Pick<AgendaItem, 'id' | 'clientId' | 'partnerId' | 'topic' | 'status' | 'dueDate'>>;
  audit: ReadonlyArray<Pick<AuditEntry, 'id' | 'action' | 'occurredAt' | 'list' | 'itemId'>>;
}

/**
 * On the same calendar day (the official's, as `today` below) `years` later; a record of 29 February
 * expires on 28 February of a common year.
 */
function addYears(iso: string, years: number): string {
  return addLocalCalendarMonths(iso, 12 * years).toISOString();
}

/**
 * The records past their period on `now`, oldest first. Open agenda items are still running and never
 * listed; a done one counts from its due day (the only day it carries). Destruction reports stay.
 */
export function retentionCandidates(input: RetentionInput, periods: RetentionPeriods, now: Date): RetentionCandidate[] {
  // By calendar day (the official's): a record is listed from the morning of the day its period ends, not from
  // the hour of day it was made.
  const today = calendarDay(now);
  const out: RetentionCandidate[] = [];
  const push = (c: Omit<RetentionCandidate, 'expiredOn'>, years: number) => {
    if (!c.date || Number.isNaN(Date.parse(c.date))) return;
    const expiredOn = addYears(c.date, years);
    if (calendarDay(expiredOn) <= today) out.push({ ...c, expiredOn });
  };
  for (const i of input.interactions) {
    const kind: RetentionKind = i.kind === 'review' ? 'reviews' : 'notes';
    push({ kind, list: 'Interactions', id: i.id, clientId: i.clientId, partnerId: i.partnerId, title: i.title, date: i.date, wooRelevant: i.wooRelevant === true, confidential: i.confidential === true, ...(i.confidential ? { authorEmail: i.authorEmail } : {}) }, periods[kind]);
  }
  for (const a of input.agenda) {
    if (a.status !== 'done' || !a.dueDate) continue;
    push({ kind: 'agenda', list: 'Agenda', id: a.id, clientId: a.clientId, partnerId: a.partnerId, title: a.topic, date: a.dueDate }, periods.agenda);
  }
  for (const e of input.audit) {
    if (e.action === 'destruction') continue;
    push({ kind: 'audit', list: 'AuditTrail', id: e.id, title: `${e.action} ${e.list ?? ''} ${e.itemId ?? ''}`.trim(), date: e.occurredAt }, periods.audit);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export const candidateKey = (c: Pick<RetentionCandidate, 'list' | 'id'>): string => `${c.list}:${c.id}`;

/**
 * What may be destroyed: the listed candidates the records manager selected, nothing else. A selected
 * key that was not listed (stale, or made up) is ignored.
 */
export function reviewedSelection(listed: readonly RetentionCandidate[], selected: ReadonlySet<string>): RetentionCandidate[] {
  return listed.filter((c) => selected.has(candidateKey(c)));
}

export interface DestructionReport {
  /** When the destruction was confirmed and carried out (ISO). */
  at: string;
  by: { name: string; email?: string };
  /** How many were listed for review, and how many of them were selected. */
  listed: number;
  selected: number;
  destroyed: number;
  failed: number;
  byKind: Record<RetentionKind, number>;
  /** The destroyed items (list, id, kind, date): what, not their content. */
  items: Array<Pick<RetentionCandidate, 'list' | 'id' | 'kind' | 'date'>>;
  periods: RetentionPeriods;
}

export function destructionReport(input: {
  at: Date;
  by: { name: string; email?: string };
  listed: readonly RetentionCandidate[];
  selected: readonly RetentionCandidate[];
  destroyed: readonly RetentionCandidate[];
  periods: RetentionPeriods;
}): DestructionReport {
  const byKind = Object.fromEntries(RETENTION_KINDS.map((k) => [k, 0])) as Record<RetentionKind, number>;
  for (const c of input.destroyed) byKind[c.kind]++;
  return {
    at: input.at.toISOString(),
    by: input.by,
    listed: input.listed.length,
    selected: input.selected.length,
    destroyed: input.destroyed.length,
    failed: input.selected.length - input.destroyed.length,
    byKind,
    items: input.destroyed.map(({ list, id, kind, date }) => ({ list, id, kind, date })),
    periods: input.periods,
  };
}

/** The report as the trail's `detail`: counts per kind and the ids per list (no titles, no text). */
export function destructionDetail(report: DestructionReport): string {
  const kinds = RETENTION_KINDS.map((k) => `${k}=${report.byKind[k]}`).join(', ');
  const ids = (['Interactions', 'Agenda', 'AuditTrail'] as const)
    .map((list) => [list, report.items.filter((i) => i.list === list).map((i) => i.id)] as const)
    .filter(([, ids]) => ids.length > 0)
    .map(([list, ids]) => `${list}: ${ids.join(',')}`)
    .join('; ');
  const periods = RETENTION_KINDS.map((k) => `${k} ${report.periods[k]}y`).join(', ');
  return `listed ${report.listed}, selected ${report.selected}, destroyed ${report.destroyed}, failed ${report.failed}; ${kinds}; periods ${periods}${ids ? `; ${ids}` : ''}`;
}
