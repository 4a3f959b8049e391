import { fittedKey } from '../core/fieldLimits';
import type { Official } from '../core/model';
import type { MeetingAttendanceResult } from './meeting/meetingAttendance';

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
  /** Outlook: the thread the message belongs to. */
  conversationId?: string;
  /** Outlook: the RFC 5322 Message-ID, stable across mailboxes (read-mode messages only). */
  internetMessageId?: string;
  /** Outlook: the shared or delegated mailbox the item is in, when it is not the official's own. */
  mailboxOwner?: string;
  /** Teams: why the meeting's participants could not be read (the UI says so instead of showing none). */
  participantsUnavailable?: 'not-allowed' | 'not-found';
  /** Teams: the meeting chat's id (what Graph's `/chats/{id}` takes); the demo host gives its meeting samples one too. */
  chatId?: string;
  /** Outlook: the item is being composed (a message being written, an appointment's organizer); ids may be missing until it is saved. */
  compose?: boolean;
}

/**
 * What a note logged from this item refers to: the email's Message-ID where it has one, which is the
 * same in every official's mailbox (Outlook item ids are per mailbox), else the host's item id. Stored
 * in a single-line text column: a longer one (RFC 5322 sets no length for a Message-ID, and an item id
 * in a shared mailbox can pass 255) is kept as its beginning and a hash, the same for every official.
 */
export function sourceRefOf(item: HostItem): string {
  return fittedKey(item.internetMessageId ?? item.id);
}

/** Every reference a note on this item may carry (notes logged before Message-IDs were used carry the item id). */
export function itemSourceRefs(item: HostItem): string[] {
  return [...new Set([sourceRefOf(item), fittedKey(item.id)].filter(Boolean))];
}

/** What the host can do here, so the UI can say what is missing instead of failing. */
export interface HostCapabilities {
  /** Tag the item with the partner's category. */
  tagging: boolean;
  /** Add a missing partner category to the mailbox's master list (else only existing categories are used). */
  createCategories: boolean;
  /** Remember "already logged" on the item itself. */
  loggedMarker: boolean;
  /** Requirement sets the client lacks, e.g. `Mailbox 1.8`, for the UI to name. */
  missing: string[];
}

/** The outcome of tagging an item with its partner category. */
export type TagResult =
  | { status: 'tagged'; category: string; createdCategory: boolean }
  | { status: 'already-tagged'; category: string }
  /** The category does not exist and this add-in may not create it (read/write item permission). */
  | { status: 'category-missing'; category: string }
  /** The item is in a shared or delegated mailbox whose master list lacks the category; add-ins may read that list, not extend it. */
  | { status: 'shared-category-missing'; category: string; mailbox: string }
  /** Outlook on the web and new Outlook cannot set categories on an item being composed; the custom property still marks it. */
  | { status: 'not-in-compose' }
  | { status: 'unsupported'; missing: string[] };

/** A new email the official sends themself (the feedback request, core/partnerFeedback.ts). */
export interface NewMessage {
  to: string[];
  subject: string;
  htmlBody: string;
  /** The same body as plain text, for hosts that show rather than open it (the demo). */
  text: string;
}

/** Whether the host opened the new-message form; where it cannot, what the client lacks. */
export type NewMessageResult = { status: 'opened' } | { status: 'unsupported'; missing: string[] };

/** A second sign-in for other scopes: silent token, or `signIn()` from a user gesture (consent). */
export interface SetupAccess {
  getAccessToken(): Promise<string>;
  signIn(): Promise<void>;
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
  /**
   * A delegated Microsoft Graph token for the signed-in official, obtained silently; rejects with
   * `SignInRequiredError` (src/hosts/auth) when the official must click "sign in" first.
   */
  getAccessToken(): Promise<string>;
  /** Interactive sign-in; call only from a user gesture (it may open a popup). Rejects with `SignInError`. */
  signIn?(): Promise<void>;
  /**
   * Graph access for an administrator running setup: tokens with SETUP_SCOPES (src/config/scopes.ts,
   * Sites.Manage.All besides the official's scopes), asked for by incremental consent only here, so
   * officials' tokens keep the smaller set. Undefined where the host cannot ask for more scopes.
   */
  setupAccess?(): SetupAccess | undefined;
  /**
   * Graph access for a manager's week ahead of their direct reports: tokens with TEAM_SCOPES (User.ReadBasic.All and
   * Calendars.Read.Shared besides the official's), asked for by incremental consent only from the manager's click.
   * Undefined where the host cannot ask for more scopes.
   */
  teamAccess?(): SetupAccess | undefined;
  /**
   * Teams meetings: who attended the current meeting, from its attendance report (hosts/meeting/meetingAttendance.ts).
   * Call from a click: it may ask the organizer for the OnlineMeetingArtifact.Read.All consent (incremental, only
   * here). Undefined where the host has no Teams meeting.
   */
  readMeetingAttendance?(): Promise<MeetingAttendanceResult>;
  /** What this host supports; absent means everything the interface promises. */
  readonly capabilities?: HostCapabilities;
  /** Tags the current item with the partner's category (Outlook). */
  tagItem?(partnerName: string): Promise<TagResult>;
  /** Stores the link to the logged interaction on the current item (Outlook custom properties). */
  markLogged?(link: string): Promise<void>;
  /** The link stored by `markLogged`, to show "already logged". */
  readLoggedLink?(): Promise<string | undefined>;
  /**
   * Keeps the compose hints where this host's event runtime can read them besides localStorage
   * (Outlook: the roaming settings on classic Outlook on Windows, src/hosts/outlook/composeHintsRoaming.ts).
   */
  keepComposeHints?(json: string): void;
  /**
   * Opens a new email form prefilled with recipients, subject and body, for the official to send
   * (Outlook: `mailbox.displayNewMessageForm`, Mailbox 1.6, read mode). Undefined where there is no mailbox (Teams).
   */
  newMessage?(message: NewMessage): NewMessageResult;
  /**
   * The current email's body as plain text (Outlook: `item.body.getAsync('text')`), read only when the
   * official asks for it (logging a partner's reply); undefined where it cannot be read.
   */
  readItemBody?(): Promise<string | undefined>;
}

/** Formats a display name and address as an RFC 5322 mailbox, quoting the name when needed. */
export function toMailbox(address: string, displayName?: string): string {
  const name = (displayName ?? '').trim();
  if (!name || name.toLowerCase() === address.toLowerCase()) return address;
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>`;
}
