import type { GraphAuthProvider } from '../auth/msalTokenSource';
import { consentFromClick } from '../auth/consentFromClick';
import { findMeetingAttendance, type MeetingAttendanceResult } from '../meeting/meetingAttendance';
import type { MeetingGraph } from '../meeting/meetingParticipants';

/**
 * The organizer's attendance report with the incremental consent it needs: a silent token with
 * ATTENDANCE_SCOPES when it was consented before, else the sign-in that asks for it (this runs from the
 * organizer's click, so a window may open). Refused or closed: said as such, nothing else happens.
 */
export async function readAttendanceWithConsent(
  auth: GraphAuthProvider | undefined,
  graphFor: (auth: GraphAuthProvider) => MeetingGraph,
  chatId: string,
): Promise<MeetingAttendanceResult> {
  if (!auth) return { status: 'not-allowed' };
  if (!(await consentFromClick(auth))) return { status: 'consent-refused' };
  return findMeetingAttendance(graphFor(auth), chatId);
}
