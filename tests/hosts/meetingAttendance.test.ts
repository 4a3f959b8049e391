import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createTestToken, startGraphEmulator, type GraphEmulator } from '../../src/emulator';
import { ATTENDANCE_TOKEN_SCOPES } from '../../src/emulator/testToken';
import { SignInRequiredError } from '../../src/hosts/auth/signInErrors';
import { readAttendanceWithConsent } from '../../src/hosts/teams/attendanceAccess';
import { findMeetingAttendance } from '../../src/hosts/meeting/meetingAttendance';
import { TeamsHost } from '../../src/hosts/teams/TeamsHost';
import type { app } from '@microsoft/teams-js';

const ANNA = { email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' };
const HENK = { email: 'h.vandijk@portaal.nl', name: 'Henk van Dijk' };
const SARA = { email: 's.bakker@portaal.nl', name: 'Sara Bakker' };
const CHAT = '19:meeting_YXR0ZW5kYW5jZQ@thread.v2';

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
const graphFor = (user: { email: string; name: string }, scopes?: readonly string[]) => {
  const token = createTestToken({ ...user, scopes });
  return GraphTransport.create({ baseUrl: server.url, getAccessToken: async () => token, retry: { maxRetries: 0 } });
};
const status = (p: Promise<unknown>) => p.then(() => 200, (e: { status: number }) => e.status);

beforeAll(async () => {
  server = await startGraphEmulator({ port: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.emulator.meetings.clear();
  server.emulator.clearLog();
});

const ended = {
  chatId: CHAT,
  subject: 'Overleg wijkaanpak',
  organizer: ANNA,
  attendees: [HENK, SARA],
  start: '2026-12-01T13:00:00.000Z',
  reports: [
    { start: '2026-11-24T13:00:00.000Z', end: '2026-11-24T14:00:00.000Z', records: [{ ...SARA, seconds: 600 }] },
    { records: [{ ...ANNA, seconds: 3600, role: 'Organizer' as const }, { ...HENK, seconds: 2700 }] },
  ],
};

test('the organizer with the consent: the latest session\'s records, with names and time attended', async () => {
  server.emulator.meetings.add(ended);
  const result = await findMeetingAttendance(graphFor(ANNA, ATTENDANCE_TOKEN_SCOPES), CHAT);
  expect(result).toEqual({
    status: 'found',
    sessionStart: '2026-12-01T13:00:00.000Z',
    sessionEnd: '2026-12-01T14:00:00.000Z',
    attendees: [
      { email: ANNA.email, name: ANNA.name, seconds: 3600, role: 'Organizer' },
      { email: HENK.email, name: HENK.name, seconds: 2700, role: 'Attendee' },
    ],
  });
  const paths = server.emulator.requestLog.map((r) => decodeURIComponent(r.url));
  expect(paths[3]).toMatch(/\/attendanceReports\/[0-9a-f-]+\?\$expand=attendanceRecords$/);
  expect(paths[2]).toMatch(/\/me\/onlineMeetings\/MSo[^/]+\/attendanceReports$/);
});

test('an attendee gets the plain "not the organizer" (Graph answers attendees 403), even with the consent', async () => {
  server.emulator.meetings.add(ended);
  expect(await findMeetingAttendance(graphFor(HENK, ATTENDANCE_TOKEN_SCOPES), CHAT)).toEqual({ status: 'not-organizer' });
  // and the report itself is refused to them
  const meetingId = server.emulator.meetings.byChat(CHAT)!.meetingId;
  expect(await status(graphFor(HENK, ATTENDANCE_TOKEN_SCOPES).get(`/me/onlineMeetings/${meetingId}/attendanceReports`))).toBe(403);
});

test('a meeting that has not ended has no report: an empty list, said as such', async () => {
  server.emulator.meetings.add({ ...ended, reports: [] });
  expect(await findMeetingAttendance(graphFor(ANNA, ATTENDANCE_TOKEN_SCOPES), CHAT)).toEqual({ status: 'no-report' });
});

test('without OnlineMeetingArtifact.Read.All (the daily token, or consent refused) the report is refused: 403 accessDenied', async () => {
  server.emulator.meetings.add(ended);
  expect(await findMeetingAttendance(graphFor(ANNA), CHAT)).toEqual({ status: 'not-allowed' });
  const meetingId = server.emulator.meetings.byChat(CHAT)!.meetingId;
  const refused = await graphFor(ANNA).get(`/me/onlineMeetings/${meetingId}/attendanceReports`).catch((e: { status: number; code?: string }) => e);
  expect(refused).toMatchObject({ status: 403 });
});

test('query options Graph does not document are refused; records only come when expanded', async () => {
  server.emulator.meetings.add(ended);
  const graph = graphFor(ANNA, ATTENDANCE_TOKEN_SCOPES);
  const meetingId = server.emulator.meetings.byChat(CHAT)!.meetingId;
  const base = `/me/onlineMeetings/${meetingId}/attendanceReports`;
  const list = await graph.get<{ value: Array<{ id: string; attendanceRecords: unknown[] }> }>(base);
  expect(list.value).toHaveLength(2);
  expect(list.value.every((r) => r.attendanceRecords.length === 0)).toBe(true);
  const plain = await graph.get<{ attendanceRecords: unknown[] }>(`${base}/${list.value[0].id}`);
  expect(plain.attendanceRecords).toEqual([]);
  expect(await status(graph.get(`${base}?$filter=${encodeURIComponent("id eq 'x'")}`))).toBe(400);
  expect(await status(graph.get(`${base}/${list.value[0].id}?$expand=participants`))).toBe(400);
  expect(await status(graph.get(`${base}/nope`))).toBe(404);
  expect(await status(graph.get('/me/onlineMeetings/MSonope/attendanceReports'))).toBe(404);
});

describe('the consent asked for from the organizer\'s click (readAttendanceWithConsent)', () => {
  test('not consented yet: signs in with the attendance scope, then reads the report', async () => {
    server.emulator.meetings.add(ended);
    let consented = false;
    const auth = {
      getAccessToken: async () => {
        if (!consented) throw new SignInRequiredError('consent-required');
        return createTestToken({ ...ANNA, scopes: ATTENDANCE_TOKEN_SCOPES });
      },
      signIn: async () => {
        consented = true;
      },
    };
    const graph = GraphTransport.create({ baseUrl: server.url, getAccessToken: () => auth.getAccessToken(), retry: { maxRetries: 0 } });
    expect((await readAttendanceWithConsent(auth, () => graph, CHAT)).status).toBe('found');
    expect(consented).toBe(true);
  });

  test('consent refused (window closed, or the tenant does not allow it): said as such, Graph not asked', async () => {
    server.emulator.meetings.add(ended);
    const auth = {
      getAccessToken: async (): Promise<string> => {
        throw new SignInRequiredError('consent-required');
      },
      signIn: async () => {
        throw new Error('user_cancelled');
      },
    };
    expect(await readAttendanceWithConsent(auth, () => { throw new Error('no Graph call expected'); }, CHAT)).toEqual({ status: 'consent-refused' });
    expect(server.emulator.requestLog).toEqual([]);
  });
});

test('TeamsHost: the item carries the meeting chat, and readMeetingAttendance reads that chat\'s report', async () => {
  server.emulator.meetings.add(ended);
  const context = { app: { locale: 'nl-NL', theme: 'default', host: {} }, page: { id: 'x', frameContext: 'sidePanel' }, chat: { id: CHAT }, meeting: { id: 'MCMxOTptZWV0aW5n' }, user: { loginHint: ANNA.email } } as unknown as app.Context;
  const organizer = graphFor(ANNA, ATTENDANCE_TOKEN_SCOPES);
  const host = new TeamsHost(context, async () => 't', async () => ({ status: 'not-found' }), (chatId) => findMeetingAttendance(organizer, chatId));
  await expect(host.getCurrentItem()).resolves.toMatchObject({ chatId: CHAT });
  await expect(host.readMeetingAttendance()).resolves.toMatchObject({ status: 'found', attendees: [{ email: ANNA.email }, { email: HENK.email }] });
  // Outside a meeting chat there is nothing to read.
  const noChat = new TeamsHost({ ...context, chat: undefined } as unknown as app.Context, async () => 't');
  await expect(noChat.readMeetingAttendance()).resolves.toEqual({ status: 'not-found' });
});
