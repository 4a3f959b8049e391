/**
 * "Mijn komende partnerafspraken": the official's meetings of the next days in which a partner takes
 * part, each with a briefing on one screen. Pure: the calendar comes from Graph's calendarView
 * (src/data/upcomingMeetings.ts), the partner's context from the repository or the overview's copy.
 */
import { isOverdue } from './agenda';
import { partnersOfRecipients, type ComposeHints } from './composeHint';
import { compareCodeUnits } from './compareCodeUnits';
import type { AgendaItem, Interaction, PartnerContext, RegisterPartner } from './model';
import { countsAsContact } from './notes';
import { latestReview } from './relationship';

/** One calendar event as the week ahead needs it (times ISO, UTC). */
export interface CalendarMeeting {
  id: string;
  subject: string;
  start: string;
  end?: string;
  /** All day: `start` is when that day begins on the official's calendar, and only its day is shown. */
  allDay?: boolean;
  /** Addresses, lower-case. */
  organizer?: string;
  attendees: string[];
  webLink?: string;
}

export interface PartnerMeeting {
  meeting: CalendarMeeting;
  partners: Array<{ id: string; name: string }>;
}

export const WEEK_AHEAD_DAYS = 14;

/** The meetings in which a partner takes part (organizer or attendee), soonest first; the official's own address never counts. */
export function partnerMeetings(meetings: readonly CalendarMeeting[], register: readonly RegisterPartner[], official: string): PartnerMeeting[] {
  const index: ComposeHints = {
    version: 1,
    owner: official,
    savedAt: '',
    partners: register.map((p) => ({ id: p.id, name: p.name, domains: p.domains.map((d) => d.toLowerCase()), contacts: p.contacts.map((c) => c.toLowerCase()) })),
  };
  const me = official.toLowerCase();
  return meetings
    .map((meeting) => {
      const people = [meeting.organizer, ...meeting.attendees].filter((a): a is string => !!a && a.toLowerCase() !== me);
      return { meeting, partners: partnersOfRecipients(people, index).map((p) => ({ id: p.id, name: p.name })) };
    })
    .filter((m) => m.partners.length > 0)
    .sort((a, b) => compareCodeUnits(a.meeting.start, b.meeting.start));
}

/**
 * Whether `address` organises or attends the meeting. A colleague's meeting the manager takes part in is
 * in the manager's own calendar too, so the team section names it instead of a second briefing.
 */
export function takesPart(meeting: CalendarMeeting, address: string): boolean {
  const me = address.toLowerCase();
  return !!me && (meeting.organizer?.toLowerCase() === me || meeting.attendees.some((a) => a.toLowerCase() === me));
}

export interface Briefing {
  /** The official's own last contact with the partner (ISO), if any. */
  myLastContact?: string;
  /** What colleagues logged since then (all of it when the official never had contact), newest first. */
  sinceMyLastContact: Interaction[];
  /** How many there are in all (the list holds the newest few). */
  sinceCount: number;
  /** Departments among those. */
  departments: string[];
  /** Open agenda items, what the municipality carries and what the partner carries (and shared ones). */
  openOurs: AgendaItem[];
  openTheirs: AgendaItem[];
  overdue: number;
  latestReview?: Interaction;
  owner?: { email?: string; name?: string };
}

/** The one-screen briefing for a partner meeting. */
export function briefing(context: PartnerContext, official: string, now: Date, limit = 5): Briefing {
  const me = official.toLowerCase();
  const standing = context.interactions.filter(countsAsContact);
  let myLast: string | undefined;
  for (const i of standing) if (i.authorEmail.toLowerCase() === me && (!myLast || i.date > myLast)) myLast = i.date;
  const since = standing
    .filter((i) => i.authorEmail.toLowerCase() !== me && (!myLast || i.date > myLast))
    .sort((a, b) => compareCodeUnits(b.date, a.date));
  const open = context.agenda.filter((a) => a.status !== 'done');
  return {
    ...(myLast ? { myLastContact: myLast } : {}),
    sinceMyLastContact: since.slice(0, limit),
    sinceCount: since.length,
    departments: [...new Set(since.map((i) => i.department).filter(Boolean))].sort(),
    openOurs: open.filter((a) => a.direction !== 'partner'),
    openTheirs: open.filter((a) => a.direction !== 'wij'),
    overdue: open.filter((a) => isOverdue(a, now)).length,
    latestReview: latestReview(context.interactions)?.review,
    ...(context.partner.ownerEmail || context.partner.ownerName ? { owner: { email: context.partner.ownerEmail, name: context.partner.ownerName } } : {}),
  };
}
