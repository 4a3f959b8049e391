import type { AgendaItem, Interaction, Partner } from './model';
import { calendarDaysBetween } from './calendarDay';
import { compareCodeUnits } from './compareCodeUnits';
import { countsAsContact } from './notes';
import { newClientId } from './noteDraft';
import { addCalendarMonths } from './calendarMonths';

export type RhythmState = 'ok' | 'due-soon' | 'overdue' | 'never' | 'no-target';

export interface RhythmStatus {
  state: RhythmState;
  /** Calendar days since the last contact (0 today, 1 yesterday); undefined when there never was one. */
  daysSince?: number;
  rhythmDays?: number;
}

/**
 * How the contact rhythm stands: "laatste contact 94 dagen geleden — ritme 60 dagen". Days are counted
 * on the official's calendar (`timeZone`, default the runtime's), so yesterday's contact is 1 day ago
 * this morning.
 */
export function rhythmStatus(partner: Pick<Partner, 'lastContact' | 'rhythmDays'>, now: Date, timeZone?: string): RhythmStatus {
  const rhythmDays = partner.rhythmDays && partner.rhythmDays > 0 ? partner.rhythmDays : undefined;
  const days = partner.lastContact ? calendarDaysBetween(partner.lastContact, now, timeZone) : NaN;
  if (Number.isNaN(days)) return { state: rhythmDays ? 'never' : 'no-target', rhythmDays };
  const daysSince = Math.max(0, days);
  if (!rhythmDays) return { state: 'no-target', daysSince };
  // "Due soon" in the last sixth of the rhythm gives the owner time to plan the next contact.
  const state: RhythmState = daysSince > rhythmDays ? 'overdue' : daysSince >= (rhythmDays * 5) / 6 ? 'due-soon' : 'ok';
  return { state, daysSince, rhythmDays };
}

export interface DepartmentContact {
  department: string;
  count: number;
  /** Themes discussed, most frequent first. */
  themes: string[];
  lastDate: string;
  lastAuthor: string;
}

/**
 * The cross-department view of one partner: who in the municipality was in touch in the
 * period, how often, about what, and who was last (withdrawn notes aside). Sorted by most recent contact.
 */
export function departmentContacts(interactions: Interaction[], now: Date, months = 12): DepartmentContact[] {
  const sinceIso = addCalendarMonths(now, -months).toISOString();
  const byDepartment = new Map<string, { count: number; themes: Map<string, number>; lastDate: string; lastAuthor: string }>();
  for (const interaction of interactions) {
    if (interaction.date < sinceIso || !interaction.department || !countsAsContact(interaction)) continue;
    let entry = byDepartment.get(interaction.department);
    if (!entry) {
      entry = { count: 0, themes: new Map(), lastDate: '', lastAuthor: '' };
      byDepartment.set(interaction.department, entry);
    }
    entry.count += 1;
    for (const theme of interaction.themes) entry.themes.set(theme, (entry.themes.get(theme) ?? 0) + 1);
    if (interaction.date > entry.lastDate) {
      entry.lastDate = interaction.date;
      entry.lastAuthor = interaction.authorName;
    }
  }
  return [...byDepartment.entries()]
    .map(([department, e]) => ({
      department,
      count: e.count,
      // Ties by code unit: themes are the settings' own words, and the first `localeCompare` creates ICU's
      // collator, ~25 ms at 4x CPU in the pane's first render (a CPU profile of the cold pane, issue 19).
      themes: [...e.themes.entries()].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0])).map(([t]) => t),
      lastDate: e.lastDate,
      lastAuthor: e.lastAuthor,
    }))
    .sort((a, b) => compareCodeUnits(b.lastDate, a.lastDate));
}

/**
 * Newest first; ties keep a stable order by id so the timeline never jumps. ISO 8601 dates and ids
 * order correctly by code unit; `localeCompare` would ask ICU on every comparison, which a
 * 10,000-entry timeline feels.
 */
export function sortTimeline(interactions: Interaction[]): Interaction[] {
  return [...interactions].sort((a, b) => compareCodeUnits(b.date, a.date) || compareCodeUnits(a.id, b.id));
}

export interface TimelineFilter {
  theme?: string;
  department?: string;
}

export function filterTimeline(interactions: Interaction[], filter: TimelineFilter): Interaction[] {
  return interactions.filter(
    (i) => (!filter.theme || i.themes.includes(filter.theme)) && (!filter.department || i.department === filter.department),
  );
}

/**
 * "Gesprek plannen" puts a due review on the agenda this many days after the official's day of planning:
 * time to find a date with the partner, soon enough that the review does not slide another season.
 */
export const REVIEW_PLAN_DAYS = 30;

/**
 * A review put on the agenda with "Gesprek plannen" is marked by its client id, which reads the same to
 * every official. Its topic is in the language of the official who planned it, so a colleague reading
 * in another language would not recognise it by the topic and could plan the same review again.
 */
const PLANNED_REVIEW = 'review-plan-';

export function plannedReviewClientId(): string {
  return `${PLANNED_REVIEW}${newClientId()}`;
}

/** Whether an open agenda item is a planned review: marked, or (planned before the mark) titled `legacyTopic`. */
export function isPlannedReview(item: AgendaItem, legacyTopic: string): boolean {
  return item.status !== 'done' && (item.clientId.startsWith(PLANNED_REVIEW) || item.topic === legacyTopic);
}

/** The latest relationship review and whether the score went up or down since the one before. */
export function latestReview(interactions: Interaction[]): { review: Interaction; trend?: 'up' | 'down' | 'same' } | undefined {
  const reviews = sortTimeline(interactions.filter((i) => i.kind === 'review' && i.review && countsAsContact(i)));
  const [latest, previous] = reviews;
  if (!latest) return undefined;
  if (!previous?.review || !latest.review) return { review: latest };
  const diff = latest.review.score - previous.review.score;
  return { review: latest, trend: diff > 0 ? 'up' : diff < 0 ? 'down' : 'same' };
}
