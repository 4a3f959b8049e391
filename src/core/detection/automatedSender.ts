/**
 * No-reply and mailing-list senders. They still show which partner a message came from, but they are
 * not someone to link a new domain for, so they never produce an unknown domain.
 */
const AUTOMATED_WORD =
  '(?:no-?reply|do-?not-?reply|donotreply|noreply|mailer-daemon|postmaster|bounces?|nieuwsbrief|newsletter|mailing|notifications?|notificaties?|geen-?antwoord|niet-?beantwoorden|listserv|majordomo)';
const AUTOMATED_LOCAL_PART = new RegExp(`^${AUTOMATED_WORD}(?:[-+_.=].*)?$`);
/**
 * The same test on a whole normalised `local@host`, so no copy of the local part is needed:
 * `@[^@]*$` anchors on the last `@`, as `lastIndexOf` did, and neither a normalised local part nor
 * its host holds a line break, so `.*` stops exactly where it stopped at the end of the local part.
 */
const AUTOMATED_ADDRESS = new RegExp(`^${AUTOMATED_WORD}(?:[-+_.=].*)?@[^@]*$`);

/** Every pattern starts with one of these letters (b d g l m n p); most people's addresses do not. */
function mayBeAutomated(first: number): boolean {
  return first === 98 || first === 100 || first === 103 || first === 108 || first === 109 || first === 110 || first === 112;
}

/** `local` is the lower-case part before the `@`. */
export function isAutomatedLocalPart(local: string): boolean {
  return mayBeAutomated(local.charCodeAt(0)) && AUTOMATED_LOCAL_PART.test(local);
}

/**
 * `isAutomatedLocalPart` for a normalised address `local@host`, without copying the local part:
 * detection asks this for every matching participant.
 */
export function isAutomatedAddress(address: string): boolean {
  return mayBeAutomated(address.charCodeAt(0)) && AUTOMATED_ADDRESS.test(address);
}
