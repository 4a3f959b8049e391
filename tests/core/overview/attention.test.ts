import { attentionList } from '../../../src/core/overview/attention';
import { agendaItem, interaction, now, partner } from './fixtures';

describe('attentionList', () => {
  const partners = [
    partner({ id: 'quiet', name: 'Quiet', rhythmDays: 60, lastContact: '2026-08-01T00:00:00Z', ownerName: 'Anna' }),
    partner({ id: 'orphan', name: 'Orphan', lastContact: '2026-11-20T00:00:00Z' }),
    partner({ id: 'fine', name: 'Fine', rhythmDays: 60, lastContact: '2026-11-20T00:00:00Z', ownerName: 'Bob' }),
    partner({ id: 'gone', name: 'Gone', status: 'inactive' }),
    // Just imported: a rhythm and an owner, but nobody has been in touch yet.
    partner({ id: 'new', name: 'New', rhythmDays: 60, ownerName: 'Cor' }),
    partner({ id: 'newer', name: 'Newer', ownerName: 'Cor' }),
  ];
  const interactions = [
    interaction({ partnerId: 'orphan', department: 'Wonen', date: '2026-11-20T00:00:00Z' }),
    interaction({ partnerId: 'fine', department: 'Wonen', date: '2026-11-20T00:00:00Z' }),
    interaction({ partnerId: 'fine', department: 'Economie', date: '2026-10-20T00:00:00Z' }),
    interaction({ partnerId: 'fine', kind: 'review', date: '2025-11-01T00:00:00Z', department: 'Economie', review: { goesWell: '', couldImprove: '', score: 4 } }),
    interaction({ partnerId: 'fine', kind: 'review', date: '2026-11-01T00:00:00Z', department: 'Economie', review: { goesWell: '', couldImprove: '', score: 2 } }),
  ];
  const agenda = [
    agendaItem({ id: 'late', partnerId: 'fine', dueDate: '2026-11-01T00:00:00Z' }),
    agendaItem({ id: 'closed', partnerId: 'fine', dueDate: '2026-11-01T00:00:00Z', status: 'done' }),
    agendaItem({ id: 'later', partnerId: 'fine', dueDate: '2027-01-01T00:00:00Z' }),
  ];
  const list = attentionList({ partners, interactions, agenda, now });

  it('names every reason once, most pressing first, and leaves inactive partners out', () => {
    expect(list.map((a) => `${a.reason}:${a.partnerId}`)).toEqual([
      'review-dropped:fine',
      'past-rhythm:quiet',
      'overdue-agenda:fine',
      'no-owner:orphan',
      'single-department:orphan',
      'no-contact:new',
      'no-contact:newer',
    ]);
  });
  it('says "no contact yet" for a partner without any interaction, and never counts it as gone quiet', () => {
    expect(list.filter((a) => a.reason === 'past-rhythm').map((a) => a.partnerId)).toEqual(['quiet']);
    expect(list.find((a) => a.partnerId === 'new')?.message).toEqual({ key: 'attention.reason.never', params: { rhythm: 60 } });
    expect(list.find((a) => a.partnerId === 'newer')?.message).toEqual({ key: 'attention.reason.noContact' });
  });
  it('carries the figures for the sentence', () => {
    expect(list[0].message).toEqual({ key: 'attention.reason.reviewDropped', params: { from: 4, to: 2 } });
    expect(list[1].message).toEqual({ key: 'attention.reason.pastRhythm', params: { days: 117, rhythm: 60 } });
    expect(list[2].agendaItemId).toBe('late');
  });
});
