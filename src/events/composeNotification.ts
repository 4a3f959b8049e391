/**
 * The compose notification: when the recipients (OnMessageRecipientsChanged) or attendees
 * (OnAppointmentAttendeesChanged, both Mailbox 1.11) of the item being written change, Outlook runs
 * this in the event runtime. It reads the recipients, finds the partners among them in the hints the
 * pane left on this device (src/data/composeHintStore.ts), and replaces Partnerzicht's one
 * notification on the item with the line (src/core/composeHint.ts), or removes it when no recipient is
 * a partner any more.
 *
 * Microsoft's rules it follows (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch,
 * …/outlook/notifications, https://learn.microsoft.com/javascript/api/outlook/office.notificationmessages):
 * - it always calls `event.completed()`, once, also when anything fails, and within a few seconds
 *   (Outlook ends a handler after about 300 s); these events never hold up sending;
 * - no UI APIs (dialogs, displayNewMessageForm) and no Graph: it works from the device's hints alone;
 * - an `InsightMessage` (Mailbox 1.10, compose mode on the web and new Outlook) with one action, the
 *   only one Outlook supports: open the task pane of the compose button named by `commandId`; where a
 *   client refuses it, an `InformationalMessage` says the same without the link;
 * - the text is at most 150 characters; `icon` is required (the unified manifest ignores its value).
 */
import { COMPOSE_COMMAND_IDS } from '../config/outlookIds';
import { composeLine, partnersOfRecipients, type ComposeHints } from '../core/composeHint';
import { composeLocale, composeMessages } from '../i18n/composeMessages';

/** Partnerzicht's one notification key on an item: replaced, never added twice. */
export const NOTIFICATION_KEY = 'partnerzichtPartner';
/** Whatever happens, the handler completes within this (ms). */
export const HANDLER_DEADLINE_MS = 5000;

interface AsyncResultLike<T> {
  status: string;
  value: T;
}
type Callback<T> = (result: AsyncResultLike<T>) => void;
interface RecipientsLike {
  getAsync(callback: Callback<Array<{ emailAddress?: string }>>): void;
}
interface NotificationsLike {
  replaceAsync(key: string, details: Record<string, unknown>, callback?: Callback<void>): void;
  removeAsync(key: string, callback?: Callback<void>): void;
}
export interface ComposeItemLike {
  itemType?: unknown;
  to?: RecipientsLike;
  cc?: RecipientsLike;
  bcc?: RecipientsLike;
  requiredAttendees?: RecipientsLike;
  optionalAttendees?: RecipientsLike;
  notificationMessages?: NotificationsLike;
}
/** The part of Office.js the handler uses, so tests can give it office-addin-mock. */
export interface OfficeLike {
  context: {
    displayLanguage?: string;
    mailbox: { item?: ComposeItemLike | null; userProfile?: { emailAddress?: string } };
  };
}
export interface MailboxEventLike {
  completed(options?: unknown): void;
}

export interface HandlerOptions {
  /** The hints of the signed-in official (the entry reads localStorage or roaming settings). */
  hints: (owner: string) => ComposeHints | undefined;
  now?: () => Date;
  /** What the handler did, for the bench and tests. */
  onDone?: (outcome: HandlerOutcome) => void;
}

export type HandlerOutcome = { shown: string; insight: boolean } | { shown: '' } | { failed: string };

function readRecipients(fields: Array<RecipientsLike | undefined>, done: (addresses: string[]) => void): void {
  const present = fields.filter((f): f is RecipientsLike => !!f && typeof f.getAsync === 'function');
  const addresses: string[] = [];
  let waiting = present.length;
  if (waiting === 0) {
    done(addresses);
    return;
  }
  for (const field of present) {
    try {
      field.getAsync((result) => {
        if (result && result.status === 'succeeded' && Array.isArray(result.value)) {
          for (const r of result.value) if (r && r.emailAddress) addresses.push(r.emailAddress);
        }
        waiting -= 1;
        if (waiting === 0) done(addresses);
      });
    } catch {
      waiting -= 1;
      if (waiting === 0) done(addresses);
    }
  }
}

/** Runs once for one launch event; `event.completed()` is called exactly once. */
export function handleRecipientsChanged(office: OfficeLike, event: MailboxEventLike, options: HandlerOptions): void {
  let finished = false;
  const finish = (outcome: HandlerOutcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    try {
      if (options.onDone) options.onDone(outcome);
    } finally {
      event.completed();
    }
  };
  const timer = setTimeout(() => finish({ failed: 'deadline' }), HANDLER_DEADLINE_MS);
  try {
    const mailbox = office.context.mailbox;
    const item = mailbox.item;
    const notifications = item && item.notificationMessages;
    if (!item || !notifications) return finish({ failed: 'no item' });
    const owner = ((mailbox.userProfile && mailbox.userProfile.emailAddress) || '').toLowerCase();
    const hints = owner ? options.hints(owner) : undefined;
    const appointment = String(item.itemType) === 'appointment';
    const fields = appointment ? [item.requiredAttendees, item.optionalAttendees] : [item.to, item.cc, item.bcc];
    readRecipients(fields, (addresses) => {
      try {
        const partners = hints ? partnersOfRecipients(addresses, hints) : [];
        if (partners.length === 0) {
          notifications.removeAsync(NOTIFICATION_KEY, () => finish({ shown: '' }));
          return;
        }
        const locale = composeLocale(office.context.displayLanguage);
        const message = composeLine(partners, locale, options.now ? options.now() : new Date());
        const insight = {
          type: 'insightMessage',
          message,
          icon: 'Icon.16x16',
          actions: [
            {
              actionType: 'showTaskPane',
              actionText: composeMessages[locale].open,
              commandId: appointment ? COMPOSE_COMMAND_IDS.appointment : COMPOSE_COMMAND_IDS.message,
              contextData: JSON.stringify({ partnerId: partners[0].id }),
            },
          ],
        };
        notifications.replaceAsync(NOTIFICATION_KEY, insight, (result) => {
          if (result && result.status === 'succeeded') return finish({ shown: message, insight: true });
          // A client that refuses the insight type or its action still shows the line.
          notifications.replaceAsync(NOTIFICATION_KEY, { type: 'informationalMessage', message, icon: 'Icon.16x16', persistent: false }, (fallback) =>
            finish(fallback && fallback.status === 'succeeded' ? { shown: message, insight: false } : { failed: 'notification refused' }),
          );
        });
      } catch (error) {
        finish({ failed: String(error) });
      }
    });
  } catch (error) {
    finish({ failed: String(error) });
  }
}
