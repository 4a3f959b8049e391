import { gatherWooRecords, summariseWoo, wooCounts, wooInventoryCsv, wooPackageHtml, type WooQuery } from '../../../src/core/overview';
import { createI18n } from '../../../src/i18n';
import { agendaItem, interaction, partner } from './fixtures';

// The request: Woonstichting (w) about "wonen" in the first quarter of 2026. Everything marked decoy must stay out.
const data = {
  partners: [
    partner({ id: 'w', name: 'Woonstichting', contacts: ['k.dekker@woon.nl'], contactNames: { 'k.dekker@woon.nl': 'Karin Dekker' } }),
    partner({ id: 'z', name: 'Ziekenhuis' }),
  ],
  interactions: [
    interaction({ id: 'in', partnerId: 'w', date: '2026-02-10T09:00:00Z', themes: ['Wonen'], title: 'Prestatieafspraken', summary: 'Afspraken over 200 woningen.', followUps: 'Concept rondsturen', wooRelevant: true }),
    interaction({ id: 'person', partnerId: 'w', date: '2026-03-01T09:00:00Z', themes: ['wonen', 'Zorg'], title: 'Bellen met Karin Dekker', summary: 'Zij mailt vanaf k.dekker@woon.nl.' }),
    interaction({ id: 'secret', partnerId: 'w', date: '2026-01-05T09:00:00Z', themes: ['Wonen'], title: 'Vertrouwelijk overleg', summary: '', confidential: true, authorName: 'Bram Boer' }),
    interaction({ id: 'review', partnerId: 'w', kind: 'review', date: '2026-03-31T21:30:00Z', themes: ['Wonen'], title: 'Relatiegesprek Q1', summary: 'Goed gesprek.', review: { goesWell: 'Snel schakelen', couldImprove: 'Planning', score: 4 } }),
    interaction({ id: 'withdrawn', partnerId: 'w', date: '2026-01-20T09:00:00Z', themes: ['Wonen'], title: 'Dubbel', summary: 'Per ongeluk', withdrawn: { at: '2026-01-21T09:00:00Z', byName: 'Anna', byEmail: 'a@veenhaven.nl', reason: 'Dubbel vastgelegd' } }),
    // decoys
    interaction({ id: 'decoy-partner', partnerId: 'z', date: '2026-02-10T09:00:00Z', themes: ['Wonen'], title: 'Ander' }),
    interaction({ id: 'decoy-theme', partnerId: 'w', date: '2026-02-10T09:00:00Z', themes: ['Economie'], title: 'Ander thema' }),
    interaction({ id: 'decoy-before', partnerId: 'w', date: '2025-12-31T22:30:00Z', themes: ['Wonen'], title: 'Te vroeg (31 december in Amsterdam)' }),
    interaction({ id: 'decoy-after', partnerId: 'w', date: '2026-03-31T22:30:00Z', themes: ['Wonen'], title: 'Te laat (1 april in Amsterdam)' }),
  ],
  agenda: [
    agendaItem({ id: 'ag', partnerId: 'w', topic: 'Wonen: prestatieafspraken 2027', dueDate: '2026-03-15', nextStep: 'Bod uitbrengen' }),
    agendaItem({ id: 'ag-undated', partnerId: 'w', topic: 'Wonen en zorg' }),
    agendaItem({ id: 'decoy-ag-theme', partnerId: 'w', topic: 'Bereikbaarheid', dueDate: '2026-02-01' }),
    agendaItem({ id: 'decoy-ag-due', partnerId: 'w', topic: 'Wonen later', dueDate: '2026-06-01' }),
    agendaItem({ id: 'decoy-ag-partner', partnerId: 'z', topic: 'Wonen', dueDate: '2026-02-01' }),
  ],
};
const query: WooQuery = { partnerIds: ['w'], themes: ['wonen'], from: '2026-01-01', to: '2026-03-31' };
const zone = 'Europe/Amsterdam';
const partnerName = (id: string) => data.partners.find((p) => p.id === id)?.name ?? id;

