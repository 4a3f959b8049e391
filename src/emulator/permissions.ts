/**
 * Which delegated permissions Graph accepts for each endpoint the emulator answers, from each endpoint's
 * documentation page ("Least privileged permissions" and "Higher privileged permissions", delegated work
 * or school account). The emulator answers 403 `accessDenied` when the token's `scp` holds none of them,
 * so a test with the official's token fails where a real tenant would refuse it (e.g. creating a list).
 *
 * docs/graph-calls.md lists the endpoints the app calls with the same permissions;
 * tests/security/graphCalls.test.ts checks that the two, the app's requested scopes and the code agree.
 */
import { GraphError } from './errors';

export interface EndpointPermission {
  method: string;
  /** The route pattern, as in the route table (`/sites/{siteId}/lists`). */
  pattern: string;
  /** The documented least-privileged delegated permission first, then the higher ones it documents. */
  accepted: readonly string[];
  /** The documentation page the permissions come from. */
  doc: string;
  /** Permissions the least privileged one needs beside it ("User.Read and User.ReadBasic.All"); the higher ones stand alone. */
  with?: readonly string[];
}

const DOCS = 'https://learn.microsoft.com/graph/api/';
const p = (method: string, pattern: string, accepted: string[], page: string, withLeast?: string[]): EndpointPermission => ({ method, pattern, accepted, doc: DOCS + page, ...(withLeast ? { with: withLeast } : {}) });

/** No Graph permission: emulator-only routes (what SharePoint REST or the site settings page does in a tenant). */
export const EMULATOR_ONLY = '(emulator only)';

export const ENDPOINT_PERMISSIONS: readonly EndpointPermission[] = [
  p('GET', '/sites/{siteId}', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'site-get'),
  p('GET', '/sites/{siteId}/lists', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'list-list'),
  p('POST', '/sites/{siteId}/lists', ['Sites.Manage.All', 'Sites.FullControl.All'], 'list-create'),
  p('GET', '/sites/{siteId}/lists/{listId}', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'list-get'),
  p('DELETE', '/sites/{siteId}/lists/{listId}', ['Sites.Manage.All', 'Sites.FullControl.All'], 'list-delete'),
  p('GET', '/sites/{siteId}/lists/{listId}/columns', ['Sites.Read.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'Sites.ReadWrite.All'], 'list-list-columns'),
  p('POST', '/sites/{siteId}/lists/{listId}/columns', ['Sites.Manage.All', 'Sites.FullControl.All'], 'list-post-columns'),
  p('GET', '/sites/{siteId}/lists/{listId}/columns/{columnId}', ['Sites.Read.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'Sites.ReadWrite.All'], 'columndefinition-get'),
  p('PATCH', '/sites/{siteId}/lists/{listId}/columns/{columnId}', ['Sites.Manage.All', 'Sites.FullControl.All'], 'columndefinition-update'),
  p('GET', '/sites/{siteId}/lists/{listId}/items', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'listitem-list'),
  p('POST', '/sites/{siteId}/lists/{listId}/items', ['Sites.ReadWrite.All'], 'listitem-create'),
  p('GET', '/sites/{siteId}/lists/{listId}/items/delta', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'listitem-delta'),
  p('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'listitem-get'),
  p('DELETE', '/sites/{siteId}/lists/{listId}/items/{itemId}', ['Sites.ReadWrite.All'], 'listitem-delete'),
  p('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}/versions', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'listitem-list-versions'),
  p('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}/fields', ['Sites.Read.All', 'Sites.ReadWrite.All'], 'listitem-get'),
  p('PATCH', '/sites/{siteId}/lists/{listId}/items/{itemId}/fields', ['Sites.ReadWrite.All'], 'listitem-update'),
  p('GET', '/me', ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], 'user-get'),
  p('GET', '/chats/{chatId}', ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'], 'chat-get'),
  p('GET', '/me/onlineMeetings', ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'], 'onlinemeeting-get'),
  // Delegated: OnlineMeetingArtifact.Read.All only ("Higher privileged permissions: Not available"); organizer only.
  p('GET', '/me/onlineMeetings/{meetingId}/attendanceReports', ['OnlineMeetingArtifact.Read.All'], 'meetingattendancereport-list'),
  p('GET', '/me/onlineMeetings/{meetingId}/attendanceReports/{reportId}', ['OnlineMeetingArtifact.Read.All'], 'meetingattendancereport-get'),
  p('GET', '/me/events', ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'], 'user-list-events'),
  p('GET', '/me/calendarView', ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'], 'user-list-calendarview'),
  // Another user's calendar: the caller needs the .Shared permissions ("Get shared or delegated Outlook calendar and its
  // events", https://learn.microsoft.com/graph/outlook-get-shared-events-calendars: "Calendars.Read.Shared or
  // Calendars.ReadWrite.Shared"); Calendars.Read reaches only the user's own. The owner's sharing is checked in meetingRoutes.ts.
  p('GET', '/users/{userId}/calendarView', ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'], 'user-list-calendarview'),
  // The page's least privileged is "User.Read and User.ReadBasic.All" (both); any of its higher ones alone.
  p('GET', '/me/directReports', ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], 'user-list-directreports', ['User.Read']),
  // Delegated: TeamsActivity.Send only ("Higher privileged permissions: Not available").
  p('POST', '/users/{userId}/teamwork/sendActivityNotification', ['TeamsActivity.Send'], 'userteamwork-sendactivitynotification'),
];

const key = (method: string, pattern: string) => `${method.toUpperCase()} ${pattern.toLowerCase()}`;
const BY_ROUTE = new Map(ENDPOINT_PERMISSIONS.map((e) => [key(e.method, e.pattern), e]));

export function permissionFor(method: string, pattern: string): EndpointPermission | undefined {
  return BY_ROUTE.get(key(method, pattern));
}

/**
 * Throws Graph's 403 when the delegated token's scopes hold none of the route's accepted permissions
 * (https://learn.microsoft.com/graph/errors: 403 Forbidden, code `accessDenied`, "the caller doesn't
 * have permission to perform the action"). Routes without an entry (emulator-only ones, or routes a
 * test adds) need no scope; tests/emulator/permissions.test.ts checks every built-in Graph route has one.
 */
export function assertPermitted(method: string, pattern: string, scopes: ReadonlySet<string>): void {
  const rule = permissionFor(method, pattern);
  if (!rule) return;
  const has = (s: string) => scopes.has(s.toLowerCase());
  if (rule.accepted.some((s, i) => has(s) && (i > 0 || (rule.with ?? []).every(has)))) return;
  const least = [rule.accepted[0], ...(rule.with ?? [])].join(' and ');
  throw new GraphError(403, 'accessDenied', `Access denied. ${method.toUpperCase()} ${pattern} needs one of the delegated permissions ${[least, ...rule.accepted.slice(1)].join(', ')} (${rule.doc}); the token has ${[...scopes].join(' ') || 'none'}.`);
}
