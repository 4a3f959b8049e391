/**
 * A column's default value (columnDefinition `defaultValue`, a defaultColumnValue of `value` or `formula`,
 * learn.microsoft.com/graph/api/resources/defaultcolumnvalue): accepted on create and update, answered with the
 * column, and filled into an item created without the field. What the emulator does not implement is refused.
 */
import { createList, SITE_PATH, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

const status = { name: 'status', choice: { choices: ['active', 'proposed', 'inactive'], allowTextEntry: false }, defaultValue: { value: 'active' } };

test('an item created without the field gets the default; a value given, also an empty one, is kept', async () => {
  const { list, items } = await createList(h, 'Defaults', [status, { name: 'note', text: { allowMultipleLines: true } }]);
  const columns = await h.call('GET', `${list}/columns`);
  expect(columns.body.value.find((c: { name: string }) => c.name === 'status')).toMatchObject({ defaultValue: { value: 'active' } });

  const bare = await h.call('POST', items, { fields: { Title: 'Zonder status' } });
  expect(bare.status).toBe(201);
  expect(bare.body.fields.status).toBe('active');
  const given = await h.call('POST', items, { fields: { Title: 'Voorgesteld', status: 'proposed' } });
  expect(given.body.fields.status).toBe('proposed');
  const empty = await h.call('POST', items, { fields: { Title: 'Leeg', status: '' } });
  expect(empty.body.fields.status).toBeUndefined();
  // An update never fills a default in.
  const cleared = await h.call('PATCH', `${items}/${bare.body.id}/fields`, { status: null });
  expect(cleared.status).toBe(200);
  expect(cleared.body.status).toBeUndefined();
});

test('a default is set, changed and cleared by a column update', async () => {
  const { list, items } = await createList(h, 'Later', [{ ...status, defaultValue: undefined }]);
  const column = (await h.call('GET', `${list}/columns`)).body.value.find((c: { name: string }) => c.name === 'status');
  expect(column.defaultValue).toBeUndefined();
  expect((await h.call('POST', items, { fields: { Title: 'a' } })).body.fields.status).toBeUndefined();
  expect((await h.call('PATCH', `${list}/columns/${column.id}`, { defaultValue: { value: 'proposed' } })).status).toBe(200);
  expect((await h.call('POST', items, { fields: { Title: 'b' } })).body.fields.status).toBe('proposed');
  expect((await h.call('PATCH', `${list}/columns/${column.id}`, { defaultValue: null })).status).toBe(200);
  expect((await h.call('POST', items, { fields: { Title: 'c' } })).body.fields.status).toBeUndefined();
});

test('refused: a default that is not one of the choices, a value and a formula at once, a formula, an unknown property', async () => {
  const refused = [{ value: 'gesloten' }, { value: 'active', formula: '="active"' }, { formula: '="active"' }, { value: 'active', kind: 'x' }, 'active'];
  for (const [n, defaultValue] of refused.entries()) {
    const res = await h.call('POST', `${SITE_PATH}/lists`, { displayName: `Refused${n}`, columns: [{ ...status, defaultValue }], list: { template: 'genericList' } });
    expect({ defaultValue, status: res.status }).toEqual({ defaultValue, status: 400 });
  }
  // The same list with a default that is one of the choices is made.
  expect((await h.call('POST', `${SITE_PATH}/lists`, { displayName: 'Accepted', columns: [status], list: { template: 'genericList' } })).status).toBe(201);
});
