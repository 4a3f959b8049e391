import { draftToInteraction, editedInteraction, followUpAgendaItems, interactionToDraft, newNoteDraft, SUMMARY_MIN_WORDS, validateNote } from '../../src/core/noteDraft';

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

  it('takes only a day that exists (Date.parse alone takes 30 February)', () => {
    const base = { ...newNoteDraft({ kind: 'email', subject: 'Overleg' }, 'Wonen', today), summary: 'Kort overleg over de planning' };
    for (const date of ['2026-02-30', '2026-04-31', '2026-13-01', '']) expect(validateNote({ ...base, date })).toEqual([{ field: 'date', problem: 'invalid' }]);
    for (const date of ['2028-02-29', '2026-12-31']) expect(validateNote({ ...base, date })).toEqual([]);
  });

  it('builds the interaction with the client id, author and source link, never an email body', () => {
    const draft = { ...newNoteDraft({ kind: 'email', subject: ' Overleg ' }, 'Wonen', today), summary: ' Kort overleg over de planning ', themes: ['wonen'] };
    const interaction = draftToInteraction(draft, {
      clientId: 'c1', partnerId: 'p1', author: { email: 'a@veenhaven.nl', name: 'Anna' }, sourceRef: 'item-1', sourceLink: 'https://outlook.office.com/x',
    });
    expect(interaction).toMatchObject({ id: 'c1', clientId: 'c1', title: 'Overleg', summary: 'Kort overleg over de planning', date: '2026-11-26T12:00:00.000Z', sourceRef: 'item-1' });
    expect(validateNote(draft)).toEqual([]);
  });

  it('asks a review for its 1–5 score and stores the partner’s view', () => {
    const draft = { ...newNoteDraft({ kind: 'meeting', subject: 'Jaargesprek' }, 'Wonen', today), kind: 'review' as const, summary: 'Jaarlijks gesprek met de directeur', reviewGoesWell: 'snel schakelen', reviewCouldImprove: 'eerder betrekken' };
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

  it('asks for a summary of at least a few words: empty, blank or one word is said plainly', () => {
    const base = { ...newNoteDraft({ kind: 'email', subject: 'Overleg' }, 'Wonen', today) };
    const summaryProblems = (summary: string) => validateNote({ ...base, summary }).filter((p) => p.field === 'summary');
    expect(SUMMARY_MIN_WORDS).toBe(3);
    expect(summaryProblems('')).toEqual([{ field: 'summary', problem: 'required' }]);
    expect(summaryProblems(' \n\t ')).toEqual([{ field: 'summary', problem: 'required' }]);
    expect(summaryProblems('Gebeld')).toEqual([{ field: 'summary', problem: 'too-short', min: 3 }]);
    expect(summaryProblems('Gebeld — – …')).toEqual([{ field: 'summary', problem: 'too-short', min: 3 }]);
    expect(summaryProblems('Gebeld, geen gehoor')).toEqual([]);
    expect(summaryProblems('تم الاتفاق على الموعد')).toEqual([]);
  });
});

describe('correcting a logged note', () => {
  const anna = { email: 'Anna.deVries@veenhaven.nl', name: 'Anna de Vries' };
  const logged = {
    ...draftToInteraction(
      { ...newNoteDraft({ kind: 'meeting', subject: 'Prestatieafspraken' }, 'Wonen', today), date: '2026-11-20', summary: 'Eerste ronde over de afspraken', followUps: 'Offerte sturen' },
      { clientId: 'c1', partnerId: 'p1', author: anna, sourceRef: '<msg@veenhaven.nl>', sourceLink: 'https://outlook.office.com/x' },
    ),
    id: '17',
    date: '2026-11-20T09:15:00Z',
    loggedAt: '2026-11-20T10:00:00Z',
    etag: '"abc,3"',
  };

  it('fills the form with the note as it stands', () => {
    expect(interactionToDraft(logged)).toMatchObject({ title: 'Prestatieafspraken', date: '2026-11-20', kind: 'meeting', department: 'Wonen', summary: 'Eerste ronde over de afspraken', followUps: 'Offerte sturen', followUpsToAgenda: false });
  });

  it('changes what the author wrote and keeps who, where from, when logged and the ETag; marks who corrected it and when, to the second', () => {
    const draft = { ...interactionToDraft(logged), title: 'Prestatieafspraken 2027', kind: 'review' as const, reviewScore: 4, reviewGoesWell: 'open houding', themes: ['wonen'], wooRelevant: true };
    const corrected = editedInteraction(logged, draft, anna, new Date('2026-12-03T09:30:12.345Z'));
    expect(corrected).toMatchObject({
      id: '17', clientId: 'c1', partnerId: 'p1', authorEmail: anna.email, sourceRef: '<msg@veenhaven.nl>', loggedAt: '2026-11-20T10:00:00Z', etag: '"abc,3"',
      title: 'Prestatieafspraken 2027', kind: 'review', review: { goesWell: 'open houding', couldImprove: '', score: 4 }, wooRelevant: true,
      // Same day: the time it had stays.
      date: '2026-11-20T09:15:00Z',
      edited: { at: '2026-12-03T09:30:12.000Z', byName: 'Anna de Vries', byEmail: anna.email },
    });
    const moved = editedInteraction(corrected, { ...interactionToDraft(corrected), date: '2026-11-21', kind: 'call' }, anna, today);
    expect(moved).toMatchObject({ date: '2026-11-21T12:00:00.000Z', kind: 'call', review: undefined });
  });
});
