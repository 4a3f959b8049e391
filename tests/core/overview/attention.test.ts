import { attentionCounts, attentionList } from '../../../src/core/overview/attention';
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
    expect(list.find((a) => a.partnerId === 'new')?.message).toEqual({ key: 'attention.reason.never', count: 60 });
    expect(list.find((a) => a.partnerId === 'newer')?.message).toEqual({ key: 'attention.reason.noContact' });
  });
  it('carries the figures for the sentence', () => {
    expect(list[0].message).toEqual({ key: 'attention.reason.reviewDropped', params: { from: 4, to: 2 } });
    expect(list[1].message).toEqual({ key: 'attention.reason.pastRhythm', count: 60, params: { daysAgo: 117 } });
    expect(list.find((a) => a.reason === 'single-department')?.message).toEqual({ key: 'attention.reason.singleDepartment', count: 12, params: { department: 'Wonen' } });
    expect(list[2].agendaItemId).toBe('late');
  });
  it('counts partners per reason, agenda items for overdue agenda, and zero where nothing is wrong', () => {
    const more = attentionList({ partners, interactions, agenda: [...agenda, agendaItem({ id: 'late2', partnerId: 'fine', dueDate: '2026-10-01T00:00:00Z' })], now });
    expect(attentionCounts(more)).toEqual({ 'review-dropped': 1, 'past-rhythm': 1, 'overdue-agenda': 2, 'no-owner': 1, 'single-department': 1, 'no-contact': 2 });
    expect(attentionCounts([])).toEqual({ 'review-dropped': 0, 'past-rhythm': 0, 'overdue-agenda': 0, 'no-owner': 0, 'single-department': 0, 'no-contact': 0 });
  });
  it('calls an item overdue from the day after its due day, on the official’s calendar', () => {
    const morning = new Date('2026-11-26T08:00:00Z');
    // Due 26 Nov, as SharePoint answers a date-only value in Amsterdam: due today, not overdue.
    const dueToday = agendaItem({ id: 'today', partnerId: 'fine', dueDate: '2026-11-25T23:00:00Z' });
    const dueYesterday = agendaItem({ id: 'yesterday', partnerId: 'fine', dueDate: '2026-11-24T23:00:00Z' });
    const found = attentionList({ partners, interactions, agenda: [dueToday, dueYesterday], now: morning, timeZone: 'Europe/Amsterdam' });
    expect(found.filter((a) => a.reason === 'overdue-agenda').map((a) => a.agendaItemId)).toEqual(['yesterday']);
  });
});
