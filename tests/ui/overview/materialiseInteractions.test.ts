import { encodeInteractions, type CompactInteraction } from '../../../src/core/overview/interactionTable';
import { materialiseInteractions } from '../../../src/ui/overview/materialiseInteractions';

const rows: CompactInteraction[] = Array.from({ length: 25 }, (_, n) => ({
  id: String(n), clientId: `c${n}`, partnerId: `p${n % 3}`, date: `2026-0${1 + (n % 9)}-01T10:00:00Z`, kind: n % 5 === 0 ? 'review' : 'call', department: 'Wonen',
  authorEmail: 'a@veenhaven.nl', authorName: 'Anna', themes: ['wonen'], title: `t${n}`, confidential: false, wooRelevant: false, sourceRef: undefined,
  ...(n % 5 === 0 ? { reviewScore: 1 + (n % 4) } : {}),
}));

describe('materialiseInteractions', () => {
  it('makes every row an object in slices, with the review score as a review', async () => {
    const list = await materialiseInteractions(encodeInteractions(rows), () => false, 10);
    expect(list).toHaveLength(25);
    expect(list!.map(({ review: _r, ...rest }) => rest)).toStrictEqual(rows);
    expect(list![5].review).toEqual({ goesWell: '', couldImprove: '', score: rows[5].reviewScore });
    expect(list![1].review).toBeUndefined();
  });

  it('stops when the result is no longer wanted', async () => {
    let slices = 0;
    expect(await materialiseInteractions(encodeInteractions(rows), () => ++slices > 1, 10)).toBeUndefined();
    expect(slices).toBe(2);
  });

  it('answers an empty list for an empty table', async () => {
    expect(await materialiseInteractions(encodeInteractions([]), () => false)).toEqual([]);
  });
});
