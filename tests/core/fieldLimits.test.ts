import fc from 'fast-check';
import { fittedKey, stringHash, TEXT_MAX_CHARS } from '../../src/core/fieldLimits';
import { sourceRefOf, itemSourceRefs, type HostItem } from '../../src/hosts/Host';

describe('fittedKey (a key kept in a single-line text column)', () => {
  it('keeps a key that fits, and cuts one that does not to its beginning and a hash of the whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (key) => {
        const fitted = fittedKey(key);
        expect(fitted.length).toBeLessThanOrEqual(TEXT_MAX_CHARS);
        if (key.length <= TEXT_MAX_CHARS) expect(fitted).toBe(key);
        else {
          // As long as the column lets it be, beginning as the key does, ending in the hash of the whole.
          expect(fitted).toHaveLength(TEXT_MAX_CHARS);
          const cut = fitted.lastIndexOf('#');
          expect(key.startsWith(fitted.slice(0, cut))).toBe(true);
          expect(fitted.slice(cut + 1)).toBe(stringHash(key));
        }
      }),
    );
  });
  it('keeps long keys apart that share their beginning', () => {
    const start = 'x'.repeat(300);
    expect(fittedKey(`${start}a`)).not.toBe(fittedKey(`${start}b`));
    expect(fittedKey(`${start}a`)).toHaveLength(TEXT_MAX_CHARS);
  });
});

describe('the source reference of a note', () => {
  const item: HostItem = { kind: 'email', id: 'AAMkAGI2TG93AAA=', subject: 'Overleg' };
  it('is the Message-ID, and fits the column however long the Message-ID is', () => {
    expect(sourceRefOf({ ...item, internetMessageId: '<abc@veenland.nl>' })).toBe('<abc@veenland.nl>');
    const long = `<${'a'.repeat(400)}@mail.veenland.nl>`;
    expect(sourceRefOf({ ...item, internetMessageId: long })).toHaveLength(TEXT_MAX_CHARS);
    expect(itemSourceRefs({ ...item, internetMessageId: long })).toEqual([fittedKey(long), item.id]);
  });
});
