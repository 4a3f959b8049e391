import { isFreeMailDomain, normalizeRegisterDomain, registrableDomain } from '../../../src/core/detection';

describe('rule 3: register domains are normalised on input', () => {
  it.each([
    ['https://www.example.nl/', 'example.nl'],
    ['http://www.Example.nl/contact?x=1#top', 'example.nl'],
    ['www.example.nl', 'example.nl'],
    ['@EXAMPLE.nl', 'example.nl'],
    ['  example.nl.  ', 'example.nl'],
    ['example.nl:443', 'example.nl'],
    ['info@example.nl', 'example.nl'],
    ['mailto:info@example.nl', 'example.nl'],
    ['research.umcutrecht.nl', 'research.umcutrecht.nl'],
    ['https://www.airbnb.co.uk', 'airbnb.co.uk'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['BÜCHER.DE', 'xn--bcher-kva.de'],
    ['gemeente.github.io', 'gemeente.github.io'],
    ['www.co.uk', 'www.co.uk'],
  ])('%j → %s', (input, domain) => {
    expect(normalizeRegisterDomain(input)).toEqual({ ok: true, domain });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://', 'empty'],
    ['co.uk', 'public-suffix'],
    ['nl', 'public-suffix'],
    ['.nl', 'invalid'],
    ['github.io', 'public-suffix'],
    ['blogspot.com', 'public-suffix'],
    ['192.168.0.1', 'ip-address'],
    ['http://10.0.0.1:8080/', 'ip-address'],
    ['[::1]', 'ip-address'],
    ['localhost', 'invalid'],
    ['exa mple.nl', 'invalid'],
    ['example..nl', 'invalid'],
    ['x'.repeat(300) + '.nl', 'invalid'],
  ])('%j is rejected as %s', (input, problem) => {
    expect(normalizeRegisterDomain(input)).toEqual({ ok: false, problem });
  });

  it('never throws on the wrong type', () => {
    for (const v of [null, undefined, 1, {}]) expect(normalizeRegisterDomain(v as unknown as string).ok).toBe(false);
  });
});

describe('registrableDomain uses the Public Suffix List', () => {
  it.each([
    ['mail.airbnb.co.uk', 'airbnb.co.uk'],
    ['jan@mail.umcutrecht.nl', 'umcutrecht.nl'],
    ['Jan <jan@Bücher.de>', 'xn--bcher-kva.de'],
    ['staff.mmu.ac.uk', 'mmu.ac.uk'],
    ['gemeente.github.io', 'gemeente.github.io'],
    ['x@gemeenteutrecht.onmicrosoft.com', 'gemeenteutrecht.onmicrosoft.com'],
    ['provincie-utrecht.nl', 'provincie-utrecht.nl'],
  ])('%s → %s', (input, domain) => {
    expect(registrableDomain(input)).toBe(domain);
  });

  it.each(['co.uk', 'nl', '10.0.0.1', '', 'not a host'])('%j has none', (input) => {
    expect(registrableDomain(input)).toBeUndefined();
  });
});

describe('isFreeMailDomain', () => {
  it.each(['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl', 'xs4all.nl', 'hetnet.nl', 'home.nl', 'planet.nl', 'live.nl', 'hotmail.nl', 'GMAIL.COM', '@ziggo.nl', 'mail.ziggo.nl', 'gmx.de', 'web.de'])(
    '%s is free-mail',
    (d) => expect(isFreeMailDomain(d)).toBe(true),
  );
  it.each(['portaal.nl', 'utrecht.nl', 'umcutrecht.nl', 'notgmail.com', ''])('%j is not', (d) => expect(isFreeMailDomain(d)).toBe(false));
});
