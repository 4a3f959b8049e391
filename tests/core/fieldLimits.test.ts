import fc from 'fast-check';
import { fittedKey, TEXT_MAX_CHARS } from '../../src/core/fieldLimits';
import { sourceRefOf, itemSourceRefs, type HostItem } from '../../src/hosts/Host';

describe('fittedKey (a key kept in a single-line text column)', () => {
  it('keeps a key that fits, and fits one that does not, the same way every time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (key) => {
        const fitted = fittedKey(key);
        expect(fitted.length).toBeLessThanOrEqual(TEXT_MAX_CHARS);
        if (key.length <= TEXT_MAX_CHARS) expect(fitted).toBe(key);
        else expect(fitted).toBe(fittedKey(key.slice()));
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
