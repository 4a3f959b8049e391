import { randomUUID } from 'node:crypto';
import { GraphError, badRequest, notFound } from './errors';
import { linkWith, listOption, option, topOption } from './queryOptions';
import { checkNames, selectProperties } from './queryPolicy';
import type { EmulatorUser, GraphResponse, RequestContext, RouteDefinition } from './types';

/**
 * Teams meetings for the emulator: `/chats/{id}`, `/me/onlineMeetings?$filter=JoinWebUrl eq '…'`,
 * `/me/calendarView?startDateTime=…&endDateTime=…` and `/me/events?$filter=subject eq '…'`, with the shapes
 * and rules Graph v1.0 documents:
 * - `GET /chats/{id}` takes no OData query options (the "Get chat" page, https://learn.microsoft.com/en-us/graph/api/chat-get,
 *   documents none for it), so any, `$select` included, is refused with 400;
 * - `/me/onlineMeetings` with a delegated token answers only for meetings the signed-in user organizes
 *   ("Get onlineMeeting", https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get; an attendee gets 403);
 * - `/me/calendarView` needs `startDateTime` and `endDateTime` ("List calendarView",
 *   https://learn.microsoft.com/en-us/graph/api/user-list-calendarview), answers each participant's own copy of
 *   the event (its own id) that overlaps the window, pages by `$top` (default 10) with an `@odata.nextLink`.
 * - `/me/onlineMeetings/{meetingId}/attendanceReports` and `…/attendanceReports/{reportId}` ("List
 *   meetingAttendanceReports", https://learn.microsoft.com/graph/api/meetingattendancereport-list; "Get
 *   meetingAttendanceReport", …/meetingattendancereport-get): only the organizer may read them (an attendee gets
 *   403), a report exists only once a session has ended (none yet: an empty collection), the list leaves
 *   `attendanceRecords` empty and the get returns them only with `$expand=attendanceRecords` (a navigation
 *   property not returned by default); `$select` on the list, `$select`/`$expand` on the get, nothing else.
 * - `/users/{id | userPrincipalName}/calendarView` (the same page, and "Get shared or delegated Outlook calendar and
 *   its events", https://learn.microsoft.com/graph/outlook-get-shared-events-calendars): another user's calendar,
 *   with the same query rules as `/me/calendarView`, answered only when its owner shared it with the caller
 *   (`emulator.meetings.shareCalendar(owner, delegate)`, as the owner does in Outlook) and the token holds
 *   Calendars.Read.Shared (permissions.ts); otherwise 403 `ErrorAccessDenied`, Exchange's answer for a mailbox
 *   the caller has no rights on. An id the directory does not know answers 404 `ErrorInvalidUser`.
 * Tests seed meetings with `emulator.meetings.add(…)`; `deny` makes one answer 403 as a tenant without the
 * consent would.
 */

export interface SeedPerson {
  email: string;
  name?: string;
}

export interface SeedMeeting {
  chatId: string;
  subject: string;
  organizer: SeedPerson;
  attendees: SeedPerson[];
  /** ISO start time. */
  start?: string;
  /** ISO end time; default one hour after the start. */
  end?: string;
  /**
   * An all-day event on the days from `start`'s date (`yyyy-mm-dd`) to `end`'s (exclusive; default the next day).
   * Graph answers its start and end as midnight with `timeZone: "UTC"`, the dates as the organizer's calendar has
   * them, not converted (reported in microsoftgraph/microsoft-graph-docs#16798).
   */
  isAllDay?: boolean;
  joinWebUrl?: string;
  /** Which lookups Graph refuses (403) for this meeting. */
  deny?: Array<'chat' | 'onlineMeeting' | 'event'>;
  /** The attendance reports of its ended sessions (none: the meeting has not ended, or no report was made). */
  reports?: SeedAttendanceReport[];
}

/** One ended session's attendance: who joined, for how long in total. */
export interface SeedAttendanceReport {
  /** ISO start and end of the session; default the meeting's. */
  start?: string;
  end?: string;
  records: Array<SeedPerson & { seconds: number; role?: 'None' | 'Attendee' | 'Presenter' | 'Organizer' }>;
}

interface StoredReport extends Required<SeedAttendanceReport> {
  id: string;
}

interface StoredMeeting extends Required<Omit<SeedMeeting, 'deny' | 'reports'>> {
  deny: Set<string>;
  meetingId: string;
  eventId: string;
  reports: StoredReport[];
}

