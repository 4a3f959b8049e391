import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createTestToken, startGraphEmulator, type GraphEmulator } from '../../src/emulator';
import { findMeetingParticipants, upnToEmail } from '../../src/hosts/meeting/meetingParticipants';
import { TeamsHost } from '../../src/hosts/teams/TeamsHost';
import type { app } from '@microsoft/teams-js';

const ANNA = { email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' };
const HENK = { email: 'h.vandijk@portaal.nl', name: 'Henk van Dijk' };
const SARA = { email: 's.bakker@portaal.nl', name: 'Sara Bakker' };
const CHAT = '19:meeting_NjQ3YmE1ZjQtOWM2@thread.v2';

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
let graph: GraphTransport;

beforeAll(async () => {
  server = await startGraphEmulator({ port: 0 });
  const token = createTestToken(ANNA);
  graph = GraphTransport.create({ baseUrl: server.url, getAccessToken: async () => token, retry: { maxRetries: 0 } });
});
afterAll(() => server.close());
beforeEach(() => {
  server.emulator.meetings.clear();
  server.emulator.clearLog();
});

const paths = () => server.emulator.requestLog.map((r) => `${r.method} ${decodeURIComponent(r.url)}`);

const at = (iso: string) => () => new Date(iso);
const details = (subject: string, organizer: string, attendees: string[], date: string) => ({ subject, organizer, attendees, date, link: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//) });

test('an attendee: chat (no query options) → their own calendar copy, matched by join URL and time → organizer and attendees', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: "Overleg 'wijkaanpak' Noord", organizer: HENK, attendees: [ANNA, SARA], start: '2026-12-01T13:00:00.000Z' });
  const result = await findMeetingParticipants(graph, CHAT, at('2026-12-01T13:10:00Z'));
  expect(result).toEqual({
    status: 'found',
    source: 'calendar-event',
    details: details("Overleg 'wijkaanpak' Noord", '"Henk van Dijk" <h.vandijk@portaal.nl>', ['"Anna de Vries" <anna.devries@veenhaven.nl>', '"Sara Bakker" <s.bakker@portaal.nl>'], '2026-12-01T13:00:00Z'),
  });
  expect(paths()).toEqual([
    `GET /v1.0/chats/${CHAT}`,
    expect.stringMatching(/^GET \/v1\.0\/me\/calendarView\?.*startDateTime=2026-12-01T01:10:00\.000Z&endDateTime=2026-12-15T13:10:00\.000Z/),
  ]);
  // what the old path asked: an attendee may not read the online meeting, and the chat takes no $select
  expect((await graph.get(`/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${server.emulator.meetings.byChat(CHAT)!.joinWebUrl}'`)}`).catch((e: { status: number }) => e.status))).toBe(403);
  expect((await graph.get(`/chats/${encodeURIComponent(CHAT)}?$select=topic,onlineMeetingInfo`).catch((e: { status: number }) => e.status))).toBe(400);
});

test('never by subject: a meeting with the same subject but another join URL is not taken; among occurrences the one going on now', async () => {
  const shared = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_series%40thread.v2/0?context=%7b%7d';
  server.emulator.meetings.add({ chatId: 'other-chat', subject: 'Kwartaaloverleg', organizer: SARA, attendees: [ANNA], start: '2026-12-02T09:00:00.000Z' });
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Kwartaaloverleg', organizer: HENK, attendees: [ANNA], start: '2026-12-02T14:00:00.000Z', joinWebUrl: shared });
  server.emulator.meetings.add({ chatId: 'next-occurrence', subject: 'Kwartaaloverleg', organizer: HENK, attendees: [ANNA, SARA], start: '2026-12-09T14:00:00.000Z', joinWebUrl: shared });
  const now = await findMeetingParticipants(graph, CHAT, at('2026-12-02T14:30:00Z'));
  expect(now).toMatchObject({ status: 'found', details: { date: '2026-12-02T14:00:00Z', attendees: ['"Anna de Vries" <anna.devries@veenhaven.nl>'] } });
  const nextWeek = await findMeetingParticipants(graph, CHAT, at('2026-12-09T13:00:00Z'));
  expect(nextWeek).toMatchObject({ status: 'found', details: { date: '2026-12-09T14:00:00Z', organizer: '"Henk van Dijk" <h.vandijk@portaal.nl>' } });
});

test('the organizer outside the calendar windows: the online meeting by join URL (only the organizer may read it)', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Later', organizer: ANNA, attendees: [HENK], start: '2027-04-01T09:00:00.000Z' });
  const result = await findMeetingParticipants(graph, CHAT, at('2026-12-01T09:00:00Z'));
  expect(result).toEqual({ status: 'found', source: 'online-meeting', details: details('Later', '"Anna de Vries" <anna.devries@veenhaven.nl>', ['"Henk van Dijk" <h.vandijk@portaal.nl>'], '2027-04-01T09:00:00.000Z') });
});

test('an attendee in the meeting chat the day after the meeting, or in its details tab weeks ahead: found in their calendar', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Overleg wijkaanpak', organizer: HENK, attendees: [ANNA, SARA], start: '2026-12-01T13:00:00.000Z' });
  const after = await findMeetingParticipants(graph, CHAT, at('2026-12-02T09:00:00Z'));
  expect(after).toMatchObject({ status: 'found', source: 'calendar-event', details: { subject: 'Overleg wijkaanpak', date: '2026-12-01T13:00:00Z' } });
  // The near window first, then the month before: two reads, not more.
  expect(paths().filter((p) => p.includes('calendarView'))).toEqual([
    expect.stringMatching(/startDateTime=2026-12-01T21:00:00\.000Z&endDateTime=2026-12-16T09:00:00\.000Z/),
    expect.stringMatching(/startDateTime=2026-11-01T09:00:00\.000Z&endDateTime=2026-12-01T21:00:00\.000Z/),
  ]);
  const ahead = await findMeetingParticipants(graph, CHAT, at('2026-11-01T09:00:00Z'));
  expect(ahead).toMatchObject({ status: 'found', source: 'calendar-event', details: { subject: 'Overleg wijkaanpak' } });
});

test('an attendee whose calendar does not hold the meeting: not found (the online meeting’s 403 is the organizer-only rule, not a refusal)', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Ver weg', organizer: HENK, attendees: [ANNA], start: '2027-06-01T09:00:00.000Z' });
  await expect(findMeetingParticipants(graph, CHAT, at('2026-12-01T09:00:00Z'))).resolves.toEqual({ status: 'not-found' });
});

test('calendar refused and the online meeting refused: a typed not-allowed result', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Geheim', organizer: HENK, attendees: [ANNA], start: '2026-12-01T09:00:00.000Z', deny: ['event'] });
  await expect(findMeetingParticipants(graph, CHAT, at('2026-12-01T09:00:00Z'))).resolves.toEqual({ status: 'not-allowed' });
});

test('the calendar is read page by page until the meeting is found', async () => {
  for (let n = 0; n < 60; n++) server.emulator.meetings.add({ chatId: `busy-${n}`, subject: `Afspraak ${n}`, organizer: SARA, attendees: [ANNA], start: new Date(Date.parse('2026-12-01T08:00:00Z') + n * 60_000).toISOString() });
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Na de drukte', organizer: HENK, attendees: [ANNA], start: '2026-12-03T09:00:00.000Z' });
  const result = await findMeetingParticipants(graph, CHAT, at('2026-12-01T09:00:00Z'));
  expect(result).toMatchObject({ status: 'found', source: 'calendar-event', details: { subject: 'Na de drukte' } });
  expect(paths().filter((p) => p.includes('calendarView'))).toHaveLength(2);
});

test('the emulator: calendarView needs its window and refuses options it does not implement', async () => {
  await expect(graph.get('/me/calendarView')).rejects.toMatchObject({ status: 400 });
  await expect(graph.get('/me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z&$filter=subject%20eq%20%27x%27')).rejects.toMatchObject({ status: 400 });
  await expect(graph.get('/me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z&$select=nope')).rejects.toMatchObject({ status: 400 });
});

test('chat itself refused or unknown', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'X', organizer: HENK, attendees: [ANNA], deny: ['chat'] });
  await expect(findMeetingParticipants(graph, CHAT)).resolves.toEqual({ status: 'not-allowed' });
  await expect(findMeetingParticipants(graph, '19:unknown@thread.v2')).resolves.toEqual({ status: 'not-found' });
});

test('TeamsHost uses it as its MeetingDetailsSource', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Overleg', organizer: ANNA, attendees: [HENK] });
  const context = { app: { locale: 'nl-NL', theme: 'default', host: {} }, page: { id: 'x', frameContext: 'sidePanel' }, chat: { id: CHAT }, meeting: { id: 'MCMxOTptZWV0aW5n' }, user: { loginHint: ANNA.email } } as unknown as app.Context;
  const host = new TeamsHost(context, async () => 't', (chatId) => findMeetingParticipants(graph, chatId));
  await expect(host.getCurrentItem()).resolves.toMatchObject({ kind: 'meeting', id: 'MCMxOTptZWV0aW5n', subject: 'Overleg', attendees: ['"Henk van Dijk" <h.vandijk@portaal.nl>'] });
  const denied = new TeamsHost(context, async () => 't', async () => ({ status: 'not-allowed' }));
  await expect(denied.getCurrentItem()).resolves.toMatchObject({ participantsUnavailable: 'not-allowed', attendees: [] });
  expect(host.frameContext).toBe('sidePanel');
});

test("a guest's UPN gives back the partner's address", () => {
  expect(upnToEmail('h.vandijk_portaal.nl#EXT#@veenhaven.onmicrosoft.com')).toBe('h.vandijk@portaal.nl');
  expect(upnToEmail('Anna.deVries@veenhaven.nl')).toBe('anna.devries@veenhaven.nl');
});
