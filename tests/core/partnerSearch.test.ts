import { partnerMatchesQuery, searchPartners } from '../../src/core/partnerSearch';

const portaal = { name: 'Portaal', aliases: ['Stichting Portaal'], domains: ['portaal.nl'] };
const umc = { name: 'UMC Utrecht', aliases: [], domains: ['umcutrecht.nl'] };

describe('partner search', () => {
  it('matches name, alias or domain, case-insensitively, and everything for an empty query', () => {
    expect(partnerMatchesQuery(portaal, 'STICHTING')).toBe(true);
    expect(partnerMatchesQuery(umc, 'umcutrecht.nl')).toBe(true);
    expect(partnerMatchesQuery(umc, 'portaal')).toBe(false);
    expect(partnerMatchesQuery(umc, '  ')).toBe(true);
  });
  it('caps the list a picker shows', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...portaal, name: `Partner ${i}` }));
    expect(searchPartners(many, 'partner')).toHaveLength(50);
    expect(searchPartners([portaal, umc], 'utrecht', 10)).toEqual([umc]);
  });
});
