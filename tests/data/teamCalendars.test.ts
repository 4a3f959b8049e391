/**
 * The manager's week ahead against the emulator: the direct reports (`/me/directReports`), each one's calendar
 * (`/users/{id}/calendarView`) only where it is shared with the manager, "not shared" otherwise, every page of
 * both, and nothing at all without the team consent (TEAM_SCOPES).
 */
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { readDirectReports, readTeamCalendars } from '../../src/data/teamCalendars';
import { createTestToken, OFFICIAL_TOKEN_SCOPES, startGraphEmulator, TEAM_TOKEN_SCOPES, type GraphEmulator } from '../../src/emulator';
import { partnerMeetings } from '../../src/core/weekAhead';

const MANAGER = { email: 'm.jansen@veenhaven.nl', name: 'Marieke Jansen' };
const BAS = { email: 'b.vermeulen@veenhaven.nl', name: 'Bas Vermeulen' };
const SANDER = { email: 's.devries@veenhaven.nl', name: 'Sander de Vries' };
const OTHER = { email: 'f.bakker@veenhaven.nl', name: 'Femke Bakker' };
const HENK = { email: 'h.vandijk@portaal.nl', name: 'Henk van Dijk' };
const NOW = new Date('2026-12-01T08:00:00.000Z');
const day = (d: number, h = 9) => new Date(Date.UTC(2026, 11, 1 + d, h)).toISOString();

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
const transport = (scopes: readonly string[] = TEAM_TOKEN_SCOPES, as = MANAGER) => {
  const token = createTestToken({ ...as, scopes });
  return GraphTransport.create({ baseUrl: server.url, getAccessToken: async () => token, retry: { maxRetries: 0 } });
};

beforeAll(async () => {
  server = await startGraphEmulator({ port: 0 });
  for (const report of [BAS, SANDER]) server.emulator.setUserProfile(report.email, { displayName: report.name, manager: MANAGER.email, department: 'Wonen' });
  server.emulator.setUserProfile(OTHER.email, { displayName: OTHER.name, manager: 'someone.else@veenhaven.nl' });
});
afterAll(() => server.close());
beforeEach(() => {
  server.emulator.meetings.clear();
  server.emulator.clearLog();
});

test('the reports\' calendars: the shared one read through Graph, the other "not shared"; another manager\'s report never', async () => {
  server.emulator.meetings.shareCalendar(BAS.email, MANAGER.email);
  server.emulator.meetings.shareCalendar(OTHER.email, MANAGER.email);
  server.emulator.meetings.add({ chatId: 'bas-portaal', subject: 'Huisvesting statushouders', organizer: BAS, attendees: [HENK], start: day(2, 13) });
  server.emulator.meetings.add({ chatId: 'bas-intern', subject: 'Werkoverleg', organizer: BAS, attendees: [SANDER], start: day(3) });
  server.emulator.meetings.add({ chatId: 'bas-later', subject: 'Te laat', organizer: BAS, attendees: [HENK], start: day(20) });
  server.emulator.meetings.add({ chatId: 'sander-portaal', subject: 'Gebiedsvisie met Portaal', organizer: SANDER, attendees: [HENK], start: day(4) });

  const team = await readTeamCalendars(transport(), NOW);
  expect(team.map((c) => [c.name, c.email, c.calendar])).toEqual([
    ['Bas Vermeulen', BAS.email, 'shared'],
    ['Sander de Vries', SANDER.email, 'not-shared'],
  ]);
  const bas = team[0];
  if (bas.calendar !== 'shared') throw new Error('shared expected');
  expect(bas.meetings.map((m) => m.subject)).toEqual(['Huisvesting statushouders', 'Werkoverleg']);
  expect(bas.meetings[0]).toMatchObject({ start: day(2, 13), organizer: BAS.email, attendees: [HENK.email] });
  // Sander's meeting is nowhere in what the manager got.
  expect(JSON.stringify(team)).not.toContain('Gebiedsvisie');
  // The partner meeting the week ahead makes of Bas's calendar: his own address is not a partner.
  const register = [{ id: 'p1', name: 'Portaal', aliases: [], domains: ['portaal.nl'], contacts: [] }];
  expect(partnerMeetings(bas.meetings, register, bas.email).map((m) => m.meeting.subject)).toEqual(['Huisvesting statushouders']);

  // One read of the reports, one batch with both calendars.
  const calls = server.emulator.requestLog.map((r) => `${r.inBatch ? 'batch ' : ''}${r.method} ${decodeURIComponent(r.url).split('?')[0]}`);
  expect(calls.filter((c) => !c.startsWith('batch '))).toEqual(['GET /v1.0/me/directReports', 'POST /v1.0/$batch']);
  expect(calls.filter((c) => c.startsWith('batch ')).sort()).toEqual(team.map((c) => `batch GET /v1.0/users/${c.id}/calendarView`).sort());
  const inner = server.emulator.requestLog.find((r) => r.inBatch)!;
  expect(Object.fromEntries(new URLSearchParams(decodeURIComponent(inner.url).split('?')[1]))).toEqual({
    startDateTime: '2026-12-01T08:00:00.000Z',
    endDateTime: '2026-12-15T08:00:00.000Z',
    $select: 'subject,start,end,isAllDay,organizer,attendees,webLink',
    $top: '50',
  });
});

