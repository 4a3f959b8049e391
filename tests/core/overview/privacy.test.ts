import { findPerson, personExport, removalPlan, retentionFlags } from '../../../src/core/overview/privacy';
import { agendaItem, interaction, now, partner } from './fixtures';

// Jan Bakker is the person asked about; everyone else is a decoy that must not end up in his export.
const data = {
  partners: [
    partner({
      id: 'a', name: 'Corp', contacts: ['j.bakker@corp.nl', 'info@corp.nl', 'p.lokaas@corp.nl'], contactNames: { 'j.bakker@corp.nl': 'Jan Bakker', 'p.lokaas@corp.nl': 'Piet Lokaas' },
      ownerEmail: 'o.eigenaar@veenhaven.nl', ownerName: 'Olga Eigenaar',
    }),
    partner({ id: 'b', name: 'Bouw', ownerEmail: 'j.bakker@corp.nl', ownerName: 'Jan Bakker' }),
    partner({ id: 'c', name: 'Zorg', contacts: ['a.celik@zorg.nl'], contactNames: { 'a.celik@zorg.nl': 'Ayşe Çelik' } }),
  ],
  interactions: [
    interaction({ id: 'i1', partnerId: 'a', authorName: 'Anna Auteur', authorEmail: 'a.auteur@veenhaven.nl', summary: 'Gesprek met Jan Bakker en Piet Lokaas over de wijk; Olga Eigenaar schuift aan. Kopie aan p.lokaas@corp.nl en k.vreemd@elders.nl.' }),
    interaction({ id: 'i2', partnerId: 'a', authorName: 'Jan Bakker', authorEmail: 'j.bakker@corp.nl', title: 'Belafspraak' }),
    interaction({ id: 'i3', partnerId: 'a', summary: 'Niets' }),
    interaction({ id: 'i4', partnerId: 'c', summary: 'AYSE CELIK belt terug over de wijkzorg.' }),
  ],
  agenda: [
    agendaItem({ id: 'g1', partnerId: 'a', owner: 'Jan Bakker', nextStep: 'Jan Bakker belt terug' }),
    agendaItem({ id: 'g2', partnerId: 'a', owner: 'Piet' }),
    agendaItem({ id: 'g3', partnerId: 'b', owner: 'j.bakker@corp.nl', topic: 'Overleg met Olga Eigenaar' }),
  ],
};
const partnerName = (id: string) => data.partners.find((p) => p.id === id)?.name ?? id;

describe('findPerson', () => {
  it('finds a name among named contacts, owners, authors, notes and agenda owners, also where only the address is stored', () => {
    const f = findPerson({ text: 'jan bakker' }, data);
    expect(f.partners.map((p) => [p.partner.id, p.roles, p.contacts])).toEqual([
      ['a', ['contact'], [{ address: 'j.bakker@corp.nl', name: 'Jan Bakker' }]],
      ['b', ['owner'], []],
    ]);
    expect(f.interactions.map((i) => [i.interaction.id, i.fields])).toEqual([['i1', ['summary']], ['i2', ['author']]]);
    expect(f.agenda.map((a) => [a.item.id, a.fields])).toEqual([['g1', ['owner', 'nextStep']], ['g3', ['owner']]]);
    expect(f.identities.sort()).toEqual(['j.bakker@corp.nl', 'jan bakker']);
  });
  it('counts the confidential notes whose text the searcher could not read, so could not search', () => {
    expect(findPerson({ text: 'jan bakker' }, data).unreadable).toBe(0);
    const withConfidential = {
      ...data,
      interactions: [
        ...data.interactions,
        // A colleague's confidential note: its text stays in ConfidentialNotes, unreadable to the searcher.
        interaction({ id: 'c1', partnerId: 'a', confidential: true, summary: '' }),
        // The searcher's own: its text came back, and was searched.
        interaction({ id: 'c2', partnerId: 'a', confidential: true, summary: 'Jan Bakker is ziek.' }),
      ],
    };
    const f = findPerson({ text: 'jan bakker' }, withConfidential);
    expect(f.unreadable).toBe(1);
    expect(f.interactions.map((i) => i.interaction.id)).toContain('c2');
  });
  it('finds by address the notes that name the person, and refuses too short a query', () => {
    const f = findPerson({ text: 'J.Bakker@corp.nl' }, data);
    expect(f.partners.map((p) => p.partner.id)).toEqual(['a', 'b']);
    expect(f.interactions.map((i) => i.interaction.id)).toEqual(['i1', 'i2']);
    expect(findPerson({ text: 'ja' }, data).interactions).toEqual([]);
    expect(findPerson({ text: ' j ' }, data).partners).toEqual([]);
  });
  it('ignores case and accents: Ayşe Çelik is found as "ayse celik" and finds "AYSE CELIK" in a note', () => {
    const typed = findPerson({ text: 'ayse celik' }, data);
    expect(typed.partners.map((p) => [p.partner.id, p.contacts])).toEqual([['c', [{ address: 'a.celik@zorg.nl', name: 'Ayşe Çelik' }]]]);
    expect(typed.interactions.map((i) => i.interaction.id)).toEqual(['i4']);
    expect(findPerson({ text: 'Ayşe  Çelik' }, data).interactions.map((i) => i.interaction.id)).toEqual(['i4']);
  });
});

