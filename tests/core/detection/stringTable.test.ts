import { StringTable } from '../../../src/core/detection/stringTable';
import { substringHash } from '../../../src/core/detection/boundedCache';
import { nameSortKey } from '../../../src/core/detection/partnerIndex';

describe('StringTable', () => {
  it('numbers keys in the order added and finds them, also as a range of a longer string', () => {
    const t = new StringTable();
    expect(t.add('x.nl')).toBe(0);
    expect(t.add('y.nl')).toBe(1);
    expect(t.add('x.nl')).toBe(0);
    expect(t.size).toBe(2);
    const address = 'jan@y.nl';
    expect(t.findAt(address, 4, address.length, substringHash(address, 4, address.length))).toBe(1);
    expect(t.find('z.nl')).toBe(-1);
    expect(t.find('x.n')).toBe(-1);
    expect(t.find('')).toBe(-1);
  });

  it('keeps every key through growth, copying a range only when it is new', () => {
    const t = new StringTable(2);
    const keys = Array.from({ length: 5_000 }, (_, i) => `host${i}.example.nl`);
    keys.forEach((k, i) => expect(t.addAt(`a@${k}`, 2, k.length + 2)).toBe(i));
    keys.forEach((k, i) => expect(t.find(k)).toBe(i));
    expect(t.keys).toEqual(keys);
    expect(t.find('host5000.example.nl')).toBe(-1);
  });
});

describe('nameSortKey', () => {
  it('compares numbers as numbers, without leading zeros', () => {
    expect(nameSortKey('Stichting 9') < nameSortKey('Stichting 10')).toBe(true);
    expect(nameSortKey('A 007 b 0')).toBe(`a ${'0'.repeat(11)}7 b ${'0'.repeat(12)}`);
    expect(nameSortKey('x1234567890123')).toBe('x1234567890123');
    expect(nameSortKey('Geen nummer')).toBe('geen nummer');
  });
});
