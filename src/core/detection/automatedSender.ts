/**
 * No-reply and mailing-list senders. They still show which partner a message came from, but they are
 * not someone to link a new domain for, so they never produce an unknown domain.
 */
const AUTOMATED_LOCAL_PART =
  /^(?:no-?reply|do-?not-?reply|donotreply|noreply|mailer-daemon|postmaster|bounces?|nieuwsbrief|newsletter|mailing|notifications?|notificaties?|geen-?antwoord|niet-?beantwoorden|listserv|majordomo)(?:[-+_.=].*)?$/;

/** `local` is the lower-case part before the `@`. */
export function isAutomatedLocalPart(local: string): boolean {
  // Every pattern starts with one of these letters; most people's addresses are rejected here.
  const c = local.charCodeAt(0);
  if (c !== 98 && c !== 100 && c !== 103 && c !== 108 && c !== 109 && c !== 110 && c !== 112) return false;
  return AUTOMATED_LOCAL_PART.test(local);
}
