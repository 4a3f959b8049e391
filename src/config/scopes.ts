/**
 * The delegated Microsoft Graph permissions the app asks for; the README's permission tables and
 * docs/graph-calls.md list the same sets with the reason for each (tests/security/leastPrivilege.test.ts,
 * tests/security/graphCalls.test.ts).
 */
export const GRAPH_SCOPES = {
  /** Read and write the partner lists on the municipality's site (or Sites.Selected where the admin grants the site). */
  lists: 'https://graph.microsoft.com/Sites.ReadWrite.All',
  /** Read the signed-in official's own profile (name, address, department). */
  profile: 'https://graph.microsoft.com/User.Read',
  /** Find a Teams meeting's invited participants from its chat (meeting side panel). */
  meetings: 'https://graph.microsoft.com/OnlineMeetings.Read',
  /** Read the meeting chat's online-meeting info (chat id → join URL). */
  chats: 'https://graph.microsoft.com/Chat.ReadBasic',
  /** Fallback for meeting participants: the calendar event's organizer and attendees. */
  calendar: 'https://graph.microsoft.com/Calendars.Read',
  /** Tell a partner's relationship owner in their Teams activity feed that a colleague logged a note (or an item is overdue). */
  teamsActivity: 'https://graph.microsoft.com/TeamsActivity.Send',
} as const;

/** What every official's token is asked for (daily use). */
export const ALL_GRAPH_SCOPES: string[] = Object.values(GRAPH_SCOPES);

/**
 * Asked for only when an administrator runs setup (overview → Inrichting), through MSAL's incremental
 * consent: creating a list, adding a column and updating a column need Sites.Manage.All (delegated)
 * per https://learn.microsoft.com/graph/api/list-create, …/list-post-columns and …/columndefinition-update.
 */
export const SETUP_GRAPH_SCOPES = {
  manageLists: 'https://graph.microsoft.com/Sites.Manage.All',
} as const;

/** The setup token: the official's scopes plus the manage scope (setup also reads /me and the lists). */
export const SETUP_SCOPES: string[] = [...ALL_GRAPH_SCOPES, ...Object.values(SETUP_GRAPH_SCOPES)];

/**
 * Asked for only when a meeting's organizer clicks "Deelnemers uit het aanwezigheidsrapport halen" in the
 * meeting panel, through the same incremental consent as setup: the attendance report of an online meeting
 * needs OnlineMeetingArtifact.Read.All (delegated; least privileged and the only one, "List
 * meetingAttendanceReports", https://learn.microsoft.com/graph/api/meetingattendancereport-list, and "Get
 * meetingAttendanceReport", …/meetingattendancereport-get). It typically needs an administrator's consent, so it is
 * never in an official's daily token.
 */
export const ATTENDANCE_GRAPH_SCOPES = {
  attendanceReports: 'https://graph.microsoft.com/OnlineMeetingArtifact.Read.All',
} as const;

/** The organizer's attendance token: the official's scopes (the chat and online-meeting lookups) plus the report scope. */
export const ATTENDANCE_SCOPES: string[] = [...ALL_GRAPH_SCOPES, ...Object.values(ATTENDANCE_GRAPH_SCOPES)];

/**
 * Asked for only when a manager clicks "Afspraken van mijn medewerkers tonen" in the week ahead, through the same
 * incremental consent: the manager's direct reports need User.ReadBasic.All besides User.Read ("List directReports",
 * https://learn.microsoft.com/graph/api/user-list-directreports: least privileged "User.Read and User.ReadBasic.All"),
 * and a calendar another user shared needs Calendars.Read.Shared ("Get shared or delegated Outlook calendar and its
 * events", https://learn.microsoft.com/graph/outlook-get-shared-events-calendars; Calendars.Read reaches only one's own,
 * and there is no ReadBasic form of it). Both can be consented by the user themself; neither is in the daily token,
 * so an official who is no manager never carries them, and Graph still answers only calendars their owner shared.
 */
export const TEAM_GRAPH_SCOPES = {
  directReports: 'https://graph.microsoft.com/User.ReadBasic.All',
  sharedCalendars: 'https://graph.microsoft.com/Calendars.Read.Shared',
} as const;

/** The manager's team token: the official's scopes plus the two above. */
export const TEAM_SCOPES: string[] = [...ALL_GRAPH_SCOPES, ...Object.values(TEAM_GRAPH_SCOPES)];

/** `https://graph.microsoft.com/Sites.Read.All` → `Sites.Read.All`, the form a token's `scp` claim carries. */
export function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/graph\.microsoft\.com\//, '');
}

/**
 * What a sign-in asks for on top of the official's scopes, by why it is asked (incremental consent):
 * an administrator running setup, a meeting's organizer reading its attendance report, a manager reading the
 * calendars their direct reports shared.
 */
export const CONSENT_SCOPES = { setup: SETUP_SCOPES, attendance: ATTENDANCE_SCOPES, team: TEAM_SCOPES } as const;
export type ConsentPurpose = keyof typeof CONSENT_SCOPES;

export function isConsentPurpose(value: string | null | undefined): value is ConsentPurpose {
  return value != null && Object.prototype.hasOwnProperty.call(CONSENT_SCOPES, value);
}
