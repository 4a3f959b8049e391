/**
 * A manager's week ahead for their direct reports: who reports to them, and each one's meetings of the next days,
 * only where that colleague shared their calendar with the manager.
 * - `GET /me/directReports` ("List directReports", https://learn.microsoft.com/graph/api/user-list-directreports):
 *   directoryObjects (users, and organisational contacts, which have no mailbox and are left out by their
 *   `@odata.type`), `$select`ed to what is shown; paged by `@odata.nextLink`.
 * - `GET /users/{id}/calendarView` ("List calendarView", https://learn.microsoft.com/graph/api/user-list-calendarview,
 *   and "Get shared or delegated Outlook calendar and its events",
 *   https://learn.microsoft.com/graph/outlook-get-shared-events-calendars): the same window, `$select` and paging as
 *   the official's own (upcomingMeetings.ts), with Calendars.Read.Shared. A calendar that is not shared with the
 *   manager answers 403 (`ErrorAccessDenied`), or 404 for a mailbox Exchange does not show them: that colleague is
 *   "not shared", nothing is guessed. The first pages go out as one JSON batch (20 per envelope, the transport's
 *   `batch`); further pages follow each nextLink.
 * Both need the team token (TEAM_SCOPES, src/config/scopes.ts), asked for by incremental consent from the manager's click.
 */
import { WEEK_AHEAD_DAYS, type CalendarMeeting } from '../core/weekAhead';
import { batchError, isSuccess, type GraphTransport } from './graph/GraphTransport';
import { calendarViewPath, readCalendarPages, type GraphEvent } from './upcomingMeetings';

export interface Colleague {
  /** The directory object id (what `/users/{id}` takes). */
  id: string;
  name: string;
  /** Lower-case address (mail, else the user principal name); the colleague's own address never counts as a partner. */
  email: string;
}

export type ColleagueCalendar = Colleague & ({ calendar: 'shared'; meetings: CalendarMeeting[] } | { calendar: 'not-shared' });

interface DirectoryObject {
  '@odata.type'?: string;
  id?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
}

/** The signed-in user's direct reports that are users, by name. */
export async function readDirectReports(transport: Pick<GraphTransport, 'getAll'>): Promise<Colleague[]> {
  const objects = await transport.getAll<DirectoryObject>('/me/directReports?$select=id,displayName,mail,userPrincipalName');
  return objects
    .filter((o) => o['@odata.type'] === '#microsoft.graph.user' && !!o.id)
    .map((o) => {
      const email = (o.mail || o.userPrincipalName || '').trim().toLowerCase();
      return { id: o.id!, name: o.displayName?.trim() || email, email };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Each direct report with their meetings overlapping [now, now + days), or "not shared" where Graph refuses the calendar. */
export async function readTeamCalendars(transport: Pick<GraphTransport, 'getAll' | 'pages' | 'batch'>, now: Date, days = WEEK_AHEAD_DAYS): Promise<ColleagueCalendar[]> {
  const colleagues = await readDirectReports(transport);
  if (colleagues.length === 0) return [];
  const answers = await transport.batch(colleagues.map((c, i) => ({ id: String(i), method: 'GET', url: calendarViewPath(`/users/${encodeURIComponent(c.id)}`, now, days) })));
  return Promise.all(
    colleagues.map(async (colleague, i): Promise<ColleagueCalendar> => {
      const answer = answers.get(String(i));
      // Graph's own `accessDenied` is the token lacking the scope (the consent), not the colleague's choice: that fails the read.
      const code = (answer?.body as { error?: { code?: string } } | undefined)?.error?.code;
      if (answer && (answer.status === 403 || answer.status === 404) && code !== 'accessDenied') return { ...colleague, calendar: 'not-shared' };
      if (!answer || !isSuccess(answer.status)) throw answer ? batchError(answer) : new Error(`no answer for ${colleague.email}`);
      const body = answer.body as { value?: GraphEvent[]; '@odata.nextLink'?: string };
      return { ...colleague, calendar: 'shared', meetings: await readCalendarPages(transport, body['@odata.nextLink'], body.value ?? []) };
    }),
  );
}
