import type { AgendaItem, Partner, PartnerContext } from '../../../src/core/model';
import type { PendingWrite } from '../../../src/ui/services';
import { partnersOfWrite, withoutUnsavedNote, withStoredAgenda, withStoredOwners } from '../../../src/ui/overview/serverVersion';
import type { OverviewEntry } from '../../../src/ui/overview/useOverviewModel';

const item = (clientId: string, partnerId: string, topic: string, etag?: string): AgendaItem => ({ id: etag ? `id-${clientId}` : '', clientId, partnerId, topic, direction: 'samen', owner: 'a@veenhaven.nl', status: 'open', etag });
const partner = (id: string) => ({ id, name: id }) as Partner;
const stored = (id: string, agenda: AgendaItem[], interactions: Array<{ id: string; clientId?: string }> = []): PartnerContext => ({ partner: partner(id), agenda, interactions: interactions.map((i) => ({ ...i, partnerId: id })) as PartnerContext['interactions'] });
const write = (w: Pick<PendingWrite, 'kind' | 'payload'> & { clientId: string }) => ({ owner: 'a@veenhaven.nl', state: 'failed', attempts: 1, enqueuedAt: '2026-12-07T10:00:00Z', ...w }) as PendingWrite;

test('the partners a discarded write changed on screen', () => {
  expect(partnersOfWrite(write({ kind: 'partner', payload: partner('p1'), clientId: 'p1' }))).toEqual(['p1']);
  expect(partnersOfWrite(write({ kind: 'agenda', payload: item('a1', 'p2', 'x'), clientId: 'a1' }))).toEqual(['p2']);
  expect(partnersOfWrite(write({ kind: 'proposalDecision', payload: { partnerId: 'prop', kind: 'merged', targetId: 'p3' }, clientId: 'd1' } as never))).toEqual(['prop', 'p3']);
  expect(partnersOfWrite(write({ kind: 'proposalDecision', payload: { partnerId: 'prop', kind: 'rejected' }, clientId: 'd2' } as never))).toEqual(['prop']);
});

test('a discarded new agenda item goes; an edited one shows its stored version; others stay as they are', () => {
  const shown = [item('new', 'p1', 'never saved'), item('edited', 'p1', 'my edit', '"2"'), item('done', 'p1', 'closed earlier', '"1"'), item('other', 'p2', 'elsewhere', '"1"')];
  const server = stored('p1', [item('edited', 'p1', 'as stored', '"3"'), item('colleague', 'p1', 'a colleague added', '"1"')]);
  const discardNew = withStoredAgenda(shown, server, write({ kind: 'agenda', payload: shown[0], clientId: 'new' }));
  expect(discardNew.map((a) => `${a.clientId}:${a.topic}`)).toEqual(['edited:as stored', 'done:closed earlier', 'other:elsewhere', 'colleague:a colleague added']);
  // The discarded edit of an item a colleague has closed since (not in the open agenda the context reads): gone.
  const closed = withStoredAgenda(shown, stored('p1', []), write({ kind: 'agenda', payload: shown[1], clientId: 'edited' }));
  expect(closed.map((a) => a.clientId)).toEqual(['new', 'done', 'other']);
});

test('a discarded merge gives the proposal back its agenda, closed items too (read in full for it)', () => {
  const closed = { ...item('closed', 'target', 'afgerond', '"1"'), status: 'done' as const };
  const shown = [item('open', 'target', 'open', '"1"'), closed, item('own', 'target', 'the target\'s own', '"1"')];
  const proposalAgenda = [item('open', 'prop', 'open', '"1"'), { ...closed, partnerId: 'prop' }];
  const back = withStoredAgenda(shown, stored('prop', proposalAgenda), write({ kind: 'proposalDecision', payload: { partnerId: 'prop', kind: 'merged', targetId: 'target' }, clientId: 'd1' } as never));
  expect(back.map((a) => `${a.clientId}:${a.partnerId}:${a.status}`)).toEqual(['open:prop:open', 'closed:prop:done', 'own:target:open']);
});

test('a discarded merge gives the proposal back its interactions, and only those', () => {
  const shown = [{ id: '1', partnerId: 'target' }, { id: '', clientId: 'c2', partnerId: 'target' }, { id: '3', partnerId: 'target' }] as OverviewEntry[];
  const back = withStoredOwners(shown, stored('prop', [], [{ id: '1' }, { id: '9', clientId: 'c2' }]));
  expect(back.map((i) => i.partnerId)).toEqual(['prop', 'prop', 'target']);
});

test('a discarded new note leaves the figures; a discarded correction of a stored note keeps the stored note', () => {
  const shown = [{ id: '', clientId: 'new', partnerId: 'p1' }, { id: 'new2', clientId: 'new2', partnerId: 'p1' }, { id: '7', clientId: 'stored', partnerId: 'p1' }] as OverviewEntry[];
  expect(withoutUnsavedNote(shown, 'new').map((i) => i.clientId)).toEqual(['new2', 'stored']);
  expect(withoutUnsavedNote(shown, 'new2').map((i) => i.clientId)).toEqual(['new', 'stored']);
  expect(withoutUnsavedNote(shown, 'stored').map((i) => i.clientId)).toEqual(['new', 'new2', 'stored']);
});