describe('personExport', () => {
  const exported = personExport(findPerson({ text: 'Jan Bakker' }, data), { exportedAt: now, redacted: '[andere persoon]', partnerName });
  const json = JSON.parse(exported);

  it("holds only that person's data: no other contact, owner or author, and other people blanked out of the notes", () => {
    for (const decoy of ['info@corp.nl', 'p.lokaas@corp.nl', 'Piet Lokaas', 'Olga Eigenaar', 'o.eigenaar@veenhaven.nl', 'Anna Auteur', 'a.auteur@veenhaven.nl', 'k.vreemd@elders.nl', 'Ayşe', 'a.celik']) {
      expect(exported).not.toContain(decoy);
    }
    expect(json.partners).toEqual([
      { partner: 'Corp', roles: ['contact'], contacts: ['Jan Bakker <j.bakker@corp.nl>'] },
      { partner: 'Bouw', roles: ['owner'], ownerName: 'Jan Bakker', ownerEmail: 'j.bakker@corp.nl' },
    ]);
    expect(json.interactions[0]).toMatchObject({
      partner: 'Corp',
      summary: 'Gesprek met Jan Bakker en [andere persoon] over de wijk; [andere persoon] schuift aan. Kopie aan [andere persoon] en [andere persoon].',
      matchedIn: ['summary'],
    });
    expect(json.interactions[0].authorName).toBeUndefined();
    expect(json.interactions[1]).toMatchObject({ authorName: 'Jan Bakker', authorEmail: 'j.bakker@corp.nl', matchedIn: ['author'] });
    expect(json.agenda).toEqual([
      expect.objectContaining({ owner: 'Jan Bakker', nextStep: 'Jan Bakker belt terug' }),
      expect.objectContaining({ partner: 'Bouw', owner: 'j.bakker@corp.nl', topic: 'Overleg met [andere persoon]' }),
    ]);
  });
});

