import fc from 'fast-check';
import { BoundedSubstringCache, substringHash, type SubstringKeyed } from '../../../src/core/detection/boundedCache';
import { hasBlankEnd } from '../../../src/core/detection/host';

interface Entry extends SubstringKeyed {
  value: number;
}

const entry = (key: string, value: number): Entry => ({ key, keyHash: substringHash(key, 0, key.length), value });

/** Looks `key` up as the part after the `@` of an address, as detection does. */
function lookup(cache: BoundedSubstringCache<Entry>, key: string): Entry | undefined {
  const address = `jan@${key}`;
  return cache.get(address, 4, address.length, substringHash(address, 4, address.length));
}

describe('BoundedSubstringCache', () => {
  it('finds a key as a range of a longer string', () => {
    const cache = new BoundedSubstringCache<Entry>(100);
    cache.set(entry('x.nl', 1));
    cache.set(entry('mail.x.nl', 2));
    expect(lookup(cache, 'x.nl')?.value).toBe(1);
    expect(lookup(cache, 'mail.x.nl')?.value).toBe(2);
    expect(lookup(cache, 'y.nl')).toBeUndefined();
    expect(lookup(cache, 'x.n')).toBeUndefined();
    expect(lookup(cache, '')).toBeUndefined();
  });

  it('hashes a range like the same string on its own', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(substringHash(a + b + c, a.length, a.length + b.length)).toBe(substringHash(b, 0, b.length));
      }),
    );
  });

  it('agrees with a Map for the most recent keys and never exceeds its bound', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c]{0,3}$/), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (keys, bound) => {
        const cache = new BoundedSubstringCache<Entry>(bound);
        const latest = new Map<string, number>();
        keys.forEach((key, i) => {
          const found = lookup(cache, key);
          // Whatever the cache still holds is right; a miss is always allowed.
          if (found !== undefined) expect(found.value).toBe(latest.get(key));
          else {
            cache.set(entry(key, i));
            latest.set(key, i);
            expect(lookup(cache, key)?.value).toBe(i);
          }
          expect(cache.size).toBeLessThanOrEqual(Math.max(2, bound));
        });
      }),
    );
  });

  it('grows past its first capacity without losing keys', () => {
    const cache = new BoundedSubstringCache<Entry>(20_000);
    for (let i = 0; i < 5_000; i++) cache.set(entry(`host${i}.nl`, i));
    for (let i = 0; i < 5_000; i++) expect(lookup(cache, `host${i}.nl`)?.value).toBe(i);
    expect(cache.size).toBe(5_000);
  });
});

describe('hasBlankEnd', () => {
  it('is false only when trim would return the string unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        if (!hasBlankEnd(s)) expect(s.trim()).toBe(s);
      }),
    );
    expect(hasBlankEnd('')).toBe(true);
    expect(hasBlankEnd(' x')).toBe(true);
    expect(hasBlankEnd('x\u00a0')).toBe(true);
    expect(hasBlankEnd('x@y.nl')).toBe(false);
  });
});
