import type { Interaction, Official } from './model';

/**
 * Who an official is, for "is this mine?" and for keys kept per official. The one place that decides
 * it: today the address the host reports (case and spaces aside), later the Graph user id.
 */
export function officialKey(official: Pick<Official, 'email'>): string {
  return official.email.trim().toLowerCase();
}

export function isSameOfficial(a: Pick<Official, 'email'>, b: Pick<Official, 'email'>): boolean {
  return officialKey(a) === officialKey(b);
}

/** Whether this official wrote the note (only its author corrects or withdraws it). */
export function isAuthor(interaction: Pick<Interaction, 'authorEmail'>, official: Pick<Official, 'email'> | undefined): boolean {
  return official !== undefined && isSameOfficial({ email: interaction.authorEmail }, official);
}
