/**
 * Issue 19: detection from a lookup keyed by address and registrable domain gives the same participant
 * matches as the whole register, on random registers (shared domains, sub-domains, contacts on partner
 * and free-mail domains, internal domains, problems) and messages drawn partly from them, also when
 * partners were added or changed after a snapshot of the lookup, as long as the lookup was kept in
 * step with each change (which the repository does on every write of domains or contacts).
 *
 * The message side asks for every parent suffix of a participant's host (messageKeys.ts, so the request
 * needs no public suffix list): a superset of its registrable domain, checked here on hosts under
 * ICANN, private, wildcard and unlisted suffixes, and the candidates of those keys detect alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildPartnerIndex, candidatesForKeys, detectByLookup, detectPartners, lookupOutOfStep, messageLookupKeys, partnerLookupKeys, participantMatches, type DetectablePartner, type DetectionMessage, type DetectionResult } from '../../../src/core/detection';
import { eachParticipant, hostSuffixKeys } from '../../../src/core/detection/messageKeys';
import { registrableOfAsciiHost } from '../../../src/core/detection/registerDomain';
import { partnersArb, scenarioArb } from './arbitraries';

/** The exact keys of a message (what the lookup rows can hold): each address and its host's registrable domain. */
function exactKeys(message: DetectionMessage): Set<string> {
  const keys = new Set<string>();
  eachParticipant(message, (participant) => {
    keys.add(participant.address);
    const registrable = registrableOfAsciiHost(participant.host);
    if (registrable) keys.add(registrable);
  });
  return keys;
}

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

  test('changed elsewhere (the rows not kept in step): the pane names the partners out of step, and once their rows are rewritten the lookup detects as the register does', () => {
    // Rows as the list holds them: each carries the detection columns of its partner as last written.
    const written = (partners: DetectablePartner[]) => new Map(partners.flatMap((p) => partnerLookupKeys(p).map((k) => [`${k} ${p.id}`, p] as const)));
    // What the pane reads for its keys: each partner once, with the columns of its first row (candidatesFromRows).
    const read = (rows: Map<string, DetectablePartner>, keys: string[]) => {
      const wanted = new Set(keys);
      const byId = new Map<string, DetectablePartner>();
      for (const [row, p] of rows) if (wanted.has(row.slice(0, row.indexOf(' '))) && !byId.has(p.id)) byId.set(p.id, p);
      return [...byId.values()];
    };
    fc.assert(
      fc.property(scenarioArb(), partnersArb, fc.array(fc.boolean(), { maxLength: 8 }), ({ partners, settings, message }, changes, removed) => {
        const rows = written(partners);
        const keys = messageLookupKeys(message);
        const matchedIn = (register: DetectablePartner[]) => participantMatches(detectPartners(buildPartnerIndex(register, settings), message)).matches.map((m) => m.partnerId);
        // In step: nothing to do.
        expect(lookupOutOfStep(read(rows, keys), partners, matchedIn(partners))).toEqual([]);
        // Partners added, changed and removed by another client: the register changes, the rows do not.
        const now = new Map(partners.map((p) => [p.id, p]));
        for (const [n, change] of changes.entries()) {
          const id = n % 2 === 0 ? `p${n}` : `new${n}`;
          if (removed[n]) now.delete(id);
          else now.set(id, { ...change, id });
        }
        const register = [...now.values()];
        const matched = matchedIn(register);
        const out = lookupOutOfStep(read(rows, keys), register, matched);
        // The repository rewrites the rows of each partner named from the Partners list as it now is.
        for (const id of out) {
          for (const row of [...rows.keys()]) if (row.endsWith(` ${id}`)) rows.delete(row);
          const current = now.get(id);
          for (const k of current ? partnerLookupKeys(current) : []) rows.set(`${k} ${id}`, current!);
        }
        const healed = read(rows, keys);
        expect(strip(detectByLookup(healed, settings, message))).toEqual(strip(participantMatches(detectPartners(buildPartnerIndex(register, settings), message))));
        expect(lookupOutOfStep(healed, register, matched)).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  test('the register on the device: the partners candidatesForKeys picks hold every partner whose keys meet the item\'s, and detect as the whole register does', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(fc.boolean(), { maxLength: 8 }), ({ partners, settings, message }, kept) => {
        const keys = messageLookupKeys(message);
        const picked = candidatesForKeys(partners, keys);
        const exact = candidates(lookupRows(partners), partners, keys);
        for (const p of exact) expect(picked).toContain(p);
        const full = strip(participantMatches(detectPartners(buildPartnerIndex(partners, settings), message)));
        expect(strip(detectByLookup(picked, settings, message))).toEqual(full);
        // From part of the register (the device's key buckets: those partners and some others) alike.
        const part = partners.filter((p, n) => exact.includes(p) || kept[n]);
        expect(strip(detectByLookup(candidatesForKeys(part, keys), settings, message))).toEqual(full);
      }),
      { numRuns: 1500 },
    );
    // Register entries as typed: a URL, upper case, an IDN domain, a named contact; each found by its key.
    const typed = [
      { id: 'a', name: 'A', aliases: [], domains: ['https://www.Zorg.Rijnland.nl/'], contacts: [] },
      { id: 'b', name: 'B', aliases: [], domains: ['bücher.de'], contacts: [] },
      { id: 'c', name: 'C', aliases: [], domains: [], contacts: ['Jan <J.Jansen@Eemland.NL>'] },
      { id: 'd', name: 'D', aliases: [], domains: ['elders.nl'], contacts: ['piet@elders.nl'] },
    ];
    expect(candidatesForKeys(typed, messageLookupKeys({ kind: 'email', from: 'x@mail.rijnland.nl', to: ['y@xn--bcher-kva.de', 'j.jansen@eemland.nl'], subject: '' })).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  test('keys: registrable domains and normalised addresses; a message asks for every parent suffix of its hosts', () => {
    expect(partnerLookupKeys({ domains: ['https://www.Zorg.Rijnland.nl/', 'co.uk', 'bücher.de'], contacts: ['Jan <J.Jansen@Rijnland.NL>', 'kapot'] })).toEqual(['j.jansen@rijnland.nl', 'rijnland.nl', 'xn--bcher-kva.de']);
    expect(messageLookupKeys({ kind: 'email', from: 'Piet <piet@mail.zorg.rijnland.nl>', to: ['anna@gmail.com'], cc: ['x@co.uk', 'ip@10.0.0.1'], subject: 'Rijnland' })).toEqual([
      'anna@gmail.com', 'co.uk', 'gmail.com', 'ip@10.0.0.1', 'mail.zorg.rijnland.nl', 'piet@mail.zorg.rijnland.nl', 'rijnland.nl', 'x@co.uk', 'zorg.rijnland.nl',
    ]);
  });

  test("a host's suffix keys hold its registrable domain, under ICANN, private, wildcard and unlisted suffixes", () => {
    const suffixes = ['nl', 'co.uk', 'github.io', 'blogspot.com', 'onmicrosoft.com', 'mail.onmicrosoft.com', 'azurewebsites.net', 'kawasaki.jp', 'city.kawasaki.jp', 'ck', 'www.ck', 'intranet', 'com.au', 's3.amazonaws.com'];
    const hostArb = fc.tuple(fc.array(fc.constantFrom('a', 'mail', 'www', 'city', 'x-1', 'xn--bcher-kva'), { maxLength: 4 }), fc.constantFrom(...suffixes)).map(([labels, suffix]) => [...labels, suffix].join('.'));
    fc.assert(
      fc.property(hostArb, (host) => {
        const keys: string[] = [];
        hostSuffixKeys(host, (k) => keys.push(k));
        expect(keys.every((k) => k.includes('.') && (k === host || host.endsWith(`.${k}`)))).toBe(true);
        const registrable = registrableOfAsciiHost(host);
        if (registrable) expect(keys).toContain(registrable);
      }),
      { numRuns: 2000 },
    );
  });

  test('the keys asked for hold every exact key, and their candidates detect as the exact keys\' do', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ partners, settings, message }) => {
        const asked = new Set(messageLookupKeys(message));
        const exact = exactKeys(message);
        for (const k of exact) expect(asked).toContain(k);
        const rows = lookupRows(partners);
        const wide = candidates(rows, partners, [...asked]);
        const narrow = candidates(rows, partners, [...exact]);
        for (const p of narrow) expect(wide).toContain(p);
        expect(strip(detectByLookup(wide, settings, message))).toEqual(strip(detectByLookup(narrow, settings, message)));
      }),
      { numRuns: 1000 },
    );
  });

  test('the keys of a message are worked out without the public suffix list (the pane asks before tldts has loaded)', () => {
    // Static imports and re-exports only (`import type` and `import()` do not load a module with this one).
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const source = fs.readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^(?:import|export) (?!type )[^;]*?from '([^']+)'/gms)) {
        expect(`${path.relative(process.cwd(), file)} imports ${spec}`).not.toMatch(/tldts|registerDomain/);
        if (spec.startsWith('.')) visit(['.ts', '.tsx', '/index.ts'].map((ext) => path.resolve(path.dirname(file), spec) + ext).find((f) => fs.existsSync(f))!);
      }
    };
    visit(path.resolve(__dirname, '../../../src/core/detection/messageKeys.ts'));
    visit(path.resolve(__dirname, '../../../src/ui/pane/paneReads.ts'));
    expect(reached.size).toBeGreaterThan(3);
  });
});
