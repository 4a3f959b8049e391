import { findPerson, personExport, removalPlan, retentionFlags } from '../../../src/core/overview/privacy';
import { agendaItem, interaction, now, partner } from './fixtures';

const data = {
  partners: [
    partner({ id: 'a', contacts: ['j.bakker@corp.nl', 'info@corp.nl'] }),
    partner({ id: 'b', ownerEmail: 'j.bakker@corp.nl', ownerName: 'Jan Bakker' }),
    partner({ id: 'c', contacts: ['x@y.nl'] }),
  ],
  interactions: [
    interaction({ id: 'i1', summary: 'Gesprek met Jan Bakker over de wijk' }),
    interaction({ id: 'i2', authorName: 'Jan Bakker', authorEmail: 'j.bakker@corp.nl' }),
    interaction({ id: 'i3', summary: 'Niets' }),
  ],
  agenda: [agendaItem({ id: 'g1', owner: 'Jan Bakker', nextStep: 'Jan Bakker belt terug' }), agendaItem({ id: 'g2', owner: 'Piet' })],
};

describe('findPerson', () => {
  it('finds a name across owners, interactions and agenda', () => {
    const f = findPerson({ text: 'jan bakker' }, data);
    expect(f.partners.map((p) => [p.partner.id, p.roles])).toEqual([['b', ['owner']]]);
    expect(f.interactions.map((i) => [i.interaction.id, i.fields])).toEqual([['i1', ['summary']], ['i2', ['author']]]);
    expect(f.agenda.map((a) => [a.item.id, a.fields])).toEqual([['g1', ['owner', 'nextStep']]]);
  });
  it('finds an address among contacts and owners, and refuses too short a query', () => {
    expect(findPerson({ text: 'J.Bakker@corp.nl' }, data).partners.map((p) => p.partner.id)).toEqual(['a', 'b']);
    expect(findPerson({ text: 'ja' }, data).interactions).toEqual([]);
  });
  it('exports what was found as JSON', () => {
    const json = JSON.parse(personExport(findPerson({ text: 'jan bakker' }, data), now));
    expect(json.interactions).toHaveLength(2);
    expect(json.agenda[0].owner).toBe('Jan Bakker');
  });
});

describe('removalPlan', () => {
  it('takes the address out of contacts, clears the owner, scrubs agenda items and deletes the notes', () => {
    const plan = removalPlan(findPerson({ text: 'j.bakker@corp.nl' }, data), '[verwijderd]');
    expect(plan.partnerUpdates.map((p) => [p.id, p.contacts, p.ownerEmail])).toEqual([['a', ['info@corp.nl'], undefined], ['b', [], undefined]]);
    expect(plan.interactionDeletions.map((i) => i.id)).toEqual(['i2']);
    const byName = removalPlan(findPerson({ text: 'Jan Bakker' }, data), '[verwijderd]');
    expect(byName.agendaUpdates[0]).toMatchObject({ owner: '[verwijderd]', nextStep: '[verwijderd] belt terug' });
  });
});

describe('retentionFlags', () => {
  it('flags interactions older than the retention, oldest first', () => {
    const flagged = retentionFlags([{ date: '2026-01-01T00:00:00Z' }, { date: '2023-01-01T00:00:00Z' }, { date: '2024-06-01T00:00:00Z' }], 24, now);
    expect(flagged.map((i) => i.date)).toEqual(['2023-01-01T00:00:00Z', '2024-06-01T00:00:00Z']);
    expect(retentionFlags([{ date: '2000-01-01T00:00:00Z' }], 0, now)).toEqual([]);
  });
});
