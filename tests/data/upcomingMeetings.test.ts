import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { readUpcomingMeetings } from '../../src/data/upcomingMeetings';
import { createTestToken, startGraphEmulator, type GraphEmulator } from '../../src/emulator';
import { partnerMeetings } from '../../src/core/weekAhead';

const ANNA = { email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' };
const HENK = { email: 'h.vandijk@portaal.nl', name: 'Henk van Dijk' };
const NOW = new Date('2026-12-01T08:00:00.000Z');

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
const transport = (scopes?: string[]) => {
  const token = createTestToken({ ...ANNA, ...(scopes ? { scopes } : {}) });
  return GraphTransport.create({ baseUrl: server.url, getAccessToken: async () => token, retry: { maxRetries: 0 } });
};

beforeAll(async () => {
  server = await startGraphEmulator({ port: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.emulator.meetings.clear();
  server.emulator.clearLog();
});

test('the next 14 days of the official\'s calendar, every page, in UTC; meetings outside the window and of others are not read', async () => {
  const day = (d: number, h = 9) => new Date(Date.UTC(2026, 11, 1 + d, h)).toISOString();
  // 60 meetings in the window: two pages of 50.
  for (let i = 0; i < 60; i++) server.emulator.meetings.add({ chatId: `c${i}`, subject: `Overleg ${i}`, organizer: ANNA, attendees: [{ email: `collega${i}@veenhaven.nl` }], start: day(i % 13, 9 + (i % 8)) });
  server.emulator.meetings.add({ chatId: 'partner', subject: 'Met Portaal', organizer: HENK, attendees: [ANNA], start: day(3, 14) });
  server.emulator.meetings.add({ chatId: 'late', subject: 'Te laat', organizer: HENK, attendees: [ANNA], start: day(15) });
  server.emulator.meetings.add({ chatId: 'not-mine', subject: 'Niet van mij', organizer: HENK, attendees: [{ email: 'x@veenhaven.nl' }], start: day(2) });

  const meetings = await readUpcomingMeetings(transport(), NOW);
  expect(meetings).toHaveLength(61);
  expect(meetings.map((m) => m.subject)).not.toContain('Te laat');
  expect(meetings.map((m) => m.subject)).not.toContain('Niet van mij');
  const portaal = meetings.find((m) => m.subject === 'Met Portaal')!;
  expect(portaal).toMatchObject({ start: day(3, 14), end: new Date(Date.parse(day(3, 14)) + 3_600_000).toISOString(), organizer: 'h.vandijk@portaal.nl', attendees: ['anna.devries@veenhaven.nl'] });
  const calls = server.emulator.requestLog.map((r) => decodeURIComponent(r.url));
  expect(calls).toHaveLength(2);
  const query = new URLSearchParams(calls[0].split('?')[1]);
  expect(calls[0].split('?')[0]).toBe('/v1.0/me/calendarView');
  expect(Object.fromEntries(query)).toEqual({ startDateTime: '2026-12-01T08:00:00.000Z', endDateTime: '2026-12-15T08:00:00.000Z', $select: 'subject,start,end,isAllDay,organizer,attendees,webLink', $top: '50' });

  // What the week ahead makes of it: only the partner meeting.
  const register = [{ id: 'p1', name: 'Portaal', aliases: [], domains: ['portaal.nl'], contacts: [] }];
  expect(partnerMeetings(meetings, register, ANNA.email).map((m) => m.meeting.subject)).toEqual(['Met Portaal']);
});

test('Calendars.ReadBasic (the least privileged scope) is enough; a token without a calendar scope is refused (403)', async () => {
  server.emulator.meetings.add({ chatId: 'partner', subject: 'Met Portaal', organizer: HENK, attendees: [ANNA], start: '2026-12-03T14:00:00.000Z' });
  expect(await readUpcomingMeetings(transport(['Calendars.ReadBasic']), NOW)).toHaveLength(1);
  await expect(readUpcomingMeetings(transport(['User.Read']), NOW)).rejects.toMatchObject({ status: 403 });
});

test('an all-day meeting is of its day on the official\'s calendar, in any zone, not of 00:00 UTC', async () => {
  server.emulator.meetings.add({ chatId: 'heidag', subject: 'Heidag met Portaal', organizer: HENK, attendees: [ANNA], start: '2026-12-03', isAllDay: true });
  const [event] = (await transport().get<{ value: Array<Record<string, unknown>> }>('/me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-08T00:00:00Z&$select=subject,start,end,isAllDay')).value;
  // As Graph answers it (microsoftgraph/microsoft-graph-docs#16798): midnight, "UTC", the date as the calendar has it.
  expect(event).toMatchObject({ isAllDay: true, start: { dateTime: '2026-12-03T00:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-12-04T00:00:00.0000000', timeZone: 'UTC' } });
  expect((await readUpcomingMeetings(transport(), NOW)).find((m) => m.subject === 'Heidag met Portaal')).toMatchObject({ allDay: true });
  // On a device in New York and in Amsterdam: the 3rd, from that day's own midnight.
  const root = path.resolve(__dirname, '../..');
  const script = `
    const { toMeeting } = require('./src/data/upcomingMeetings.ts');
    const { calendarDay } = require('./src/core/calendarDay.ts');
    const m = toMeeting(${JSON.stringify(event)});
    console.log(JSON.stringify({ day: calendarDay(m.start), start: m.start, allDay: m.allDay }));`;
  const inZone = (zone: string) => JSON.parse(execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['-e', script], { cwd: root, env: { ...process.env, TZ: zone }, encoding: 'utf8' }).trim().split('\n').pop()!);
  expect(inZone('America/New_York')).toEqual({ day: '2026-12-03', start: '2026-12-03T05:00:00.000Z', allDay: true });
  expect(inZone('Europe/Amsterdam')).toEqual({ day: '2026-12-03', start: '2026-12-02T23:00:00.000Z', allDay: true });
});
