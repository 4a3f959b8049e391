/**
 * The official's meetings of the next days: Graph's calendar view of their own calendar
 * (`GET /me/calendarView?startDateTime=…&endDateTime=…`, https://learn.microsoft.com/graph/api/user-list-calendarview):
 * occurrences of recurring meetings expanded, paged with `@odata.nextLink` (followed by the
 * transport's `getAll`, the one place for paging). Least-privileged delegated permission:
 * Calendars.ReadBasic, which reads events without body, attachments and extensions
 * (https://learn.microsoft.com/graph/permissions-reference#calendarsreadbasic): organizer and
 * attendees are included. No `Prefer: outlook.timezone`: Graph then answers in UTC (dateTime without
 * a zone suffix, timeZone "UTC"), which is read as UTC here.
 */
import type { CalendarMeeting } from '../core/weekAhead';
import type { GraphTransport } from './graph/GraphTransport';

interface GraphEvent {
  id: string;
  subject?: string | null;
  isCancelled?: boolean;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
  organizer?: { emailAddress?: { address?: string | null } };
  attendees?: Array<{ emailAddress?: { address?: string | null } }>;
  webLink?: string;
}

/** Graph's `dateTimeTimeZone` in UTC → ISO with `Z`. */
export function utcIso(value: { dateTime: string; timeZone: string } | undefined): string | undefined {
  if (!value?.dateTime) return undefined;
  if (value.timeZone && value.timeZone !== 'UTC') return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`);
  return isNaN(date.getTime()) ? undefined : date.toISOString();
}

export const CALENDAR_SELECT = ['subject', 'start', 'end', 'organizer', 'attendees', 'isCancelled', 'webLink'];

export async function readUpcomingMeetings(transport: Pick<GraphTransport, 'getAll'>, now: Date, days: number): Promise<CalendarMeeting[]> {
  const end = new Date(now.getTime() + days * 86_400_000);
  const query = new URLSearchParams({
    startDateTime: now.toISOString(),
    endDateTime: end.toISOString(),
    $select: CALENDAR_SELECT.join(','),
    $orderby: 'start/dateTime',
    $top: '50',
  });
  const events = await transport.getAll<GraphEvent>(`/me/calendarView?${query.toString()}`);
  const meetings: CalendarMeeting[] = [];
  for (const e of events) {
    const start = utcIso(e.start);
    if (!start || e.isCancelled) continue;
    const address = (a: { emailAddress?: { address?: string | null } } | undefined) => a?.emailAddress?.address?.trim().toLowerCase() || undefined;
    meetings.push({
      id: e.id,
      subject: e.subject ?? '',
      start,
      ...(utcIso(e.end) ? { end: utcIso(e.end) } : {}),
      ...(address(e.organizer) ? { organizer: address(e.organizer) } : {}),
      attendees: (e.attendees ?? []).map(address).filter((a): a is string => !!a),
      ...(e.webLink ? { webLink: e.webLink } : {}),
    });
  }
  return meetings;
}
