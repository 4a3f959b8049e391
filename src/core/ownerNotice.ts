/**
 * "The owner kept informed": when a colleague from another department logs a note about a partner, or one of
 * the partner's agenda items is overdue, its relationship owner is told (a Teams activity-feed notification,
 * sent from the colleague's own client: src/data/ownerNotifier.ts). Pure: which notices, for whom, with
 * which words; nothing about Graph or Teams here.
 *
 * Owners choose per partner (`Partner.ownerNotify`): each note, a daily digest, or nothing. With no server of
 * ours, a digest is "at most one notice per partner per day": the first qualifying note of the day is told
 * (as "new contacts today"), later ones that day are not; the owner sees them all on the partner page and in
 * their overview's "nieuw sinds je laatste bezoek". Whether a note is the day's first is derived from the
 * notes the sender's client just read, so nothing shared has to be written to keep count.
 */
import { calendarDay } from './calendarDay';
import { isOverdue } from './agenda';
import type { AgendaItem, Interaction, Partner, PartnerContext } from './model';
import { countsAsContact } from './notes';

export const OWNER_NOTIFY_CHOICES = ['each', 'digest', 'none'] as const;
export type OwnerNotifyChoice = (typeof OWNER_NOTIFY_CHOICES)[number];
/** A partner whose owner never chose: each note, as the issue names first (the owner can lower it on the partner page). */
export const DEFAULT_OWNER_NOTIFY: OwnerNotifyChoice = 'each';

export function ownerNotifyChoice(partner: Pick<Partner, 'ownerNotify'>): OwnerNotifyChoice {
  return partner.ownerNotify && (OWNER_NOTIFY_CHOICES as readonly string[]).includes(partner.ownerNotify) ? partner.ownerNotify : DEFAULT_OWNER_NOTIFY;
}

export type OwnerNotice =
  | {
      kind: 'note';
      partnerId: string;
      partnerName: string;
      ownerEmail: string;
      authorName: string;
      department: string;
      /** The note's title, only for a note that is not confidential: a confidential one never travels in a notice. */
      title?: string;
      confidential: boolean;
      /** A daily-digest notice ("new contacts today"), one per partner and day. */
      digest: boolean;
      /** The calendar day the notice is about (yyyy-mm-dd), for the digest's chain. */
      day: string;
    }
  | { kind: 'overdue'; partnerId: string; partnerName: string; ownerEmail: string; agendaItemId: string; topic: string; dueDate: string };

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The owner's department as their own notes on this partner say (the most recent one); undefined when they logged none. */
export function ownerDepartment(context: PartnerContext): string | undefined {
  const own = context.interactions.filter((i) => same(i.authorEmail, context.partner.ownerEmail) && i.department);
  own.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return own[0]?.department;
}

/** A note the owner hears of: a colleague's (not the owner's own), from another department than the owner's when that is known. */
function fromAnotherDepartment(context: PartnerContext, note: Interaction, ownDepartment: string | undefined): boolean {
  if (same(note.authorEmail, context.partner.ownerEmail)) return false;
  return !ownDepartment || !same(note.department, ownDepartment);
}

/**
 * The notice for a note just saved, or undefined when the owner is not to be told: no owner, the owner's own
 * note, their own department's, a correction or withdrawal (only new notes are told), the owner chose nothing,
 * or (digest) a colleague's note was already told today. `context` is read after the save, so it holds the note.
 */
export function noticeForNote(context: PartnerContext, note: Interaction, now: Date, timeZone?: string): OwnerNotice | undefined {
  const { partner } = context;
  if (!partner.ownerEmail || note.edited || note.withdrawn) return undefined;
  const choice = ownerNotifyChoice(partner);
  if (choice === 'none') return undefined;
  const ownDepartment = ownerDepartment(context);
  if (!fromAnotherDepartment(context, note, ownDepartment)) return undefined;
  const day = calendarDay(note.loggedAt ?? now, timeZone);
  if (choice === 'digest') {
    const isThis = (i: Interaction) => i.id === note.id || i.clientId === note.clientId;
    // SharePoint keeps creation times to the second: within one second the lower item id was created first.
    const loggedFirst = (i: Interaction) =>
      !!i.loggedAt && calendarDay(i.loggedAt, timeZone) === day && (!note.loggedAt || i.loggedAt < note.loggedAt || (i.loggedAt === note.loggedAt && Number(i.id) < Number(note.id)));
    const toldAlready = context.interactions.some((i) => !isThis(i) && countsAsContact(i) && loggedFirst(i) && fromAnotherDepartment(context, i, ownDepartment));
    if (toldAlready) return undefined;
  }
  return {
    kind: 'note',
    partnerId: partner.id,
    partnerName: partner.name,
    ownerEmail: partner.ownerEmail,
    authorName: note.authorName,
    department: note.department,
    ...(note.confidential ? {} : { title: note.title }),
    confidential: note.confidential,
    digest: choice === 'digest',
    day,
  };
}

/**
 * Notices for the partner's agenda items that are overdue, when an official other than the owner sees them (their
 * client sends; `alreadyTold` is that device's memory of items it told before). The owner's choice counts here too:
 * nothing means nothing.
 */
export function noticesForOverdue(context: PartnerContext, viewer: string, now: Date, alreadyTold: (agendaItemId: string) => boolean, timeZone?: string): OwnerNotice[] {
  const { partner } = context;
  if (!partner.ownerEmail || same(viewer, partner.ownerEmail) || ownerNotifyChoice(partner) === 'none') return [];
  return context.agenda
    .filter((a): a is AgendaItem & { dueDate: string } => isOverdue(a, now, timeZone) && !!a.dueDate && !alreadyTold(a.id))
    .map((a) => ({ kind: 'overdue', partnerId: partner.id, partnerName: partner.name, ownerEmail: partner.ownerEmail!, agendaItemId: a.id, topic: a.topic, dueDate: a.dueDate }));
}
