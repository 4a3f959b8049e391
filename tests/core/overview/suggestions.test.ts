import { createDemoData, DEFAULT_DEMO_NOW } from '../../../src/demo';
import { keywords, suggestPartners } from '../../../src/core/overview/suggestions';
import { interaction, partner } from './fixtures';

const demo = createDemoData();
const now = new Date(DEFAULT_DEMO_NOW);

describe('suggestPartners with the demo municipality', () => {
  it('puts Woonstichting Veenland first for disposing of municipal real estate', () => {
    const ranking = suggestPartners(
      { title: 'Afstoten gemeentelijk vastgoed', themes: ['vastgoed', 'wonen'], text: 'Een deel van het maatschappelijk vastgoed van de gemeente moet worden verkocht of herbestemd.' },
      { partners: demo.partners, interactions: demo.interactions, now },
    );
    const names = new Map(demo.partners.map((p) => [p.id, p.name]));
    // Printed so the closing note can quote the ranking.
    console.log(ranking.map((s, i) => `${i + 1}. ${names.get(s.partnerId)} (${s.score}) ${JSON.stringify(s.explanation)}`).join('\n'));
    expect(names.get(ranking[0].partnerId)).toBe('Woonstichting Veenland');
    expect(ranking[0].explanation[0]).toEqual({ key: 'suggest.reason.contactsYear', count: expect.any(Number), params: expect.objectContaining({ year: 2026 }) });
  });
});

describe('suggestPartners rules', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const partners = [
    partner({ id: 'expert', name: 'Expert', themes: ['vastgoed'], ownerName: 'Anna', rhythmDays: 60, lastContact: '2026-11-01T00:00:00Z' }),
    partner({ id: 'talker', name: 'Talker', themes: [], ownerName: 'Bob', rhythmDays: 60, lastContact: '2026-11-01T00:00:00Z' }),
    partner({ id: 'gone', name: 'Gone', themes: ['vastgoed'], status: 'inactive' }),
    partner({ id: 'other', name: 'Other', themes: ['zorg'] }),
  ];
  const interactions = [
    interaction({ partnerId: 'talker', themes: ['vastgoed'], date: '2026-11-01T00:00:00Z' }),
    interaction({ partnerId: 'talker', themes: ['vastgoed'], date: '2026-10-01T00:00:00Z' }),
    interaction({ partnerId: 'expert', themes: ['vastgoed'], date: '2025-06-01T00:00:00Z' }),
  ];
  const ranking = suggestPartners({ title: 'Verkoop panden', themes: ['vastgoed'] }, { partners, interactions, now });

  it('ranks registered expertise with some contact above contacts alone, and leaves out inactive and unrelated partners', () => {
    expect(ranking.map((s) => s.partnerId)).toEqual(['expert', 'talker']);
  });
  it('explains each suggestion from message keys', () => {
    expect(ranking[0].explanation).toEqual([
      { key: 'suggest.reason.lastContact', params: { themes: 'vastgoed', date: '2025-06-01T00:00:00Z' } },
      { key: 'suggest.reason.expertise', params: { themes: 'vastgoed' } },
      { key: 'suggest.reason.inRhythm' },
      { key: 'suggest.reason.owner', params: { owner: 'Anna' } },
    ]);
    expect(ranking[1].explanation[0]).toEqual({ key: 'suggest.reason.contactsYear', count: 2, params: { themes: 'vastgoed', year: 2026 } });
  });
  it('reads a theme named in the free text as chosen', () => {
    expect(suggestPartners({ title: 'Iets met zorg', themes: [] }, { partners, interactions, now }).map((s) => s.partnerId)).toEqual(['other']);
  });
  it('keeps meaningful words only', () => {
    expect(keywords('Het afstoten van gemeentelijk vastgoed, één plan')).toEqual(['afstoten', 'vastgoed', 'plan']);
  });
});
