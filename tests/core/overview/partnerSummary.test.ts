import fc from 'fast-check';
import { attentionFromActivity, attentionList } from '../../../src/core/overview/attention';
import { activityFromSummaries, figuresFromSummaries, sameSummary, summarisePartner, summariesFromTable, summariesOutOfStep, type PartnerSummary } from '../../../src/core/overview/partnerSummary';
import { encodeInteractions } from '../../../src/core/overview/interactionTable';
import { lastMonths } from '../../../src/core/overview/types';
import { figuresByPartner, withFigures } from '../../../src/core/partnerFigures';
import type { Interaction } from '../../../src/core/model';
import { agendaItem, interaction, now, partner } from './fixtures';

const DAY = 86_400_000;
const PARTNER_IDS = ['p1', 'p2', 'p3', 'p4'];
const DEPARTMENTS = ['', 'Wonen', 'Zorg', 'Economie'];

/** Random interactions over the last two years and a few days ahead, some withdrawn, some reviews (with and without scores). */
const interactions = fc.array(
  fc.record({
    partnerId: fc.constantFrom(...PARTNER_IDS),
    // Whole hours from two years back to five days ahead of `now`; now and then none (a note another client
    // left without a date: SharePoint's own form does not require one).
    hours: fc.option(fc.integer({ min: -2 * 365 * 24, max: 5 * 24 }), { nil: undefined, freq: 8 }),
    department: fc.constantFrom(...DEPARTMENTS),
    review: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    withdrawn: fc.boolean(),
  }),
  { maxLength: 60 },
);

function build(rows: Array<{ partnerId: string; hours?: number; department: string; review?: number; withdrawn: boolean }>): Interaction[] {
  return rows.map((r, n) =>
    interaction({
      id: `i${n}`,
      partnerId: r.partnerId,
      date: r.hours === undefined ? '' : new Date(now.getTime() + r.hours * 3_600_000).toISOString().replace('.000Z', 'Z'),
      department: r.department,
      ...(r.review !== undefined ? { kind: 'review' as const, review: { goesWell: '', couldImprove: '', score: r.review } } : {}),
      ...(r.withdrawn && n % 3 === 0 ? { withdrawn: { at: now.toISOString(), byName: 'A', byEmail: 'a@veenhaven.nl', reason: 'x' } } : {}),
    }),
  );
}

const facts = (list: Interaction[]) => list.map((i) => ({ ...i, reviewScore: i.review?.score }));

