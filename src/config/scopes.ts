/**
 * The delegated Microsoft Graph permissions the app asks for; the README's permission table
 * lists the same set with the reason for each.
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
} as const;

export const ALL_GRAPH_SCOPES: string[] = Object.values(GRAPH_SCOPES);
