/**
 * The free-mail domains are built natively (freemail.ts); this checks them against the earlier
 * construction, every entry checked and converted in script one at a time, for every host that can be
 * asked: each entry's ASCII form and its parents, the Dutch providers, sub-domains, and other hosts.
 */
import maintainedList from 'email-providers/all.json';
import { freeMailDomains, isFreeMailDomain, isFreeMailHost } from '../../../src/core/detection/freemail';
import { isValidAsciiHostAt, toAsciiHost } from '../../../src/core/detection/host';

const DUTCH = ['ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'hetnet.nl', 'home.nl', 'planet.nl', 'live.nl', 'hotmail.nl', 'gmail.com', 'tiscali.nl', '12move.nl'];

/** The earlier construction: each entry as it stands when it is a valid ASCII host, else its ASCII form. */
function referenceDomains(entries: unknown[]): Set<string> {
  const set = new Set<string>();
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry.includes('@')) continue;
    const host = isValidAsciiHostAt(entry, 0, entry.length) ? entry : toAsciiHost(entry.trim());
    if (host) set.add(host);
  }
  return set;
}

const parents = (host: string): string[] => host.split('.').map((_, i, labels) => labels.slice(i).join('.'));

describe('free-mail domains', () => {
  const list = maintainedList as unknown as string[];
  const reference = referenceDomains([...list, ...DUTCH]);

  test('hold exactly the hosts the earlier construction held, for every host that can be asked', () => {
    const free = freeMailDomains();
    const asked = new Set<string>();
    for (const entry of [...list, ...DUTCH, 'mail.ziggo.nl', 'research.umcutrecht.nl', 'gemeente.nl', 'müll.email', 'MÜLL.email', 'mailed.ro', 'ywoe@mailed.ro']) {
      const host = typeof entry === 'string' ? toAsciiHost(entry.trim()) : undefined;
      if (host) for (const p of parents(host)) asked.add(p);
    }
    expect(asked.size).toBeGreaterThan(list.length);
    const differ = [...asked].filter((host) => free.has(host) !== reference.has(host));
    expect(differ).toEqual([]);
    // The irregular entries' ASCII forms are in (IDN spellings); the stray address gave nothing.
    expect(free.has(toAsciiHost('müll.email')!)).toBe(true);
    expect(free.has('mailed.ro')).toBe(reference.has('mailed.ro'));
  });

  test('a host or any parent on it is free mail', () => {
    expect(isFreeMailHost('gmail.com')).toBe(true);
    expect(isFreeMailHost('mail.ziggo.nl')).toBe(true);
    expect(isFreeMailHost('umcutrecht.nl')).toBe(false);
    expect(isFreeMailDomain('@Hotmail.NL')).toBe(true);
  });
});