describe('removalPlan', () => {
  it('takes the person out of contacts (name too), clears the owner, scrubs agenda items and deletes the notes', () => {
    const plan = removalPlan(findPerson({ text: 'j.bakker@corp.nl' }, data), '[verwijderd]');
    expect(plan.partnerUpdates.map((p) => [p.id, p.contacts, p.contactNames, p.ownerEmail])).toEqual([
      ['a', ['info@corp.nl', 'p.lokaas@corp.nl'], { 'p.lokaas@corp.nl': 'Piet Lokaas' }, 'o.eigenaar@veenhaven.nl'],
      ['b', [], undefined, undefined],
    ]);
    expect(plan.interactionDeletions.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(plan.agendaUpdates.map((a) => [a.id, a.owner, a.nextStep])).toEqual([['g1', '[verwijderd]', '[verwijderd] belt terug'], ['g3', '[verwijderd]', undefined]]);
  });
});

describe('retentionFlags', () => {
  it('flags interactions older than the retention, oldest first', () => {
    const flagged = retentionFlags([{ date: '2026-01-01T00:00:00Z' }, { date: '2023-01-01T00:00:00Z' }, { date: '2024-06-01T00:00:00Z' }], 24, now);
    expect(flagged.map((i) => i.date)).toEqual(['2023-01-01T00:00:00Z', '2024-06-01T00:00:00Z']);
    expect(retentionFlags([{ date: '2000-01-01T00:00:00Z' }], 0, now)).toEqual([]);
  });
});

describe('one person, not another whose name or address holds theirs', () => {
  const namesakes = {
    partners: [
      partner({
        id: 'p', name: 'Portaal', contacts: ['jan@portaal.nl', 'marjan@portaal.nl'], contactNames: { 'jan@portaal.nl': 'Jan de Vries', 'marjan@portaal.nl': 'Marjan de Vries' },
        proposal: { byEmail: 'k.klein@veenhaven.nl', byName: 'Kees Klein', at: '2026-01-05T10:00:00Z', decision: { kind: 'accepted', byEmail: 'r.register@veenhaven.nl', byName: 'Rita Register', at: '2026-01-06T10:00:00Z', reason: 'Jan de Vries bevestigde het' } },
      }),
    ],
    interactions: [
      interaction({ id: 'm1', partnerId: 'p', authorName: 'Bram Bos', authorEmail: 'b.bos@veenhaven.nl', summary: 'Marjan de Vries vertelde over haar ziekte.' }),
      interaction({ id: 'm2', partnerId: 'p', summary: 'Jan de Vries en Marjan de Vries waren er.' }),
      interaction({
        id: 'm3', partnerId: 'p', kind: 'review', summary: 'Relatiegesprek', review: { goesWell: 'Overleg loopt', couldImprove: 'Jan de Vries reageert traag', score: 3 },
        withdrawn: { at: '2026-02-01T10:00:00Z', byName: 'Kees Klein', byEmail: 'k.klein@veenhaven.nl', reason: 'dubbel' },
        edited: { at: '2026-01-20T10:00:00Z', byName: 'Bram Bos', byEmail: 'b.bos@veenhaven.nl' },
      }),
    ],
    agenda: [agendaItem({ id: 'a1', partnerId: 'p', owner: 'p.bakker@veenhaven.nl', ownerName: 'Piet Bakker', nextStep: 'Jan de Vries: Piet Bakker neemt het over.' })],
  };
  const exportOf = (text: string) => JSON.parse(personExport(findPerson({ text }, namesakes), { exportedAt: now, redacted: '[…]', partnerName: () => 'Portaal' }));

  it('Jan de Vries is not found in Marjan de Vries, by name or by address; neither is removed with him', () => {
    for (const text of ['Jan de Vries', 'jan@portaal.nl']) {
      const f = findPerson({ text }, namesakes);
      expect(f.partners[0].contacts).toEqual([{ address: 'jan@portaal.nl', name: 'Jan de Vries' }]);
      expect(f.interactions.map((i) => i.interaction.id).sort()).toEqual(['m2', 'm3']);
      const plan = removalPlan(f, '[verwijderd]');
      expect(plan.partnerUpdates[0].contacts).toEqual(['marjan@portaal.nl']);
      expect(plan.interactionDeletions.map((i) => i.id)).not.toContain('m1');
    }
    const exported = JSON.stringify(exportOf('Jan de Vries'));
    expect(exported).not.toContain('ziekte');
    expect(exported).not.toContain('Marjan');
    expect(exported).not.toContain('marjan@portaal.nl');
  });

  it('finds a person in review answers, in who corrected or withdrew a note, in proposals and their decisions; others there are left out of the export', () => {
    expect(findPerson({ text: 'Jan de Vries' }, namesakes).interactions.find((i) => i.interaction.id === 'm3')?.fields).toEqual(['review']);
    const kees = findPerson({ text: 'Kees Klein' }, namesakes);
    expect(kees.partners.map((p) => p.roles)).toEqual([['proposal']]);
    expect(kees.interactions.map((i) => [i.interaction.id, i.fields])).toEqual([['m3', ['withdrawn']]]);
    expect(findPerson({ text: 'b.bos@veenhaven.nl' }, namesakes).interactions.map((i) => [i.interaction.id, i.fields]).sort()).toEqual([['m1', ['author']], ['m3', ['edited']]]);

    const jan = exportOf('Jan de Vries');
    expect(jan.interactions.find((i: { review?: unknown }) => i.review).review).toEqual({ goesWell: 'Overleg loopt', couldImprove: 'Jan de Vries reageert traag' });
    expect(JSON.stringify(jan)).not.toContain('Piet Bakker');
    expect(JSON.stringify(jan)).not.toContain('Kees');
    const keesExport = exportOf('Kees Klein');
    expect(keesExport.partners[0].proposal).toMatchObject({ byName: 'Kees Klein', decision: { kind: 'accepted', reason: '[…] bevestigde het' } });
    expect(JSON.stringify(keesExport)).not.toContain('Rita');
  });

  it('removing a proposer replaces their name and address in the proposal, and keeps the decider', () => {
    const plan = removalPlan(findPerson({ text: 'Kees Klein' }, namesakes), '[verwijderd]');
    expect(plan.partnerUpdates[0].proposal).toMatchObject({ byName: '[verwijderd]', byEmail: '[verwijderd]', decision: { byName: 'Rita Register' } });
    expect(plan.partnerUpdates[0].contacts).toEqual(['jan@portaal.nl', 'marjan@portaal.nl']);
  });
});
