import { agendaCsv, interactionsCsv, neutraliseCell, partnersCsv } from '../../../src/core/csv/csvExport';
import { parseRegisterCsv } from '../../../src/core/csv/registerImport';
import { agendaItem, interaction, partner } from './fixtures';

let n = 0;
const options = { existing: [partner({ id: 'x', name: 'Woonstichting Veenland', domains: ['woonstichtingveenland.nl'] })], internalDomains: ['veenhaven.nl'], newId: () => `new-${++n}` };

describe('parseRegisterCsv', () => {
  it('reads a Dutch Excel file: BOM, semicolons, quoted fields with separators inside', () => {
    const text = '\uFEFFNaam;Categorie;Domeinen;Thema\'s;Ritme;Accounthouder\r\n"Zorg; Welzijn Noord";zorg;"https://www.zwn.nl, zwn-zorg.nl";zorg|eenzaamheid;90;Anna\r\n';
    const result = parseRegisterCsv(text, options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.separator).toBe(';');
    expect(result.rows[0].partner).toMatchObject({ name: 'Zorg; Welzijn Noord', category: 'zorg', domains: ['zwn.nl', 'zwn-zorg.nl'], themes: ['zorg', 'eenzaamheid'], rhythmDays: 90, ownerName: 'Anna', status: 'active' });
  });
  it('reads commas too, and reports errors per row with the Excel line number', () => {
    const text = 'name,category,domains,rhythm\nGood,bedrijf,good.nl,\nBad,spaceship,co.uk,-3\n';
    const result = parseRegisterCsv(text, options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows[0].errors).toEqual([]);
    expect(result.rows[1].line).toBe(3);
    expect(result.rows[1].errors.map((e) => e.key)).toEqual(['csv.row.category', 'partnerEdit.domain.public-suffix', 'csv.row.rhythm']);
    expect(result.rows[1].partner).toBeUndefined();
  });
  it('rejects free-mail and municipal domains', () => {
    const result = parseRegisterCsv('Naam;Domeinen\nA;gmail.com\nB;veenhaven.nl\n', options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.errors[0]?.key)).toEqual(['partnerEdit.domain.free-mail', 'partnerEdit.domain.internal']);
  });
  it('marks duplicates by name or domain, against the register and within the file', () => {
    const text = 'Naam;Domeinen\nwoonstichting veenland;\nOther name;www.woonstichtingveenland.nl\nNew;new.nl\nNew again;new.nl\n';
    const result = parseRegisterCsv(text, options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.duplicate?.key)).toEqual(['csv.row.duplicateName', 'csv.row.duplicateDomain', undefined, 'csv.row.duplicateDomain']);
  });
  it('refuses a file that is too large, has too many rows, or has no name column', () => {
    expect(parseRegisterCsv('x'.repeat(20), { ...options, limits: { maxBytes: 10, maxRows: 10 } })).toEqual({ ok: false, error: { key: 'csv.error.tooLarge', params: { max: 0 } } });
    expect(parseRegisterCsv('Naam\na\nb\nc\n', { ...options, limits: { maxBytes: 1000, maxRows: 2 } })).toMatchObject({ ok: false, error: { key: 'csv.error.tooManyRows' } });
    expect(parseRegisterCsv('Foo;Bar\n1;2\n', options)).toEqual({ ok: false, error: { key: 'csv.error.noNameColumn' } });
    expect(parseRegisterCsv('\uFEFF  \n', options)).toEqual({ ok: false, error: { key: 'csv.error.empty' } });
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+31 6', '-x', '@SUM', '\tx', '\rx', 'ok'].map(neutraliseCell)).toEqual(["'=1+1", "'+31 6", "'-x", "'@SUM", "'\tx", "'\rx", 'ok']);
  });
  it('writes partners in the shape the import reads back', () => {
    const csv = partnersCsv([partner({ id: 'a', name: 'A; B', category: 'zorg', domains: ['a.nl', 'b.nl'], themes: ['zorg'] })]);
    expect(csv.startsWith('\uFEFFNaam;Categorie')).toBe(true);
    const back = parseRegisterCsv(csv, { existing: [], newId: () => 'id' });
    if (!back.ok) throw new Error('expected ok');
    expect(back.rows[0].partner).toMatchObject({ name: 'A; B', category: 'zorg', domains: ['a.nl', 'b.nl'], themes: ['zorg'] });
  });
  it('exports interactions with the Woo flag and hides confidential text, and agenda items', () => {
    const names = new Map([['p', 'Partner P']]);
    const csv = interactionsCsv([interaction({ title: '=HYPERLINK("x")', wooRelevant: true, confidential: true, summary: 'secret' })], names);
    const line = csv.split('\r\n')[1];
    expect(line).toContain('\'=HYPERLINK(""x"")');
    expect(line).not.toContain('secret');
    expect(line.endsWith(';ja;ja')).toBe(true);
    expect(agendaCsv([agendaItem({ id: 'g', topic: 'Samen' })], names).split('\r\n')[1]).toBe('Partner P;Samen;samen;Anna;open;;');
  });
});
