/**
 * Detection without the register (issue 19). A partner is found by a participant only through one of
 * two keys: the participant's normalised address (a named contact) or a host on one of the partner's
 * domains, which always has the same registrable domain as that partner domain. So the partners whose
 * keys ({@link partnerLookupKeys}) meet the keys of a message's participants ({@link messageLookupKeys}:
 * their addresses and every parent suffix of their hosts, a superset of their registrable domains)
 * are all the partners the full register could match on a participant, and every partner that could
 * decide a participant's match otherwise (a named contact wins over a domain): detection over those
 * candidates alone gives the same participant matches as over the whole register
 * (tests/core/detection/lookup.test.ts). Keys hold an `@` exactly when they are addresses.
 *
 * Subject-only matches need every partner's names: they come from the register once it has arrived.
 */
import { detectPartners } from './detectPartners';
import { parseMailbox, plainAddress } from './mailbox';
import { buildPartnerIndex } from './partnerIndex';
import { domainOrProblem, isDomainProblem, registrableOfAsciiHost } from './registerDomain';
import type { DetectablePartner, DetectionMessage, DetectionResult, DetectionSettings } from './types';

// The message side asks for a superset of the keys without the public suffix list (messageKeys.ts).
export { messageLookupKeys } from './messageKeys';

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

/** The participant matches only (a subject-only match needs the whole register). */
export function participantMatches(result: DetectionResult): DetectionResult {
  return { matches: result.matches.filter((m) => m.strength === 'participant'), unknownDomains: result.unknownDomains };
}

/**
 * The partners whose lookup rows, as a cold open found them for one item (`candidates`), are out of step
 * with the register read after it: a candidate the register no longer holds, or holds with other
 * detection columns, and a partner the register matches on a participant (`matched`: its ids, from
 * detection over the register) that the rows did not name. The app keeps the rows in step with its own
 * partner writes; a change made elsewhere (SharePoint's list view, a flow, another Graph client) leaves
 * them out of step until setup's repair, or until a pane that saw the difference has them rewritten.
 */
export function lookupOutOfStep(candidates: readonly DetectablePartner[], register: readonly DetectablePartner[], matched: readonly string[]): string[] {
  const byId = new Map(register.map((p) => [p.id, p]));
  const out = new Set<string>();
  for (const candidate of candidates) {
    const current = byId.get(candidate.id);
    if (!current || !sameDetectionColumns(candidate, current)) out.add(candidate.id);
  }
  const found = new Set(candidates.map((c) => c.id));
  for (const id of matched) if (!found.has(id)) out.add(id);
  return [...out].sort();
}

function sameDetectionColumns(a: DetectablePartner, b: DetectablePartner): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.name === b.name && same(a.aliases, b.aliases) && same(a.domains, b.domains) && same(a.contacts, b.contacts);
}

/** Detection over the candidates a lookup found: the full register's participant matches. */
export function detectByLookup(candidates: DetectablePartner[], settings: DetectionSettings, message: DetectionMessage): DetectionResult {
  return participantMatches(detectPartners(buildPartnerIndex(candidates, settings), message));
}
