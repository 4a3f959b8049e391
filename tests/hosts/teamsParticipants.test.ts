import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createTestToken, startGraphEmulator, type GraphEmulator } from '../../src/emulator';
import { findMeetingParticipants, upnToEmail } from '../../src/hosts/teams/meetingParticipants';
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

test('chat → online meeting by join URL → organizer and attendees', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: "Overleg 'wijkaanpak' Noord", organizer: ANNA, attendees: [HENK, SARA], start: '2026-12-01T13:00:00.000Z' });
  const result = await findMeetingParticipants(graph, CHAT);
  expect(result).toEqual({
    status: 'found',
    source: 'online-meeting',
    details: {
      subject: "Overleg 'wijkaanpak' Noord",
      organizer: '"Anna de Vries" <anna.devries@veenhaven.nl>',
      attendees: ['"Henk van Dijk" <h.vandijk@portaal.nl>', '"Sara Bakker" <s.bakker@portaal.nl>'],
      date: '2026-12-01T13:00:00.000Z',
      link: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//),
    },
  });
  expect(paths()).toEqual([expect.stringMatching(/^GET \/v1\.0\/chats\/19:meeting_.*\?\$select=topic,onlineMeetingInfo$/), expect.stringMatching(/^GET \/v1\.0\/me\/onlineMeetings\?\$filter=JoinWebUrl eq 'https:\/\/teams/)]);
});

test('falls back to the calendar event when the online meeting is refused', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Kwartaaloverleg', organizer: HENK, attendees: [ANNA], start: '2026-12-02T09:00:00.000Z', deny: ['onlineMeeting'] });
  const result = await findMeetingParticipants(graph, CHAT);
  expect(result).toEqual({
    status: 'found',
    source: 'calendar-event',
    details: expect.objectContaining({ subject: 'Kwartaaloverleg', organizer: '"Henk van Dijk" <h.vandijk@portaal.nl>', attendees: ['"Anna de Vries" <anna.devries@veenhaven.nl>'], date: '2026-12-02T09:00:00Z' }),
  });
  expect(paths()[2]).toMatch(/^GET \/v1\.0\/me\/events\?\$filter=subject eq 'Kwartaaloverleg'/);
});

test('neither online meeting nor calendar allowed: a typed not-allowed result', async () => {
  server.emulator.meetings.add({ chatId: CHAT, subject: 'Geheim', organizer: HENK, attendees: [ANNA], deny: ['onlineMeeting', 'event'] });
  await expect(findMeetingParticipants(graph, CHAT)).resolves.toEqual({ status: 'not-allowed' });
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
