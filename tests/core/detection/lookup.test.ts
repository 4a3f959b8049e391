/**
 * Issue 19: detection from a lookup keyed by address and registrable domain gives the same participant
 * matches as the whole register, on random registers (shared domains, sub-domains, contacts on partner
 * and free-mail domains, internal domains, problems) and messages drawn partly from them, also when
 * partners were added or changed after a snapshot of the lookup, as long as the lookup was kept in
 * step with each change (which the repository does on every write of domains or contacts).
 */
import fc from 'fast-check';
import { buildPartnerIndex, detectByLookup, detectPartners, messageLookupKeys, partnerLookupKeys, participantMatches, type DetectablePartner, type DetectionResult } from '../../../src/core/detection';
import { partnersArb, scenarioArb } from './arbitraries';

/** The lookup as the PartnerLookup list holds it: one row per key and partner. */
function lookupRows(partners: DetectablePartner[]): Set<string> {
  return new Set(partners.flatMap((p) => partnerLookupKeys(p).map((k) => `${k} ${p.id}`)));
}

/** The candidates a lookup answers for a message: the partners of rows whose key the message has, as the register holds them now. */
function candidates(rows: Set<string>, register: DetectablePartner[], keys: string[]): DetectablePartner[] {
  const wanted = new Set(keys);
  const ids = new Set([...rows].filter((r) => wanted.has(r.slice(0, r.indexOf(' ')))).map((r) => r.slice(r.indexOf(' ') + 1)));
  return register.filter((p) => ids.has(p.id));
}

const strip = (r: DetectionResult) => JSON.parse(JSON.stringify(r)) as unknown;

describe('detection by lookup', () => {
  test('the lookup path finds exactly the participant matches of the full register', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(fc.nat(), { maxLength: 8 }), ({ partners, settings, message }, order) => {
        const full = participantMatches(detectPartners(buildPartnerIndex(partners, settings), message));
        // The lookup answers in no particular order.
        const found = candidates(lookupRows(partners), partners, messageLookupKeys(message)).sort((a, b) => (order[Number(a.id.slice(1))] ?? 0) - (order[Number(b.id.slice(1))] ?? 0));
        expect(strip(detectByLookup(found, settings, message))).toEqual(strip(full));
        // And never more than the partners that share a key: a pane reads only those.
        expect(found.length).toBeLessThanOrEqual(partners.length);
      }),
      { numRuns: 1500 },
    );
  });

  test('partners added or changed since: a lookup kept in step with each change equals one built anew, and detects alike', () => {
    fc.assert(
      fc.property(scenarioArb(), partnersArb, fc.array(fc.boolean(), { maxLength: 8 }), ({ partners, settings, message }, changes, removed) => {
        // Start from the first register's lookup, then apply each change as the repository does: add the
        // partner's new keys, remove the keys it no longer has (a removed partner keeps no rows).
        const rows = lookupRows(partners);
        const now = new Map(partners.map((p) => [p.id, p]));
        for (const [n, change] of changes.entries()) {
          const id = n % 2 === 0 ? `p${n}` : `new${n}`;
          const before = now.get(id);
          const after = removed[n] ? undefined : { ...change, id };
          for (const k of before ? partnerLookupKeys(before) : []) rows.delete(`${k} ${id}`);
          for (const k of after ? partnerLookupKeys(after) : []) rows.add(`${k} ${id}`);
          if (after) now.set(id, after);
          else now.delete(id);
        }
        const register = [...now.values()];
        expect([...rows].sort()).toEqual([...lookupRows(register)].sort());
        const full = participantMatches(detectPartners(buildPartnerIndex(register, settings), message));
        expect(strip(detectByLookup(candidates(rows, register, messageLookupKeys(message)), settings, message))).toEqual(strip(full));
      }),
      { numRuns: 800 },
    );
  });

  test('keys: registrable domains and normalised addresses', () => {
    expect(partnerLookupKeys({ domains: ['https://www.Zorg.Rijnland.nl/', 'co.uk', 'bücher.de'], contacts: ['Jan <J.Jansen@Rijnland.NL>', 'kapot'] })).toEqual(['j.jansen@rijnland.nl', 'rijnland.nl', 'xn--bcher-kva.de']);
    expect(messageLookupKeys({ kind: 'email', from: 'Piet <piet@mail.zorg.rijnland.nl>', to: ['anna@gmail.com'], cc: ['x@co.uk'], subject: 'Rijnland' })).toEqual(['anna@gmail.com', 'gmail.com', 'piet@mail.zorg.rijnland.nl', 'rijnland.nl', 'x@co.uk']);
  });
});
