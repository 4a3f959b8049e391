import fc from 'fast-check';
import {
  buildPartnerIndex,
  detectPartners,
  normalizeRegisterDomain,
  parseMailbox,
  parseMailboxList,
  registrableDomain,
  type DetectablePartner,
  type DetectionMessage,
  type DetectionResult,
  type DetectionSettings,
} from '../../../src/core/detection';
import { naiveDetect, naiveRegister } from './naiveReference';
import { contactArb, domainArb, FREE, INTERNAL, LOCALS, NAMES, partnersArb, scenarioArb, settingsArb } from './arbitraries';

/** Everything but display names, which legitimately come from whichever duplicate was read first. */
const shape = (r: DetectionResult): unknown => ({
  unknownDomains: r.unknownDomains,
  matches: r.matches.map((m) => ({
    id: m.partnerId,
    lead: m.isSenderOrOrganizer,
    strength: m.strength,
    terms: [...m.subjectTerms].sort(),
    participants: m.participants.map((p) => [p.address, p.role, p.via, p.domain ?? '', Boolean(p.automated)]),
  })),
});
const ranking = (r: DetectionResult): string[] => r.matches.map((m) => m.partnerId);

const shuffled = <T>(xs: T[], keys: number[]): T[] =>
  xs.map((x, i) => [x, keys[i % Math.max(keys.length, 1)] ?? 0, i] as const).sort((a, b) => a[1] - b[1] || a[2] - b[2]).map((t) => t[0]);

describe('detection properties', () => {
  it('never throws, whatever the register and message', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (partners, settings, message) => {
        const index = buildPartnerIndex(partners as DetectablePartner[], settings as DetectionSettings);
        const r = detectPartners(index, message as DetectionMessage);
        expect(Array.isArray(r.matches) && Array.isArray(r.unknownDomains)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(partnersArb, settingsArb, fc.dictionary(fc.constantFrom('from', 'sender', 'to', 'cc', 'organizer', 'attendees', 'subject'), fc.oneof(fc.string(), fc.array(fc.string({ unit: 'binary' })), fc.anything())), (p, s, m) => {
        detectPartners(buildPartnerIndex(p, s), { kind: 'email', ...m } as DetectionMessage);
      }),
      { numRuns: 300 },
    );
  });

  it('parsing and normalising never throw on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        parseMailbox(s);
        parseMailboxList(s);
        normalizeRegisterDomain(s);
        registrableDomain(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('attributes a participant to at most one partner, except partners sharing that domain or contact', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ partners, settings, message }) => {
        const index = buildPartnerIndex(partners, settings);
        const byAddress = new Map<string, { partner: number; via: string; domain?: string }[]>();
        for (const m of detectPartners(index, message).matches) {
          const partner = index.partners.findIndex((p) => p.id === m.partnerId);
          for (const e of m.participants) {
            byAddress.set(e.address, [...(byAddress.get(e.address) ?? []), { partner, via: e.via, domain: e.domain }]);
          }
        }
        for (const [address, hits] of byAddress) {
          if (hits.length === 1) continue;
          const [first] = hits;
          expect(hits.every((h) => h.via === first.via && h.domain === first.domain)).toBe(true);
          for (const h of hits) {
            if (first.via === 'contact') expect(index.contacts.get(address)).toContain(h.partner);
            else expect(index.domains.get(first.domain!)).toContain(h.partner);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('adding an internal or free-mail participant never changes the ranking', () => {
    const extraArb = fc
      .tuple(fc.constantFrom(INTERNAL, `wijk.${INTERNAL}`, ...FREE), fc.nat(1000), fc.boolean())
      .map(([host, n, named]) => (named ? `Extra ${n} <extra${n}@${host}>` : `extra${n}@${host}`));
    fc.assert(
      fc.property(scenarioArb(), extraArb, fc.nat(10), ({ partners, settings, message }, extra, at) => {
        const index = buildPartnerIndex(partners, settings);
        const before = detectPartners(index, message);
        const add = (xs: string[] | undefined): string[] => {
          const list = [...(xs ?? [])];
          list.splice(at % (list.length + 1), 0, extra);
          return list;
        };
        const after = detectPartners(
          index,
          message.kind === 'email' ? { ...message, cc: add(message.cc) } : { ...message, attendees: add(message.attendees) },
        );
        expect(ranking(after)).toEqual(ranking(before));
        expect(after.unknownDomains).toEqual(before.unknownDomains);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of to and cc', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(fc.nat(), { minLength: 1 }), ({ partners, settings, message }, keys) => {
        const index = buildPartnerIndex(partners, settings);
        const reordered: DetectionMessage = {
          ...message,
          to: message.to && shuffled(message.to, keys),
          cc: message.cc && shuffled(message.cc, [...keys].reverse()),
          attendees: message.attendees && shuffled(message.attendees, keys),
        };
        expect(shape(detectPartners(index, reordered))).toEqual(shape(detectPartners(index, message)));
      }),
      { numRuns: 500 },
    );
  });

  it('generates scenarios that exercise contacts, shared domains and subjects', () => {
    const seen = { contact: 0, domain: 0, shared: 0, subject: 0, unknown: 0 };
    fc.assert(
      fc.property(scenarioArb(), ({ partners, settings, message }) => {
        const r = detectPartners(buildPartnerIndex(partners, settings), message);
        const all = r.matches.flatMap((m) => m.participants);
        if (all.some((p) => p.via === 'contact')) seen.contact++;
        if (all.some((p) => p.via === 'domain')) seen.domain++;
        if (new Set(all.map((p) => p.address)).size < all.length) seen.shared++;
        if (r.matches.some((m) => m.strength === 'subject')) seen.subject++;
        if (r.unknownDomains.length) seen.unknown++;
      }),
      { numRuns: 500 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(10);
  });

  it('agrees with the naive scan of every partner for every participant', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ partners, settings, message }) => {
        const fast = detectPartners(buildPartnerIndex(partners, settings), message);
        const naive = naiveDetect(naiveRegister(partners, settings), message);
        expect(shape(fast)).toEqual(shape(naive));
      }),
      { numRuns: 1000 },
    );
  });
});
