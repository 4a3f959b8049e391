import { agendaItemFromDraft, newAgendaDraft, validateAgendaDraft, type AgendaDraft } from '../../src/core/agendaDraft';
import { NOTE_MAX_CHARS, TEXT_MAX_CHARS } from '../../src/core/fieldLimits';

const draft = (over: Partial<AgendaDraft> = {}): AgendaDraft => ({ ...newAgendaDraft({ email: 'a.visser@veenhaven.nl', name: 'Anna Visser' }), topic: 'Wijkaanpak Oost', ...over });
const names = new Map([['a.visser@veenhaven.nl', 'Anna Visser']]);

describe('a new agenda item as typed', () => {
  it('is owned by the signed-in official unless another is typed', () => {
    expect(newAgendaDraft({ email: 'a.visser@veenhaven.nl', name: 'Anna Visser' }).owner).toBe('Anna Visser');
    expect(newAgendaDraft({ email: 'a.visser@veenhaven.nl', name: '' }).owner).toBe('a.visser@veenhaven.nl');
    expect(newAgendaDraft(undefined).owner).toBe('');
  });

  it('needs a topic, and fits the columns it goes to, exactly at their limits', () => {
    expect(validateAgendaDraft(draft())).toEqual([]);
    expect(validateAgendaDraft(draft({ topic: '   ' }))).toEqual([{ field: 'topic', problem: 'required' }]);
    expect(validateAgendaDraft(draft({ topic: 't'.repeat(TEXT_MAX_CHARS), owner: 'o'.repeat(TEXT_MAX_CHARS), nextStep: 'n'.repeat(NOTE_MAX_CHARS) }))).toEqual([]);
    expect(validateAgendaDraft(draft({ topic: 't'.repeat(TEXT_MAX_CHARS + 1), owner: 'o'.repeat(TEXT_MAX_CHARS + 1), nextStep: 'n'.repeat(NOTE_MAX_CHARS + 1) }))).toEqual([
      { field: 'topic', problem: 'too-long', max: TEXT_MAX_CHARS },
      { field: 'owner', problem: 'too-long', max: TEXT_MAX_CHARS },
      { field: 'nextStep', problem: 'too-long', max: NOTE_MAX_CHARS },
    ]);
  });

  it('takes a due day as a date field gives it, and names any other text (a browser without a date picker)', () => {
    for (const dueDate of ['2026-12-31', '2028-02-29', ' 2026-01-01 ']) expect(validateAgendaDraft(draft({ dueDate }))).toEqual([]);
    for (const dueDate of ['31-12-2026', 'morgen', '2026-13-01', '2026-02-30', '2026-02-30x']) expect(validateAgendaDraft(draft({ dueDate }))).toEqual([{ field: 'dueDate', problem: 'invalid' }]);
  });

  it('becomes an open item: trimmed, the owner resolved to an official, the due day at noon UTC, empty fields left out', () => {
    expect(agendaItemFromDraft(draft({ topic: ' Wijkaanpak Oost ', owner: 'anna visser', dueDate: '2026-12-31', nextStep: ' Notitie delen ' }), 'p1', names, 'c1')).toEqual({
      id: 'c1', clientId: 'c1', partnerId: 'p1', topic: 'Wijkaanpak Oost', direction: 'samen', owner: 'a.visser@veenhaven.nl', ownerName: 'Anna Visser', status: 'open',
      dueDate: '2026-12-31T12:00:00.000Z', nextStep: 'Notitie delen',
    });
    const bare = agendaItemFromDraft(draft({ owner: 'x@elders.nl' }), 'p1', names, 'c2');
    expect(bare).toEqual({ id: 'c2', clientId: 'c2', partnerId: 'p1', topic: 'Wijkaanpak Oost', direction: 'samen', owner: 'x@elders.nl', status: 'open' });
  });
});
