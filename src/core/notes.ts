/**
 * Rules about logged notes: who may correct or withdraw one, whether it still counts as a contact,
 * and who logged a given email or meeting.
 */
import type { Interaction, NoteMark, Official } from './model';
import { compareCodeUnits } from './compareCodeUnits';
import { isAuthor } from './official';

export const WITHDRAW_REASON_MAX = 1000;

/** Who did something now; to the second, as SharePoint stores dates (so a resent write compares equal). */
export function noteMark(official: Official, now: Date): NoteMark {
  return { at: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(), byName: official.name, byEmail: official.email };
}

/** A confidential note whose text this reader cannot see (only its author reads ConfidentialNotes). */
export function contentHidden(interaction: Interaction): boolean {
  return interaction.confidential && !interaction.summary && !interaction.followUps && !interaction.review?.goesWell && !interaction.review?.couldImprove;
}

/** Its author corrects it while it stands, and only with its text in hand (never overwriting text they could not read). */
export function mayEdit(interaction: Interaction, official: Official | undefined): boolean {
  return isAuthor(interaction, official) && !interaction.withdrawn && !contentHidden(interaction);
}

export function mayWithdraw(interaction: Interaction, official: Official | undefined): boolean {
  return isAuthor(interaction, official) && !interaction.withdrawn;
}

/** A withdrawn note stays on record but is no contact: not in the partner's last contact, count or review. */
export function countsAsContact(interaction: Pick<Interaction, 'withdrawn'>): boolean {
  return !interaction.withdrawn;
}

export function validateWithdrawal(reason: string): { problem: 'required' | 'too-long'; max?: number } | undefined {
  if (!reason.trim()) return { problem: 'required' };
  if (reason.length > WITHDRAW_REASON_MAX) return { problem: 'too-long', max: WITHDRAW_REASON_MAX };
  return undefined;
}

export function withdrawnInteraction(interaction: Interaction, reason: string, by: Official, now: Date): Interaction {
  return { ...interaction, withdrawn: { ...noteMark(by, now), reason: reason.trim() } };
}

/**
 * The notes logged for one email or meeting, as this official sees them: their own (the latest, if
 * they logged it more than once) and their colleagues', oldest first. Withdrawn notes are left out.
 */
export function loggedForItem(notes: Interaction[], official: Official | undefined): { mine?: Interaction; others: Interaction[] } {
  const standing = notes.filter(countsAsContact).sort((a, b) => compareCodeUnits(a.loggedAt ?? '', b.loggedAt ?? ''));
  const mine = standing.filter((n) => isAuthor(n, official));
  return { mine: mine[mine.length - 1], others: standing.filter((n) => !isAuthor(n, official)) };
}
