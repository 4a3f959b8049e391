import {
  buildPartnerIndex,
  detectPartners,
  type DetectablePartner,
  type DetectionMessage,
  type DetectionSettings,
} from '../../../src/core/detection';

const settings: DetectionSettings = {
  internalDomains: ['utrecht.nl'],
  ignoredAddresses: ['nieuwsbrief@portaal.nl', '@mailchimp.com'],
};
const partner = (id: string, name: string, domains: string[], contacts: string[] = [], aliases: string[] = []): DetectablePartner => ({
  id,
  name,
  aliases,
  domains,
  contacts,
});
const register: DetectablePartner[] = [
  partner('portaal', 'Portaal', ['portaal.nl'], ['henk@gmail.com'], ['Stichting Portaal', 'PO']),
  partner('mitros', 'Mitros', ['mitros.nl']),
  partner('bo-ex', 'Bo-Ex', ['bo-ex.nl']),
  partner('umcu', 'UMC Utrecht', ['umcutrecht.nl'], [], ['UMCU']),
  partner('julius', 'Julius Centrum', ['research.umcutrecht.nl']),
  partner('careyn', 'Careyn', ['careyn.nl', 'wijkzorg.nl']),
  partner('axion', 'Axion Continu', ['axioncontinu.nl', 'wijkzorg.nl'], ['coordinator@wijkzorg.nl']),
  partner('buecher', 'Bücherhallen', ['bücher.de']),
  partner('cordaan', 'Cordaän', ['cordaan.nl']),
];
const index = buildPartnerIndex(register, settings);
const email = (m: Omit<DetectionMessage, 'kind'>): DetectionMessage => ({ kind: 'email', ...m });
const ids = (m: DetectionMessage, i = index): string[] => detectPartners(i, m).matches.map((x) => x.partnerId);

describe('ignored addresses', () => {
  it('`*@domain` ignores every address at that domain, as `@domain` does', () => {
    for (const entry of ['*@portaal.nl', ' *@Portaal.nl ', '@portaal.nl']) {
      const withIgnored = buildPartnerIndex(register, { ...settings, ignoredAddresses: [entry] });
      expect({ entry, ids: ids(email({ from: 'info@portaal.nl' }), withIgnored), problems: withIgnored.problems }).toEqual({ entry, ids: [], problems: [] });
    }
    // A local part of its own is still one address.
    expect(ids(email({ from: 'info@portaal.nl' }), buildPartnerIndex(register, { ...settings, ignoredAddresses: ['nieuws*@portaal.nl'] }))).toEqual(['portaal']);
  });
});

describe('rule 1: addresses compare case-insensitively after trimming, IDN in ASCII form', () => {
  it('matches contacts regardless of case and surrounding space', () => {
    expect(ids(email({ from: '  HENK@Gmail.COM \t' }))).toEqual(['portaal']);
  });
  it('matches Unicode and punycode forms of one domain', () => {
    expect(ids(email({ from: 'a@BÜCHER.de' }))).toEqual(['buecher']);
    expect(ids(email({ from: 'a@xn--bcher-kva.de' }))).toEqual(['buecher']);
    const result = detectPartners(index, email({ from: 'A@Bücher.de' }));
    expect(result.matches[0].participants[0]).toMatchObject({ address: 'a@xn--bcher-kva.de', domain: 'xn--bcher-kva.de' });
  });
  it('a register contact written in Unicode matches a punycode participant', () => {
    const i = buildPartnerIndex([partner('k', 'K', [], ['Info@Köln-Bonn.de'])], settings);
    expect(ids(email({ from: 'info@xn--kln-bonn-n4a.de' }), i)).toEqual(['k']);
  });
  it('counts one person once, whatever the case', () => {
    const r = detectPartners(index, email({ to: ['x@mitros.nl', 'X@MITROS.NL'], cc: ['x@Mitros.nl'] }));
    expect(r.matches[0].participants).toHaveLength(1);
  });
});

