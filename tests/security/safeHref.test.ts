import fc from 'fast-check';
import { safeHref } from '../../src/core/safeHref';

describe('safeHref: user-written links open only with https: or mailto:', () => {
  it.each([
    ['https://www.portaal.nl/projecten', 'https://www.portaal.nl/projecten'],
    ['HTTPS://Portaal.NL', 'https://portaal.nl/'],
    ['  https://portaal.nl/a b  ', 'https://portaal.nl/a%20b'],
    ['mailto:info@portaal.nl', 'mailto:info@portaal.nl'],
    ['MailTo:info@portaal.nl?subject=Hallo', 'mailto:info@portaal.nl?subject=Hallo'],
  ])('keeps %p', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'http://portaal.nl',
    'ftp://portaal.nl',
    '//evil.example/x',
    '/relative/path',
    'portaal.nl',
    '',
    'https://',
    'https://user:pass@evil.example/',
    'https://evil.example/\u202egnp.exe',
    'https://por\u0000taal.nl',
    'mailto:',
    'mailto:javascript:alert(1)',
    'blob:https://portaal.nl/uuid',
    'about:blank',
    `https://portaal.nl/${'a'.repeat(5000)}`,
  ])('refuses %p', (input) => {
    expect(safeHref(input)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['https://x.nl'], { toString: () => 'https://x.nl' }]) expect(safeHref(v)).toBeUndefined();
  });

  it('property: whatever it returns is https: or mailto:, and it never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.webUrl(), fc.constantFrom('javascript:', 'data:', 'mailto:', 'https://').chain((p) => fc.string({ maxLength: 50 }).map((s) => p + s))), (input) => {
        const out = safeHref(input);
        if (out !== undefined) expect(out).toMatch(/^(https:\/\/[^/]|mailto:)/);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
