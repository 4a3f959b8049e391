import { GraphError, badRequest } from './errors';
import type { RequestContext, RouteDefinition } from './types';

/**
 * The signed-in user's calendar for the emulator: `GET /me/calendarView` as Graph v1.0 documents it
 * (https://learn.microsoft.com/graph/api/user-list-calendarview): `startDateTime` and `endDateTime`
 * are required (400 without them); an event is in the view when it overlaps the window; pages of
 * `$top` (default 10, at most 1000) with an `@odata.nextLink` carrying `$skip`; `$select`; times
 * in UTC ("dateTime" without a suffix, "timeZone": "UTC") unless `Prefer: outlook.timezone="…"`
 * names another zone, which this emulator refuses with 400 rather than answer wrongly; a cancelled
 * occurrence carries `isCancelled`. Scopes: a token that carries `scp` must hold a calendar read
 * scope (Calendars.ReadBasic, the least-privileged, or Calendars.Read / ReadWrite), else 403.
 * Tests and the demo seed events with `emulator.calendar.add(owner, …)`.
 */

export interface SeedEvent {
  subject: string;
  start: string;
  end: string;
  organizer: { email: string; name?: string };
  attendees: Array<{ email: string; name?: string }>;
  isCancelled?: boolean;
}

interface StoredEvent extends SeedEvent {
  id: string;
}

export class CalendarStore {
  private readonly byOwner = new Map<string, StoredEvent[]>();
  private counter = 0;

  add(owner: string, event: SeedEvent): string {
    const id = `AAMkAGcal${(this.counter++).toString(36)}=`;
    const key = owner.toLowerCase();
    this.byOwner.set(key, [...(this.byOwner.get(key) ?? []), { ...event, id }]);
    return id;
  }

  clear(): void {
    this.byOwner.clear();
  }

  of(owner: string): StoredEvent[] {
    return this.byOwner.get(owner.toLowerCase()) ?? [];
  }
}

const CALENDAR_SCOPES = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'];

function scopesOf(ctx: RequestContext): string[] | undefined {
  const token = (ctx.headers.authorization ?? '').replace(/^Bearer\s+/i, '').split('.')[1];
  if (!token) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as { scp?: unknown };
    return typeof payload.scp === 'string' ? payload.scp.split(' ') : undefined;
  } catch {
    return undefined;
  }
}

const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace('Z', '').replace(/\.(\d{3})$/, '.$10000'), timeZone: 'UTC' });

export function calendarRoutes(store: CalendarStore): RouteDefinition[] {
  return [
    {
      method: 'GET',
      pattern: '/me/calendarView',
      handler: (ctx) => {
        const scopes = scopesOf(ctx);
        if (scopes && !scopes.some((s) => CALENDAR_SCOPES.includes(s))) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
        const startRaw = ctx.query.get('startDateTime');
        const endRaw = ctx.query.get('endDateTime');
        if (!startRaw || !endRaw) throw badRequest('This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.', 'ErrorInvalidParameter');
        const start = Date.parse(startRaw);
        const end = Date.parse(endRaw);
        if (isNaN(start) || isNaN(end)) throw badRequest('The value of StartDateTime or EndDateTime is not a valid date.', 'ErrorInvalidParameter');
        const prefer = ctx.headers.prefer ?? '';
        const zone = /outlook\.timezone="([^"]+)"/i.exec(prefer)?.[1];
        if (zone && zone !== 'UTC') throw badRequest(`The emulator answers calendarView in UTC only, not "${zone}".`, 'ErrorInvalidParameter');
        const top = Math.min(1000, Math.max(1, Number(ctx.query.get('$top') ?? 10) || 10));
        const skip = Math.max(0, Number(ctx.query.get('$skip') ?? 0) || 0);
        const inView = store
          .of(ctx.user.email)
          .filter((e) => Date.parse(e.start) < end && Date.parse(e.end) > start)
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
        const select = ctx.query.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean);
        const address = (p: { email: string; name?: string }) => ({ emailAddress: { name: p.name ?? p.email, address: p.email } });
        const value = inView.slice(skip, skip + top).map((e) => {
          const body: Record<string, unknown> = {
            id: e.id,
            subject: e.subject,
            isCancelled: !!e.isCancelled,
            start: graphTime(e.start),
            end: graphTime(e.end),
            organizer: address(e.organizer),
            attendees: e.attendees.map((a) => ({ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, ...address(a) })),
            webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
          };
          return select?.length ? Object.fromEntries(Object.entries(body).filter(([k]) => k === 'id' || select.includes(k))) : body;
        });
        const nextQuery = new URLSearchParams(ctx.query);
        nextQuery.set('$skip', String(skip + top));
        return {
          status: 200,
          body: {
            '@odata.context': `${ctx.origin}/${ctx.version}/$metadata#users('${ctx.user.id}')/calendarView`,
            value,
            ...(skip + top < inView.length ? { '@odata.nextLink': `${ctx.origin}/${ctx.version}/me/calendarView?${nextQuery.toString()}` } : {}),
          },
        };
      },
    },
  ];
}
