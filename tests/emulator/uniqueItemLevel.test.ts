/** SharePoint combines neither way: unique values and item-level permissions on one list (listStore.ts). */
import { createList, SITE_PATH, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

test('item-level permissions are refused on a list with a unique column, and a unique column on a list with them', async () => {
  await createList(h, 'Keyed', [{ name: 'code', text: {}, indexed: true, enforceUniqueValues: true }]);
  expect(() => h.emulator.setItemLevelPermissions('Keyed', { readSecurity: 2 })).toThrow(/unique/);
  const keyed = (await h.call('GET', `${SITE_PATH}/lists/Keyed/columns`)).body.value.find((c: { name: string }) => c.name === 'code');
  expect((await h.call('PATCH', `${SITE_PATH}/lists/Keyed/columns/${keyed.id}`, { enforceUniqueValues: false })).status).toBe(200);
  h.emulator.setItemLevelPermissions('Keyed', { readSecurity: 2, writeSecurity: 2 });

  const patch = await h.call('PATCH', `${SITE_PATH}/lists/Keyed/columns/${keyed.id}`, { enforceUniqueValues: true });
  expect(patch.status).toBe(400);
  expect(patch.body.error.message).toMatch(/item-level permissions/);
  const add = await h.call('POST', `${SITE_PATH}/lists/Keyed/columns`, { name: 'other', text: {}, indexed: true, enforceUniqueValues: true });
  expect(add.status).toBe(400);
  // Indexed without uniqueness is fine there.
  expect((await h.call('POST', `${SITE_PATH}/lists/Keyed/columns`, { name: 'plain', text: {}, indexed: true })).status).toBe(201);
});
