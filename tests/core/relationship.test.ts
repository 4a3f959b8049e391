import { departmentContacts, filterTimeline, latestReview, rhythmStatus, sortTimeline } from '../../src/core/relationship';
import type { Interaction } from '../../src/core/model';

const now = new Date('2026-11-26T12:00:00Z');

function interaction(over: Partial<Interaction>): Interaction {
  return {
    id: over.clientId ?? 'x', clientId: 'x', partnerId: 'p', date: '2026-11-01T10:00:00Z', kind: 'meeting',
    department: 'Wonen', authorEmail: 'a@veenhaven.nl', authorName: 'Anna', themes: [], title: 't', summary: 's',
    confidential: false, wooRelevant: false, ...over,
  };
}

describe('rhythmStatus', () => {
  it('is overdue past the rhythm, with the days since the last contact', () => {
    expect(rhythmStatus({ lastContact: '2026-08-24T12:00:00Z', rhythmDays: 60 }, now)).toEqual({ state: 'overdue', daysSince: 94, rhythmDays: 60 });
  });
  it('is due soon in the last sixth of the rhythm and ok before', () => {
    expect(rhythmStatus({ lastContact: '2026-10-01T12:00:00Z', rhythmDays: 60 }, now).state).toBe('due-soon');
    expect(rhythmStatus({ lastContact: '2026-11-20T12:00:00Z', rhythmDays: 60 }, now).state).toBe('ok');
  });
  it('counts calendar days: yesterday is 1 this morning, today is 0', () => {
    const morning = new Date('2026-11-26T07:00:00Z');
    expect(rhythmStatus({ lastContact: '2026-11-25T12:00:00Z', rhythmDays: 60 }, morning, 'Europe/Amsterdam').daysSince).toBe(1);
    expect(rhythmStatus({ lastContact: '2026-11-26T06:30:00Z', rhythmDays: 60 }, morning, 'Europe/Amsterdam').daysSince).toBe(0);
  });
  it('says never when there was no contact, and no-target without a rhythm', () => {
    expect(rhythmStatus({ rhythmDays: 30 }, now).state).toBe('never');
    expect(rhythmStatus({ lastContact: '2026-11-20T12:00:00Z' }, now)).toEqual({ state: 'no-target', daysSince: 6, rhythmDays: undefined });
  });
});

describe('departmentContacts', () => {
  it('counts contacts per department in the last 12 months with themes and the latest colleague', () => {
    const rows = departmentContacts(
      [
        interaction({ clientId: '1', department: 'Wonen', date: '2026-10-01T10:00:00Z', themes: ['wonen'], authorName: 'Anna' }),
        interaction({ clientId: '2', department: 'Wonen', date: '2026-11-01T10:00:00Z', themes: ['wonen', 'vastgoed'], authorName: 'Bram' }),
        interaction({ clientId: '3', department: 'Vastgoed', date: '2026-06-01T10:00:00Z', themes: ['vastgoed'], authorName: 'Cor' }),
        interaction({ clientId: '4', department: 'Economie', date: '2025-06-01T10:00:00Z', themes: ['economie'], authorName: 'Dirk' }),
      ],
      now,
    );
    expect(rows).toEqual([
      { department: 'Wonen', count: 2, themes: ['wonen', 'vastgoed'], lastDate: '2026-11-01T10:00:00Z', lastAuthor: 'Bram' },
      { department: 'Vastgoed', count: 1, themes: ['vastgoed'], lastDate: '2026-06-01T10:00:00Z', lastAuthor: 'Cor' },
    ]);
  });
});

describe('timeline', () => {
  const items = [
    interaction({ id: 'a', date: '2026-01-01T00:00:00Z', themes: ['zorg'], department: 'Zorg' }),
    interaction({ id: 'b', date: '2026-03-01T00:00:00Z', themes: ['wonen'], department: 'Wonen' }),
  ];
  it('sorts newest first and filters by theme and department', () => {
    expect(sortTimeline(items).map((i) => i.id)).toEqual(['b', 'a']);
    expect(filterTimeline(items, { theme: 'zorg' }).map((i) => i.id)).toEqual(['a']);
    expect(filterTimeline(items, { department: 'Wonen', theme: 'zorg' })).toEqual([]);
  });
  it('reports the latest review and its trend', () => {
    const reviews = [
      interaction({ id: 'r1', kind: 'review', date: '2025-11-01T00:00:00Z', review: { goesWell: '', couldImprove: '', score: 4 } }),
      interaction({ id: 'r2', kind: 'review', date: '2026-11-01T00:00:00Z', review: { goesWell: '', couldImprove: '', score: 2 } }),
    ];
    expect(latestReview(reviews)).toMatchObject({ review: { id: 'r2' }, trend: 'down' });
    expect(latestReview([])).toBeUndefined();
  });
});
