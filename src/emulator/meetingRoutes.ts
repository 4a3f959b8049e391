import { randomUUID } from 'node:crypto';
import { GraphError, badRequest, notFound } from './errors';
import { topOption } from './queryOptions';
import type { RequestContext, RouteDefinition } from './types';

/**
 * Teams meetings for the emulator: `/chats/{id}`, `/me/onlineMeetings?$filter=JoinWebUrl eq '…'`
 * and `/me/events?$filter=subject eq '…'`, with the shapes Graph v1.0 documents. Tests seed
 * meetings with `emulator.meetings.add(…)`; `deny` makes one answer 403 as a tenant without the
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
  joinWebUrl?: string;
  /** Which lookups Graph refuses (403) for this meeting. */
  deny?: Array<'chat' | 'onlineMeeting' | 'event'>;
}

interface StoredMeeting extends Required<Omit<SeedMeeting, 'deny'>> {
  deny: Set<string>;
  meetingId: string;
  eventId: string;
}

export class MeetingStore {
  private readonly meetings = new Map<string, StoredMeeting>();

  add(seed: SeedMeeting): { joinWebUrl: string; meetingId: string } {
    const meetingId = `MSo${Buffer.from(seed.chatId).toString('base64url')}`;
    const joinWebUrl = seed.joinWebUrl ?? `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(seed.chatId)}/0?context=%7b%22Tid%22%3a%22veenhaven%22%7d`;
    this.meetings.set(seed.chatId, { ...seed, start: seed.start ?? new Date().toISOString(), joinWebUrl, meetingId, eventId: randomUUID(), deny: new Set(seed.deny ?? []) });
    return { joinWebUrl, meetingId };
  }

  clear(): void {
    this.meetings.clear();
  }

  byChat(chatId: string): StoredMeeting | undefined {
    return this.meetings.get(chatId);
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

function select<T extends Record<string, unknown>>(ctx: RequestContext, body: T): Partial<T> {
  const fields = ctx.query.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!fields?.length) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => k === 'id' || k.startsWith('@odata') || fields.includes(k))) as Partial<T>;
}

const userId = (email: string) => `user-${email.toLowerCase()}`;

export function meetingRoutes(store: MeetingStore): RouteDefinition[] {
  return [
    {
      method: 'GET',
      pattern: '/chats/{chatId}',
      query: ['select'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const m = store.byChat(ctx.params.chatId);
        if (!m || !takesPart(m, ctx.user.email)) throw notFound(`Chat ${ctx.params.chatId} not found.`);
        if (m.deny.has('chat')) throw forbidden();
        return {
          status: 200,
          body: select(ctx, {
            '@odata.context': `${ctx.origin}/${ctx.version}/$metadata#chats/$entity`,
            id: m.chatId,
            topic: m.subject,
            chatType: 'meeting',
            onlineMeetingInfo: {
              calendarEventId: m.eventId,
              joinWebUrl: m.joinWebUrl,
              organizer: { id: userId(m.organizer.email), displayName: m.organizer.name ?? null, userIdentityType: 'aadUser' },
            },
          }),
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
        const subject = eqFilter(ctx, 'subject');
        const top = topOption(ctx.query, 10, 1000);
        const found = store.all().filter((m) => m.subject === subject && takesPart(m, ctx.user.email)).slice(0, top);
        if (found.some((m) => m.deny.has('event'))) throw forbidden();
        const address = (p: SeedPerson) => ({ emailAddress: { name: p.name ?? p.email, address: p.email } });
        return {
          status: 200,
          body: {
            value: found.map((m) =>
              select(ctx, {
                id: m.eventId,
                subject: m.subject,
                // Graph answers in UTC without a zone suffix unless a Prefer: outlook.timezone header says otherwise.
                start: { dateTime: m.start.replace(/Z$/, '').replace(/(\.\d{3})?$/, '.0000000'), timeZone: 'UTC' },
                organizer: address(m.organizer),
                attendees: m.attendees.map((a) => ({ type: 'required', status: { response: 'none' }, ...address(a) })),
                onlineMeeting: { joinUrl: m.joinWebUrl },
                webLink: `https://outlook.office365.com/owa/?itemid=${m.eventId}`,
              }),
            ),
          },
        };
      },
    },
  ];
}