test('a colleague who stops sharing is "not shared" at once; sharing with someone else does not count', async () => {
  server.emulator.meetings.add({ chatId: 'bas-portaal', subject: 'Huisvesting statushouders', organizer: BAS, attendees: [HENK], start: day(2) });
  server.emulator.meetings.shareCalendar(BAS.email, OTHER.email);
  expect((await readTeamCalendars(transport(), NOW)).map((c) => c.calendar)).toEqual(['not-shared', 'not-shared']);
  server.emulator.meetings.shareCalendar(BAS.email, MANAGER.email);
  expect((await readTeamCalendars(transport(), NOW)).map((c) => c.calendar)).toEqual(['shared', 'not-shared']);
  server.emulator.meetings.unshareCalendar(BAS.email, MANAGER.email);
  expect((await readTeamCalendars(transport(), NOW)).map((c) => c.calendar)).toEqual(['not-shared', 'not-shared']);
});

test('every page: more than a page of reports, more than a page of meetings', async () => {
  const many = Array.from({ length: 105 }, (_, i) => ({ email: `medewerker${String(i).padStart(3, '0')}@veenhaven.nl`, name: `Medewerker ${String(i).padStart(3, '0')}` }));
  for (const m of many) server.emulator.setUserProfile(m.email, { displayName: m.name, manager: 'teamleider@veenhaven.nl' });
  const lead = { email: 'teamleider@veenhaven.nl', name: 'Teamleider' };
  const reports = await readDirectReports(transport(TEAM_TOKEN_SCOPES, lead));
  expect(reports).toHaveLength(105);
  expect(server.emulator.requestLog.filter((r) => r.url.includes('/me/directReports'))).toHaveLength(2);

  server.emulator.clearLog();
  server.emulator.meetings.shareCalendar(BAS.email, MANAGER.email);
  for (let i = 0; i < 60; i++) server.emulator.meetings.add({ chatId: `bas${i}`, subject: `Overleg ${i}`, organizer: BAS, attendees: [HENK], start: day(i % 13, 8 + (i % 9)) });
  const [bas] = await readTeamCalendars(transport(), NOW);
  expect(bas.calendar === 'shared' && bas.meetings.length).toBe(60);
  // The second page followed the batch answer's nextLink on its own.
  expect(server.emulator.requestLog.filter((r) => !r.inBatch && r.url.includes('/calendarView'))).toHaveLength(1);
});

test('without the team consent nothing is read: the official\'s token is refused on the reports and on a colleague\'s calendar', async () => {
  server.emulator.meetings.shareCalendar(BAS.email, MANAGER.email);
  await expect(readTeamCalendars(transport(OFFICIAL_TOKEN_SCOPES), NOW)).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
  // Reports readable (User.ReadBasic.All) but no Calendars.Read.Shared: the missing consent fails the read, it is no "not shared".
  await expect(readTeamCalendars(transport([...OFFICIAL_TOKEN_SCOPES, 'User.ReadBasic.All']), NOW)).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
  // Calendars.Read (the daily token's) reaches only one's own calendar.
  const own = transport(OFFICIAL_TOKEN_SCOPES, BAS);
  const bas = (await readDirectReports(transport())).find((c) => c.email === BAS.email)!;
  await expect(own.get(`/users/${bas.id}/calendarView?startDateTime=${NOW.toISOString()}&endDateTime=${day(14)}`)).rejects.toMatchObject({ status: 403 });
});

test('a manager without reports gets an empty team, and no calendar is asked for', async () => {
  expect(await readTeamCalendars(transport(TEAM_TOKEN_SCOPES, OTHER), NOW)).toEqual([]);
  expect(server.emulator.requestLog.map((r) => r.url.split('?')[0])).toEqual(['/v1.0/me/directReports']);
});
