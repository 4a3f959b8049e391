import Papa from 'papaparse';
import { agendaCsv, interactionsCsv, neutraliseCell, partnersCsv, withTexts } from '../../../src/core/csv/csvExport';
import { categoryOfCell, decodeCsvBytes, parseRegisterCsv } from '../../../src/core/csv/registerImport';
import { PARTNER_CATEGORIES } from '../../../src/core/model';
import type { Interaction, Partner } from '../../../src/core/model';
import { createI18n, loadCatalogue } from '../../../src/i18n';
import { agendaItem, interaction, now, partner } from './fixtures';

// English is a chunk of its own (src/i18n/index.ts); the surfaces load it before their first render.
beforeAll(() => loadCatalogue('en'));

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
  it('names the column whose value the list would refuse as too long', () => {
    const result = parseRegisterCsv(`Naam;Omschrijving\n${'n'.repeat(256)};kort\nKort;${'d'.repeat(64_000)}\nGoed;${'d'.repeat(63_999)}\n`, options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.errors)).toEqual([
      [{ key: 'csv.row.tooLong', params: { column: 'Naam', max: 255 } }],
      [{ key: 'csv.row.tooLong', params: { column: 'Omschrijving', max: 63_999 } }],
      [],
    ]);
    expect(result.rows.map((r) => r.partner !== undefined)).toEqual([false, false, true]);
  });
  it('reads a plain "CSV" save of Dutch Excel (Windows-1252, no BOM) as such, and UTF-8 as UTF-8', () => {
    const win1252 = Uint8Array.from([...'Naam;Omschrijving\r\nStichting Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x3b, 0x80, 0x20, 0x35, 0x0d, 0x0a]));
    expect(decodeCsvBytes(win1252)).toBe('Naam;Omschrijving\r\nStichting Café;€ 5\r\n');
    // The byte-order mark is the decoder's to drop.
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFFNaam\nStichting Café\n'))).toBe('Naam\nStichting Café\n');
    const result = parseRegisterCsv(decodeCsvBytes(win1252), options);
    expect(result.ok && result.rows[0].partner).toMatchObject({ name: 'Stichting Café', description: '€ 5' });
  });
  it('numbers rows as Excel does, blank rows and cells over several lines counted', () => {
    const result = parseRegisterCsv('Naam;Categorie\nA;zorg\n;\n\n"B\nmet een regel";ruimteschip\nC;bogus\n', options);
    if (!result.ok) throw new Error('expected ok');
    // A line break in a name (a single line of text in SharePoint) is a space.
    expect(result.rows.map((r) => [r.name, r.line])).toEqual([['A', 2], ['B met een regel', 5], ['C', 6]]);
    // Blank lines before the heading count too.
    const later = parseRegisterCsv('\r\n\r\nNaam\nA\n', options);
    expect(later.ok && later.rows.map((r) => r.line)).toEqual([4]);
    expect(parseRegisterCsv('\nNaam;Domeinen\nA;"a.nl\nB;b.nl\n', options)).toEqual({ ok: false, error: { key: 'csv.error.quotes', params: { line: 3 } } });
  });
  it('a file of one column keeps the commas in its names', () => {
    const result = parseRegisterCsv('Naam\nGGD Noord, afdeling Jeugd\nStichting; Wonen\n', options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.partner?.name)).toEqual(['GGD Noord, afdeling Jeugd', 'Stichting; Wonen']);
  });
  it('refuses a file with a quotation mark that is never closed, naming its row, instead of losing the rows after it', () => {
    expect(parseRegisterCsv('Naam;Categorie;Domeinen\nA;zorg;a.nl\nB;zorg;"b.nl\nC;zorg;c.nl\nD;zorg;d.nl\n', options)).toEqual({ ok: false, error: { key: 'csv.error.quotes', params: { line: 3 } } });
  });
  it('finds a duplicate name whatever its case, accents or spaces', () => {
    const result = parseRegisterCsv('Naam\nWoonstichting\u00a0Veenland\nwoonstichting  veenland\nFryslân Zorg\nFryslan zorg\n', options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.duplicate?.key)).toEqual(['csv.row.duplicateName', 'csv.row.duplicateName', undefined, 'csv.row.duplicateName']);
  });
  it('takes a rhythm of whole days in digits only: "1.000", "90,0", "0x5A" and "9e1" are named', () => {
    const result = parseRegisterCsv('Naam;Ritme\nA;90\nB;1.000\nC;90,0\nD;0x5A\nE;9e1\nF; 30 \n', options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.partner?.rhythmDays ?? r.errors[0]?.key)).toEqual([90, 'csv.row.rhythm', 'csv.row.rhythm', 'csv.row.rhythm', 'csv.row.rhythm', 30]);
  });
  it('takes a category by its code or by its Dutch or English label, as the export writes them', () => {
    for (const language of ['nl', 'en'] as const) {
      const i18n = createI18n(language);
      for (const category of PARTNER_CATEGORIES) expect([language, category, categoryOfCell(i18n.t(`category.${category}`))]).toEqual([language, category, category]);
    }
    expect(['ZORG', 'Zorgorganisatie', 'Care organization', 'ruimteschip'].map(categoryOfCell)).toEqual(['zorg', 'zorg', 'zorg', undefined]);
  });
  it("an exported file whose category label was changed takes the label, not the code column's old category", () => {
    const result = parseRegisterCsv('Naam;Categorie;Categoriecode\nA;Ziekenhuis;zorg\nB;Hospital;zorg\nC;Eigen keuze;zorg\nD;;bedrijf\n', options);
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.map((r) => r.partner?.category)).toEqual(['ziekenhuis', 'ziekenhuis', 'zorg', 'bedrijf']);
  });
  it('refuses a file that is too large, has too many rows, or has no name column', () => {
    expect(parseRegisterCsv('x'.repeat(20), { ...options, limits: { maxBytes: 10, maxRows: 10 } })).toEqual({ ok: false, error: { key: 'csv.error.tooLarge', params: { max: 0 } } });
    expect(parseRegisterCsv('Naam\na\nb\nc\n', { ...options, limits: { maxBytes: 1000, maxRows: 2 } })).toMatchObject({ ok: false, error: { key: 'csv.error.tooManyRows' } });
    expect(parseRegisterCsv('Foo;Bar\n1;2\n', options)).toEqual({ ok: false, error: { key: 'csv.error.noNameColumn' } });
    expect(parseRegisterCsv('\uFEFF  \n', options)).toEqual({ ok: false, error: { key: 'csv.error.empty' } });
  });
});

