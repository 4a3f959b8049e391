import { draftToInteraction, followUpAgendaItems, newNoteDraft, validateNote } from '../../src/core/noteDraft';

const today = new Date('2026-11-26T09:00:00Z');

describe('note drafts', () => {
  it('prefills from the item: subject as title, its date, its kind, the remembered department', () => {
    expect(newNoteDraft({ kind: 'meeting', subject: 'Prestatieafspraken 2027', date: '2026-11-20T13:00:00Z' }, 'Wonen', today)).toMatchObject({
      title: 'Prestatieafspraken 2027', date: '2026-11-20', kind: 'meeting', department: 'Wonen', summary: '',
    });
    expect(newNoteDraft({ kind: 'email', subject: '' }, '', today).date).toBe('2026-11-26');
  });

  it('names each problem by field', () => {
    const draft = { ...newNoteDraft({ kind: 'email', subject: '' }, '', today), summary: 'x'.repeat(2001), date: '26-11-2026' };
    expect(validateNote(draft)).toEqual([
      { field: 'title', problem: 'required' },
      { field: 'department', problem: 'required' },
      { field: 'summary', problem: 'too-long', max: 2000 },
      { field: 'date', problem: 'invalid' },
    ]);
  });

  it('builds the interaction with the client id, author and source link, never an email body', () => {
    const draft = { ...newNoteDraft({ kind: 'email', subject: ' Overleg ' }, 'Wonen', today), summary: ' kort ', themes: ['wonen'] };
    const interaction = draftToInteraction(draft, {
      clientId: 'c1', partnerId: 'p1', author: { email: 'a@veenhaven.nl', name: 'Anna' }, sourceRef: 'item-1', sourceLink: 'https://outlook.office.com/x',
    });
    expect(interaction).toMatchObject({ id: 'c1', clientId: 'c1', title: 'Overleg', summary: 'kort', date: '2026-11-26T12:00:00.000Z', sourceRef: 'item-1' });
    expect(validateNote(draft)).toEqual([]);
  });

  it('asks a review for its 1–5 score and stores the partner’s view', () => {
    const draft = { ...newNoteDraft({ kind: 'meeting', subject: 'Jaargesprek' }, 'Wonen', today), kind: 'review' as const, reviewGoesWell: 'snel schakelen', reviewCouldImprove: 'eerder betrekken' };
    expect(validateNote(draft)).toEqual([{ field: 'reviewScore', problem: 'required' }]);
    const interaction = draftToInteraction({ ...draft, reviewScore: 4 }, { clientId: 'c', partnerId: 'p', author: { email: 'a@x.nl', name: 'A' } });
    expect(interaction.review).toEqual({ goesWell: 'snel schakelen', couldImprove: 'eerder betrekken', score: 4 });
  });

  it('turns follow-up lines into agenda items only when asked', () => {
    let n = 0;
    const base = { ...newNoteDraft({ kind: 'email', subject: 'x' }, 'Wonen', today), followUps: '- Offerte sturen\n\n• Locatiebezoek plannen ' };
    const context = { partnerId: 'p1', owner: { email: 'a@veenhaven.nl', name: 'Anna Visser' }, newId: () => `id${++n}` };
    expect(followUpAgendaItems(base, context)).toEqual([]);
    expect(followUpAgendaItems({ ...base, followUpsToAgenda: true }, context).map((a) => [a.topic, a.direction, a.status, a.owner, a.ownerName])).toEqual([
      ['Offerte sturen', 'wij', 'open', 'a@veenhaven.nl', 'Anna Visser'],
      ['Locatiebezoek plannen', 'wij', 'open', 'a@veenhaven.nl', 'Anna Visser'],
    ]);
  });
});
