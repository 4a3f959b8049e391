import { attentionFromActivity, attentionList } from '../../../src/core/overview/attention';
import { encodeInteractions, type CompactInteraction } from '../../../src/core/overview/interactionTable';
import { activityByPartner, activityFromTable } from '../../../src/core/overview/partnerActivity';
import { lastMonths } from '../../../src/core/overview/types';
import { agendaItem, interaction, now, partner } from './fixtures';

describe('partner activity', () => {
  const partners = [
    partner({ id: 'quiet', name: 'Quiet', rhythmDays: 60, lastContact: '2026-08-01T00:00:00Z', ownerName: 'Anna' }),
    partner({ id: 'orphan', name: 'Orphan', lastContact: '2026-11-20T00:00:00Z' }),
    partner({ id: 'fine', name: 'Fine', rhythmDays: 60, lastContact: '2026-11-20T00:00:00Z', ownerName: 'Bob' }),
    partner({ id: 'gone', name: 'Gone', status: 'inactive' }),
  ];
  const review = (score: number) => ({ goesWell: '', couldImprove: '', score });
  const interactions = [
    interaction({ id: 'a', partnerId: 'orphan', department: 'Wonen', date: '2026-11-20T00:00:00Z' }),
    interaction({ id: 'b', partnerId: 'orphan', department: 'Zorg', date: '2024-11-20T00:00:00Z' }), // outside the 12 months
    interaction({ id: 'c', partnerId: 'fine', department: 'Wonen', date: '2026-11-20T00:00:00Z' }),
    interaction({ id: 'd', partnerId: 'fine', department: '', date: '2026-11-21T00:00:00Z' }),
    interaction({ id: 'e', partnerId: 'fine', kind: 'review', date: '2025-11-01T00:00:00Z', department: 'Economie', review: review(4) }),
    interaction({ id: 'f', partnerId: 'fine', kind: 'review', date: '2026-11-01T00:00:00Z', department: 'Economie', review: review(2) }),
    interaction({ id: 'g', partnerId: 'gone', kind: 'review', date: '2026-11-01T00:00:00Z', department: 'Wonen' }), // review without a score
  ];
  const agenda = [agendaItem({ id: 'late', partnerId: 'fine', dueDate: '2026-11-01T00:00:00Z' }), agendaItem({ id: 'late2', partnerId: 'quiet', dueDate: '2026-10-01T00:00:00Z' })];
  // As the overview cache holds them: a review's score only, no texts.
  const compact: CompactInteraction[] = interactions.map(({ summary: _s, followUps: _f, review: r, sourceLink: _l, ...rest }) => (r?.score ? { ...rest, reviewScore: r.score } : rest));
  const period = lastMonths(now, 12);

  it('sums up reviews and departments in the period per partner, inactive partners too', () => {
    const activity = activityByPartner(interactions, period);
    expect([...activity.get('orphan')!.departments]).toEqual(['Wonen']);
    expect([...activity.get('fine')!.departments].sort()).toEqual(['Economie', 'Wonen']);
    expect(activity.get('fine')!.reviews.map((r) => r.score).sort()).toEqual([2, 4]);
    expect(activity.get('gone')!.reviews).toEqual([]);
    expect(activity.has('quiet')).toBe(false);
  });

  it('reads the same figures from the cache columns as from the objects', () => {
    const fromObjects = activityByPartner(interactions, period);
    const fromTable = activityFromTable(encodeInteractions(compact), period);
    expect(fromTable).toEqual(fromObjects);
  });

  it('agrees with the objects for many partners and departments', () => {
    const many = Array.from({ length: 3000 }, (_, n) =>
      interaction({ id: `m${n}`, partnerId: `p${n % 7}`, department: n % 11 ? `Afdeling ${n % 97}` : '', date: `202${5 + (n % 2)}-0${1 + (n % 9)}-15T10:00:00Z`, kind: n % 13 ? 'call' : 'review', review: n % 13 ? undefined : review(1 + (n % 5)) }),
    );
    const asCompact: CompactInteraction[] = many.map(({ summary: _s, followUps: _f, review: r, sourceLink: _l, ...rest }) => (r?.score ? { ...rest, reviewScore: r.score } : rest));
    const fromTable = activityFromTable(encodeInteractions(asCompact), period);
    const fromObjects = activityByPartner(many, period);
    expect(fromTable).toEqual(fromObjects);
    expect(Math.max(...[...fromTable.values()].map((a) => a.departments.size))).toBeGreaterThan(64);
  });

  it('gives the same attention list from the columns as attentionList from the objects', () => {
    const expected = attentionList({ partners, interactions, agenda, now });
    const activity = activityFromTable(encodeInteractions(compact), period);
    expect(attentionFromActivity({ partners, activity, agenda, now })).toEqual(expected);
    expect(expected.map((a) => `${a.reason}:${a.partnerId}`)).toEqual([
      'review-dropped:fine', 'past-rhythm:quiet', 'overdue-agenda:fine', 'overdue-agenda:quiet', 'no-owner:orphan', 'single-department:orphan',
    ]);
  });
});
