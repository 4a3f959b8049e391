import type { AgendaItem, Interaction, Partner, PartnerContext } from '../../src/core/model';
import { noticeForNote, noticesForOverdue, ownerDepartment, ownerNotifyChoice } from '../../src/core/ownerNotice';

const OWNER = 'anna@veenhaven.nl';
const NOW = new Date('2026-12-01T15:00:00Z');
const partner = (over: Partial<Partner> = {}): Partner => ({ id: '7', name: 'Portaal', category: 'woningcorporatie', aliases: [], domains: ['portaal.nl'], contacts: [], ownerEmail: OWNER, ownerName: 'Anna', themes: [], status: 'active', interactionCount: 0, ...over });
const note = (id: string, over: Partial<Interaction> = {}): Interaction => ({
  id, clientId: `c${id}`, partnerId: '7', date: '2026-12-01T09:00:00Z', kind: 'meeting', department: 'Economie', authorEmail: 'bram@veenhaven.nl', authorName: 'Bram',
  themes: [], title: `Titel ${id}`, summary: 'tekst', confidential: false, wooRelevant: false, loggedAt: '2026-12-01T10:00:00Z', ...over,
});
const context = (interactions: Interaction[], over: Partial<Partner> = {}, agenda: AgendaItem[] = []): PartnerContext => ({ partner: partner(over), interactions, agenda });
const ownNote = note('1', { authorEmail: OWNER, department: 'Wonen', loggedAt: '2026-11-20T10:00:00Z' });

test('the owner\'s department comes from their own latest note; unset or unknown choices mean each', () => {
  expect(ownerDepartment(context([ownNote, note('2')]))).toBe('Wonen');
  expect(ownerDepartment(context([note('2')]))).toBeUndefined();
  expect(ownerNotifyChoice(partner())).toBe('each');
  expect(ownerNotifyChoice(partner({ ownerNotify: 'bogus' as never }))).toBe('each');
});

test('a confidential note\'s notice carries no title', () => {
  const secret = note('2', { confidential: true, title: 'Geheim' });
  const notice = noticeForNote(context([ownNote, secret]), secret, NOW);
  expect(notice).toMatchObject({ kind: 'note', confidential: true, department: 'Economie', digest: false });
  expect(notice && 'title' in notice).toBe(false);
});

test('digest: within one second (SharePoint keeps seconds) the lower id was first; the next day is told again', () => {
  const a = note('2');
  const b = note('3');
  const ctx = context([ownNote, a, b], { ownerNotify: 'digest' });
  expect(noticeForNote(ctx, a, NOW)).toMatchObject({ digest: true, day: '2026-12-01' });
  expect(noticeForNote(ctx, b, NOW)).toBeUndefined();
  const tomorrow = note('4', { loggedAt: '2026-12-02T10:00:00Z' });
  expect(noticeForNote(context([ownNote, a, b, tomorrow], { ownerNotify: 'digest' }), tomorrow, NOW)).toMatchObject({ day: '2026-12-02' });
  // A withdrawn note of the morning does not stand for the day.
  const withdrawn = { ...a, withdrawn: { at: NOW.toISOString(), byName: 'Bram', byEmail: 'bram@veenhaven.nl', reason: 'dubbel' } };
  expect(noticeForNote(context([ownNote, withdrawn, b], { ownerNotify: 'digest' }), b, NOW)).toMatchObject({ digest: true });
});

test('overdue items: not for the owner\'s own client, not when they chose nothing, not items already told', () => {
  const overdue: AgendaItem = { id: 'a1', clientId: 'a1', partnerId: '7', topic: 'Lijst', direction: 'samen', owner: 'x', status: 'open', dueDate: '2026-11-20' };
  const done: AgendaItem = { ...overdue, id: 'a2', status: 'done' };
  const ctx = context([], {}, [overdue, done]);
  expect(noticesForOverdue(ctx, 'bram@veenhaven.nl', NOW, () => false).map((n) => n.kind === 'overdue' && n.agendaItemId)).toEqual(['a1']);
  expect(noticesForOverdue(ctx, OWNER, NOW, () => false)).toEqual([]);
  expect(noticesForOverdue(ctx, 'bram@veenhaven.nl', NOW, (id) => id === 'a1')).toEqual([]);
  expect(noticesForOverdue(context([], { ownerNotify: 'none' }, [overdue]), 'bram@veenhaven.nl', NOW, () => false)).toEqual([]);
});