describe('rule 2: each participant counts for at most one partner', () => {
  it('a known contact decides over the domain', () => {
    const r = detectPartners(index, email({ from: 'coordinator@wijkzorg.nl' }));
    expect(r.matches.map((m) => m.partnerId)).toEqual(['axion']);
    expect(r.matches[0].participants[0].via).toBe('contact');
  });
  it('a contact listed on another partner domain belongs to the contact partner only', () => {
    const i = buildPartnerIndex([partner('a', 'A', ['a.nl']), partner('b', 'B', [], ['jan@a.nl'])], settings);
    expect(ids(email({ from: 'jan@a.nl' }), i)).toEqual(['b']);
    expect(ids(email({ from: 'piet@a.nl' }), i)).toEqual(['a']);
  });
  it('sub-domains belong to their parent', () => {
    expect(ids(email({ from: 'x@mail.umcutrecht.nl' }))).toEqual(['umcu']);
  });
  it('the most specific listed domain wins, for the host and its sub-domains', () => {
    expect(ids(email({ from: 'x@research.umcutrecht.nl' }))).toEqual(['julius']);
    expect(ids(email({ from: 'x@lab.research.umcutrecht.nl' }))).toEqual(['julius']);
    expect(ids(email({ from: 'x@umcutrecht.nl' }))).toEqual(['umcu']);
  });
  it('two partners listing the same most-specific domain both count the participant', () => {
    const r = detectPartners(index, email({ from: 'planning@wijkzorg.nl' }));
    expect(r.matches.map((m) => m.partnerId)).toEqual(['axion', 'careyn']);
    expect(r.matches.every((m) => m.participants[0].domain === 'wijkzorg.nl')).toBe(true);
  });
  it('a look-alike host is not a sub-domain', () => {
    expect(ids(email({ from: 'x@umcutrecht.nl.evil.com' }))).toEqual([]);
    expect(ids(email({ from: 'x@notumcutrecht.nl' }))).toEqual([]);
  });
});

describe('rule 3: register domains are normalised when the index is built', () => {
  it('www/https/@ variants are one domain and one partner', () => {
    const i = buildPartnerIndex([partner('x', 'X', ['https://www.example.nl/', 'www.example.nl', '@EXAMPLE.nl', 'example.nl'])], settings);
    expect(i.domains.get('example.nl')).toEqual([0]);
    expect(ids(email({ from: 'a@example.nl' }), i)).toEqual(['x']);
  });
  it('rejects public suffixes and reports them as problems for the admin screen', () => {
    const i = buildPartnerIndex(
      [partner('x', 'X', ['co.uk', 'nl', 'github.io', '', '1.2.3.4', 'x.co.uk'])],
      { internalDomains: ['utrecht.nl', 'com'], ignoredAddresses: ['not an address@', 'nl'] },
    );
    expect(i.problems).toEqual(
      expect.arrayContaining([
        { field: 'domains', partnerId: 'x', value: 'co.uk', problem: 'public-suffix' },
        { field: 'domains', partnerId: 'x', value: 'nl', problem: 'public-suffix' },
        { field: 'domains', partnerId: 'x', value: 'github.io', problem: 'public-suffix' },
        { field: 'domains', partnerId: 'x', value: '', problem: 'empty' },
        { field: 'domains', partnerId: 'x', value: '1.2.3.4', problem: 'ip-address' },
        { field: 'internalDomains', value: 'com', problem: 'public-suffix' },
        { field: 'ignoredAddresses', value: 'nl', problem: 'public-suffix' },
      ]),
    );
    expect([...i.domains.keys()]).toEqual(['x.co.uk']);
    expect(ids(email({ from: 'a@other.co.uk' }), i)).toEqual([]);
    expect(detectPartners(i, email({ from: 'a@other.co.uk' })).unknownDomains).toEqual(['other.co.uk']);
  });
  it('reports free-mail, internal and invalid register entries, and duplicate ids', () => {
    const i = buildPartnerIndex(
      [
        partner('x', 'X', ['gmail.com', 'wijk.utrecht.nl', 'x.nl'], ['jan@utrecht.nl', 'garbage']),
        partner('x', 'X again', ['x2.nl']),
      ],
      settings,
    );
    expect(i.problems.map((p) => `${p.field}:${p.value}:${p.problem}`)).toEqual([
      'domains:gmail.com:free-mail',
      'domains:wijk.utrecht.nl:internal',
      'contacts:jan@utrecht.nl:internal',
      'contacts:garbage:invalid-address',
      'id:x:duplicate-id',
    ]);
    expect(i.partnerCount).toBe(1);
    expect(ids(email({ from: 'a@x2.nl' }), i)).toEqual(['x']);
  });
});

