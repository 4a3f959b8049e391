import type { Official } from '../../core/model';
import { toMailbox, type Host, type HostItem, type HostTheme } from '../Host';

type Mailbox = Office.Mailbox;

function mailbox(details: Office.EmailAddressDetails | undefined): string | undefined {
  return details?.emailAddress ? toMailbox(details.emailAddress, details.displayName) : undefined;
}

function mailboxes(list: Office.EmailAddressDetails[] | undefined): string[] {
  return (list ?? []).map(mailbox).filter((m): m is string => Boolean(m));
}

/** Relative luminance of a `#rrggbb` colour, to tell a dark Office theme from a light one. */
function isDark(hex: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

/** Reads the selected message or appointment in read mode. */
export function readOutlookItem(item: Office.MessageRead | Office.AppointmentRead | null | undefined): HostItem | undefined {
  if (!item || !item.itemId) return undefined;
  const subject = typeof item.subject === 'string' ? item.subject : '';
  if (item.itemType === Office.MailboxEnums.ItemType.Appointment) {
    const appointment = item as Office.AppointmentRead;
    return {
      kind: 'meeting',
      id: appointment.itemId,
      subject,
      organizer: mailbox(appointment.organizer),
      attendees: [...mailboxes(appointment.requiredAttendees), ...mailboxes(appointment.optionalAttendees)],
      date: appointment.start instanceof Date ? appointment.start.toISOString() : undefined,
    };
  }
  const message = item as Office.MessageRead;
  return {
    kind: 'email',
    id: message.itemId,
    subject,
    from: mailbox(message.from),
    sender: mailbox(message.sender),
    to: mailboxes(message.to),
    cc: mailboxes(message.cc),
    date: message.dateTimeCreated instanceof Date ? message.dateTimeCreated.toISOString() : undefined,
  };
}

/** Outlook through Office.js: the pane follows the selected item when the client sends ItemChanged. */
export class OutlookHost implements Host {
  readonly kind = 'outlook' as const;
  readonly followsItemChanges: boolean;
  private readonly mailbox: Mailbox;

  constructor(private readonly office: typeof Office, private readonly tokenSource: () => Promise<string>) {
    this.mailbox = office.context.mailbox;
    // Pinning needs Mailbox 1.5; without it the pane closes on a new selection, so a refresh button is the honest fallback.
    this.followsItemChanges = office.context.requirements.isSetSupported('Mailbox', '1.5');
  }

  get locale(): string {
    return this.office.context.displayLanguage || 'nl-NL';
  }

  get theme(): HostTheme {
    return isDark(this.office.context.officeTheme?.bodyBackgroundColor) ? 'dark' : 'default';
  }

  onThemeChange(listener: (theme: HostTheme) => void): () => void {
    // Outlook has no theme-change event for mail add-ins; the theme is read once per item.
    void listener;
    return () => undefined;
  }

  async getUser(): Promise<Official> {
    const profile = this.mailbox.userProfile;
    return { email: profile.emailAddress.toLowerCase(), name: profile.displayName };
  }

  async getCurrentItem(): Promise<HostItem | undefined> {
    return readOutlookItem(this.mailbox.item as Office.MessageRead | Office.AppointmentRead | undefined);
  }

  onItemChanged(listener: () => void): () => void {
    if (!this.followsItemChanges) return () => undefined;
    this.mailbox.addHandlerAsync(this.office.EventType.ItemChanged, listener);
    return () => this.mailbox.removeHandlerAsync(this.office.EventType.ItemChanged);
  }

  getAccessToken(): Promise<string> {
    return this.tokenSource();
  }
}
