import { contactTrends, monthsUpTo, monthTotals } from '../../../src/core/overview/trends';
import { interaction, now, partner } from './fixtures';

describe('contactTrends', () => {
  const partners = [partner({ id: 'a', category: 'zorg' }), partner({ id: 'b', category: 'bedrijf' }), partner({ id: 'c', category: 'zorg' })];
  const interactions = [
    interaction({ partnerId: 'a', date: '2026-11-02T00:00:00Z' }),
    interaction({ partnerId: 'c', date: '2026-11-03T00:00:00Z' }),
    interaction({ partnerId: 'b', date: '2026-10-02T00:00:00Z' }),
    interaction({ partnerId: 'b', date: '2025-01-02T00:00:00Z' }),
  ];
  it('lists the last months, oldest first', () => {
    expect(monthsUpTo(now, 3)).toEqual(['2026-09', '2026-10', '2026-11']);
  });
  it('counts contacts per month per category, busiest first, ignoring older months', () => {
    const t = contactTrends(interactions, partners, { now, months: 3, by: 'category' });
    expect(t.series).toEqual([
      { key: 'zorg', counts: [0, 0, 2], total: 2 },
      { key: 'bedrijf', counts: [0, 1, 0], total: 1 },
    ]);
    expect(monthTotals(t)).toEqual([0, 1, 2]);
  });
  it('counts per partner and keeps the busiest', () => {
    expect(contactTrends(interactions, partners, { now, months: 3, by: 'partner', limit: 1 }).series.map((s) => s.key)).toEqual(['a']);
  });
});
