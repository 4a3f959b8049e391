/**
 * The signed-in official's meetings of the next days, for "Mijn komende partnerafspraken" (the week ahead).
 * `GET /me/calendarView` ("List calendarView", https://learn.microsoft.com/en-us/graph/api/user-list-calendarview):
 * `startDateTime`/`endDateTime` are required, recurring meetings come as their occurrences, and the least
 * privileged delegated permission is Calendars.ReadBasic, which covers every property read here (no body).
 * Pages (`@odata.nextLink`) are followed by the one transport (`GraphTransport.pages`); `$top=50` keeps a busy
 * fortnight to a few round trips. Times come in UTC without a suffix when no `Prefer: outlook.timezone` is sent.
 */
import { WEEK_AHEAD_DAYS, type CalendarMeeting } from '../core/weekAhead';
import type { GraphTransport } from './graph/GraphTransport';

interface GraphEmailAddress {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}
export interface GraphEvent {
  id?: string;
  subject?: string | null;
  start?: { dateTime?: string; timeZone?: string } | null;
  end?: { dateTime?: string; timeZone?: string } | null;
  isAllDay?: boolean | null;
  organizer?: GraphEmailAddress | null;
  attendees?: GraphEmailAddress[] | null;
  webLink?: string | null;
}

/** At most this many pages (50 events each): a calendar with more in a fortnight is not a person's. */
const MAX_PAGES = 20;
const SELECT = '$select=subject,start,end,isAllDay,organizer,attendees,webLink';

function utcInstant(t: GraphEvent['start']): string | undefined {
  const value = t?.dateTime;
  if (!value) return undefined;
  const withZone = (t?.timeZone ?? 'UTC') === 'UTC' && !/(Z|[+-]\d\d:\d\d)$/.test(value) ? `${value}Z` : value;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const address = (a: GraphEmailAddress | null | undefined) => a?.emailAddress?.address?.trim().toLowerCase() || undefined;

/**
 * An all-day event's day as the official's calendar holds it: its start and end come as midnight "UTC" whatever
 * the calendar's zone (microsoftgraph/microsoft-graph-docs#16798), so the date is taken as written and made the
 * instant that day begins on this device, not read as 00:00 UTC (01:00 in Amsterdam, the evening before in New York).
 */
function dayStart(t: GraphEvent['start']): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(t?.dateTime ?? '');
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).toISOString() : undefined;
}

/** One event of a calendarView answer as the week ahead needs it; undefined for one without an id or start. */
export function toMeeting(e: GraphEvent): CalendarMeeting | undefined {
  const allDay = e.isAllDay === true;
  const start = allDay ? dayStart(e.start) : utcInstant(e.start);
  if (!e.id || !start) return undefined;
  const end = allDay ? dayStart(e.end) : utcInstant(e.end);
  const organizer = address(e.organizer);
  return {
    id: e.id,
    subject: e.subject ?? '',
    start,
    ...(end ? { end } : {}),
    ...(organizer ? { organizer } : {}),
    attendees: (e.attendees ?? []).map(address).filter((a): a is string => !!a),
    ...(e.webLink ? { webLink: e.webLink } : {}),
    ...(allDay ? { allDay } : {}),
  };
}

/** `{owner}/calendarView` over [now, now + days), first page; `owner` is `/me` or `/users/{id}`. */
export function calendarViewPath(owner: string, now: Date, days = WEEK_AHEAD_DAYS): string {
  const from = now.toISOString();
  const to = new Date(now.getTime() + days * 86_400_000).toISOString();
  return `${owner}/calendarView?startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}&${SELECT}&$top=50`;
}

/**
 * The meetings of a calendarView from `path` (a first page's path or a nextLink) on, every page up to MAX_PAGES
 * in all; `first` is a first page already read (from a batch), whose nextLink `path` then is.
 */
export async function readCalendarPages(transport: Pick<GraphTransport, 'pages'>, path: string | undefined, first?: GraphEvent[]): Promise<CalendarMeeting[]> {
  const events: GraphEvent[] = [...(first ?? [])];
  let pages = first ? 1 : 0;
  if (path && pages < MAX_PAGES) {
    for await (const page of transport.pages<GraphEvent>(path)) {
      events.push(...page.value);
      if (++pages >= MAX_PAGES) break;
    }
  }
  return events.map(toMeeting).filter((m): m is CalendarMeeting => !!m);
}

/** The meetings overlapping [now, now + days), as calendarView answers them (occurrences, soonest first). */
export function readUpcomingMeetings(transport: Pick<GraphTransport, 'pages'>, now: Date, days = WEEK_AHEAD_DAYS): Promise<CalendarMeeting[]> {
  return readCalendarPages(transport, calendarViewPath('/me', now, days));
}