export class MeetingStore {
  private readonly meetings = new Map<string, StoredMeeting>();
  /** `owner delegate` pairs (lower-case): whose calendar is shared with whom. */
  private readonly shares = new Set<string>();

  /** The owner shares their calendar with the delegate (read access to every non-private detail). */
  shareCalendar(owner: string, delegate: string): void {
    this.shares.add(`${owner.toLowerCase()} ${delegate.toLowerCase()}`);
  }

  unshareCalendar(owner: string, delegate: string): void {
    this.shares.delete(`${owner.toLowerCase()} ${delegate.toLowerCase()}`);
  }

  /** Everyone reads their own calendar; another's only when it is shared with them. */
  maySee(owner: string, caller: string): boolean {
    return owner.toLowerCase() === caller.toLowerCase() || this.shares.has(`${owner.toLowerCase()} ${caller.toLowerCase()}`);
  }

  add(seed: SeedMeeting): { joinWebUrl: string; meetingId: string } {
    const meetingId = `MSo${Buffer.from(seed.chatId).toString('base64url')}`;
    const joinWebUrl = seed.joinWebUrl ?? `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(seed.chatId)}/0?context=%7b%22Tid%22%3a%22veenhaven%22%7d`;
    const start = seed.isAllDay ? `${(seed.start ?? new Date().toISOString()).slice(0, 10)}T00:00:00.000Z` : (seed.start ?? new Date().toISOString());
    const end = seed.isAllDay
      ? `${(seed.end ?? new Date(Date.parse(start) + 86_400_000).toISOString()).slice(0, 10)}T00:00:00.000Z`
      : (seed.end ?? new Date(Date.parse(start) + 3_600_000).toISOString());
    const reports = (seed.reports ?? []).map((r) => ({ id: randomUUID(), start: r.start ?? start, end: r.end ?? end, records: r.records }));
    this.meetings.set(seed.chatId, { ...seed, isAllDay: seed.isAllDay === true, start, end, joinWebUrl, meetingId, eventId: randomUUID(), deny: new Set(seed.deny ?? []), reports });
    return { joinWebUrl, meetingId };
  }

  /** Removes every meeting and every calendar share. */
  clear(): void {
    this.meetings.clear();
    this.shares.clear();
  }

  byChat(chatId: string): StoredMeeting | undefined {
    return this.meetings.get(chatId);
  }

  byMeetingId(meetingId: string): StoredMeeting | undefined {
    return [...this.meetings.values()].find((m) => m.meetingId === meetingId);
  }

  all(): StoredMeeting[] {
    return [...this.meetings.values()];
  }
}

const forbidden = () => new GraphError(403, 'Forbidden', 'Insufficient privileges to complete the operation.');
const takesPart = (m: StoredMeeting, email: string) => [m.organizer, ...m.attendees].some((p) => p.email.toLowerCase() === email.toLowerCase());

/** `Name eq 'value'` → value (quotes un-doubled); the only filter shape these routes accept. */
function eqFilter(ctx: RequestContext, property: string): string {
  const filter = ctx.query.get('$filter') ?? '';
  const match = new RegExp(`^\\s*${property}\\s+eq\\s+'((?:[^']|'')*)'\\s*$`, 'i').exec(filter);
  if (!match) throw badRequest(`Filter on ${property} is required, e.g. ${property} eq '…'.`, 'BadRequest');
  return match[1].replace(/''/g, "'");
}


const userId = (email: string) => `user-${email.toLowerCase()}`;
/** Each mailbox holds its own copy of a meeting's event, with its own id. */
const eventIdFor = (m: StoredMeeting, email: string) => `${m.eventId}-${Buffer.from(email.toLowerCase()).toString('base64url')}`;
/** Graph answers event times in UTC without a zone suffix unless a `Prefer: outlook.timezone` header says otherwise. */
const graphDateTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/Z$/, '').replace(/(\.\d{3})?$/, '.0000000'), timeZone: 'UTC' });
const EVENT_PROPERTIES = ['id', 'subject', 'start', 'end', 'isAllDay', 'organizer', 'attendees', 'onlineMeeting', 'isOnlineMeeting', 'webLink'];

function eventJson(m: StoredMeeting, email: string): Record<string, unknown> {
  const address = (p: SeedPerson) => ({ emailAddress: { name: p.name ?? p.email, address: p.email } });
  return {
    id: eventIdFor(m, email),
    subject: m.subject,
    start: graphDateTime(m.start),
    end: graphDateTime(m.end),
    isAllDay: m.isAllDay,
    organizer: address(m.organizer),
    attendees: m.attendees.map((a) => ({ type: 'required', status: { response: 'none' }, ...address(a) })),
    isOnlineMeeting: true,
    onlineMeeting: { joinUrl: m.joinWebUrl },
    webLink: `https://outlook.office365.com/owa/?itemid=${eventIdFor(m, email)}`,
  };
}