describe('rule 4: never by domain', () => {
  it('internal domains and their sub-domains are never a partner', () => {
    const i = buildPartnerIndex([partner('x', 'X', [], ['wethouder@utrecht.nl'])], settings);
    expect(i.contacts.size).toBe(0);
    expect(ids(email({ from: 'wethouder@utrecht.nl', to: ['a@wijk.utrecht.nl'] }), i)).toEqual([]);
    expect(detectPartners(i, email({ from: 'a@wijk.utrecht.nl' })).unknownDomains).toEqual([]);
  });
  it('a domain containing the internal name is not internal', () => {
    const r = detectPartners(index, email({ from: 'a@provincie-utrecht.nl', to: ['b@stichtsevecht.nl'] }));
    expect(r.unknownDomains).toEqual(['provincie-utrecht.nl', 'stichtsevecht.nl']);
  });
  it('free-mail never matches by domain, only a known contact does', () => {
    const r = detectPartners(index, email({ from: 'someone@gmail.com', to: ['a@ziggo.nl', 'b@kpnmail.nl', 'henk@gmail.com'] }));
    expect(r.matches.map((m) => m.partnerId)).toEqual(['portaal']);
    expect(r.unknownDomains).toEqual([]);
  });
  it('ignored addresses never match at all, not as contact and not by domain', () => {
    const i = buildPartnerIndex([partner('p', 'P', ['portaal.nl'], ['nieuwsbrief@portaal.nl'])], settings);
    expect(ids(email({ from: 'Nieuwsbrief@Portaal.nl' }), i)).toEqual([]);
    expect(detectPartners(i, email({ from: 'x@mail.mailchimp.com' })).unknownDomains).toEqual([]);
  });
  it('no-reply senders on unknown domains are not offered as unknown domains', () => {
    const r = detectPartners(index, email({ from: 'noreply@platform.nl', to: ['do-not-reply@other.nl', 'jan@third.nl'] }));
    expect(r.unknownDomains).toEqual(['third.nl']);
  });
  it('no-reply words anywhere in the local part, with other separators or digits, are automated too; a word that only contains one is not', () => {
    const automated = ['no_reply', 'do_not_reply', 'no.reply', 'noreply2', 'comments-noreply', 'drive-shares-dm-noreply', 'verhuur-noreply', 'mail-noreply', 'calendar-notification', 'nieuwsbrief.wonen', 'geen_antwoord'];
    for (const local of automated) expect([local, detectPartners(index, email({ from: `${local}@woningnet-platform.nl` })).unknownDomains]).toEqual([local, []]);
    for (const local of ['bouncer', 'postmasters', 'j.mailingen', 'noreplyer', 'anoreply']) expect([local, detectPartners(index, email({ from: `${local}@third.nl` })).unknownDomains]).toEqual([local, ['third.nl']]);
  });
  it('platform hosts that send for anyone (a Teams channel address, Google Calendar rooms) are not offered as unknown domains', () => {
    const r = detectPartners(
      index,
      email({ from: 'a.bakker@utrecht.nl', to: ['"Kanaal Wonen" <1a2b3c4d.veenhaven.onmicrosoft.com@emea.teams.ms>', 'c_1889abc@resource.calendar.google.com', 'x@group.calendar.google.com', 'p.devries@google.com'] }),
    );
    expect(r.unknownDomains).toEqual(['google.com']);
  });
  it('marks automated senders that do match a partner', () => {
    const r = detectPartners(index, email({ from: 'no-reply@mitros.nl' }));
    expect(r.matches[0].participants[0].automated).toBe(true);
  });
  it('unknown domains are registrable, unique and sorted', () => {
    const r = detectPartners(index, email({ from: 'a@mail.zeta.co.uk', to: ['b@zeta.co.uk', 'c@alpha.nl', 'd@sub.alpha.nl'] }));
    expect(r.unknownDomains).toEqual(['alpha.nl', 'zeta.co.uk']);
  });
});

describe('rule 5: subject words are a weaker match', () => {
  it('matches names and aliases as whole words, case- and diacritic-insensitively', () => {
    expect(ids(email({ subject: 'overleg STICHTING portaal' }))).toEqual(['portaal']);
    expect(ids(email({ subject: 'Overleg Cordaan' }))).toEqual(['cordaan']);
    expect(ids(email({ subject: 'Bezoek UMCU, morgen' }))).toEqual(['umcu']);
    expect(ids(email({ subject: 'Portaalsite en Mitrosje' }))).toEqual([]);
  });
  it('ignores aliases under three characters', () => {
    expect(ids(email({ subject: 'PO overleg' }))).toEqual([]);
  });
  it('ranks after every participant match and records the terms', () => {
    const r = detectPartners(index, email({ to: ['x@mitros.nl'], subject: 'Bo-Ex en Portaal' }));
    expect(r.matches.map((m) => [m.partnerId, m.strength])).toEqual([
      ['mitros', 'participant'],
      ['bo-ex', 'subject'],
      ['portaal', 'subject'],
    ]);
    expect(r.matches[1].subjectTerms).toEqual(['Bo-Ex']);
  });
  it('adds subject terms as evidence to a participant match', () => {
    const r = detectPartners(index, email({ from: 'a@mitros.nl', subject: 'Mitros' }));
    expect(r.matches[0].subjectTerms).toEqual(['Mitros']);
    expect(r.matches[0].strength).toBe('participant');
  });
});

