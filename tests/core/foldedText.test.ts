import { fold, foldedNameFinder, foldedRanges, replaceRanges } from '../../src/core/foldedText';

describe('foldedText', () => {
  it('folds case, accents (precomposed and combining) and runs of white space', () => {
    expect(fold('  Ayşe   ÇELİK ')).toBe('ayse celik');
    expect(fold('Rene\u0301e')).toBe('renee');
    expect(fold('ĳsbrand')).toBe('ijsbrand');
  });
  it('writes letters NFKD leaves alone as they are typed without the key: ß, ø, æ, œ, ł and the like', () => {
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Søren SØRENSEN')).toBe('soren sorensen');
    expect(fold('Łódź Æbeltoft Œuvre')).toBe('lodz aebeltoft oeuvre');
    const text = 'Overleg met Jürgen Großmann en Mette Sørensen.';
    const ranges = foldedRanges(text, ['jurgen grossmann', 'mette sorensen']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Jürgen Großmann', 'Mette Sørensen']);
    expect(replaceRanges(text, ranges, '[x]')).toBe('Overleg met [x] en [x].');
  });
  it('finds folded needles in the original text, for replacing there', () => {
    const text = 'Met Ayşe  Çelik en RENÉE de Wit';
    const ranges = foldedRanges(text, ['ayse celik', 'renee']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Ayşe  Çelik', 'RENÉE']);
    expect(replaceRanges(text, ranges, '[x]')).toBe('Met [x] en [x] de Wit');
    const decomposed = 'Rene\u0301e belt';
    expect(replaceRanges(decomposed, foldedRanges(decomposed, ['renee']), '[x]')).toBe('[x] belt');
  });
});

describe('foldedNameFinder', () => {
  const finds = foldedNameFinder([fold('Karin de Groot'), fold('Öztürk'), 'k.degroot@welzijnveenhaven.nl', 'jan', 'ab']);
  it('finds a known name as a whole word, ignoring case, accents and runs of white space', () => {
    expect(finds('Gesproken met KARIN  de groot over de buurthuizen')).toBe(true);
    expect(finds('Dr. Ozturk belde terug')).toBe(true);
    expect(finds('(jan) schuift aan')).toBe(true);
    expect(finds('Mail van k.degroot@welzijnveenhaven.nl doorgestuurd')).toBe(true);
  });
  it('does not find a name inside or at the start of another word, a name shorter than three characters, or anything in empty text', () => {
    expect(finds('Overleg in januari')).toBe(false);
    expect(finds('Karin de Grootte')).toBe(false);
    expect(finds('ab')).toBe(false);
    expect(finds('')).toBe(false);
    expect(finds(undefined)).toBe(false);
    expect(foldedNameFinder([])('Karin de Groot')).toBe(false);
  });
  it('agrees with a plain scan of every name as a whole word on random texts', () => {
    const words = ['karin', 'de', 'groot', 'jan', 'januari', 'öztürk', 'x', 'ab', '-', 'van'];
    const names = ['karin de groot', 'jan', 'ozturk', 'de groot', 'van de'];
    const find = foldedNameFinder(names);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 8) }, () => words[Math.floor(next() * words.length)]).join(next() < 0.5 ? ' ' : '  ');
      const folded = fold(text);
      const plain = names.some((name) => [...folded].some((_, at) => (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1])) && folded.startsWith(name, at) && !/[\p{L}\p{N}]/u.test(folded[at + name.length] ?? '')));
      expect(find(text)).toBe(plain);
    }
  });
});
