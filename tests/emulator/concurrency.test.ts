import { ANNA, BART, SITE_PATH, createList, graphError, startHarness, type Harness } from './helpers';

let h: Harness;
let items: string;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.emulator.reset();
  ({ items } = await createList(h, 'Interactions', [
    { name: 'PartnerId', text: {}, indexed: true },
    { name: 'ClientId', text: {}, indexed: true, enforceUniqueValues: true },
    { name: 'Summary', text: { allowMultipleLines: true } },
  ]));
});

describe('If-Match / ETag', () => {
  test('PATCH with a stale eTag → 412; current eTag or * succeeds; no If-Match succeeds', async () => {
    const v1 = (await h.call('POST', items, { fields: { Summary: 'v1' } })).body;
    const v2 = await h.call('PATCH', `${items}/${v1.id}/fields`, { Summary: 'v2 by Bart' }, { as: BART, headers: { 'If-Match': v1.eTag } });
    expect(v2.status).toBe(200);
    const stale = await h.call('PATCH', `${items}/${v1.id}/fields`, { Summary: 'v2 by Anna' }, { as: ANNA, headers: { 'If-Match': v1.eTag } });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual(graphError('preconditionFailed'));
    const current = (await h.call('GET', `${items}/${v1.id}`)).body;
    expect(current.fields.Summary).toBe('v2 by Bart'); // never silently overwritten
    expect(current.eTag).toBe(v2.body['@odata.etag']);
    // the eTag works with or without its quotes, and W/ is tolerated
    const unquoted = await h.call('PATCH', `${items}/${v1.id}/fields`, { Summary: 'v3' }, { headers: { 'If-Match': current.eTag.replace(/"/g, '') } });
    expect(unquoted.status).toBe(200);
    expect((await h.call('PATCH', `${items}/${v1.id}/fields`, { Summary: 'v4' }, { headers: { 'If-Match': '*' } })).status).toBe(200);
    expect((await h.call('PATCH', `${items}/${v1.id}/fields`, { Summary: 'v5' })).status).toBe(200);
    expect((await h.call('GET', `${items}/${v1.id}`)).body.fields._UIVersionString).toBe('5.0');
  });

  test('DELETE with a stale eTag → 412', async () => {
    const v1 = (await h.call('POST', items, { fields: { Summary: 'v1' } })).body;
    await h.call('PATCH', `${items}/${v1.id}/fields`, { Summary: 'v2' });
    expect((await h.call('DELETE', `${items}/${v1.id}`, undefined, { headers: { 'If-Match': v1.eTag } })).status).toBe(412);
    expect((await h.call('DELETE', `${items}/${v1.id}`, undefined, { headers: { 'If-Match': '*' } })).status).toBe(204);
  });
});

describe('unique columns', () => {
  test('a duplicate value → 409 (case-insensitive, like SharePoint); empty values do not collide', async () => {
    expect((await h.call('POST', items, { fields: { ClientId: 'c-1' } })).status).toBe(201);
    const dup = await h.call('POST', items, { fields: { ClientId: 'c-1' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual(graphError('nameAlreadyExists'));
    expect((await h.call('POST', items, { fields: { ClientId: 'C-1' } })).status).toBe(409);
    expect((await h.call('POST', items, { fields: { Summary: 'no client id' } })).status).toBe(201);
    expect((await h.call('POST', items, { fields: { Summary: 'no client id either' } })).status).toBe(201);
    const all = await h.call('GET', `${items}?$top=10`);
    expect(all.body.value).toHaveLength(3);
  });

  test('updating to another item’s value → 409; keeping its own value is fine; freed values can be reused', async () => {
    await h.call('POST', items, { fields: { ClientId: 'a' } });
    await h.call('POST', items, { fields: { ClientId: 'b' } });
    expect((await h.call('PATCH', `${items}/2/fields`, { ClientId: 'a' })).status).toBe(409);
    expect((await h.call('PATCH', `${items}/2/fields`, { ClientId: 'b', Summary: 'same id' })).status).toBe(200);
    expect((await h.call('DELETE', `${items}/1`)).status).toBe(204);
    expect((await h.call('PATCH', `${items}/2/fields`, { ClientId: 'a' })).status).toBe(200);
    expect((await h.call('POST', items, { fields: { ClientId: 'b' } })).status).toBe(201);
  });

  test('turning on uniqueness over duplicates is refused', async () => {
    const { list, items: other } = await createList(h, 'Loose', [{ name: 'Key', text: {}, indexed: true }]);
    await h.call('POST', other, { fields: { Key: 'x' } });
    await h.call('POST', other, { fields: { Key: 'x' } });
    const cols = (await h.call('GET', `${list}/columns`)).body.value;
    const key = cols.find((c: any) => c.name === 'Key');
    expect((await h.call('PATCH', `${list}/columns/${key.id}`, { enforceUniqueValues: true })).status).toBe(400);
  });
});

describe('delta', () => {
  async function drain(first: string) {
    const value: any[] = [];
    let url: string | undefined = first;
    let deltaLink: string | undefined;
    let pages = 0;
    while (url) {
      const res: { status: number; body: any } = await h.call('GET', url);
      expect(res.status).toBe(200);
      pages++;
      value.push(...res.body.value);
      url = res.body['@odata.nextLink'];
      deltaLink = res.body['@odata.deltaLink'];
      expect(url === undefined || deltaLink === undefined).toBe(true);
    }
    return { value, deltaLink: deltaLink!, pages };
  }

  test('first call pages through everything, later calls return only changes and deletions', async () => {
    h.emulator.seedItems('Interactions', Array.from({ length: 450 }, (_, i) => ({ PartnerId: `p${i % 5}`, Summary: `s${i}` })));
    const first = await drain(`${items}/delta`);
    expect(first.pages).toBe(3); // 200 + 200 + 50
    expect(first.value).toHaveLength(450);
    expect(first.value[0]).toMatchObject({ id: '1', eTag: expect.any(String), fields: { Summary: 's0' } });
    expect(first.deltaLink).toMatch(new RegExp(`^${h.url}/v1\\.0/.*/items/delta\\?.*token=`));

    const nothing = await drain(first.deltaLink);
    expect(nothing.value).toEqual([]);

    await h.call('PATCH', `${items}/10/fields`, { Summary: 'changed' });
    await h.call('POST', items, { fields: { Summary: 'new' } });
    await h.call('DELETE', `${items}/20`);
    const changes = await drain(nothing.deltaLink);
    expect(changes.value).toEqual([
      expect.objectContaining({ id: '10', fields: expect.objectContaining({ Summary: 'changed' }) }),
      expect.objectContaining({ id: '451', fields: expect.objectContaining({ Summary: 'new' }) }),
      { id: '20', deleted: { state: 'deleted' } },
    ]);
    // a stale delta link still works and sees the same changes; the new one sees nothing
    expect((await drain(nothing.deltaLink)).value).toHaveLength(3);
    expect((await drain(changes.deltaLink)).value).toEqual([]);
  });

  test('a delta token taken on an empty list still reports later deletions', async () => {
    const empty = await drain(`${items}/delta`);
    expect(empty.value).toEqual([]);
    await h.call('POST', items, { fields: { Summary: 'short-lived' } });
    await h.call('POST', items, { fields: { Summary: 'stays' } });
    const seen = await drain(empty.deltaLink);
    expect(seen.value.map((i: any) => i.id)).toEqual(['1', '2']);
    await h.call('DELETE', `${items}/1`);
    expect((await drain(seen.deltaLink)).value).toEqual([{ id: '1', deleted: { state: 'deleted' } }]);
  });

  test('deletions are reported after the changed items, also when the changes span pages', async () => {
    h.emulator.seedItems('Interactions', Array.from({ length: 10 }, (_, i) => ({ Summary: `s${i}` })));
    const first = await drain(`${items}/delta?$top=3`);
    for (const id of ['2', '5', '8', '9']) await h.call('PATCH', `${items}/${id}/fields`, { Summary: 'changed' });
    await h.call('DELETE', `${items}/7`);
    const changes = await drain(first.deltaLink);
    expect(changes.value.map((i: any) => (i.deleted ? `-${i.id}` : i.id))).toEqual(['2', '5', '8', '9', '-7']);
    expect(changes.pages).toBe(2);
  });

  test('delta honours $top, $select and expand=fields(select=…)', async () => {
    h.emulator.seedItems('Interactions', Array.from({ length: 30 }, (_, i) => ({ PartnerId: `p${i}`, Summary: `s${i}` })));
    const res = await drain(`${items}/delta?$top=7&$select=id&expand=fields(select=PartnerId)`);
    expect(res.pages).toBe(5);
    expect(res.value[0]).toEqual({ '@odata.etag': expect.any(String), id: '1', fields: { '@odata.etag': expect.any(String), PartnerId: 'p0' } });
    expect(res.deltaLink).toContain('$top=7');
  });

  test('token=latest gives a delta link without data; a token from a wiped list → 410 resyncRequired', async () => {
    h.emulator.seedItems('Interactions', [{ Summary: 'a' }]);
    // addressed by display name, so the link still resolves after the list is re-created
    const latest = await h.call('GET', `${SITE_PATH}/lists/Interactions/items/delta?token=latest`);
    expect(latest.body.value).toEqual([]);
    await h.call('POST', items, { fields: { Summary: 'b' } });
    expect((await drain(latest.body['@odata.deltaLink'])).value.map((i: any) => i.fields.Summary)).toEqual(['b']);
    const link = latest.body['@odata.deltaLink'];
    await h.emulator.reset();
    await createList(h, 'Interactions', []);
    const gone = await h.call('GET', link);
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual(graphError('resyncRequired'));
    // a link by list id to a deleted list is simply 404
    const byId = (await h.call('GET', `${items}/delta?token=latest`)).status;
    expect(byId).toBe(404);
  });

  test('delta via the list display name in the path', async () => {
    h.emulator.seedItems('Interactions', [{ Summary: 'a' }]);
    const res = await h.call('GET', `${SITE_PATH}/lists/Interactions/items/delta()`);
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(1);
  });
});
