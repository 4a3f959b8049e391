/**
 * `/me/directReports` and `/users/{id}/calendarView` in the emulator: the shapes and rules their Graph pages
 * document (directoryObjects with `@odata.type`, `$select`, paging; the calendar view's required window, `$select`,
 * `$top`/`$skip`, other options refused), answered only for a calendar shared with the caller.
 */
import { createTestToken, TEAM_TOKEN_SCOPES } from '../../src/emulator';
import { ANNA, BART, startHarness, type Harness } from './helpers';

let h: Harness;
const token = (as: { email: string; name: string }) => createTestToken({ ...as, scopes: TEAM_TOKEN_SCOPES });
const WINDOW = 'startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-15T00:00:00Z';

beforeAll(async () => {
  h = await startHarness({ profiles: { [BART.email]: { displayName: BART.name, manager: ANNA.email, department: 'Wonen' } } });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.meetings.clear());

test('directReports: users with their @odata.type, the default properties or the $selected ones; an unknown property is refused', async () => {
  const all = await h.call('GET', '/v1.0/me/directReports', undefined, { token: token(ANNA) });
  expect(all.status).toBe(200);
  expect(all.body.value).toHaveLength(1);
  expect(all.body.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.user', displayName: BART.name, mail: BART.email, userPrincipalName: BART.email });
  expect(all.body.value[0]).not.toHaveProperty('department');
  const some = await h.call('GET', '/v1.0/me/directReports?$select=id,displayName,department', undefined, { token: token(ANNA) });
  expect(Object.keys(some.body.value[0]).sort()).toEqual(['@odata.type', 'department', 'displayName', 'id']);
  expect((await h.call('GET', '/v1.0/me/directReports?$select=manager2', undefined, { token: token(ANNA) })).status).toBe(400);
  expect((await h.call('GET', '/v1.0/me/directReports?$orderby=displayName', undefined, { token: token(ANNA) })).status).toBe(400);
  // Bart manages nobody.
  expect((await h.call('GET', '/v1.0/me/directReports', undefined, { token: token(BART) })).body.value).toEqual([]);
});

test('directReports needs User.Read and User.ReadBasic.All together, or one of the higher permissions alone', async () => {
  const status = async (scopes: string[]) => (await h.call('GET', '/v1.0/me/directReports', undefined, { token: createTestToken({ ...ANNA, scopes }) })).status;
  expect(await status(['User.Read', 'User.ReadBasic.All'])).toBe(200);
  expect(await status(['User.ReadBasic.All'])).toBe(403);
  expect(await status(['User.Read'])).toBe(403);
  expect(await status(['User.Read.All'])).toBe(200);
  expect(await status(['Directory.Read.All'])).toBe(200);
});

test("a colleague's calendarView: 403 ErrorAccessDenied until shared, then the same rules as /me/calendarView; an unknown id is 404", async () => {
  h.emulator.meetings.add({ chatId: 'c1', subject: 'Met Portaal', organizer: BART, attendees: [{ email: 'h.vandijk@portaal.nl' }], start: '2026-12-03T09:00:00.000Z' });
  h.emulator.meetings.add({ chatId: 'c2', subject: 'Later', organizer: BART, attendees: [], start: '2026-12-04T09:00:00.000Z' });
  const bartId = (await h.call('GET', '/v1.0/me/directReports?$select=id', undefined, { token: token(ANNA) })).body.value[0].id as string;
  const view = (query: string, user = bartId) => h.call('GET', `/v1.0/users/${user}/calendarView?${query}`, undefined, { token: token(ANNA) });

  const refused = await view(WINDOW);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('ErrorAccessDenied');
  h.emulator.meetings.shareCalendar(BART.email, ANNA.email);
  const page = await view(`${WINDOW}&$select=subject,start&$top=1`);
  expect(page.status).toBe(200);
  expect(page.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Met Portaal']);
  expect(Object.keys(page.body.value[0]).sort()).toEqual(['id', 'start', 'subject']);
  expect(page.body['@odata.nextLink']).toMatch(/(\$|%24)skip=1/);
  // By user principal name too.
  expect((await view(WINDOW, encodeURIComponent(BART.email))).body.value).toHaveLength(2);
  expect((await view('$select=subject')).status).toBe(400);
  expect((await view(`${WINDOW}&$filter=subject eq 'x'`)).status).toBe(400);
  expect((await view(`${WINDOW}&$select=body2`)).status).toBe(400);
  const unknown = await view(WINDOW, '00000000-0000-0000-0000-000000000000');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe('ErrorInvalidUser');
});