describe('partner summaries (the overview first screen without every interaction)', () => {
  const partners = PARTNER_IDS.map((id, n) => partner({ id, rhythmDays: n % 2 ? 30 : undefined, ownerName: n === 3 ? undefined : 'Anna' }));
  const agenda = [agendaItem({ id: 'late', partnerId: 'p1', dueDate: '2026-11-01T00:00:00Z' })];

  it('gives the same attention list and figures as every interaction, at the moment of the recount and days later', () => {
    fc.assert(
      fc.property(interactions, fc.integer({ min: 0, max: 4 }), (rows, laterDays) => {
        const all = build(rows);
        const standing = all.filter((i) => !i.withdrawn);
        const summaries = PARTNER_IDS.map((id) => summarisePartner(id, facts(all), now));
        const readAt = new Date(now.getTime() + laterDays * DAY);
        // Exact while at most one note per department dated ahead has come due since (see DepartmentDates).
        const dueSince = standing.filter((i) => i.date > now.toISOString() && i.date <= readAt.toISOString());
        const perDepartment = new Set(dueSince.map((i) => `${i.partnerId}|${i.department}`));
        fc.pre(perDepartment.size === dueSince.length);
        const figures = figuresByPartner(standing);
        expect(figuresFromSummaries(summaries)).toEqual(figures);
        const withTheirFigures = partners.map((p) => withFigures(p, figures.get(p.id)));
        const fromSummaries = attentionFromActivity({ partners: withTheirFigures, activity: activityFromSummaries(summaries, lastMonths(readAt, 12)), agenda, now: readAt, timeZone: 'Europe/Amsterdam' });
        const fromAll = attentionList({ partners: withTheirFigures, interactions: facts(standing).map(({ reviewScore: _r, ...i }) => (i.review?.score ? i : { ...i, review: undefined })), agenda, now: readAt, timeZone: 'Europe/Amsterdam' });
        expect(fromSummaries).toEqual(fromAll);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('is a recount: the same interactions in any order give the same summary, and other partners are ignored', () => {
    fc.assert(
      fc.property(interactions, (rows) => {
        const all = facts(build(rows));
        const a = summarisePartner('p1', all, now);
        const b = summarisePartner('p1', [...all].reverse(), new Date(now.getTime() + 1000));
        expect(sameSummary(a, b)).toBe(true);
        expect(a.interactionCount).toBe(all.filter((i) => i.partnerId === 'p1' && !i.withdrawn).length);
      }),
    );
  });

  it('keeps the two newest scored reviews and tells a withdrawn note from a standing one', () => {
    const list = facts([
      interaction({ id: 'a', partnerId: 'p1', kind: 'review', date: '2026-01-01T00:00:00Z', review: { goesWell: '', couldImprove: '', score: 4 } }),
      interaction({ id: 'b', partnerId: 'p1', kind: 'review', date: '2026-06-01T00:00:00Z', review: { goesWell: '', couldImprove: '', score: 0 } }),
      interaction({ id: 'c', partnerId: 'p1', kind: 'review', date: '2026-09-01T00:00:00Z', review: { goesWell: '', couldImprove: '', score: 2 } }),
      interaction({ id: 'd', partnerId: 'p1', kind: 'review', date: '2025-01-01T00:00:00Z', review: { goesWell: '', couldImprove: '', score: 5 } }),
      interaction({ id: 'e', partnerId: 'p1', date: '2026-11-30T00:00:00Z', department: 'Zorg' }),
    ]);
    const s = summarisePartner('p1', list, now);
    expect(s.reviews.map((r) => r.id)).toEqual(['c', 'a']);
    expect(s.departments.find((d) => d.department === 'Zorg')).toEqual({ department: 'Zorg', nextAhead: '2026-11-30T00:00:00Z' });
    expect(s.interactionCount).toBe(5);
    const withdrawn = summarisePartner('p1', list.map((i) => (i.id === 'c' ? { ...i, withdrawn: { at: '', byName: '', byEmail: '', reason: '' } } : i)), now);
    expect(withdrawn.reviews.map((r) => r.id)).toEqual(['a', 'd']);
    expect(sameSummary(s, withdrawn)).toBe(false);
  });
});

describe('summariesOutOfStep', () => {
  /** The interactions as the overview's copy holds them: no withdrawn notes, a review's score only. */
  const table = (list: Interaction[]) =>
    encodeInteractions(
      list
        .filter((i) => !i.withdrawn)
        .map(({ summary: _s, followUps: _f, review, sourceLink: _l, etag: _e, loggedAt: _a, edited: _c, withdrawn: _w, ...rest }) => (review?.score ? { ...rest, reviewScore: review.score } : rest)),
    );
  const summary = (partnerId: string, interactionCount: number, lastContact?: string): PartnerSummary => ({ partnerId, interactionCount, lastContact, reviews: [], departments: [], at: '2026-12-01T00:00:00.000Z' });
  const notes = [
    interaction({ id: 'a1', partnerId: 'a', date: '2026-11-17T08:45:00Z', department: '' }),
    interaction({ id: 'a2', partnerId: 'a', date: '2026-10-17T08:45:00Z', department: '' }),
    interaction({ id: 'b1', partnerId: 'b', date: '2026-10-01T09:00:00Z', department: '' }),
    interaction({ id: 'c1', partnerId: 'c', date: '2026-09-01T09:00:00Z', department: '' }),
  ];
  it('names the partners whose count or last contact the interactions contradict, or that have no summary', () => {
    const summaries = [summary('a', 2, '2026-11-17T08:45:00.000Z'), summary('b', 1, '2026-09-30T09:00:00Z'), summary('d', 4, '2026-08-01T09:00:00Z'), summary('gone', 5)];
    // a: the same instant written otherwise; b: another last contact; c: no summary; d: counts notes it no longer has.
    expect(summariesOutOfStep(summaries, table(notes), ['a', 'b', 'c', 'd', 'e'])).toEqual(['b', 'c', 'd']);
  });
  it('names none when every summary agrees (a partner without notes needs no summary)', () => {
    expect(summariesOutOfStep([summary('a', 2, '2026-11-17T08:45:00Z'), summary('b', 1, '2026-10-01T09:00:00Z'), summary('c', 1, '2026-09-01T09:00:00Z'), summary('e', 0)], table(notes), ['a', 'b', 'c', 'e'])).toEqual([]);
  });
  it('also names a partner whose notes changed department or review score outside the app, with the same count and last contact', () => {
    fc.assert(
      fc.property(interactions, fc.nat(), fc.constantFrom('department', 'score', 'date'), (rows, pick, change) => {
        const all = build(rows);
        const summaries = PARTNER_IDS.map((id) => summarisePartner(id, facts(all), now));
        // What a recount at each summary's own time gives, from the columns: the same as summarisePartner.
        const told = new Map(summaries.map((x) => [x.partnerId, x]));
        const fromTable = summariesFromTable(table(all), told, now);
        for (const x of summaries) expect(fromTable.get(x.partnerId) ?? { ...x, lastContact: undefined }).toEqual(x);
        expect(summariesOutOfStep(summaries, table(all), PARTNER_IDS)).toEqual([]);
        // One standing note changed by something other than the app.
        const standing = all.filter((i) => !i.withdrawn);
        fc.pre(standing.length > 0);
        const target = standing[pick % standing.length];
        const changed = all.map((i) =>
          i !== target ? i
          : change === 'department' ? { ...i, department: i.department === 'Zorg' ? 'Wonen' : 'Zorg' }
          : change === 'score' ? { ...i, kind: 'review' as const, review: { goesWell: '', couldImprove: '', score: ((i.review?.score ?? 0) % 5) + 1 } }
          : { ...i, date: new Date((Date.parse(i.date) || now.getTime()) - 3 * DAY).toISOString().replace('.000Z', 'Z') },
        );
        const recounted = summarisePartner(target.partnerId, facts(changed), now);
        const expected = sameSummary(recounted, told.get(target.partnerId)!) ? [] : [target.partnerId];
        expect(summariesOutOfStep(summaries, table(changed), PARTNER_IDS)).toEqual(expected);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });
});
