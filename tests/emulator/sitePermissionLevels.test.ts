/**
 * Who may change items (listStore.ts): a site Visitor (permission level Read) reads every item and
 * changes none; a list whose write security is 4 ("Write no items (read-only list)") takes no new item
 * from anyone but the site's owners.
 */
import { createList, SITE_PATH, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

const EDITOR = { email: 'eva@veenhaven.nl', name: 'Eva' };
const VISITOR = { email: 'victor@veenhaven.nl', name: 'Victor' };
const OWNER = { email: 'olga@veenhaven.nl', name: 'Olga' };

test('a Visitor reads items but every create, update and delete is refused with 403 accessDenied', async () => {
  await createList(h, 'Notes', [{ name: 'topic', text: {} }]);
  h.emulator.setSiteVisitors([VISITOR.email]);
  const created = await h.call('POST', `${SITE_PATH}/lists/Notes/items`, { fields: { Title: 'Een', topic: 'x' } }, { as: EDITOR });
  expect(created.status).toBe(201);
  const items = `${SITE_PATH}/lists/Notes/items`;
  expect((await h.call('GET', `${items}?$expand=fields`, undefined, { as: VISITOR })).body.value).toHaveLength(1);
  const refused = [
    await h.call('POST', items, { fields: { Title: 'Twee' } }, { as: VISITOR }),
    await h.call('PATCH', `${items}/${created.body.id}/fields`, { topic: 'y' }, { as: VISITOR }),
    await h.call('DELETE', `${items}/${created.body.id}`, undefined, { as: VISITOR }),
  ];
  expect(refused.map((r) => [r.status, r.body?.error?.code])).toEqual([[403, 'accessDenied'], [403, 'accessDenied'], [403, 'accessDenied']]);
  expect((await h.call('PATCH', `${items}/${created.body.id}/fields`, { topic: 'z' }, { as: EDITOR })).status).toBe(200);
});

test('write security 4 refuses new items to members, not to the site owners', async () => {
  await createList(h, 'Closed', [{ name: 'topic', text: {} }]);
  h.emulator.setItemLevelPermissions('Closed', { writeSecurity: 4 });
  h.emulator.setSiteOwners([OWNER.email]);
  const items = `${SITE_PATH}/lists/Closed/items`;
  expect((await h.call('POST', items, { fields: { Title: 'Lid' } }, { as: EDITOR })).status).toBe(403);
  expect((await h.call('POST', items, { fields: { Title: 'Eigenaar' } }, { as: OWNER })).status).toBe(201);
});
