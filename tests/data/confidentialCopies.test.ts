/**
 * A confidential note sent twice at once (the Outlook pane and the Teams tab share one official's queue;
 * a page reloaded while its create was on the wire): ConfidentialNotes has no unique clientId (its
 * item-level permissions rule that out), so both sends can find none and create one. The writer keeps the
 * first copy and removes its own later one, and every reader takes the first: the author's correction is
 * what every view shows, also when a late copy lands after every check.
 */
import 'fake-indexeddb/auto';
import { editedInteraction, interactionToDraft } from '../../src/core/noteDraft';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, startHarness, type Harness } from './graphHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type NoteItems = { value: Array<{ id: string; fields: { clientId: string; summary: string } }> };

test('two sends at once leave one copy, and the correction is what the pane and the partner page show; a late copy changes nothing', async () => {
  const [first, second] = [h.repository(ANNA), h.repository(ANNA)];
  const partner = await first.savePartner(newPartner());
  const siteId = await first.resolveSiteId();
  const copies = async () => (await h.transport().get<NoteItems>(`/sites/${siteId}/lists/ConfidentialNotes/items?$expand=fields&$top=999`)).value;
  const note = newInteraction(partner.id, { confidential: true, title: 'Vertrouwelijk', summary: 'Eerste versie van de vertrouwelijke tekst.' });
  await Promise.all([first.saveInteraction(note, { afterUnclearFailure: true }), second.saveInteraction(note, { afterUnclearFailure: true })]);
  expect((await copies()).filter((c) => c.fields.clientId === note.clientId)).toHaveLength(1);

  const saved = (await first.listInteractions(partner.id)).find((i) => i.clientId === note.clientId)!;
  await first.saveInteraction(editedInteraction(saved, { ...interactionToDraft(saved), summary: 'Gecorrigeerd: het bedrag is 2 miljoen, niet 20.' }, ANNA, new Date()));
  // A copy that lands after every check: the first send's request, still on the wire when its page closed.
  await h.transport().request('POST', `/sites/${siteId}/lists/ConfidentialNotes/items`, { body: { fields: { clientId: note.clientId, partnerId: partner.id, summary: 'Eerste versie van de vertrouwelijke tekst.' } } });
  expect((await copies()).filter((c) => c.fields.clientId === note.clientId)).toHaveLength(2);

  const shown = async () => [
    (await first.getPartnerContext(partner.id)).interactions.find((i) => i.clientId === note.clientId)?.summary,
    (await first.listInteractions(partner.id)).find((i) => i.clientId === note.clientId)?.summary,
  ];
  expect(await shown()).toEqual(['Gecorrigeerd: het bedrag is 2 miljoen, niet 20.', 'Gecorrigeerd: het bedrag is 2 miljoen, niet 20.']);
});
