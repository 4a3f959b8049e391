/**
 * The PartnerLookup keys a message's participants ask for, without the public suffix list (issue 19).
 *
 * A participant meets a partner's lookup row through its normalised address or through the registrable
 * domain of its host (lookupKeys.ts). Working out that registrable domain needs tldts (~270 KB of
 * script, tens of milliseconds to evaluate at 4x CPU), which held back the cold pane's lookup request.
 * The registrable domain of a host is always one of the host's parent suffixes of two labels or more
 * (`mail.airbnb.co.uk` → `mail.airbnb.co.uk`, `airbnb.co.uk`, `co.uk`), so asking for every such suffix
 * asks for a superset of the keys: the candidates found are a superset of the exact ones (a row's key is
 * a partner's registrable domain, so a suffix that is none finds nothing), and detection over them, with
 * tldts loaded meanwhile, gives the same result (tests/core/detection/lookup.test.ts). The stored rows
 * keep their keys: only the question is wider.
 *
 * No import here may reach tldts (registerDomain.ts): the pane's first reads load this module before it.
 */
import { isIpv4Like } from './host';
import { normalizeAddress, scanMailboxes } from './mailbox';
import type { DetectionMessage } from './types';

/** A meeting with the whole organisation invited is still one meeting; beyond this we stop reading. */
export const MAX_PARTICIPANTS = 2000;

/** The host and each of its parents of two labels or more; none for an IPv4 address (it has no registrable domain). */
export function hostSuffixKeys(host: string, add: (key: string) => void): void {
  if (isIpv4Like(host)) return;
  for (let start = 0; ; ) {
    const dot = host.indexOf('.', start);
    if (dot < 0) return;
    add(start === 0 ? host : host.slice(start));
    start = dot + 1;
  }
}

/** Each participant of a message (as many as detection reads) as a normalised address. */
export function eachParticipant(message: DetectionMessage, take: (participant: NonNullable<ReturnType<typeof normalizeAddress>>) => void): void {
  let budget = MAX_PARTICIPANTS;
  const scan = (raw: string) => {
    if (budget-- <= 0) return;
    const normal = normalizeAddress(raw);
    if (normal) take(normal);
  };
  const m: Partial<DetectionMessage> = message !== null && typeof message === 'object' ? message : {};
  for (const value of [m.from, m.sender, m.organizer, m.to, m.cc, m.attendees]) {
    for (const v of typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : []) if (typeof v === 'string') scanMailboxes(v, scan);
  }
}

/**
 * The keys of a message's participants, sorted, each once: each address and every parent suffix of its
 * host (see above), a superset of the addresses and registrable domains.
 */
export function messageLookupKeys(message: DetectionMessage): string[] {
  const keys = new Set<string>();
  const add = (key: string) => keys.add(key);
  eachParticipant(message, (participant) => {
    keys.add(participant.address);
    hostSuffixKeys(participant.host, add);
  });
  return [...keys].sort();
}
