/** `/me/calendarView` in the emulator and the data layer's read of it (src/data/calendarView.ts). */
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createGraphClient } from '../../src/data/graph/createGraphClient';
import { readUpcomingMeetings, utcIso } from '../../src/data/calendarView';
import { createTestToken } from '../../src/emulator';
import { ANNA, BART, startHarness, type Harness } from './helpers';

let h: Harness;
const NOW = new Date();
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

beforeAll(async () => {
  h = await startHarness();
  for (let i = 0; i < 23; i++) {
    h.emulator.calendar.add(ANNA.email, { subject: `Overleg ${i}`, start: at(2 + i * 10), end: at(3 + i * 10), organizer: { email: ANNA.email }, attendees: [{ email: `p${i}@portaal.nl`, name: `P ${i}` }] });
  }
  h.emulator.calendar.add(ANNA.email, { subject: 'Afgezegd', start: at(5), end: at(6), organizer: { email: 'x@portaal.nl' }, attendees: [{ email: ANNA.email }], isCancelled: true });
  h.emulator.calendar.add(ANNA.email, { subject: 'Ver weg', start: at(24 * 30), end: at(24 * 30 + 1), organizer: { email: ANNA.email }, attendees: [] });
  h.emulator.calendar.add(BART.email, { subject: 'Van Bart', start: at(4), end: at(5), organizer: { email: BART.email }, attendees: [] });
});
afterAll(() => h.close());

const view = (query: string, opts?: Parameters<Harness['call']>[3]) => h.call('GET', `/v1.0/me/calendarView?${query}`, undefined, opts);

test('the time window is required, as in Graph', async () => {
  expect((await view('')).status).toBe(400);
  expect((await view(`startDateTime=${NOW.toISOString()}`)).status).toBe(400);
});

test('pages of $top with a nextLink; only the window, only the own calendar; UTC times without suffix', async () => {
  const first = await view(`startDateTime=${encodeURIComponent(NOW.toISOString())}&endDateTime=${encodeURIComponent(at(24 * 14))}&$top=10`);
  expect(first.status).toBe(200);
  expect(first.body.value).toHaveLength(10);
  expect(first.body['@odata.nextLink']).toContain('%24skip=10');
  expect(first.body.value[0].start.timeZone).toBe('UTC');
  expect(first.body.value[0].start.dateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
  const subjects = first.body.value.map((e: { subject: string }) => e.subject);
  expect(subjects).not.toContain('Van Bart');
});

test('another time zone in Prefer is refused rather than answered wrongly', async () => {
  const r = await view(`startDateTime=${encodeURIComponent(NOW.toISOString())}&endDateTime=${encodeURIComponent(at(24))}`, { headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } });
  expect(r.status).toBe(400);
});

test('a token without a calendar scope is refused; Calendars.ReadBasic is enough', async () => {
  const scoped = (scp: string) => {
    const [head, payload] = createTestToken(ANNA).split('.');
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return `${head}.${Buffer.from(JSON.stringify({ ...body, scp })).toString('base64url')}.`;
  };
  const q = `startDateTime=${encodeURIComponent(NOW.toISOString())}&endDateTime=${encodeURIComponent(at(24))}`;
  expect((await view(q, { token: scoped('User.Read Sites.ReadWrite.All') })).status).toBe(403);
  expect((await view(q, { token: scoped('User.Read Calendars.ReadBasic') })).status).toBe(200);
});

test('the data layer follows every page, drops cancelled occurrences and reads UTC', async () => {
  const baseUrl = `${h.url}/v1.0`;
  const transport = new GraphTransport(createGraphClient({ baseUrl, getAccessToken: async () => createTestToken(ANNA) }), { baseUrl });
  const meetings = await readUpcomingMeetings(transport, NOW, 14);
  // 23 in the window at 10-hour steps up to 2+22*10 = 222 h < 336 h; the cancelled one and the far one left out.
  expect(meetings).toHaveLength(23);
  expect(meetings.map((m) => m.subject)).not.toContain('Afgezegd');
  expect(meetings[0].attendees).toEqual(['p0@portaal.nl']);
  expect(meetings[0].start).toBe(at(2));
  expect(utcIso({ dateTime: '2026-12-02T10:00:00.0000000', timeZone: 'UTC' })).toBe('2026-12-02T10:00:00.000Z');
});