function selectEvent(ctx: RequestContext, body: Record<string, unknown>): Record<string, unknown> {
  const fields = listOption(ctx.query, 'select');
  checkNames('select', fields, EVENT_PROPERTIES, 'microsoft.graph.event');
  return selectProperties(body, fields ? ['id', ...fields] : undefined);
}

/** An ISO 8601 date-time query parameter (required). */
function dateTimeParam(ctx: RequestContext, name: string): number {
  const raw = [...ctx.query.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (raw === undefined) throw badRequest(`This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.`, 'ErrorInvalidParameter');
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
  if (Number.isNaN(ms)) throw badRequest(`The value '${raw}' of parameter '${name}' is invalid.`, 'ErrorInvalidParameter');
  return ms;
}

const REPORT_PROPERTIES = ['id', 'totalParticipantCount', 'meetingStartDateTime', 'meetingEndDateTime', 'attendanceRecords'];

/** The meeting the organizer reads the reports of: 404 when there is none, 403 for anyone but its organizer. */
function organizedMeeting(store: MeetingStore, ctx: RequestContext): StoredMeeting {
  const m = store.byMeetingId(ctx.params.meetingId);
  if (!m || !takesPart(m, ctx.user.email)) throw notFound(`Online meeting ${ctx.params.meetingId} not found.`);
  if (m.organizer.email.toLowerCase() !== ctx.user.email.toLowerCase()) throw forbidden();
  return m;
}

function reportJson(r: StoredReport, withRecords: boolean): Record<string, unknown> {
  return {
    id: r.id,
    totalParticipantCount: r.records.length,
    meetingStartDateTime: r.start,
    meetingEndDateTime: r.end,
    attendanceRecords: withRecords
      ? r.records.map((a) => ({
          emailAddress: a.email,
          totalAttendanceInSeconds: a.seconds,
          role: a.role ?? 'Attendee',
          identity: { id: userId(a.email), displayName: a.name ?? null, tenantId: null },
          attendanceIntervals: [{ joinDateTime: r.start, leaveDateTime: new Date(Date.parse(r.start) + a.seconds * 1000).toISOString(), durationInSeconds: a.seconds }],
        }))
      : [],
  };
}

const CALENDAR_VIEW_QUERY = ['startDateTime', 'endDateTime', 'select', 'top', 'skip'];

/** `email`'s copies of the meetings overlapping the window, soonest first, a page of `$top` (default 10) from `$skip`. */
function calendarView(store: MeetingStore, ctx: RequestContext, email: string): GraphResponse {
  checkNames('select', listOption(ctx.query, 'select'), EVENT_PROPERTIES, 'microsoft.graph.event');
  const from = dateTimeParam(ctx, 'startDateTime');
  const to = dateTimeParam(ctx, 'endDateTime');
  const top = topOption(ctx.query, 10, 1000);
  const skipText = option(ctx.query, 'skip') ?? '0';
  if (!/^\d+$/.test(skipText)) throw badRequest(`Invalid value '${skipText}' for $skip.`, 'BadRequest');
  const skip = Number(skipText);
  const found = store
    .all()
    .filter((m) => takesPart(m, email) && Date.parse(m.start) < to && Date.parse(m.end) > from)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (found.some((m) => m.deny.has('event'))) throw forbidden();
  const page = found.slice(skip, skip + top);
  return {
    status: 200,
    body: {
      value: page.map((m) => selectEvent(ctx, eventJson(m, email))),
      ...(skip + top < found.length ? { '@odata.nextLink': linkWith(ctx, { $skip: String(skip + top) }) } : {}),
    },
  };
}

/** `findUser` resolves `/users/{id | userPrincipalName}` to a mailbox (the emulator's directory, userRoutes.ts). */
export function meetingRoutes(store: MeetingStore, findUser: (idOrPrincipal: string, caller: EmulatorUser) => EmulatorUser | undefined): RouteDefinition[] {
  return [
    {
      method: 'GET',
      pattern: '/me/onlineMeetings/{meetingId}/attendanceReports',
      query: ['select'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const fields = listOption(ctx.query, 'select');
        checkNames('select', fields, REPORT_PROPERTIES, 'microsoft.graph.meetingAttendanceReport');
        const m = organizedMeeting(store, ctx);
        // "This method only returns up to 50 of the most recent reports."
        const recent = [...m.reports].sort((a, b) => Date.parse(b.end) - Date.parse(a.end)).slice(0, 50);
        return {
          status: 200,
          body: {
            '@odata.context': `${ctx.origin}/${ctx.version}/$metadata#users('${userId(ctx.user.email)}')/onlineMeetings('${m.meetingId}')/attendanceReports`,
            value: recent.map((r) => selectProperties(reportJson(r, false), fields ? ['id', ...fields] : undefined)),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/me/onlineMeetings/{meetingId}/attendanceReports/{reportId}',
      query: ['select', 'expand'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const fields = listOption(ctx.query, 'select');
        checkNames('select', fields, REPORT_PROPERTIES, 'microsoft.graph.meetingAttendanceReport');
        const expand = listOption(ctx.query, 'expand');
        checkNames('expand', expand, ['attendanceRecords'], 'microsoft.graph.meetingAttendanceReport');
        const m = organizedMeeting(store, ctx);
        const report = m.reports.find((r) => r.id === ctx.params.reportId);
        if (!report) throw notFound(`Attendance report ${ctx.params.reportId} not found.`);
        return { status: 200, body: selectProperties(reportJson(report, !!expand?.length), fields ? ['id', ...fields, ...(expand ?? [])] : undefined) };
      },
    },
    {
      method: 'GET',
      pattern: '/chats/{chatId}',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const m = store.byChat(ctx.params.chatId);
        if (!m || !takesPart(m, ctx.user.email)) throw notFound(`Chat ${ctx.params.chatId} not found.`);
        if (m.deny.has('chat')) throw forbidden();
        return {
          status: 200,
          body: {
            '@odata.context': `${ctx.origin}/${ctx.version}/$metadata#chats/$entity`,
            id: m.chatId,
            topic: m.subject,
            chatType: 'meeting',
            onlineMeetingInfo: {
              calendarEventId: m.eventId,
              joinWebUrl: m.joinWebUrl,
              organizer: { id: userId(m.organizer.email), displayName: m.organizer.name ?? null, userIdentityType: 'aadUser' },
            },
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/me/onlineMeetings',
      query: ['filter'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const url = eqFilter(ctx, 'JoinWebUrl');
        const found = store.all().filter((m) => m.joinWebUrl === url && takesPart(m, ctx.user.email));
        if (found.some((m) => m.deny.has('onlineMeeting'))) throw forbidden();
        // Delegated: only the organizer may read the meeting; an attendee is refused.
        if (found.some((m) => m.organizer.email.toLowerCase() !== ctx.user.email.toLowerCase())) throw forbidden();
        const person = (p: SeedPerson, role: string) => ({ upn: p.email, role, identity: { user: { id: userId(p.email), displayName: p.name ?? null } } });
        return {
          status: 200,
          body: {
            value: found.map((m) => ({
              id: m.meetingId,
              subject: m.subject,
              startDateTime: m.start,
              joinWebUrl: m.joinWebUrl,
              chatInfo: { threadId: m.chatId },
              participants: { organizer: person(m.organizer, 'presenter'), attendees: m.attendees.map((a) => person(a, 'attendee')) },
            })),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/me/events',
      query: ['filter', 'select', 'top'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        checkNames('select', listOption(ctx.query, 'select'), EVENT_PROPERTIES, 'microsoft.graph.event');
        const subject = eqFilter(ctx, 'subject');
        const top = topOption(ctx.query, 10, 1000);
        const found = store.all().filter((m) => m.subject === subject && takesPart(m, ctx.user.email)).slice(0, top);
        if (found.some((m) => m.deny.has('event'))) throw forbidden();
        return { status: 200, body: { value: found.map((m) => selectEvent(ctx, eventJson(m, ctx.user.email))) } };
      },
    },
    {
      method: 'GET',
      pattern: '/me/calendarView',
      query: CALENDAR_VIEW_QUERY,
      prefer: [],
      conditional: [],
      handler: (ctx) => calendarView(store, ctx, ctx.user.email),
    },
    {
      method: 'GET',
      pattern: '/users/{userId}/calendarView',
      query: CALENDAR_VIEW_QUERY,
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const owner = findUser(ctx.params.userId, ctx.user);
        if (!owner) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${ctx.params.userId}' is invalid.`);
        if (!store.maySee(owner.email, ctx.user.email)) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
        return calendarView(store, ctx, owner.email);
      },
    },
  ];
}
