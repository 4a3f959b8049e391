import type { HostItem } from '../Host';

/**
 * Who takes part in the Teams meeting the side panel is in. The Teams context only gives the
 * meeting chat's id (its `meeting.id` is not a Graph id), so the path is:
 * 1. `GET /chats/{id}` without query options (the "Get chat" page documents none) → `onlineMeetingInfo.joinWebUrl`;
 * 2. the official's own copy of the meeting in their calendar, which every invitee has: `/me/calendarView` over a
 *    window around now ("List calendarView", https://learn.microsoft.com/en-us/graph/api/user-list-calendarview:
 *    `startDateTime`/`endDateTime` required; recurring meetings come as their occurrences), matched by
 *    `onlineMeeting.joinUrl` (not filterable, so compared here) and, among occurrences, by time — never by subject;
 * 3. only when the calendar has no such event: `/me/onlineMeetings?$filter=JoinWebUrl eq '…'`, which with delegated
 *    permissions answers only the meeting's organizer ("Get onlineMeeting",
 *    https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get; an attendee gets 403, which here just means
 *    "not found", not "not allowed").
 * Kept free of teams-js so it can be tested (and reused) without a Teams frame.
 */

/** The little of a Graph transport this needs (`GraphTransport` from the data layer fits). */
export interface MeetingGraph {
  get<T>(path: string): Promise<T>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Where the calendar is searched, relative to now, nearest first; the next only when the one before has
 * no such meeting. A side panel is open during a meeting or shortly before it; the meeting's chat tab is
 * where attendees go on after it, to log what was agreed; its details tab is where one prepares it,
 * also weeks ahead (the manifest declares all three contexts).
 */
export const CALENDAR_WINDOWS = [
  { fromMs: -12 * HOUR, toMs: 14 * DAY },
  { fromMs: -31 * DAY, toMs: -12 * HOUR },
  { fromMs: 14 * DAY, toMs: 92 * DAY },
];
/** At most this many calendar pages are read per window (50 events each). */
const MAX_CALENDAR_PAGES = 10;

export type MeetingDetails = Pick<HostItem, 'subject' | 'organizer' | 'attendees' | 'date' | 'link'>;

export type MeetingParticipantsResult =
  | { status: 'found'; source: 'online-meeting' | 'calendar-event'; details: MeetingDetails }
  /** Graph refused both the online meeting and the calendar (403): consent or policy. */
  | { status: 'not-allowed' }
  | { status: 'not-found' };

interface ChatInfo {
  topic?: string | null;
  onlineMeetingInfo?: { joinWebUrl?: string | null; calendarEventId?: string | null } | null;
}

interface IdentitySet {
  user?: { id?: string; displayName?: string | null } | null;
}
interface MeetingParticipant {
  upn?: string | null;
  identity?: IdentitySet | null;
}
interface OnlineMeeting {
  id?: string;
  subject?: string | null;
  startDateTime?: string | null;
  joinWebUrl?: string | null;
  participants?: { organizer?: MeetingParticipant | null; attendees?: MeetingParticipant[] | null } | null;
}

interface EmailAddress {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}
interface CalendarEvent {
  subject?: string | null;
  start?: { dateTime?: string; timeZone?: string } | null;
  end?: { dateTime?: string; timeZone?: string } | null;
  organizer?: EmailAddress | null;
  attendees?: EmailAddress[] | null;
  onlineMeeting?: { joinUrl?: string | null } | null;
  webLink?: string | null;
}

/** OData string literal: single quotes doubled, then the whole value URL-encoded. */
export function odataString(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A guest's UPN (`h.vandijk_portaal.nl#EXT#@veenhaven.onmicrosoft.com`) hides the partner's address;
 * detection needs the real domain.
 */
export function upnToEmail(upn: string): string {
  const guest = /^(.+)_([^_@#]+\.[^_@#]+)#EXT#@/i.exec(upn);
  return (guest ? `${guest[1]}@${guest[2]}` : upn).toLowerCase();
}

function participantMailbox(p: MeetingParticipant | null | undefined): string | undefined {
  if (!p?.upn) return undefined;
  const email = upnToEmail(p.upn);
  const name = p.identity?.user?.displayName?.trim();
  return name && name.toLowerCase() !== email ? `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${email}>` : email;
}

function eventMailbox(e: EmailAddress | null | undefined): string | undefined {
  const address = e?.emailAddress?.address?.toLowerCase();
  if (!address) return undefined;
  const name = e?.emailAddress?.name?.trim();
  return name && name.toLowerCase() !== address ? `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>` : address;
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The online meeting with this join URL, as its organizer reads it: with delegated permissions Graph
 * answers only the organizer (others get 403, which the callers read as "not mine").
 */
export async function organizersOnlineMeeting(graph: MeetingGraph, joinWebUrl: string): Promise<OnlineMeeting | undefined> {
  const answer = await graph.get<{ value?: OnlineMeeting[] }>(`/me/onlineMeetings?$filter=JoinWebUrl eq ${odataString(joinWebUrl)}`);
  return answer.value?.[0];
}

async function fromOnlineMeeting(graph: MeetingGraph, joinWebUrl: string): Promise<MeetingDetails | undefined> {
  const meeting = await organizersOnlineMeeting(graph, joinWebUrl);
  if (!meeting) return undefined;
  return {
    subject: meeting.subject ?? '',
    organizer: participantMailbox(meeting.participants?.organizer),
    attendees: (meeting.participants?.attendees ?? []).map(participantMailbox).filter(present),
    date: meeting.startDateTime ?? undefined,
    link: meeting.joinWebUrl ?? joinWebUrl,
  };
}

/** Graph answers event times in UTC without a suffix (no `Prefer: outlook.timezone` is sent). */
function eventInstant(t: { dateTime?: string; timeZone?: string } | null | undefined): string | undefined {
  const value = t?.dateTime;
  if (!value) return undefined;
  return (t?.timeZone ?? 'UTC') === 'UTC' && !/(Z|[+-]\d\d:\d\d)$/.test(value) ? `${value.replace(/\.\d+$/, '')}Z` : value;
}

/** Join URLs come percent-encoded in different ways (`%3a` / `%3A` / `:`); compare them decoded. */
function sameJoinUrl(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (u: string) => {
    try {
      return decodeURIComponent(u).trim().toLowerCase();
    } catch {
      return u.trim().toLowerCase();
    }
  };
  return norm(a) === norm(b);
}

async function fromCalendar(graph: MeetingGraph, chat: ChatInfo, joinWebUrl: string, now: Date): Promise<MeetingDetails | undefined> {
  const select = '$select=subject,start,end,organizer,attendees,onlineMeeting,webLink';
  const matches: CalendarEvent[] = [];
  for (const window of CALENDAR_WINDOWS) {
    const from = new Date(now.getTime() + window.fromMs).toISOString();
    const to = new Date(now.getTime() + window.toMs).toISOString();
    let next: string | undefined = `/me/calendarView?startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}&${select}&$top=50`;
    for (let page = 0; next && page < MAX_CALENDAR_PAGES; page++) {
      const answer: { value?: CalendarEvent[]; '@odata.nextLink'?: string } = await graph.get(next);
      matches.push(...(answer.value ?? []).filter((e) => sameJoinUrl(e.onlineMeeting?.joinUrl, joinWebUrl)));
      next = answer['@odata.nextLink'];
    }
    if (matches.length > 0) break;
  }
  // A recurring meeting shares its join URL across occurrences: the one going on now, else the nearest start.
  const at = now.getTime();
  const distance = (e: CalendarEvent) => {
    const start = Date.parse(eventInstant(e.start) ?? '');
    const end = Date.parse(eventInstant(e.end) ?? '') || start;
    if (Number.isNaN(start)) return Infinity;
    return start <= at && at < end ? 0 : Math.min(Math.abs(start - at), Math.abs(end - at));
  };
  const event = matches.sort((a, b) => distance(a) - distance(b))[0];
  if (!event) return undefined;
  return {
    subject: event.subject ?? chat.topic ?? '',
    organizer: eventMailbox(event.organizer),
    attendees: (event.attendees ?? []).map(eventMailbox).filter(present),
    date: eventInstant(event.start),
    link: joinWebUrl,
  };
}

export async function findMeetingParticipants(graph: MeetingGraph, chatId: string, now: () => Date = () => new Date()): Promise<MeetingParticipantsResult> {
  let chat: ChatInfo;
  try {
    // No query options: GET /chats/{id} documents none (a `$select` may be refused).
    chat = await graph.get<ChatInfo>(`/chats/${encodeURIComponent(chatId)}`);
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) return { status: 'not-allowed' };
    if (status === 404) return { status: 'not-found' };
    throw error;
  }
  const joinWebUrl = chat.onlineMeetingInfo?.joinWebUrl ?? undefined;
  if (!joinWebUrl) return { status: 'not-found' };
  let calendarDenied = false;
  try {
    const details = await fromCalendar(graph, chat, joinWebUrl, now());
    if (details) return { status: 'found', source: 'calendar-event', details };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) calendarDenied = true;
    else if (status !== 404) throw error;
  }
  let meetingDenied = false;
  try {
    const details = await fromOnlineMeeting(graph, joinWebUrl);
    if (details) return { status: 'found', source: 'online-meeting', details };
  } catch (error) {
    const status = statusOf(error);
    // 403 is what every attendee gets (organizer only); it means "not allowed" only when the calendar was refused too.
    if (status === 403) meetingDenied = true;
    else if (status !== 404) throw error;
  }
  return calendarDenied && meetingDenied ? { status: 'not-allowed' } : { status: 'not-found' };
}
