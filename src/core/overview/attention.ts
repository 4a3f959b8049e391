import { isOverdueOn } from '../agenda';
import { calendarDay } from '../calendarDay';
import type { AgendaItem, Partner } from '../model';
import { byName } from '../nameOrder';
import { rhythmStatus } from '../relationship';
import { activityByPartner, compareReviews, type ActivityByPartner } from './partnerActivity';
import { lastMonths, type InteractionFacts, type Message } from './types';

export const ATTENTION_REASONS = ['review-dropped', 'past-rhythm', 'overdue-agenda', 'no-owner', 'single-department', 'no-contact'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export interface AttentionItem {
  partnerId: string;
  reason: AttentionReason;
  /** Why, as a catalogue key (`attention.reason.*`) with parameters. */
  message: Message;
  /** For overdue agenda items: which one. */
  agendaItemId?: string;
}

export interface AttentionInput {
  partners: Partner[];
  interactions: InteractionFacts[];
  agenda: AgendaItem[];
  now: Date;
  /** The window for "seen by only one department" (default 12 months). */
  months?: number;
  /** The official's time zone, for calendar days (default: the runtime's). */
  timeZone?: string;
}

/**
 * Everything a manager should look at, one line per partner and reason, most pressing first:
 * a dropped review (the partner told us something is wrong), then contact past its rhythm, overdue
 * commitments, no owner, a relationship carried by one department only, and partners nobody has been in
 * touch with yet (a new or just imported partner has not gone quiet: it has no contact to fall silent from).
 * Inactive partners are left out: nobody should chase them.
 */
export function attentionList({ partners, interactions, agenda, now, months = 12, timeZone }: AttentionInput): AttentionItem[] {
  return attentionFromActivity({ partners, activity: activityByPartner(interactions, lastMonths(now, months)), agenda, now, months, timeZone });
}

export interface AttentionFromActivityInput extends Omit<AttentionInput, 'interactions' | 'months'> {
  /** Per partner, with departments counted over the last `months` months. */
  activity: ActivityByPartner;
  months?: number;
}

/** {@link attentionList} from interactions already summed up per partner (e.g. read from the cache's columns). */
export function attentionFromActivity({ partners, activity, agenda, now, months = 12, timeZone }: AttentionFromActivityInput): AttentionItem[] {
  const overdueByPartner = new Map<string, AgendaItem[]>();
  const today = calendarDay(now, timeZone);
  for (const item of agenda) {
    if (!isOverdueOn(item, today, timeZone)) continue;
    const list = overdueByPartner.get(item.partnerId);
    if (list) list.push(item);
    else overdueByPartner.set(item.partnerId, [item]);
  }
  // One list per reason, filled partner by partner in name order and joined in the reasons' order: most
  // pressing first, by name within a reason, and the collator compares the partners' names once.
  const byReason = new Map<AttentionReason, AttentionItem[]>(ATTENTION_REASONS.map((r) => [r, []]));
  const add = (item: AttentionItem) => byReason.get(item.reason)!.push(item);
  for (const partner of byName(partners)) {
    if (partner.status === 'inactive') continue;
    const own = activity.get(partner.id);
    // Same rule as the pane's latestReview: the newest review against the one before it.
    const [latest, previous] = own && own.reviews.length > 1 ? [...own.reviews].sort(compareReviews) : [];
    if (latest && previous && latest.score < previous.score) {
      add({ partnerId: partner.id, reason: 'review-dropped', message: { key: 'attention.reason.reviewDropped', params: { from: previous.score, to: latest.score } } });
    }
    const rhythm = rhythmStatus(partner, now, timeZone);
    // No interaction at all (the denormalised date may lag behind a first note that is already there).
    const noContact = !partner.lastContact && !own;
    if (rhythm.state === 'overdue') {
      add({ partnerId: partner.id, reason: 'past-rhythm', message: { key: 'attention.reason.pastRhythm', count: rhythm.rhythmDays ?? 0, params: { daysAgo: rhythm.daysSince ?? 0 } } });
    }
    for (const item of overdueByPartner.get(partner.id) ?? []) {
      add({ partnerId: partner.id, reason: 'overdue-agenda', agendaItemId: item.id, message: { key: 'attention.reason.overdueAgenda', params: { topic: item.topic, date: item.dueDate! } } });
    }
    if (!partner.ownerEmail && !partner.ownerName) add({ partnerId: partner.id, reason: 'no-owner', message: { key: 'attention.reason.noOwner' } });
    const departments = own?.departments;
    if (departments?.size === 1) {
      add({ partnerId: partner.id, reason: 'single-department', message: { key: 'attention.reason.singleDepartment', count: months, params: { department: [...departments][0] } } });
    }
    if (noContact) {
      add({ partnerId: partner.id, reason: 'no-contact', message: rhythm.rhythmDays ? { key: 'attention.reason.never', count: rhythm.rhythmDays } : { key: 'attention.reason.noContact' } });
    }
  }
  return [...byReason.values()].flat();
}

/** How many partners each reason names (agenda items for overdue agenda): the overview's headline. */
export function attentionCounts(items: readonly AttentionItem[]): Record<AttentionReason, number> {
  const seen = new Map<AttentionReason, Set<string>>(ATTENTION_REASONS.map((r) => [r, new Set()]));
  for (const item of items) seen.get(item.reason)!.add(item.reason === 'overdue-agenda' ? (item.agendaItemId ?? item.partnerId) : item.partnerId);
  return Object.fromEntries(ATTENTION_REASONS.map((r) => [r, seen.get(r)!.size])) as Record<AttentionReason, number>;
}
