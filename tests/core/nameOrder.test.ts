import fc from 'fast-check';
import { byName, nameCollator } from '../../src/core/nameOrder';

const name = (chars: string) => fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((c) => c.join(''));
const byCollator = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => nameCollator.compare(a.name, b.name));

describe('byName', () => {
  it('orders as the Dutch collator does: plain names, names with accents, punctuation and other scripts, and a mix', () => {
    for (const chars of ['aAbBzZ09 .-', "aAbBéÉ09 -.'&(_ijĳ", 'aAbB09 ßøØæ日本']) {
      fc.assert(
        fc.property(fc.array(name(chars), { maxLength: 40 }), (names) => {
          const items = names.map((n, i) => ({ id: i, name: n }));
          // Equal under the collator keep their order (a stable sort), so the ids say it all.
          expect(byName(items).map((p) => p.id)).toEqual(byCollator(items).map((p) => p.id));
        }),
        { numRuns: 500 },
      );
    }
  });
  it('leaves its input alone', () => {
    const items = [{ name: 'b' }, { name: 'a' }];
    expect(byName(items).map((p) => p.name)).toEqual(['a', 'b']);
    expect(items.map((p) => p.name)).toEqual(['b', 'a']);
  });
});
