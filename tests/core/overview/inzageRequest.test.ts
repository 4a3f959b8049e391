import { findPerson, inzageAnswer, inzageDeadline, inzageHtml } from '../../../src/core/overview';
import { createI18n } from '../../../src/i18n';
import { agendaItem, interaction, partner } from './fixtures';

// Jan Bakker asks what is stored about him; Piet Lokaas and Ayşe Çelik are decoys.
const data = {
  partners: [
    partner({ id: 'a', name: 'Corp', contacts: ['j.bakker@corp.nl', 'p.lokaas@corp.nl'], contactNames: { 'j.bakker@corp.nl': 'Jan Bakker', 'p.lokaas@corp.nl': 'Piet Lokaas' } }),
    partner({ id: 'c', name: 'Zorg', contacts: ['a.celik@zorg.nl'], contactNames: { 'a.celik@zorg.nl': 'Ayşe Çelik' } }),
  ],
  interactions: [
    interaction({ id: 'i1', partnerId: 'a', date: '2025-03-01T10:00:00Z', summary: 'Gesprek met Jan Bakker en Piet Lokaas over de wijk.' }),
    interaction({ id: 'i2', partnerId: 'a', date: '2026-01-01T10:00:00Z', summary: 'Alleen Piet Lokaas.' }),
    interaction({ id: 'i3', partnerId: 'c', date: '2024-01-01T10:00:00Z', summary: 'Ayşe Çelik belt terug.' }),
  ],
  agenda: [agendaItem({ id: 'g1', partnerId: 'a', owner: 'Jan Bakker', dueDate: '2026-02-01T12:00:00Z' }), agendaItem({ id: 'g2', partnerId: 'c', owner: 'Ayşe Çelik' })],
};
const partnerName = (id: string) => data.partners.find((p) => p.id === id)?.name ?? id;

describe('inzageverzoek', () => {
  it('is due one month after receipt, the last day of a shorter month', () => {
    expect(inzageDeadline('2026-01-31')).toBe('2026-02-28');
    expect(inzageDeadline('2026-12-03')).toBe('2027-01-03');
  });

  it('answers with exactly the person\'s records: what, how many, where, since when and why, in HTML and JSON alike', () => {
    const findings = findPerson({ text: 'Jan Bakker' }, data);
    const answer = inzageAnswer(findings, { exportedAt: new Date('2026-12-10T09:00:00Z'), redacted: '[weggelaten]', partnerName, receivedOn: '2026-12-03', site: 'veenhaven.sharepoint.com' });
    expect(answer.request).toEqual({ query: 'Jan Bakker', receivedOn: '2026-12-03', deadline: '2027-01-03', answeredAt: '2026-12-10T09:00:00.000Z', onTime: true });
    expect(answer.categories.map((c) => [c.category, c.count, c.list, c.since])).toEqual([
      ['partners', 1, 'Partners', undefined],
      ['interactions', 1, 'Interactions', '2025-03-01T10:00:00Z'],
      ['agenda', 1, 'Agenda', '2026-02-01T12:00:00Z'],
    ]);
    const json = JSON.stringify(answer);
    for (const decoy of ['Piet Lokaas', 'p.lokaas@corp.nl', 'Ayşe', 'Zorg', 'Alleen']) expect(json).not.toContain(decoy);
    const { say, date } = createI18n('nl');
    const html = inzageHtml(answer, { say, date }, 'nl');
    expect(html).toContain('Gesprek met Jan Bakker en [weggelaten] over de wijk.');
    expect(html).toContain('Verslagen van contactmomenten');
    expect(html).toContain('uiterlijk te beantwoorden op 3 jan 2027');
    for (const decoy of ['Piet Lokaas', 'Ayşe', 'Alleen']) expect(html).not.toContain(decoy);
  });
});
