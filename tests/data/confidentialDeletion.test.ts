/**
 * Deleting a confidential note (a reviewed destruction, an AVG removal) also deletes its text in
 * ConfidentialNotes. That text is readable by its author and the site's owners only (ReadSecurity = 2),
 * so someone else cannot see it: then nothing is deleted and the refusal says so, instead of deleting the
 * Interactions item and leaving the text on the site with nothing left to find it by.
 */
import 'fake-indexeddb/auto';
import { restrictConfidentialListInEmulator } from '../../src/data/confidentialListSecurity';
import { failureCause } from '../../src/data/graph/errors';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from './graphHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await restrictConfidentialListInEmulator(h.transport(ANNA), SITE_REF);
});
afterAll(() => h.close());

test('a colleague who cannot read the text is refused and nothing is deleted; the author deletes both', async () => {
  const anna = h.repository(ANNA);
  const partner = await anna.savePartner(newPartner());
  const note = await anna.saveInteraction(newInteraction(partner.id, { confidential: true, title: 'Vertrouwelijk', summary: 'Bestuurder Pietersen is ziek.' }));
  const siteId = await anna.resolveSiteId();
  const texts = async () => (await h.adminTransport().get<{ value: Array<{ fields: { clientId: string } }> }>(`/sites/${siteId}/lists/ConfidentialNotes/items?$expand=fields&$top=999`)).value.filter((n) => n.fields.clientId === note.clientId);

  const refused = await h.repository(BRAM).deleteInteraction(note).then(() => undefined, (e: unknown) => e);
  expect(refused).toMatchObject({ status: 403, code: 'confidentialTextNotVisible' });
  expect(failureCause(refused)).toBe('forbidden');
  expect((await anna.listInteractions(partner.id)).map((i) => i.clientId)).toContain(note.clientId);
  expect(await texts()).toHaveLength(1);

  await anna.deleteInteraction(note);
  expect((await anna.listInteractions(partner.id)).map((i) => i.clientId)).not.toContain(note.clientId);
  expect(await texts()).toHaveLength(0);
});
