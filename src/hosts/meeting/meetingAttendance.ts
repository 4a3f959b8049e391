import { organizersOnlineMeeting, statusOf, type MeetingGraph } from './meetingParticipants';

/**
 * Who actually attended a Teams meeting, from its attendance report, for the organizer's note afterwards.
 * The path, each step as Microsoft documents it:
 * 1. `GET /chats/{id}` (no query options, "Get chat") → `onlineMeetingInfo.joinWebUrl`;
 * 2. `GET /me/onlineMeetings` filtered on `JoinWebUrl eq '…'` → the online meeting's id. With delegated permissions
 *    only its organizer may read it ("Get onlineMeeting", https://learn.microsoft.com/graph/api/onlinemeeting-get):
 *    a 403 here means "you are not the organizer";
 * 3. `GET /me/onlineMeetings/{id}/attendanceReports` ("List meetingAttendanceReports",
 *    https://learn.microsoft.com/graph/api/meetingattendancereport-list): one report per ended session, up to the 50
 *    most recent, records left empty; none while the meeting has not ended ("Online meeting artifacts and
 *    permissions", https://learn.microsoft.com/graph/cloud-communications-online-meeting-artifacts: "Only available
 *    when the meeting ends", "Only the meeting organizer can access"). A 403 here, the organizer being known, is the
 *    missing OnlineMeetingArtifact.Read.All consent;
 * 4. `GET …/attendanceReports/{reportId}?$expand=attendanceRecords` ("Get meetingAttendanceReport",
 *    https://learn.microsoft.com/graph/api/meetingattendancereport-get: records are a navigation property, returned
 *    only when expanded) for the latest session: each record's `emailAddress`, `identity.displayName`,
 *    `totalAttendanceInSeconds` and `role`.
 */

export interface AttendanceEntry {
  email: string;
  name?: string;
  seconds: number;
  role?: string;
}

export type MeetingAttendanceResult =
  | { status: 'found'; sessionStart?: string; sessionEnd?: string; attendees: AttendanceEntry[] }
  /** The signed-in official does not organize the meeting: Graph gives attendees no report. */
  | { status: 'not-organizer' }
  /** The meeting has no report (yet): it has not ended, or Teams made none (e.g. reports turned off). */
  | { status: 'no-report' }
  /** Graph refused the report: the OnlineMeetingArtifact.Read.All consent is missing. */
  | { status: 'not-allowed' }
  /** The organizer was asked for that consent and it was not given (closed the window, or the tenant refuses it). */
  | { status: 'consent-refused' }
  /** No online meeting behind this chat. */
  | { status: 'not-found' };

interface ReportSummary {
  id?: string;
  meetingStartDateTime?: string | null;
  meetingEndDateTime?: string | null;
}
interface AttendanceRecord {
  emailAddress?: string | null;
  totalAttendanceInSeconds?: number | null;
  role?: string | null;
  identity?: { displayName?: string | null } | null;
}

export async function findMeetingAttendance(graph: MeetingGraph, chatId: string): Promise<MeetingAttendanceResult> {
  let joinWebUrl: string | undefined;
  try {
    const chat = await graph.get<{ onlineMeetingInfo?: { joinWebUrl?: string | null } | null }>(`/chats/${encodeURIComponent(chatId)}`);
    joinWebUrl = chat.onlineMeetingInfo?.joinWebUrl ?? undefined;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) return { status: 'not-found' };
    if (status === 403) return { status: 'not-allowed' };
    throw error;
  }
  if (!joinWebUrl) return { status: 'not-found' };
  let meetingId: string | undefined;
  try {
    meetingId = (await organizersOnlineMeeting(graph, joinWebUrl))?.id;
  } catch (error) {
    // Only the organizer may read the online meeting (delegated); an attendee is refused.
    if (statusOf(error) === 403) return { status: 'not-organizer' };
    throw error;
  }
  // The organizer finds their own meeting; no answer means someone else organizes it.
  if (!meetingId) return { status: 'not-organizer' };
  const base = `/me/onlineMeetings/${encodeURIComponent(meetingId)}/attendanceReports`;
  let reports: ReportSummary[];
  try {
    reports = (await graph.get<{ value?: ReportSummary[] }>(base)).value ?? [];
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) return { status: 'not-allowed' };
    if (status === 404) return { status: 'no-report' };
    throw error;
  }
  const when = (r: ReportSummary) => Date.parse(r.meetingEndDateTime ?? r.meetingStartDateTime ?? '') || 0;
  const latest = reports.filter((r) => r.id).sort((a, b) => when(b) - when(a))[0];
  if (!latest?.id) return { status: 'no-report' };
  const report = await graph.get<ReportSummary & { attendanceRecords?: AttendanceRecord[] }>(`${base}/${encodeURIComponent(latest.id)}?$expand=attendanceRecords`);
  const attendees = (report.attendanceRecords ?? [])
    .filter((r) => r.emailAddress)
    .map((r) => ({ email: r.emailAddress!.toLowerCase(), name: r.identity?.displayName?.trim() || undefined, seconds: r.totalAttendanceInSeconds ?? 0, role: r.role ?? undefined }));
  return { status: 'found', sessionStart: report.meetingStartDateTime ?? undefined, sessionEnd: report.meetingEndDateTime ?? undefined, attendees };
}
