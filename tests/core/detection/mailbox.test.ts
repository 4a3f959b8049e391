import { parseMailbox, parseMailboxList } from '../../../src/core/detection';

describe('parseMailbox: RFC 5322 mailbox strings', () => {
  it.each([
    ['jan@x.nl', 'jan@x.nl', undefined],
    ['  Jan@X.NL  ', 'jan@x.nl', undefined],
    ['Jan <jan@x.nl>', 'jan@x.nl', 'Jan'],
    ['Jan de Vries <Jan.deVries@Portaal.nl>', 'jan.devries@portaal.nl', 'Jan de Vries'],
    ['"Dijk, Henk van" <h@x.nl>', 'h@x.nl', 'Dijk, Henk van'],
    ['"Dijk, \\"Henk\\" van" <h@x.nl>', 'h@x.nl', 'Dijk, "Henk" van'],
    ['Dijk, Henk van <h@x.nl>', 'h@x.nl', 'Dijk, Henk van'],
    ['jan@x.nl (Jan Jansen)', 'jan@x.nl', 'Jan Jansen'],
    ['Jan (werk) <jan@x.nl>', 'jan@x.nl', 'Jan'],
    ['<jan@x.nl>', 'jan@x.nl', undefined],
    ['< jan@x.nl >', 'jan@x.nl', undefined],
    ['mailto:jan@x.nl', 'jan@x.nl', undefined],
    ['SMTP:Jan@X.nl', 'jan@x.nl', undefined],
    ['Jan <mailto:jan@x.nl>', 'jan@x.nl', 'Jan'],
    ['"jan@x.nl" <jan@x.nl>', 'jan@x.nl', 'jan@x.nl'],
    ['jan@x.nl.', 'jan@x.nl', undefined],
    ['Müller <m@Bücher.DE>', 'm@xn--bcher-kva.de', 'Müller'],
    ['"Jan <jan@x.nl>', 'jan@x.nl', 'Jan'],
    ['Jan <jan@x.nl', 'jan@x.nl', 'Jan'],
    ['"jan jansen"@x.nl', '"jan jansen"@x.nl', undefined],
    ['Jan\u0007 Jansen\u0000 <jan@x.nl>', 'jan@x.nl', 'Jan Jansen'],
    ['\u200bjan@x.nl\ufeff', 'jan@x.nl', undefined],
    // Sloppy but common in pasted lists: the word with the @ is the address, the rest the name.
    ['Jan Jansen jan@x.nl', 'jan@x.nl', 'Jan Jansen'],
  ])('%j → %s', (input, address, displayName) => {
    const m = parseMailbox(input);
    expect(m?.address).toBe(address);
    expect(m?.displayName).toBe(displayName);
  });

  it.each(['', '   ', 'garbage', '@x.nl', 'jan@', 'jan@@x.nl', 'a@b', 'Jan <jan>', '<>', 'jan@[192.168.0.1]', 'jan\u0000@x.nl'])(
    'rejects %j',
    (input) => {
      expect(parseMailbox(input)).toBeUndefined();
    },
  );

  it('never throws on values of the wrong type', () => {
    for (const v of [null, undefined, 42, {}, [], ['a@x.nl']]) expect(parseMailbox(v as unknown as string)).toBeUndefined();
  });

  it('reads lists and groups in one string', () => {
    expect(parseMailboxList('a@x.nl; Kees <k@y.nl>, "Bakker, P." <p@z.nl>').map((m) => m.address)).toEqual([
      'a@x.nl',
      'k@y.nl',
      'p@z.nl',
    ]);
    expect(parseMailboxList('Projectgroep: a@x.nl, b@y.nl;').map((m) => m.address)).toEqual(['a@x.nl', 'b@y.nl']);
  });

  it('bounds the work on huge input', () => {
    const huge = `"${'x'.repeat(5_000_000)}" <jan@x.nl>`;
    const many = Array.from({ length: 100_000 }, (_, i) => `p${i}@x.nl`).join(', ');
    const t0 = Date.now();
    expect(parseMailbox(huge)).toBeUndefined(); // the address lies beyond what we read
    expect(parseMailboxList(many).length).toBeLessThanOrEqual(500);
    expect(parseMailboxList('('.repeat(100_000) + 'a@x.nl')).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('caps display names', () => {
    const m = parseMailbox(`"${'Medewerker '.repeat(100)}" <jan@x.nl>`);
    expect(m?.address).toBe('jan@x.nl');
    expect(m?.displayName?.length).toBeLessThanOrEqual(256);
  });
});
