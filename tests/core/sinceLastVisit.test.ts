import { highestId, newSinceLastVisit } from '../../src/core/sinceLastVisit';

const NOW = new Date('2026-12-01T10:00:00Z');
const partners = [
  { id: 'p1', ownerEmail: 'Anna@veenhaven.nl' },
  { id: 'p2', ownerEmail: 'bram@veenhaven.nl' },
];
const entry = (id: string, partnerId: string, authorEmail: string, date = '2026-11-30T10:00:00Z') => ({ id, partnerId, authorEmail, date, kind: 'meeting' as const, department: 'Economie', themes: [], authorName: authorEmail, title: `t${id}` });

test('colleagues\' notes on the partners the official owns, with a higher id than at the last visit, newest first', () => {
  const entries = [entry('10', 'p1', 'bram@veenhaven.nl'), entry('12', 'p1', 'cees@veenhaven.nl'), entry('13', 'p1', 'anna@veenhaven.nl'), entry('14', 'p2', 'cees@veenhaven.nl'), entry('local-1', 'p1', 'cees@veenhaven.nl')];
  expect(newSinceLastVisit(entries, partners, 'anna@veenhaven.nl', 10, NOW).map((e) => e.id)).toEqual(['12']);
  expect(newSinceLastVisit(entries, partners, 'anna@veenhaven.nl', 12, NOW)).toEqual([]);
  expect(highestId(entries)).toBe(14);
});

test('the first visit: the last two weeks by contact date; an official who owns nothing sees nothing', () => {
  const entries = [entry('1', 'p1', 'bram@veenhaven.nl', '2026-10-01T10:00:00Z'), entry('2', 'p1', 'bram@veenhaven.nl')];
  expect(newSinceLastVisit(entries, partners, 'anna@veenhaven.nl', undefined, NOW).map((e) => e.id)).toEqual(['2']);
  expect(newSinceLastVisit(entries, partners, 'dirk@veenhaven.nl', undefined, NOW)).toEqual([]);
});
