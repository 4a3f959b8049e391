import type { Official } from '../core/model';

/** Teams' theme names; Office and the browser map onto them. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** The email or meeting the official has open, as the host describes it. */
export interface HostItem {
  kind: 'email' | 'meeting';
  /** Stable id used to remember choices and to log the item once (Outlook item id, Teams meeting id). */
  id: string;
  subject: string;
  /** RFC 5322 mailbox strings, e.g. `"Dijk, Henk van" <h@x.nl>`. */
  from?: string;
  sender?: string;
  to?: string[];
  cc?: string[];
  organizer?: string;
  attendees?: string[];
  /** When the email arrived or the meeting starts (ISO). */
  date?: string;
  /** A link back to the item, stored with the note instead of its content. */
  link?: string;
}

export interface Host {
  readonly kind: 'outlook' | 'teams' | 'browser';
  /** BCP 47 locale the host displays in. */
  readonly locale: string;
  readonly theme: HostTheme;
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  getUser(): Promise<Official>;
  getCurrentItem(): Promise<HostItem | undefined>;
  /** Whether the host tells us when the selected item changes; when not, the UI shows a refresh button. */
  readonly followsItemChanges: boolean;
  onItemChanged(listener: () => void): () => void;
  /** A delegated Microsoft Graph token for the signed-in official. */
  getAccessToken(): Promise<string>;
}

/** Formats a display name and address as an RFC 5322 mailbox, quoting the name when needed. */
export function toMailbox(address: string, displayName?: string): string {
  const name = (displayName ?? '').trim();
  if (!name || name.toLowerCase() === address.toLowerCase()) return address;
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>`;
}
