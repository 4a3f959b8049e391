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
import { isValidAsciiHostAt } from './host';
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

/**
 * The partners of a register whose lookup keys may be among `keys` (an item's messageLookupKeys): every
 * partner whose keys are, and perhaps a few more, which detection sorts out. What a pane with the register
 * on the device detects with before its first render, instead of indexing every partner (at 50,000
 * partners most of a warm open). Without working out every partner's keys: a contact that is already a
 * plain address is its own key, and a domain that is already a lower-case host has its key (its registrable
 * domain) among its parent suffixes, which are looked up as they are; anything else gets its exact keys.
 */
export function candidatesForKeys<P extends DetectablePartner>(partners: readonly P[], keys: readonly string[]): P[] {
  // An item has a handful of keys and the register many thousands of strings: each string is compared with
  // the keys in place (no hashing of every string into a Set, no copy of every parent suffix).
  const wanted = new Set(keys);
  const addresses = keys.filter((k) => k.includes('@'));
  const domains = keys.filter((k) => !k.includes('@'));
  return partners.filter((p) => p && typeof p === 'object' && mayMeet(p, wanted, addresses, domains));
}

function mayMeet(partner: DetectablePartner, wanted: ReadonlySet<string>, addresses: readonly string[], domains: readonly string[]): boolean {
  for (const contact of Array.isArray(partner.contacts) ? partner.contacts : []) {
    if (typeof contact !== 'string') continue;
    if (addresses.includes(contact)) return true;
    if (plainAddress(contact) === undefined && partnerLookupKeys({ domains: [], contacts: [contact] }).some((k) => wanted.has(k))) return true;
  }
  for (const domain of Array.isArray(partner.domains) ? partner.domains : []) {
    if (typeof domain !== 'string') continue;
    if (isValidAsciiHostAt(domain, 0, domain.length)) {
      if (domains.some((key) => isSuffixAtLabel(domain, key))) return true;
    } else if (partnerLookupKeys({ domains: [domain], contacts: [] }).some((k) => wanted.has(k))) return true;
  }
  return false;
}

/** `key` is `host` or one of its parents (`mail.x.nl` → `x.nl`, not `ail.x.nl`). */
function isSuffixAtLabel(host: string, key: string): boolean {
  return host.endsWith(key) && (host.length === key.length || host.charCodeAt(host.length - key.length - 1) === 46 /* . */);
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
