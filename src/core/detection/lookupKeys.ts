/**
 * Detection without the register (issue 19). A partner is found by a participant only through one of
 * two keys: the participant's normalised address (a named contact) or a host on one of the partner's
 * domains, which always has the same registrable domain as that partner domain. So the partners whose
 * keys ({@link partnerLookupKeys}) meet the keys of a message's participants ({@link messageLookupKeys})
 * are all the partners the full register could match on a participant, and every partner that could
 * decide a participant's match otherwise (a named contact wins over a domain): detection over those
 * candidates alone gives the same participant matches as over the whole register
 * (tests/core/detection/lookup.test.ts). Keys hold an `@` exactly when they are addresses.
 *
 * Subject-only matches need every partner's names: they come from the register once it has arrived.
 */
import { detectPartners, MAX_PARTICIPANTS } from './detectPartners';
import { normalizeAddress, parseMailbox, plainAddress, scanMailboxes } from './mailbox';
import { buildPartnerIndex } from './partnerIndex';
import { domainOrProblem, isDomainProblem, registrableOfAsciiHost } from './registerDomain';
import type { DetectablePartner, DetectionMessage, DetectionResult, DetectionSettings } from './types';

/** The lookup keys of one partner: the registrable domain of each of its domains, each contact address. */
export function partnerLookupKeys(partner: Pick<DetectablePartner, 'domains' | 'contacts'>): string[] {
  const keys = new Set<string>();
  for (const value of Array.isArray(partner.domains) ? partner.domains : []) {
    if (typeof value !== 'string') continue;
    const domain = domainOrProblem(value);
    if (!isDomainProblem(domain)) keys.add(registrableOfAsciiHost(domain) ?? domain);
  }
  for (const value of Array.isArray(partner.contacts) ? partner.contacts : []) {
    if (typeof value !== 'string') continue;
    const address = plainAddress(value) ?? parseMailbox(value)?.address;
    if (address) keys.add(address);
  }
  return [...keys].sort();
}

/** The keys of a message's participants (as many as detection reads), sorted, each once. */
export function messageLookupKeys(message: DetectionMessage): string[] {
  const keys = new Set<string>();
  let budget = MAX_PARTICIPANTS;
  const take = (raw: string) => {
    if (budget-- <= 0) return;
    const normal = normalizeAddress(raw);
    if (!normal) return;
    keys.add(normal.address);
    const registrable = registrableOfAsciiHost(normal.host);
    if (registrable) keys.add(registrable);
  };
  const m: Partial<DetectionMessage> = message !== null && typeof message === 'object' ? message : {};
  for (const value of [m.from, m.sender, m.organizer, m.to, m.cc, m.attendees]) {
    for (const v of typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : []) if (typeof v === 'string') scanMailboxes(v, take);
  }
  return [...keys].sort();
}

/** The participant matches only (a subject-only match needs the whole register). */
export function participantMatches(result: DetectionResult): DetectionResult {
  return { matches: result.matches.filter((m) => m.strength === 'participant'), unknownDomains: result.unknownDomains };
}

/** Detection over the candidates a lookup found: the full register's participant matches. */
export function detectByLookup(candidates: DetectablePartner[], settings: DetectionSettings, message: DetectionMessage): DetectionResult {
  return participantMatches(detectPartners(buildPartnerIndex(candidates, settings), message));
}
