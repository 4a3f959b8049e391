import { OUTLOOK_REQUIREMENTS } from '../../config/appIdentity';
import type { Official } from '../../core/model';
import type { GraphAuthProvider } from '../auth/msalTokenSource';
import { toMailbox, type Host, type HostCapabilities, type HostItem, type HostTheme, type NewMessage, type NewMessageResult, type TagResult } from '../Host';
import { isClassicOutlookOnWindows, saveHintsToRoaming } from './composeHintsRoaming';
import { officeAsync } from './officeAsync';
import { outlookCapabilities, supportsMailbox } from './outlookCapabilities';
import { partnerCategoryName, readLoggedLink, storeLoggedLink, tagOutlookItem } from './outlookTagging';

type Mailbox = Office.Mailbox;
type AnyItem = Office.MessageRead | Office.AppointmentRead | Office.AppointmentCompose | Office.MessageCompose;

function mailbox(details: Office.EmailAddressDetails | undefined): string | undefined {
  return details?.emailAddress ? toMailbox(details.emailAddress, details.displayName) : undefined;
}

function mailboxes(list: Office.EmailAddressDetails[] | undefined): string[] {
  return (Array.isArray(list) ? list : []).map(mailbox).filter((m): m is string => Boolean(m));
}

/** Relative luminance of a `#rrggbb` colour, to tell a dark Office theme from a light one. */
function isDark(hex: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * In compose mode (the organizer surface) `subject`, `organizer` and the attendee lists are objects
 * with `getAsync` instead of values; read mode has plain values.
 */
function isCompose(item: AnyItem): item is Office.AppointmentCompose | Office.MessageCompose {
  const subject = (item as { subject?: unknown }).subject;
  return typeof subject === 'object' && subject !== null && typeof (subject as { getAsync?: unknown }).getAsync === 'function';
}

/** Reads the selected message or appointment in read mode. `ItemType` is compared by its run-time string value. */
export function readOutlookItem(item: Office.MessageRead | Office.AppointmentRead | null | undefined): HostItem | undefined {
  if (!item || !item.itemId) return undefined;
  const subject = typeof item.subject === 'string' ? item.subject : '';
  const ids = { id: item.itemId, conversationId: nonEmpty((item as { conversationId?: unknown }).conversationId) };
  if (String(item.itemType) === 'appointment') {
    const appointment = item as Office.AppointmentRead;
    return {
      kind: 'meeting',
      ...ids,
      subject,
      organizer: mailbox(appointment.organizer),
      attendees: [...mailboxes(appointment.requiredAttendees), ...mailboxes(appointment.optionalAttendees)],
      date: appointment.start instanceof Date ? appointment.start.toISOString() : undefined,
    };
  }
  const message = item as Office.MessageRead;
  return {
    kind: 'email',
    ...ids,
    // Only read-mode messages that have been sent have one; recently sent items may lack it.
    internetMessageId: nonEmpty(message.internetMessageId),
    subject,
    from: mailbox(message.from),
    sender: mailbox(message.sender),
    to: mailboxes(message.to),
    cc: mailboxes(message.cc),
    date: message.dateTimeCreated instanceof Date ? message.dateTimeCreated.toISOString() : undefined,
  };
}

/** Id of an item being composed: Mailbox 1.8 `getItemIdAsync`, which fails until the item is saved. */
async function composeItemId(item: Office.AppointmentCompose | Office.MessageCompose): Promise<string | undefined> {
  if (typeof item.getItemIdAsync !== 'function') return undefined;
  try {
    return nonEmpty(await officeAsync<string>((cb) => item.getItemIdAsync(cb)));
  } catch {
    return undefined;
  }
}

const optional = <T>(get: ((cb: (r: Office.AsyncResult<T>) => void) => void) | undefined): Promise<T | undefined> =>
  get ? officeAsync<T>(get).catch(() => undefined) : Promise.resolve(undefined);

/**
 * Reads the message the official is writing: subject and recipients through `getAsync` (compose mode,
 * https://learn.microsoft.com/office/dev/add-ins/outlook/get-set-or-add-recipients); `from` is Mailbox
 * 1.7. A new draft has no id until it is saved.
 */
export async function readComposeMessage(item: Office.MessageCompose): Promise<HostItem> {
  const [subject, from, to, cc, bcc, id] = await Promise.all([
    optional<string>((cb) => item.subject.getAsync(cb)),
    optional<Office.EmailAddressDetails>(item.from ? (cb) => item.from.getAsync(cb) : undefined),
    optional<Office.EmailAddressDetails[]>(item.to ? (cb) => item.to.getAsync(cb) : undefined),
    optional<Office.EmailAddressDetails[]>(item.cc ? (cb) => item.cc.getAsync(cb) : undefined),
    optional<Office.EmailAddressDetails[]>(item.bcc ? (cb) => item.bcc.getAsync(cb) : undefined),
    composeItemId(item),
  ]);
  return {
    kind: 'email',
    id: id ?? '',
    compose: true,
    subject: subject ?? '',
    from: mailbox(from),
    // Bcc recipients are the official's own choice of partners too; they are never stored with a note.
    to: [...mailboxes(to), ...mailboxes(bcc)],
    cc: mailboxes(cc),
  };
}

/** Reads the appointment the organizer is editing (compose mode; every field is asynchronous). */
export async function readComposeAppointment(item: Office.AppointmentCompose): Promise<HostItem> {
  const [subject, organizer, required, optionalAttendees, start, id] = await Promise.all([
    optional<string>((cb) => item.subject.getAsync(cb)),
    // `organizer` in compose mode is Mailbox 1.7; older clients leave it undefined.
    optional<Office.EmailAddressDetails>(item.organizer ? (cb) => item.organizer.getAsync(cb) : undefined),
    optional<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
    optional<Office.EmailAddressDetails[]>(item.optionalAttendees ? (cb) => item.optionalAttendees.getAsync(cb) : undefined),
    optional<Date>(item.start ? (cb) => item.start.getAsync(cb) : undefined),
    composeItemId(item),
  ]);
  return {
    kind: 'meeting',
    // A new, unsaved meeting has no id yet; the pane can still show the partner but not remember choices.
    id: id ?? '',
    compose: true,
    subject: subject ?? '',
    organizer: mailbox(organizer),
    attendees: [...mailboxes(required), ...mailboxes(optionalAttendees)],
    date: start instanceof Date ? start.toISOString() : undefined,
  };
}

/** The owner of a shared or delegated mailbox the item is in (Mailbox 1.8); undefined for the official's own items. */
async function sharedMailboxOwner(item: Office.MessageRead): Promise<string | undefined> {
  if (typeof item.getSharedPropertiesAsync !== 'function') return undefined;
  try {
    const shared = await officeAsync<Office.SharedProperties>((cb) => item.getSharedPropertiesAsync(cb));
    return nonEmpty(shared?.owner)?.toLowerCase();
  } catch {
    return undefined; // not in a shared folder
  }
}

export interface OutlookHostOptions {
  /** Prefix of partner categories (`Partner: ` → `Partner: Portaal`). */
  categoryPrefix?: string;
}

/** Outlook through Office.js: the pane follows the selected item when the client sends ItemChanged. */
export class OutlookHost implements Host {
  readonly kind = 'outlook' as const;
  readonly followsItemChanges: boolean;
  private readonly mailbox: Mailbox;
  private canCreateCategories = true;
  /** The theme Outlook last reported through OfficeThemeChanged; until then `officeTheme` as loaded. */
  private reportedTheme?: Office.OfficeTheme;

  constructor(
    private readonly office: typeof Office,
    private readonly auth: GraphAuthProvider | (() => Promise<string>),
    private readonly options: OutlookHostOptions = {},
  ) {
    this.mailbox = office.context.mailbox;
    // Pinning needs Mailbox 1.5; without it the pane closes on a new selection, so a refresh button is the honest fallback.
    this.followsItemChanges = supportsMailbox(office, OUTLOOK_REQUIREMENTS.pinning);
  }

  get locale(): string {
    return this.office.context.displayLanguage || 'nl-NL';
  }

  get theme(): HostTheme {
    const officeTheme = this.reportedTheme ?? this.office.context.officeTheme;
    return isDark(officeTheme?.bodyBackgroundColor) ? 'dark' : 'default';
  }

  /** Recomputed on each read: `createCategories` turns false once the mailbox refused a new master category. */
  get capabilities(): HostCapabilities {
    return outlookCapabilities(this.office, this.canCreateCategories);
  }

  /**
   * Follows Outlook's theme where the client sends OfficeThemeChanged (Mailbox 1.14, task panes only:
   * https://learn.microsoft.com/javascript/api/office/office.eventtype); older clients keep the
   * theme the pane opened with.
   */
  onThemeChange(listener: (theme: HostTheme) => void): () => void {
    const type = this.office.EventType.OfficeThemeChanged;
    if (!type || !supportsMailbox(this.office, OUTLOOK_REQUIREMENTS.themeChanged)) return () => undefined;
    let active = true;
    this.mailbox.addHandlerAsync(type, (event: Office.OfficeThemeChangedEventArgs) => {
      if (!event?.officeTheme) return;
      this.reportedTheme = event.officeTheme;
      if (active) listener(this.theme);
    });
    return () => {
      active = false;
      this.mailbox.removeHandlerAsync(type);
    };
  }

  async getUser(): Promise<Official> {
    // Always the signed-in official, also when the item is in a shared mailbox.
    const profile = this.mailbox.userProfile;
    return { email: profile.emailAddress.toLowerCase(), name: profile.displayName };
  }

  async getCurrentItem(): Promise<HostItem | undefined> {
    const item = this.mailbox.item as AnyItem | null | undefined;
    if (!item) return undefined;
    if (isCompose(item)) return String(item.itemType) === 'appointment' ? readComposeAppointment(item as Office.AppointmentCompose) : readComposeMessage(item as Office.MessageCompose);
    const read = readOutlookItem(item as Office.MessageRead | Office.AppointmentRead);
    const owner = read ? await sharedMailboxOwner(item as Office.MessageRead) : undefined;
    return read && owner ? { ...read, mailboxOwner: owner } : read;
  }

  onItemChanged(listener: () => void): () => void {
    if (!this.followsItemChanges) return () => undefined;
    this.mailbox.addHandlerAsync(this.office.EventType.ItemChanged, listener);
    return () => this.mailbox.removeHandlerAsync(this.office.EventType.ItemChanged);
  }

  getAccessToken(): Promise<string> {
    return typeof this.auth === 'function' ? this.auth() : this.auth.getAccessToken();
  }

  signIn(): Promise<void> {
    return typeof this.auth === 'function' ? Promise.resolve() : this.auth.signIn();
  }

  async tagItem(partnerName: string): Promise<TagResult> {
    const capabilities = this.capabilities;
    const item = this.mailbox.item as (AnyItem & { categories?: Office.Categories }) | null | undefined;
    if (!capabilities.tagging || !item?.categories) return { status: 'unsupported', missing: capabilities.missing.length ? capabilities.missing : ['Mailbox 1.8'] };
    const compose = isCompose(item);
    // https://learn.microsoft.com/javascript/api/outlook/office.categories: "In Outlook on the web and
    // new Outlook on Windows, you can't use the API to manage categories applied to a message or
    // appointment item in Compose mode." The custom property (markLogged) still marks the item.
    if (compose && this.isWebBased()) return { status: 'not-in-compose' };
    const category = partnerCategoryName(this.options.categoryPrefix ?? 'Partner: ', partnerName);
    const owner = compose ? undefined : await sharedMailboxOwner(item as Office.MessageRead);
    const { permissionDenied, ...result } = await tagOutlookItem(this.mailbox, { categories: item.categories }, category, owner);
    // Only the official's own mailbox refusing says something about this add-in's permission.
    if (permissionDenied && !owner) this.canCreateCategories = false;
    return result;
  }

  /** Outlook on the web and new Outlook on Windows (both report the platform OfficeOnline). */
  private isWebBased(): boolean {
    const hostName = this.mailbox.diagnostics?.hostName;
    return hostName === 'OutlookWebApp' || hostName === 'newOutlookWindows' || String(this.office.context.diagnostics?.platform) === 'OfficeOnline';
  }

  keepComposeHints(json: string): void {
    if (isClassicOutlookOnWindows(this.office)) saveHintsToRoaming(this.office, json);
  }

  async markLogged(link: string): Promise<void> {
    const item = this.mailbox.item as AnyItem | null | undefined;
    if (!item || !this.capabilities.loggedMarker) return;
    await storeLoggedLink(item, link);
  }

  async readLoggedLink(): Promise<string | undefined> {
    const item = this.mailbox.item as AnyItem | null | undefined;
    if (!item || !this.capabilities.loggedMarker) return undefined;
    return readLoggedLink(item).catch(() => undefined);
  }

  /**
   * The feedback request: `Office.context.mailbox.displayNewMessageForm({ toRecipients, subject, htmlBody })`
   * (https://learn.microsoft.com/javascript/api/outlook/office.messageform: Mailbox 1.6, read item, read
   * mode; at most 100 recipients, a subject of 255 characters, a body of 32 KB; an exceeded limit throws).
   * The official sends it from Outlook's own form; nothing is sent by Partnerzicht.
   */
  newMessage(message: NewMessage): NewMessageResult {
    const item = this.mailbox.item as AnyItem | null | undefined;
    if (!supportsMailbox(this.office, OUTLOOK_REQUIREMENTS.newMessageForm)) return { status: 'unsupported', missing: [`Mailbox ${OUTLOOK_REQUIREMENTS.newMessageForm}`] };
    // Documented for read mode only: while composing, the official is already writing an email.
    if (item && isCompose(item)) return { status: 'unsupported', missing: ['read mode'] };
    try {
      this.mailbox.displayNewMessageForm({ toRecipients: message.to.slice(0, 100), subject: message.subject.slice(0, 255), htmlBody: message.htmlBody });
      return { status: 'opened' };
    } catch {
      return { status: 'unsupported', missing: [`Mailbox ${OUTLOOK_REQUIREMENTS.newMessageForm}`] };
    }
  }

  /**
   * The open email's body as text: `item.body.getAsync(Office.CoercionType.Text, callback)` (Mailbox 1.3
   * in read mode, https://learn.microsoft.com/office/dev/add-ins/outlook/insert-data-in-the-body; "get the
   * body of a message or appointment in both read and compose modes"). Without `bodyMode` Outlook on the
   * web returns the whole conversation thread, which the reply parser reads past (it stops at reply headers).
   */
  async readItemBody(): Promise<string | undefined> {
    const item = this.mailbox.item as (AnyItem & { body?: Office.Body }) | null | undefined;
    if (!item?.body || isCompose(item)) return undefined;
    return officeAsync<string>((cb) => item.body!.getAsync(this.office.CoercionType.Text, cb)).catch(() => undefined);
  }
}