describe('rule 6: ranking', () => {
  it('more distinct participants first', () => {
    expect(ids(email({ from: 'a@bo-ex.nl', to: ['x@mitros.nl', 'y@mitros.nl'] }))).toEqual(['mitros', 'bo-ex']);
  });
  it('then the partner of the sender or organizer', () => {
    expect(ids(email({ from: 'a@mitros.nl', to: ['b@bo-ex.nl'] }))).toEqual(['mitros', 'bo-ex']);
    expect(ids(email({ from: 'wonen@utrecht.nl', sender: 'a@mitros.nl', to: ['b@bo-ex.nl'] }))).toEqual(['mitros', 'bo-ex']);
    expect(ids({ kind: 'meeting', organizer: 'a@mitros.nl', attendees: ['b@bo-ex.nl'] })).toEqual(['mitros', 'bo-ex']);
  });
  it('then contact evidence over domain-only', () => {
    expect(ids(email({ to: ['b@bo-ex.nl', 'henk@gmail.com'] }))).toEqual(['portaal', 'bo-ex']);
  });
  it('then by name, case- and diacritic-insensitively', () => {
    expect(ids(email({ to: ['x@mitros.nl', 'b@bo-ex.nl', 'c@cordaan.nl'] }))).toEqual(['bo-ex', 'cordaan', 'mitros']);
  });
  it('orders names naturally: numbers by value', () => {
    const i = buildPartnerIndex(
      [partner('b', 'Stichting 10', ['s10.nl']), partner('a', 'Stichting 9', ['s9.nl']), partner('c', 'stichting 9a', ['s9a.nl'])],
      settings,
    );
    expect(ids(email({ to: ['x@s10.nl', 'y@s9a.nl', 'z@s9.nl'] }), i)).toEqual(['a', 'c', 'b']);
  });
  it('flags the sender or organizer partner and orders evidence by role', () => {
    const r = detectPartners(index, email({ from: 'z@mitros.nl', to: ['b@mitros.nl'], cc: ['a@mitros.nl'] }));
    expect(r.matches[0].isSenderOrOrganizer).toBe(true);
    expect(r.matches[0].participants.map((p) => `${p.role}:${p.address}`)).toEqual(['from:z@mitros.nl', 'to:b@mitros.nl', 'cc:a@mitros.nl']);
  });
});

describe('rule 7: bad input is skipped or truncated, never thrown on', () => {
  it('malformed addresses, empty lists and wrong types', () => {
    const garbage = {
      kind: 'email',
      from: 42,
      to: [null, '', '@', 'a@', '<<>>', '"', '((((', 'x@mitros.nl'],
      cc: 'not a list',
      attendees: [[], {}],
      subject: { not: 'a string' },
    } as unknown as DetectionMessage;
    expect(ids(garbage)).toEqual(['mitros']);
    expect(detectPartners(index, {} as DetectionMessage)).toEqual({ matches: [], unknownDomains: [] });
    expect(detectPartners(index, null as unknown as DetectionMessage)).toEqual({ matches: [], unknownDomains: [] });
  });
  it('control characters', () => {
    expect(ids(email({ from: '\u0000Jan\u0007 <jan@mitros.nl>\r\n', subject: 'Portaal\u0000\u001b' }))).toEqual(['mitros', 'portaal']);
  });
  it('huge subjects are truncated', () => {
    const t0 = Date.now();
    expect(ids(email({ subject: 'Portaal ' + 'bla '.repeat(1_000_000) }))).toEqual(['portaal']);
    expect(ids(email({ subject: 'bla '.repeat(1_000) + 'Portaal' }))).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
  it('huge participant lists are bounded', () => {
    const attendees = Array.from({ length: 50_000 }, (_, i) => `p${i}@utrecht.nl`);
    attendees.push('late@mitros.nl');
    const t0 = Date.now();
    expect(ids({ kind: 'meeting', organizer: 'a@bo-ex.nl', attendees })).toEqual(['bo-ex']);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
  it('a garbage register does not throw', () => {
    const i = buildPartnerIndex(
      [null, 1, { id: 5 }, { id: 'ok', name: 3, aliases: 'x', domains: [1, 'ok.nl'], contacts: null }] as unknown as DetectablePartner[],
      { internalDomains: null, ignoredAddresses: [7] } as unknown as DetectionSettings,
    );
    expect(ids(email({ from: 'a@ok.nl' }), i)).toEqual(['ok']);
  });
  it('keeps the host cache bounded', () => {
    const i = buildPartnerIndex(register, settings);
    const bound = i.hostCacheBound;
    for (let k = 0; k < bound + 5_000; k++) detectPartners(i, email({ from: `a@host${k}.nl` }));
    expect(i.cachedHostCount).toBeGreaterThan(0);
    expect(i.cachedHostCount).toBeLessThanOrEqual(bound);
    expect(ids(email({ from: 'a@mitros.nl' }), i)).toEqual(['mitros']);
  });
});
