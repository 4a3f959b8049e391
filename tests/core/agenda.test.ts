import { isOverdue, knownOfficialNames, ownedBy, ownerFromInput, ownerLabel } from '../../src/core/agenda';
import { calendarDay, calendarDaysBetween } from '../../src/core/calendarDay';

const AMSTERDAM = 'Europe/Amsterdam';

describe('calendar days', () => {
  it('reads an instant on the official’s calendar, and a bare date as it is', () => {
    // SharePoint answers date-only 1 May as midnight in the site's zone, in UTC.
    expect(calendarDay('2026-04-30T22:00:00Z', AMSTERDAM)).toBe('2026-05-01');
    expect(calendarDay('2026-04-30T22:00:00Z', 'UTC')).toBe('2026-04-30');
    expect(calendarDay('2026-05-01', 'America/New_York')).toBe('2026-05-01');
    expect(calendarDay('not a date')).toBe('');
  });
  it('counts days between calendar days, not 24-hour spans', () => {
    expect(calendarDaysBetween('2026-11-25T12:00:00Z', new Date('2026-11-26T07:00:00Z'), AMSTERDAM)).toBe(1);
    expect(calendarDaysBetween('2026-11-26T06:00:00Z', new Date('2026-11-26T20:00:00Z'), AMSTERDAM)).toBe(0);
    expect(calendarDaysBetween('2026-10-24T12:00:00Z', new Date('2026-11-26T12:00:00Z'), AMSTERDAM)).toBe(33);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it('is overdue from the day after the due day, on the official’s calendar', () => {
    // Due today (26 Nov in Amsterdam, as SharePoint stores a date-only value): not overdue yet.
    expect(isOverdue({ status: 'open', dueDate: '2026-11-25T23:00:00Z' }, now, AMSTERDAM)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2026-11-26' }, now, AMSTERDAM)).toBe(false);
    expect(isOverdue({ status: 'in-progress', dueDate: '2026-11-24T23:00:00Z' }, now, AMSTERDAM)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-11-25' }, now, AMSTERDAM)).toBe(true);
  });
  it('is never overdue when done or without a due date', () => {
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, now)).toBe(false);
    expect(isOverdue({ status: 'open' }, now)).toBe(false);
  });
});

describe('agenda owners by name', () => {
  const names = knownOfficialNames({
    partners: [{ ownerEmail: 'M.Jansen@veenhaven.nl', ownerName: 'Marieke Jansen' }, { ownerEmail: 'x@veenhaven.nl', ownerName: 'x@veenhaven.nl' }],
    interactions: [{ authorEmail: 'b.vermeulen@veenhaven.nl', authorName: 'Bas Vermeulen' }],
    officials: [{ email: 'a.visser@veenhaven.nl', name: 'Anna Visser' }, undefined],
  });
  it('knows officials from partner owners, interaction authors and the signed-in official (an address is no name)', () => {
    expect([...names]).toEqual([
      ['m.jansen@veenhaven.nl', 'Marieke Jansen'],
      ['b.vermeulen@veenhaven.nl', 'Bas Vermeulen'],
      ['a.visser@veenhaven.nl', 'Anna Visser'],
    ]);
  });
  it('shows the stored name, else a known name, else what the owner field holds', () => {
    expect(ownerLabel({ owner: 'x@elders.nl', ownerName: 'Xander' }, names)).toBe('Xander');
    expect(ownerLabel({ owner: 'B.Vermeulen@veenhaven.nl' }, names)).toBe('Bas Vermeulen');
    expect(ownerLabel({ owner: 'onbekend@elders.nl' }, names)).toBe('onbekend@elders.nl');
    expect(ownerLabel({ owner: 'Piet' }, names)).toBe('Piet');
  });
  it('stores address and name for what was typed as the owner', () => {
    expect(ownerFromInput('Anna Visser', names)).toEqual({ owner: 'a.visser@veenhaven.nl', ownerName: 'Anna Visser' });
    expect(ownerFromInput(' M.JANSEN@veenhaven.nl ', names)).toEqual({ owner: 'm.jansen@veenhaven.nl', ownerName: 'Marieke Jansen' });
    expect(ownerFromInput('Iemand@Elders.nl', names)).toEqual({ owner: 'iemand@elders.nl' });
    expect(ownerFromInput('Piet de Vries', names)).toEqual({ owner: 'Piet de Vries', ownerName: 'Piet de Vries' });
    expect(ownerFromInput('  ', names)).toEqual({ owner: '', ownerName: undefined });
    expect(ownedBy({ email: 'a.visser@veenhaven.nl', name: 'Anna Visser' })).toEqual({ owner: 'a.visser@veenhaven.nl', ownerName: 'Anna Visser' });
  });
});