describe('CSV export', () => {
  const nl = createI18n('nl');
  const en = createI18n('en');
  const words = (i18n: typeof nl) => ({ say: i18n.say, date: i18n.numericDate });
  const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+31 6', '-x', '@SUM', '\tx', '\rx', 'ok'].map(neutraliseCell)).toEqual(["'=1+1", "'+31 6", "'-x", "'@SUM", "'\tx", "'\rx", 'ok']);
  });

  it('writes the register as a person reads it: labels, a readable date, with the category code beside its label (UTF-8 BOM, semicolons)', () => {
    const p = partner({ id: 'a', name: 'Veenland', category: 'woningcorporatie', status: 'proposed', rhythmDays: 60, lastContact: '2026-11-20T12:00:00Z', interactionCount: 4 });
    const csv = partnersCsv([p], words(nl));
    expect(csv.startsWith('\uFEFFNaam;Categorie;Categoriecode;')).toBe(true);
    const [head, row] = rows(csv);
    const cell = (name: string) => row[head.indexOf(name)];
    expect([cell('Categorie'), cell('Categoriecode'), cell('Status'), cell('Laatste contact'), cell('Ritme (dagen)')]).toEqual(['Woningcorporatie', 'woningcorporatie', 'Voorgesteld', '20-11-2026', '60']);
    const [enHead, enRow] = rows(partnersCsv([p], words(en)));
    expect([enHead[1], enRow[1], enRow[2], enRow[enHead.indexOf('Status')], enRow[enHead.indexOf('Last contact')]]).toEqual(['Category', 'Housing corporation', 'woningcorporatie', 'Proposed', '20/11/2026']);
  });

  it('says a choice value written outside the app (a choice an administrator added in SharePoint) as stored, not as a message key', () => {
    const p = partner({ id: 'a', name: 'Museum', category: 'cultuur' as Partner['category'], status: 'gearchiveerd' as Partner['status'] });
    const [head, row] = rows(partnersCsv([p], words(nl)));
    expect([row[head.indexOf('Categorie')], row[head.indexOf('Categoriecode')], row[head.indexOf('Status')]]).toEqual(['cultuur', 'cultuur', 'gearchiveerd']);
    const [iHead, iRow] = rows(interactionsCsv(withTexts([interaction({ id: 'w', kind: 'werkbezoek' as Interaction['kind'] })], new Map()), new Map(), words(en)));
    expect(iRow[iHead.indexOf('Kind')]).toBe('werkbezoek');
  });

  it.each([['nl', nl], ['en', en]] as const)('an exported register (%s) imports again as the same partners, and as duplicates into the register it came from', (_, i18n) => {
    const register = [
      partner({ id: 'a', name: 'A; B', category: 'zorg', aliases: ['AB', 'Zorg, Welzijn en Wonen'], domains: ['a.nl', 'b.nl'], contacts: ['x@a.nl', 'p.jansen@a.nl'], contactNames: { 'p.jansen@a.nl': 'Jansen, P.' }, ownerName: 'Anna Visser', ownerEmail: 'a.visser@veenhaven.nl', themes: ['zorg', 'wonen'], rhythmDays: 90, status: 'active', description: '=geen formule' }),
      partner({ id: 'b', name: 'Verbonden', category: 'verbonden-partij', domains: ['vp.nl'], status: 'inactive' }),
      partner({ id: 'c', name: 'Nieuw', category: 'overig', status: 'proposed' }),
    ];
    const csv = partnersCsv(register, words(i18n));
    const back = parseRegisterCsv(csv, { existing: [], newId: () => 'id' });
    if (!back.ok) throw new Error('expected ok');
    expect(back.rows.flatMap((r) => r.errors)).toEqual([]);
    const strip = ({ id: _id, interactionCount: _n, lastContact: _l, etag: _e, ...rest }: Partner) => rest;
    expect(back.rows.map((r) => strip(r.partner!))).toEqual(register.map(strip));
    const again = parseRegisterCsv(csv, { existing: register, newId: () => 'id' });
    if (!again.ok) throw new Error('expected ok');
    expect(again.rows.map((r) => r.duplicate?.key)).toEqual(['csv.row.duplicateName', 'csv.row.duplicateName', 'csv.row.duplicateName']);
  });

  it('exports interactions with kind, date and yes/no in words, follow-ups, the Woo flag and the review, and hides confidential text', () => {
    const names = new Map([['p', 'Partner P']]);
    const review = interaction({ id: 'r', kind: 'review', date: '2026-11-02T12:00:00Z', wooRelevant: true, review: { goesWell: '', couldImprove: '', score: 4 } });
    const secret = interaction({ id: 's', kind: 'email', title: '=HYPERLINK("x")', confidential: true, summary: 'secret', followUps: 'geheim vervolg' });
    const texts = new Map([['r', { id: 'r', followUps: 'Offerte sturen', review: { goesWell: 'snel schakelen', couldImprove: 'eerder betrekken' } }]]);
    const csv = interactionsCsv(withTexts([review, secret], texts), names, words(nl));
    const [head, r, s] = rows(csv);
    expect(head).toEqual(['Partner', 'Datum', 'Soort', 'Afdeling', 'Auteur', 'Auteur e-mail', 'Titel', 'Thema’s', 'Vervolgacties', 'Vertrouwelijk', 'Woo-relevant', 'Score relatiegesprek (1–5)', 'Wat gaat goed', 'Wat kan beter']);
    expect(r).toEqual(['Partner P', '02-11-2026', 'Relatiegesprek', 'Wonen', 'Anna', 'a@veenhaven.nl', 't', '', 'Offerte sturen', 'nee', 'ja', '4', 'snel schakelen', 'eerder betrekken']);
    expect(s.slice(2, 3)).toEqual(['E-mail']);
    expect(s[6]).toBe('\'=HYPERLINK("x")');
    expect(csv).not.toMatch(/secret|geheim/);
    const [, english] = rows(interactionsCsv(withTexts([review], texts), names, words(en)));
    expect([english[1], english[2], english[9], english[10]]).toEqual(['02/11/2026', 'Relationship review', 'no', 'yes']);
  });

  it('exports agenda items with labels, the owner by name beside the address, the due date and whether it is overdue', () => {
    const names = new Map([['p', 'Partner P']]);
    const officialNames = new Map([['a.visser@veenhaven.nl', 'Anna Visser']]);
    const items = [
      agendaItem({ id: 'g', topic: 'Samen', status: 'in-progress', owner: 'a.visser@veenhaven.nl', dueDate: '2026-11-01T00:00:00Z' }),
      agendaItem({ id: 'h', topic: 'Later', direction: 'wij', owner: 'x@elders.nl', ownerName: 'Xander', dueDate: '2027-01-01T00:00:00Z', nextStep: 'bellen' }),
    ];
    const [head, g, h] = rows(agendaCsv(items, names, words(nl), { officialNames, now }));
    expect(head).toEqual(['Partner', 'Onderwerp', 'Wie is aan zet', 'Eigenaar', 'Eigenaar e-mail', 'Status', 'Uiterlijk', 'Over datum', 'Volgende stap']);
    expect(g).toEqual(['Partner P', 'Samen', 'samen', 'Anna Visser', 'a.visser@veenhaven.nl', 'Bezig', '01-11-2026', 'ja', '']);
    expect(h).toEqual(['Partner P', 'Later', 'wij', 'Xander', 'x@elders.nl', 'Open', '01-01-2027', 'nee', 'bellen']);
  });
});
