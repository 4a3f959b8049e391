/**
 * No-reply and mailing-list senders. They still show which partner a message came from, but they are
 * not someone to link a new domain for, so they never produce an unknown domain.
 *
 * The word may stand anywhere in the local part as a word of its own, between separators (`-+_.=`),
 * followed by digits: `noreply`, `no_reply`, `do.not.reply`, `verhuur-noreply`, `noreply2`,
 * `calendar-notification`. Not inside another word: `bouncer@`, `postmasters@` are people's or teams'.
 */
const SEP = '[-_.]?';
const AUTOMATED_WORD =
  `(?:no${SEP}reply|do${SEP}not${SEP}reply|mailer${SEP}daemon|postmaster|bounces?|nieuwsbrief|newsletter|mailing|notifications?|notificaties?|geen${SEP}antwoord|niet${SEP}beantwoorden|listserv|majordomo)`;
const WORD_IN_LOCAL_PART = `(?:[^@]*[-+_.=])?${AUTOMATED_WORD}\\d*(?:[-+_.=][^@]*)?`;
const AUTOMATED_LOCAL_PART = new RegExp(`^${WORD_IN_LOCAL_PART}$`);
/**
 * The same test on a whole normalised `local@host`, so no copy of the local part is needed: `[^@]`
 * keeps the word in the local part, and `@[^@]*$` anchors on the last `@`.
 */
const AUTOMATED_ADDRESS = new RegExp(`^${WORD_IN_LOCAL_PART}@[^@]*$`);

/** `local` is the lower-case part before the `@`. */
export function isAutomatedLocalPart(local: string): boolean {
  return AUTOMATED_LOCAL_PART.test(local);
}

/**
 * `isAutomatedLocalPart` for a normalised address `local@host`, without copying the local part:
 * detection asks this for every matching participant.
 */
export function isAutomatedAddress(address: string): boolean {
  return AUTOMATED_ADDRESS.test(address);
}
