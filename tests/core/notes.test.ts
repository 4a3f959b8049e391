import type { Interaction } from '../../src/core/model';
import { contentHidden, countsAsContact, loggedForItem, mayEdit, mayWithdraw, validateWithdrawal, withdrawnInteraction } from '../../src/core/notes';
import { isAuthor, isSameOfficial, officialKey } from '../../src/core/official';
import { departmentContacts, latestReview } from '../../src/core/relationship';

const anna = { email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' };
const bram = { email: 'bram.jansen@veenhaven.nl', name: 'Bram Jansen' };

function note(over: Partial<Interaction> = {}): Interaction {
  return {
    id: over.clientId ?? 'n1', clientId: 'n1', partnerId: 'p1', date: '2026-11-20T12:00:00Z', kind: 'email', department: 'Wonen',
    authorEmail: anna.email, authorName: anna.name, themes: ['wonen'], title: 'Overleg', summary: 'Afspraken over de planning', confidential: false, wooRelevant: false,
    ...over,
  };
}

describe('who an official is', () => {
  it('is one comparison, by address, whatever its case or spaces', () => {
    expect(officialKey({ email: ' Anna.deVries@Veenhaven.nl ' })).toBe('anna.devries@veenhaven.nl');
    expect(isSameOfficial({ email: 'ANNA.DEVRIES@veenhaven.nl' }, anna)).toBe(true);
    expect(isSameOfficial(bram, anna)).toBe(false);
    expect(isAuthor(note({ authorEmail: 'Anna.deVries@veenhaven.nl' }), anna)).toBe(true);
    expect(isAuthor(note(), undefined)).toBe(false);
  });
});

describe('correcting and withdrawing a note', () => {
  it('only its author corrects or withdraws it, while it stands; a confidential note they cannot read is not corrected', () => {
    expect(mayEdit(note(), anna)).toBe(true);
    expect(mayWithdraw(note(), anna)).toBe(true);
    expect(mayEdit(note(), bram)).toBe(false);
    expect(mayWithdraw(note(), bram)).toBe(false);
    const withdrawn = withdrawnInteraction(note(), '  Dubbel vastgelegd ', anna, new Date('2026-12-03T09:30:12.999Z'));
    expect(withdrawn.withdrawn).toEqual({ at: '2026-12-03T09:30:12.000Z', byName: anna.name, byEmail: anna.email, reason: 'Dubbel vastgelegd' });
    expect(withdrawn.summary).toBe('Afspraken over de planning');
    expect(mayEdit(withdrawn, anna)).toBe(false);
    expect(mayWithdraw(withdrawn, anna)).toBe(false);
    const unreadable = note({ confidential: true, summary: '' });
    expect(contentHidden(unreadable)).toBe(true);
    expect(mayEdit(unreadable, anna)).toBe(false);
    expect(mayWithdraw(unreadable, anna)).toBe(true);
    expect(contentHidden(note({ confidential: true }))).toBe(false);
  });

  it('asks a reason for withdrawing', () => {
    expect(validateWithdrawal('')).toEqual({ problem: 'required' });
    expect(validateWithdrawal('   ')).toEqual({ problem: 'required' });
    expect(validateWithdrawal('x'.repeat(1001))).toEqual({ problem: 'too-long', max: 1000 });
    expect(validateWithdrawal('Verkeerde partner')).toBeUndefined();
  });

  it('a withdrawn note no longer counts as contact: not among the departments in touch, not as the latest review', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const review = (score: number, date: string, over: Partial<Interaction> = {}) => note({ id: date, clientId: date, kind: 'review', date, review: { score, goesWell: '', couldImprove: '' }, ...over });
    const w = { at: '2026-12-01T00:00:00.000Z', byName: anna.name, byEmail: anna.email, reason: 'fout' };
    expect(countsAsContact(note({ withdrawn: w }))).toBe(false);
    const list = [note({ department: 'Wonen' }), note({ id: 'n2', clientId: 'n2', department: 'Economie', withdrawn: w })];
    expect(departmentContacts(list, now).map((d) => d.department)).toEqual(['Wonen']);
    expect(latestReview([review(4, '2026-06-01T12:00:00Z'), review(1, '2026-10-01T12:00:00Z', { withdrawn: w })])?.review.review?.score).toBe(4);
  });
});

describe('who logged an email or meeting', () => {
  it('gives the official their own note and their colleagues’, oldest first, leaving withdrawn ones out', () => {
    const w = { at: '2026-12-01T00:00:00.000Z', byName: anna.name, byEmail: anna.email, reason: 'fout' };
    const notes = [
      note({ clientId: 'b', authorEmail: bram.email, authorName: bram.name, department: 'Economie', loggedAt: '2026-11-21T08:00:00Z' }),
      note({ clientId: 'a-old', loggedAt: '2026-11-20T08:00:00Z', withdrawn: w }),
      note({ clientId: 'a', authorEmail: 'ANNA.devries@veenhaven.nl', loggedAt: '2026-11-22T08:00:00Z' }),
      note({ clientId: 'c', authorEmail: 'carla@veenhaven.nl', authorName: 'Carla', loggedAt: '2026-11-19T08:00:00Z' }),
    ];
    const forAnna = loggedForItem(notes, anna);
    expect(forAnna.mine?.clientId).toBe('a');
    expect(forAnna.others.map((n) => n.clientId)).toEqual(['c', 'b']);
    const forBram = loggedForItem(notes, bram);
    expect(forBram.mine?.clientId).toBe('b');
    expect(forBram.others.map((n) => n.clientId)).toEqual(['c', 'a']);
    expect(loggedForItem([notes[1]], anna)).toEqual({ mine: undefined, others: [] });
  });
});
