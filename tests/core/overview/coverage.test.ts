import { cellInteractions, cellKey, coverageMatrix, parallelContacts, singleDepartmentPartners } from '../../../src/core/overview/coverage';
import { lastMonths } from '../../../src/core/overview/types';
import { interaction, now, partner } from './fixtures';

const period = lastMonths(now, 12);
const partners = [partner({ id: 'a' }), partner({ id: 'b' })];
const interactions = [
  interaction({ partnerId: 'a', department: 'Wonen', themes: ['wonen', 'vastgoed'], sourceRef: 'm1' }),
  interaction({ partnerId: 'a', department: 'Vastgoed', themes: ['vastgoed'] }),
  interaction({ partnerId: 'a', department: 'Wonen', themes: ['wonen'], date: '2024-01-01T00:00:00Z' }),
  interaction({ partnerId: 'b', department: 'Economie', themes: ['economie'], sourceRef: 'm2' }),
  interaction({ partnerId: 'b', department: 'Wonen', themes: ['economie'], sourceRef: 'm2' }),
];

describe('coverageMatrix', () => {
  it('counts contacts per department and partner within the period', () => {
    const m = coverageMatrix(interactions, partners, period, 'department');
    expect(m.counts.get(cellKey('Wonen', 'a'))).toBe(1);
    expect(m.rows).toEqual(['Wonen', 'Economie', 'Vastgoed']);
    expect(m.columns).toEqual(['a', 'b']);
    expect(m.columnTotals.get('a')).toBe(2);
  });
  it('counts an interaction in each of its themes', () => {
    const m = coverageMatrix(interactions, partners, period, 'theme');
    expect(m.counts.get(cellKey('vastgoed', 'a'))).toBe(2);
    expect(m.counts.get(cellKey('wonen', 'a'))).toBe(1);
  });
  it('gives the interactions behind a cell, newest first', () => {
    expect(cellInteractions(interactions, 'vastgoed', 'a', period, 'theme')).toHaveLength(2);
    expect(cellInteractions(interactions, 'Wonen', 'a', lastMonths(now, 60), 'department').map((i) => i.date)).toEqual(['2026-11-01T10:00:00Z', '2024-01-01T00:00:00Z']);
  });
  it('finds relationships carried by one department', () => {
    const one = coverageMatrix([interactions[0]], partners, period, 'department');
    expect(singleDepartmentPartners(one)).toEqual([{ partnerId: 'a', department: 'Wonen' }]);
  });
});

describe('parallelContacts', () => {
  it('pairs departments that discussed the same theme with a partner separately, not those in one meeting', () => {
    expect(parallelContacts(interactions, period)).toEqual([{ partnerId: 'a', departments: ['Vastgoed', 'Wonen'], themes: ['vastgoed'] }]);
  });
});
