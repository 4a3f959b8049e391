import { joinNames, partnerTooLong, splitContacts, splitList, splitNames, validateContacts, validateDomains } from '../../../src/core/overview/partnerValidation';
import { partner } from './fixtures';

describe('partner validation (the edit form and the CSV import)', () => {
  it('normalises domains as detection reads them and refuses what cannot identify a partner', () => {
    const { domains, errors } = validateDomains(['https://www.Example.nl/x', 'example.nl', 'co.uk', 'hotmail.com', 'veenhaven.nl', '10.0.0.1'], ['veenhaven.nl']);
    expect(domains).toEqual(['example.nl']);
    expect(errors.map((e) => e.key)).toEqual(['partnerEdit.domain.public-suffix', 'partnerEdit.domain.free-mail', 'partnerEdit.domain.internal', 'partnerEdit.domain.ip-address']);
  });
  it('lower-cases contact addresses and names the invalid ones', () => {
    expect(validateContacts(['A@B.nl', 'nope', 'a@b.nl'])).toEqual({ contacts: ['a@b.nl'], errors: [{ key: 'partnerEdit.contact.invalid', params: { value: 'nope' } }] });
  });
  it('keeps the name of a contact typed as "Naam <adres>", and names what is not an address', () => {
    expect(validateContacts(['Henk van Dijk <H.vanDijk@Veenland.nl>', '"Annelies Schouten" <a.schouten@veenland.nl>', 'info@veenland.nl', 'Henk <geen-adres>'])).toEqual({
      contacts: ['h.vandijk@veenland.nl', 'a.schouten@veenland.nl', 'info@veenland.nl'],
      contactNames: { 'h.vandijk@veenland.nl': 'Henk van Dijk', 'a.schouten@veenland.nl': 'Annelies Schouten' },
      errors: [{ key: 'partnerEdit.contact.invalid', params: { value: 'Henk <geen-adres>' } }],
    });
  });
  it('splits lists typed in one field', () => {
    expect(splitList('a, b|c;d\n e ,')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('names (aliases, themes) with a comma come back whole from the form and the export', () => {
    for (const names of [['AB', 'Zorg, Welzijn en Wonen'], ['Stichting; Noord', 'SN'], ['AB', 'CD'], []]) expect(splitNames(joinNames(names))).toEqual(names);
    expect(joinNames(['AB', 'CD'])).toBe('AB, CD');
    expect(splitNames('AB, CD; EF')).toEqual(['AB', 'CD', 'EF']);
    expect(splitNames('Zorg, Welzijn en Wonen|ZWW')).toEqual(['Zorg, Welzijn en Wonen', 'ZWW']);
  });
  it('refuses a domain under an internal one too: detection leaves every host under it out', () => {
    const { domains, errors } = validateDomains(['wijk.veenhaven.nl', 'veenhaven.nl', 'nietveenhaven.nl'], ['veenhaven.nl']);
    expect(domains).toEqual(['nietveenhaven.nl']);
    expect(errors.map((e) => e.params?.value)).toEqual(['wijk.veenhaven.nl', 'veenhaven.nl']);
  });
  it('splits contacts at a comma only after an address, so a name written "Jansen, P." stays whole', () => {
    const typed = 'Jansen, P. <p.jansen@portaal.nl>, Bakker, J. <j.bakker@portaal.nl>; "de Vries, A." <a.devries@portaal.nl>, info@portaal.nl,balie@portaal.nl\nPiet <piet@portaal.nl>';
    expect(splitContacts(typed)).toEqual(['Jansen, P. <p.jansen@portaal.nl>', 'Bakker, J. <j.bakker@portaal.nl>', '"de Vries, A." <a.devries@portaal.nl>', 'info@portaal.nl', 'balie@portaal.nl', 'Piet <piet@portaal.nl>']);
    expect(validateContacts(splitContacts(typed)).contactNames).toEqual({ 'p.jansen@portaal.nl': 'Jansen, P.', 'j.bakker@portaal.nl': 'Bakker, J.', 'a.devries@portaal.nl': 'de Vries, A.', 'piet@portaal.nl': 'Piet' });
    // A name without an address is named whole, not as two broken halves.
    expect(validateContacts(splitContacts('Jansen, P.')).errors).toEqual([{ key: 'partnerEdit.contact.invalid', params: { value: 'Jansen, P.' } }]);
  });
  it('names the fields too long for their list column, as they are stored', () => {
    const at = partner({ id: 'p1', name: 'n'.repeat(255), ownerName: 'o'.repeat(255), aliases: ['a'.repeat(31_999), 'b'.repeat(31_999)], description: 'd'.repeat(63_999) });
    expect(partnerTooLong(at)).toEqual([]);
    // Two lines of 31,999 and 32,000 characters are 64,000 with the line break between them.
    const past = partner({ id: 'p2', name: 'n'.repeat(256), aliases: ['a'.repeat(31_999), 'b'.repeat(32_000)], contacts: ['x@y.nl'], contactNames: { 'x@y.nl': 'N'.repeat(64_000) } });
    expect(partnerTooLong(past)).toEqual([{ field: 'name', max: 255 }, { field: 'aliases', max: 63_999 }, { field: 'contacts', max: 63_999 }]);
  });
});