describe('gatherWooRecords', () => {
  const records = gatherWooRecords(query, data, zone);

  it('takes exactly the partner, theme and calendar period asked for, numbered in date order, undated last', () => {
    expect(records.map((r) => r.source.id)).toEqual(['secret', 'withdrawn', 'in', 'person', 'ag', 'review', 'ag-undated']);
    expect(records.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(records.map((r) => r.kind)).toEqual(['interaction', 'interaction', 'interaction', 'interaction', 'agenda', 'review', 'agenda']);
  });

  it('marks what the coordinator must assess, and says when the text is only the author’s', () => {
    const by = (id: string) => records.find((r) => r.source.id === id)!;
    expect(by('secret')).toMatchObject({ textWithheld: true, assessments: ['confidential'] });
    expect(by('person').assessments).toEqual(['personalData']);
    expect(by('in').assessments).toEqual(['flagged']);
    expect(by('withdrawn').assessments).toEqual(['withdrawn']);
    expect(by('review').texts).toEqual([
      { label: 'summary', text: 'Goed gesprek.' }, { label: 'goesWell', text: 'Snel schakelen' }, { label: 'couldImprove', text: 'Planning' }, { label: 'score', text: '4' },
    ]);
    expect(by('withdrawn').texts.at(-1)).toEqual({ label: 'withdrawnReason', text: 'Dubbel vastgelegd' });
    expect(summariseWoo(records)).toEqual({ total: 7, byKind: { interaction: 4, review: 1, agenda: 2 }, byAssessment: { confidential: 1, personalData: 1, flagged: 1, withdrawn: 1 } });
  });

  it('without partners, themes or period takes everything', () => {
    expect(gatherWooRecords({ partnerIds: [], themes: [] }, data, zone)).toHaveLength(data.interactions.length + data.agenda.length);
  });
});

describe('the package', () => {
  const records = gatherWooRecords(query, data, zone);
  for (const lang of ['nl', 'en'] as const) {
    const i18n = createI18n(lang);
    const words = { say: i18n.say, date: i18n.numericDate };

    it(`lists every record once in the CSV inventory (${lang})`, () => {
      const lines = wooInventoryCsv(records, words, partnerName).trim().split('\r\n');
      expect(lines).toHaveLength(records.length + 1);
      expect(lines.slice(1).map((l) => l.split(';').at(-1))).toEqual(records.map((r) => `${r.source.list}/${r.source.id}`));
    });

    it(`is one readable HTML document with the inventory and every text, escaped (${lang})`, () => {
      const hostile = gatherWooRecords({ partnerIds: [], themes: [] }, { partners: [], agenda: [], interactions: [interaction({ id: 'x', title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>' })] }, zone);
      const html = wooPackageHtml(hostile, words, { query: { partnerIds: [], themes: [] }, generatedAt: new Date('2026-04-01T10:00:00Z'), generatedBy: 'Anna', partnerName, lang });
      expect(html).not.toMatch(/<script|<img/);
      expect(html).toContain('&lt;script&gt;');
      const full = wooPackageHtml(records, words, { query, generatedAt: new Date('2026-04-01T10:00:00Z'), generatedBy: 'Anna', partnerName, lang });
      expect(full.startsWith('<!doctype html>')).toBe(true);
      expect(full).toContain(`lang="${lang}"`);
      for (const r of records) expect(full).toContain(`id="doc-${r.number}"`);
      expect(full).toContain('Snel schakelen');
      expect(full).toContain(wooCounts(words, records, 'woo.package.counts'));
    });
  }

  it('counts in words, one and many', () => {
    const i18n = createI18n('nl');
    expect(wooCounts({ say: i18n.say, date: i18n.numericDate }, records, 'woo.package.counts')).toBe('7 documenten: 4 contactmomenten, 1 relatiegesprek en 2 agendapunten.');
  });
});

it('says when and by whom the package was made, as a person reads the date', () => {
  const i18n = createI18n('nl');
  const html = wooPackageHtml([], { say: i18n.say, date: i18n.numericDate }, { query, generatedAt: new Date('2026-04-01T10:00:00Z'), generatedBy: 'Anna de Vries', partnerName, lang: 'nl' });
  expect(html).toContain(`Samengesteld op ${i18n.date('2026-04-01T10:00:00Z')} door Anna de Vries met Partnerzicht.`);
  expect(html).toContain('Periode: 01-01-2026 – 31-03-2026');
  expect(html).toContain('geen documenten gemarkeerd');
});
