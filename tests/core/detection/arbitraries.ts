/** Random registers, settings and messages for the detection property tests (shared by its suites). */
import fc from 'fast-check';
import { normalizeRegisterDomain, type DetectablePartner, type DetectionMessage, type DetectionSettings } from '../../../src/core/detection';

// Small pools, so generated registers and messages collide: shared domains, sub-domains of listed
// domains, contacts on partner domains, names in subjects.
export const LABELS = ['umc', 'zorg', 'portaal', 'research', 'mail', 'bücher', 'utrecht', 'x'];
export const SUFFIXES = ['nl', 'de', 'co.uk', 'com'];
export const FREE = ['gmail.com', 'ziggo.nl', 'hotmail.com', 'kpnmail.nl', 'xs4all.nl'];
export const INTERNAL = 'utrecht.nl';
export const NAMES = ['Portaal', 'Mitros', 'UMC Utrecht', 'Cordaän', 'Stichting Zorg', 'Bo-Ex', 'AZ', 'Zorg'];
export const LOCALS = ['jan', 'piet', 'info', 'Anne.de.Vries', 'noreply'];

export const domainArb = fc
  .tuple(fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }), fc.constantFrom(...SUFFIXES))
  .map(([labels, suffix]) => `${labels.join('.')}.${suffix}`);
export const registerDomainArb = fc.oneof(
  domainArb,
  domainArb.map((d) => `https://www.${d}/`),
  domainArb.map((d) => `@${d.toUpperCase()}`),
  fc.constantFrom('co.uk', 'nl', '', 'gmail.com', 'wijk.utrecht.nl', '1.2.3.4'),
);
export const contactArb = fc.tuple(fc.constantFrom(...LOCALS), fc.oneof(domainArb, fc.constantFrom(...FREE))).map(([l, d]) => `${l}@${d}`);

export const partnersArb: fc.Arbitrary<DetectablePartner[]> = fc
  .array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      aliases: fc.array(fc.constantFrom(...NAMES, 'PO', 'Stichting Portaal'), { maxLength: 2 }),
      domains: fc.array(registerDomainArb, { maxLength: 3 }),
      contacts: fc.array(contactArb, { maxLength: 3 }),
    }),
    { maxLength: 8 },
  )
  .map((ps) => ps.map((p, i) => ({ id: `p${i}`, ...p })));

export const settingsArb: fc.Arbitrary<DetectionSettings> = fc.record({
  internalDomains: fc.constant([INTERNAL]),
  ignoredAddresses: fc.array(fc.oneof(contactArb, domainArb.map((d) => `@${d}`)), { maxLength: 2 }),
});

/**
 * A register with messages drawn partly from it: its contacts (in other case and with display
 * names), addresses on its domains and their sub-domains, internal, free-mail and random hosts.
 */
export function scenarioArb(): fc.Arbitrary<{ partners: DetectablePartner[]; settings: DetectionSettings; message: DetectionMessage }> {
  return fc.tuple(partnersArb, settingsArb).chain(([partners, settings]) => {
    const contacts = partners.flatMap((p) => p.contacts);
    const domains = partners.flatMap((p) => p.domains).flatMap((d) => {
      const n = normalizeRegisterDomain(d);
      return n.ok ? [n.domain] : [];
    });
    const hostArb = fc.oneof(
      domainArb,
      domainArb.map((d) => `mail.${d}`),
      fc.constantFrom(...FREE, INTERNAL, `wijk.${INTERNAL}`),
      ...(domains.length ? [fc.constantFrom(...domains), fc.constantFrom(...domains).map((d) => `sub.${d}`)] : []),
    );
    const addressArb = fc.oneof(
      fc.tuple(fc.constantFrom(...LOCALS), hostArb).map(([l, h]) => `${l}@${h}`),
      ...(contacts.length ? [fc.constantFrom(...contacts), fc.constantFrom(...contacts).map((c) => ` ${c.toUpperCase()} `)] : []),
    );
    const participantArb: fc.Arbitrary<string> = fc.oneof(
      { weight: 6, arbitrary: addressArb },
      { weight: 2, arbitrary: addressArb.map((a) => `Jan de Vries <${a.trim()}>`) },
      { weight: 1, arbitrary: addressArb.map((a) => `"Vries, Anne de" <${a.trim()}>`) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    );
    const subjectArb = fc.oneof(
      fc.constant(''),
      fc.array(fc.constantFrom(...NAMES, 'overleg', 'PO', 'Cordaan', 'portaalsite', 'stichting'), { maxLength: 6 }).map((w) => w.join(' ')),
      fc.string({ maxLength: 40 }),
    );
    const messageArb: fc.Arbitrary<DetectionMessage> = fc.oneof(
      fc.record({
        kind: fc.constant('email' as const),
        from: participantArb,
        to: fc.array(participantArb, { maxLength: 6 }),
        cc: fc.array(participantArb, { maxLength: 6 }),
        subject: subjectArb,
      }),
      fc.record({
        kind: fc.constant('meeting' as const),
        organizer: participantArb,
        attendees: fc.array(participantArb, { maxLength: 8 }),
        subject: subjectArb,
      }),
    );
    return messageArb.map((message) => ({ partners, settings, message }));
  });
}

