import { fold, foldedRanges, replaceRanges } from '../../src/core/foldedText';

describe('foldedText', () => {
  it('folds case, accents (precomposed and combining) and runs of white space', () => {
    expect(fold('  Ayşe   ÇELİK ')).toBe('ayse celik');
    expect(fold('Rene\u0301e')).toBe('renee');
    expect(fold('ĳsbrand')).toBe('ijsbrand');
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
