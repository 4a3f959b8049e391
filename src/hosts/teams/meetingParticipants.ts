import type { HostItem } from '../Host';

/**
 * Who takes part in the Teams meeting the side panel is in. The Teams context only gives the
 * meeting chat's id (its `meeting.id` is not a Graph id), so the path is:
 * chat → `onlineMeetingInfo.joinWebUrl` → `/me/onlineMeetings?$filter=JoinWebUrl eq '…'` → participants;
 * with the official's calendar event as the fallback when the online meeting is not readable.
 * Kept free of teams-js so it can be tested (and reused) without a Teams frame.
 */

/** The little of a Graph transport this needs (`GraphTransport` from the data layer fits). */
export interface MeetingGraph {
  get<T>(path: string): Promise<T>;
}

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
  organizer?: EmailAddress | null;
  attendees?: EmailAddress[] | null;
  onlineMeeting?: { joinUrl?: string | null } | null;
  webLink?: string | null;
}

/** OData string literal: single quotes doubled, then the whole value URL-encoded. */
function odataString(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

function statusOf(error: unknown): number | undefined {
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

async function fromOnlineMeeting(graph: MeetingGraph, joinWebUrl: string): Promise<MeetingDetails | undefined> {
  const answer = await graph.get<{ value?: OnlineMeeting[] }>(`/me/onlineMeetings?$filter=JoinWebUrl eq ${odataString(joinWebUrl)}`);
  const meeting = answer.value?.[0];
  if (!meeting) return undefined;
  return {
    subject: meeting.subject ?? '',
    organizer: participantMailbox(meeting.participants?.organizer),
    attendees: (meeting.participants?.attendees ?? []).map(participantMailbox).filter(present),
    date: meeting.startDateTime ?? undefined,
    link: meeting.joinWebUrl ?? joinWebUrl,
  };
}

async function fromCalendar(graph: MeetingGraph, chat: ChatInfo, joinWebUrl: string | undefined): Promise<MeetingDetails | undefined> {
  if (!chat.topic) return undefined;
  const select = '$select=subject,start,organizer,attendees,onlineMeeting,webLink';
  const answer = await graph.get<{ value?: CalendarEvent[] }>(`/me/events?$filter=subject eq ${odataString(chat.topic)}&${select}&$top=25`);
  const events = answer.value ?? [];
  // Several events may share a subject; the join URL tells which one is this meeting.
  const event = (joinWebUrl && events.find((e) => e.onlineMeeting?.joinUrl === joinWebUrl)) || (events.length === 1 ? events[0] : undefined);
  if (!event) return undefined;
  const start = event.start?.dateTime;
  return {
    subject: event.subject ?? chat.topic,
    organizer: eventMailbox(event.organizer),
    attendees: (event.attendees ?? []).map(eventMailbox).filter(present),
    date: start ? (event.start?.timeZone === 'UTC' && !/Z$/.test(start) ? `${start.replace(/\.\d+$/, '')}Z` : start) : undefined,
    link: joinWebUrl ?? event.webLink ?? undefined,
  };
}

export async function findMeetingParticipants(graph: MeetingGraph, chatId: string): Promise<MeetingParticipantsResult> {
  let chat: ChatInfo;
  try {
    chat = await graph.get<ChatInfo>(`/chats/${encodeURIComponent(chatId)}?$select=topic,onlineMeetingInfo`);
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) return { status: 'not-allowed' };
    if (status === 404) return { status: 'not-found' };
    throw error;
  }
  const joinWebUrl = chat.onlineMeetingInfo?.joinWebUrl ?? undefined;
  let denied = 0;
  if (joinWebUrl) {
    try {
      const details = await fromOnlineMeeting(graph, joinWebUrl);
      if (details) return { status: 'found', source: 'online-meeting', details };
    } catch (error) {
      const status = statusOf(error);
      if (status === 403) denied++;
      else if (status !== 404) throw error;
    }
  }
  try {
    const details = await fromCalendar(graph, chat, joinWebUrl);
    if (details) return { status: 'found', source: 'calendar-event', details };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) denied++;
    else if (status !== 404) throw error;
  }
  return denied > 0 ? { status: 'not-allowed' } : { status: 'not-found' };
}
