import { DEFAULT_SITE, createGraphEmulator } from '../../src/emulator';
import { ANNA, BART, SITE_PATH, createList, graphError, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

describe('auth', () => {
  test('no bearer token → 401 in Graph shape', async () => {
    const res = await h.call('GET', `${SITE_PATH}/lists`, undefined, { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(graphError('InvalidAuthenticationToken'));
  });

  test('a token that is not a JWT → 401', async () => {
    for (const token of ['not-a-jwt', 'abc.%%%.def', `x.${Buffer.from('[1,2]').toString('base64url')}.`]) {
      const res = await h.call('GET', '/v1.0/me', undefined, { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(graphError('InvalidAuthenticationToken'));
    }
  });

  test('an expired token → 401', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64({ alg: 'none' })}.${b64({ upn: 'x@veenhaven.nl', exp: 1 })}.`;
    const res = await h.call('GET', '/v1.0/me', undefined, { token });
    expect(res.status).toBe(401);
  });

  test('/me answers the user of an unsigned token (upn / unique_name fallbacks)', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const me = await h.call('GET', '/v1.0/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ mail: ANNA.email, userPrincipalName: ANNA.email, displayName: ANNA.name, id: expect.any(String) });
    const upn = await h.call('GET', '/v1.0/me', undefined, { token: `${b64({ alg: 'none' })}.${b64({ upn: 'c@veenhaven.nl', name: 'C', oid: 'oid-c', scp: 'User.Read' })}.` });
    expect(upn.body).toMatchObject({ mail: 'c@veenhaven.nl', id: 'oid-c' });
    const unique = await h.call('GET', '/v1.0/me', undefined, { token: `${b64({ alg: 'none' })}.${b64({ unique_name: 'd@veenhaven.nl', scp: 'User.Read' })}` });
    expect(unique.body).toMatchObject({ mail: 'd@veenhaven.nl' });
  });
});

describe('/me', () => {
  test('answers the default properties without $select (department is not among them), and only what $select names', async () => {
    h.emulator.setUserProfile(ANNA.email, { department: 'Wonen', jobTitle: 'Beleidsadviseur wonen' });
    const all = await h.call('GET', '/v1.0/me');
    expect(all.body).toMatchObject({ displayName: ANNA.name, jobTitle: 'Beleidsadviseur wonen', mail: ANNA.email });
    expect(all.body).not.toHaveProperty('department');
    const department = await h.call('GET', '/v1.0/me?$select=department');
    expect(department.status).toBe(200);
    expect(department.body).toEqual({ '@odata.context': expect.stringMatching(/\$metadata#users\(department\)\/\$entity$/), department: 'Wonen' });
    expect((await h.call('GET', '/v1.0/me?$select=displayName,Department')).body).toMatchObject({ displayName: ANNA.name, department: 'Wonen' });
  });

  test('answers null for a department the directory does not hold, and 400 for a property the user resource lacks', async () => {
    expect((await h.call('GET', '/v1.0/me?$select=department', undefined, { as: BART })).body).toMatchObject({ department: null });
    const bad = await h.call('GET', '/v1.0/me?$select=afdeling');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(graphError('BadRequest'));
  });
});

describe('sites', () => {
  test('by path (with and without trailing colon), by id, root and hostname', async () => {
    const byPath = await h.call('GET', `/v1.0/sites/${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}`);
    expect(byPath.status).toBe(200);
    const id: string = byPath.body.id;
    expect(id).toMatch(/^veenhaven\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(byPath.body).toMatchObject({ name: 'partnerzicht', webUrl: 'https://veenhaven.sharepoint.com/sites/partnerzicht' });
    expect((await h.call('GET', SITE_PATH)).body.id).toBe(id);
    expect((await h.call('GET', `/v1.0/sites/${id}`)).body.id).toBe(id);
    const root = await h.call('GET', '/v1.0/sites/root');
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ root: {}, webUrl: 'https://veenhaven.sharepoint.com' });
    expect((await h.call('GET', `/v1.0/sites/${DEFAULT_SITE.hostname}`)).body.id).toBe(root.body.id);
    expect((await h.call('GET', '/v1.0/sites/veenhaven.sharepoint.com:/sites/nope')).status).toBe(404);
  });

  test('site ids are derived from hostname + path: the same in every emulator instance', async () => {
    const other = await startHarness();
    try {
      const mine = (await h.call('GET', SITE_PATH)).body.id;
      expect((await other.call('GET', SITE_PATH)).body.id).toBe(mine);
    } finally {
      await other.close();
    }
  });

  test('extra sites from options', async () => {
    const other = await startHarness({ sites: [{ hostname: 'buurgemeente.sharepoint.com', path: '/sites/samen' }] });
    try {
      const res = await other.call('GET', '/v1.0/sites/buurgemeente.sharepoint.com:/sites/samen:');
      expect(res.status).toBe(200);
      expect(res.body.id.startsWith('buurgemeente.sharepoint.com,')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('lists and columns', () => {
  test('create with columns; get by id and by display name; list collection', async () => {
    const created = await h.call('POST', `${SITE_PATH}/lists`, {
      displayName: 'Contactmomenten',
      columns: [
        { name: 'PartnerId', displayName: 'Partner', text: {}, indexed: true },
        { name: 'ClientId', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Summary', text: { allowMultipleLines: true } },
        { name: 'When', dateTime: {}, indexed: true },
      ],
      list: { template: 'genericList' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Contactmomenten', list: { template: 'genericList' }, id: expect.any(String), createdBy: { user: { id: expect.any(String), displayName: ANNA.name } } });
    expect(created.body.createdBy.user).not.toHaveProperty('email');
    const byId = await h.call('GET', `${SITE_PATH}/lists/${created.body.id}`);
    const byName = await h.call('GET', `${SITE_PATH}/lists/Contactmomenten`);
    expect(byId.body.id).toBe(created.body.id);
    expect(byName.body.id).toBe(created.body.id);
    expect((await h.call('GET', `${SITE_PATH}/lists/${encodeURIComponent('contactmomenten')}`)).body.id).toBe(created.body.id);
    const all = await h.call('GET', `${SITE_PATH}/lists`);
    expect(all.body.value.map((l: any) => l.displayName)).toEqual(['Contactmomenten']);
    const cols = await h.call('GET', `${SITE_PATH}/lists/Contactmomenten/columns`);
    const byColName = Object.fromEntries(cols.body.value.map((c: any) => [c.name, c]));
    expect(byColName.Title).toMatchObject({ indexed: false, text: expect.any(Object) });
    expect(byColName.PartnerId).toMatchObject({ displayName: 'Partner', indexed: true, enforceUniqueValues: false, text: {} });
    expect(byColName.ClientId).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(byColName.When).toMatchObject({ dateTime: {}, indexed: true });
    const withColumns = await h.call('GET', `${SITE_PATH}/lists/Contactmomenten?expand=columns`);
    expect(withColumns.body.columns).toHaveLength(5);
  });

  test('duplicate list title → 409; unknown list → 404', async () => {
    await createList(h, 'Agenda', []);
    const dup = await h.call('POST', `${SITE_PATH}/lists`, { displayName: 'agenda' });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual(graphError('nameAlreadyExists'));
    const missing = await h.call('GET', `${SITE_PATH}/lists/Nope/items`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(graphError('itemNotFound'));
  });

  test('add columns and indexes later (what ensureSchema needs)', async () => {
    const { list, items } = await createList(h, 'Settings', [{ name: 'Key', text: {} }]);
    const add = await h.call('POST', `${list}/columns`, { name: 'Value', text: { allowMultipleLines: true } });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ name: 'Value', indexed: false, text: { allowMultipleLines: true } });
    expect((await h.call('POST', `${list}/columns`, { name: 'Value', text: {} })).status).toBe(409);
    await h.call('POST', items, { fields: { Key: 'themes' } });
    expect((await h.call('GET', `${items}?$filter=fields/Key eq 'themes'`)).status).toBe(400);
    const cols = await h.call('GET', `${list}/columns`);
    const keyCol = cols.body.value.find((c: any) => c.name === 'Key');
    const patched = await h.call('PATCH', `${list}/columns/${keyCol.id}`, { indexed: true });
    expect(patched.status).toBe(200);
    expect(patched.body.indexed).toBe(true);
    const found = await h.call('GET', `${items}?$filter=fields/Key eq 'themes'&expand=fields`);
    expect(found.status).toBe(200);
    expect(found.body.value).toHaveLength(1);
  });

  test('column rules: unique needs indexed; multi-line text cannot be indexed; bad names refused', async () => {
    const { list } = await createList(h, 'Rules', []);
    expect((await h.call('POST', `${list}/columns`, { name: 'U', text: {}, enforceUniqueValues: true })).status).toBe(400);
    expect((await h.call('POST', `${list}/columns`, { name: 'N', text: { allowMultipleLines: true }, indexed: true })).status).toBe(400);
    expect((await h.call('POST', `${list}/columns`, { name: 'has space', text: {} })).status).toBe(400);
    expect((await h.call('POST', `${list}/columns`, { name: 'Created', dateTime: {} })).status).toBe(409);
  });
});

describe('items', () => {
  let items: string;
  beforeEach(async () => {
    ({ items } = await createList(h, 'Partners', [
      { name: 'Category', choice: { choices: ['zorg', 'onderwijs'] }, indexed: true },
      { name: 'Domains', text: {} },
      { name: 'RhythmDays', number: {} },
      { name: 'Active', boolean: {} },
      { name: 'LastContact', dateTime: {} },
      { name: 'Themes', choice: { choices: ['wonen', 'zorg'] } },
      { name: 'Description', text: { allowMultipleLines: true } },
    ]));
  });

  test('create answers 201 with Graph item shape and SharePoint-style eTag', async () => {
    const res = await h.call('POST', items, {
      fields: { Title: 'Woonstede', Category: 'zorg', RhythmDays: '30', Active: true, LastContact: '2024-05-01T10:20:30.456Z', 'Themes@odata.type': 'Collection(Edm.String)', Themes: ['wonen', 'zorg'] },
    });
    expect(res.status).toBe(201);
    const item = res.body;
    expect(item).toMatchObject({
      id: '1',
      eTag: expect.stringMatching(/^"[0-9a-f-]{36},1"$/),
      createdDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      lastModifiedDateTime: expect.any(String),
      createdBy: { user: { displayName: ANNA.name, id: expect.any(String) } },
      lastModifiedBy: { user: { id: expect.any(String), displayName: ANNA.name } },
      webUrl: 'https://veenhaven.sharepoint.com/sites/partnerzicht/Lists/Partners/1_.000',
      parentReference: { id: expect.any(String), siteId: expect.stringMatching(/^veenhaven\.sharepoint\.com,/) },
      fields: {
        '@odata.etag': item.eTag,
        Title: 'Woonstede',
        Category: 'zorg',
        RhythmDays: 30,
        Active: true,
        LastContact: '2024-05-01T10:20:30Z',
        Themes: ['wonen', 'zorg'],
        id: '1',
        Created: item.createdDateTime,
        Modified: item.lastModifiedDateTime,
        AuthorLookupId: expect.any(String),
        _UIVersionString: '1.0',
      },
    });
    expect(res.headers.get('etag')).toBe(item.eTag);
    expect(res.headers.get('location')).toMatch(/\/items\/1$/);
  });

  test('values Graph refuses: unknown field, read-only field, array without @odata.type, >255 chars, >63,999 in a note, bad number', async () => {
    for (const fields of [{ Nope: 1 }, { Created: '2024-01-01' }, { Themes: ['wonen'] }, { Title: 'x'.repeat(256) }, { Description: 'x'.repeat(64_000) }, { RhythmDays: 'veel' }]) {
      const res = await h.call('POST', items, { fields });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(graphError());
    }
    expect((await h.call('POST', items, { fields: { Description: 'x'.repeat(63_999) } })).status).toBe(201);
  });

  test('get one (fields by default), collection (fields only when expanded), $select, fields(select=)', async () => {
    await h.call('POST', items, { fields: { Title: 'A', Category: 'zorg', RhythmDays: 10 } });
    const one = await h.call('GET', `${items}/1`);
    expect(one.body.fields).toMatchObject({ Title: 'A', RhythmDays: 10 });
    const plain = await h.call('GET', items);
    expect(plain.body.value[0].fields).toBeUndefined();
    expect(plain.body['@odata.nextLink']).toBeUndefined();
    const expanded = await h.call('GET', `${items}?expand=fields`);
    expect(expanded.body.value[0].fields).toMatchObject({ Title: 'A', Category: 'zorg' });
    const selected = await h.call('GET', `${items}?$select=id,eTag&$expand=fields($select=Title,RhythmDays)`);
    expect(selected.body.value[0]).toEqual({
      '@odata.etag': expect.any(String),
      id: '1',
      eTag: expect.any(String),
      fields: { '@odata.etag': expect.any(String), Title: 'A', RhythmDays: 10 },
    });
    const fieldsOnly = await h.call('GET', `${items}/1/fields?$select=Category`);
    expect(fieldsOnly.body).toEqual({ '@odata.etag': expect.any(String), Category: 'zorg' });
    expect((await h.call('GET', `${items}/999`)).status).toBe(404);
    expect((await h.call('GET', `${items}/abc`)).status).toBe(404);
  });

  test('PATCH fields bumps the version and records the editor; null clears', async () => {
    const created = (await h.call('POST', items, { fields: { Title: 'A', RhythmDays: 10 } })).body;
    const patched = await h.call('PATCH', `${items}/1/fields`, { RhythmDays: 20, Title: null }, { as: BART });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ RhythmDays: 20, _UIVersionString: '2.0' });
    expect(patched.body.Title).toBeUndefined();
    expect(patched.body['@odata.etag']).not.toBe(created.eTag);
    expect(patched.body['@odata.etag'].split(',')[0]).toBe(created.eTag.split(',')[0]);
    const after = (await h.call('GET', `${items}/1`)).body;
    // identities carry id and displayName only (no email), as Graph documents
    expect(after.createdBy.user).toEqual({ id: (await h.call('GET', '/v1.0/me?$select=id')).body.id, displayName: ANNA.name });
    expect(after.lastModifiedBy.user).toEqual({ id: (await h.call('GET', '/v1.0/me?$select=id', undefined, { as: BART })).body.id, displayName: BART.name });
    expect(after.fields.EditorLookupId).not.toBe(after.fields.AuthorLookupId);
  });

  test('DELETE answers 204, then 404', async () => {
    await h.call('POST', items, { fields: { Title: 'A' } });
    expect((await h.call('DELETE', `${items}/1`)).status).toBe(204);
    expect((await h.call('GET', `${items}/1`)).status).toBe(404);
    expect((await h.call('DELETE', `${items}/1`)).status).toBe(404);
    // ids are never reused
    expect((await h.call('POST', items, { fields: { Title: 'B' } })).body.id).toBe('2');
  });
});

describe('transport', () => {
  test('unknown path → 400 BadRequest; wrong method → 405; other version prefix → 400', async () => {
    const res = await h.call('GET', '/v1.0/nothing/here');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(graphError('BadRequest'));
    expect((await h.call('PUT', `${SITE_PATH}/lists`, {})).status).toBe(405);
    expect((await h.call('GET', '/v2.0/me')).status).toBe(400);
    expect((await h.call('GET', '/beta/me')).status).toBe(200);
  });

  test('invalid JSON → 400', async () => {
    const res = await h.call('POST', `${SITE_PATH}/lists`, '{not json');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(graphError('BadRequest'));
  });

  test('CORS: preflight and Allow-Origin from the request Origin', async () => {
    const pre = await fetch(`${h.url}/v1.0/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,if-match,prefer,x-custom' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const hdr of ['authorization', 'content-type', 'if-match', 'prefer', 'consistencylevel', 'x-custom']) expect(allowed).toContain(hdr);
    expect(pre.headers.get('access-control-allow-methods')).toContain('PATCH');
    const res = await h.call('GET', '/v1.0/me', undefined, { headers: { Origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(h.emulator.requestLog.some((r) => r.method === 'OPTIONS')).toBe(false);
  });

  test('request log: method, url, status, inBatch, time, user', async () => {
    h.emulator.clearLog();
    const before = Date.now();
    await h.call('GET', '/v1.0/me');
    await h.call('GET', '/v1.0/me', undefined, { token: null });
    expect(h.emulator.requestLog).toEqual([
      expect.objectContaining({ method: 'GET', url: '/v1.0/me', status: 200, inBatch: false, user: ANNA.email }),
      expect.objectContaining({ method: 'GET', url: '/v1.0/me', status: 401, inBatch: false }),
    ]);
    expect(h.emulator.requestLog[0].time).toBeGreaterThanOrEqual(before);
    h.emulator.clearLog();
    expect(h.emulator.requestLog).toHaveLength(0);
  });

  test('extension routes: addRoute answers new paths (and, added last, overrides an equally specific built-in)', async () => {
    h.emulator.addRoute('GET', '/chats/{chatId}', (ctx) => ({ status: 200, body: { id: ctx.params.chatId, topic: 'Overleg', requestedBy: ctx.user.email } }));
    h.emulator.addRoute('GET', '/me/onlineMeetings', (ctx) => ({ status: 200, body: { value: [{ joinWebUrl: ctx.query.get('$filter') }] } }));
    const chat = await h.call('GET', `/v1.0/chats/${encodeURIComponent('19:meeting_abc@thread.v2')}`);
    expect(chat.body).toEqual({ id: '19:meeting_abc@thread.v2', topic: 'Overleg', requestedBy: ANNA.email });
    const meetings = await h.call('GET', `/v1.0/me/onlineMeetings?$filter=${encodeURIComponent("JoinWebUrl eq 'x'")}`);
    expect(meetings.body.value[0].joinWebUrl).toBe("JoinWebUrl eq 'x'");
    expect((await h.call('GET', '/v1.0/chats')).status).toBe(400);
    expect((await h.call('GET', '/v1.0/me')).body.mail).toBe(ANNA.email); // the more specific /me still wins
    // they answer inside a batch too, and without a token they are refused like the rest
    const batch = await h.call('POST', '/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: '/chats/c1' }] });
    expect(batch.body.responses[0]).toMatchObject({ status: 200, body: { id: 'c1' } });
    expect((await h.call('GET', '/v1.0/chats/c1', undefined, { token: null })).status).toBe(401);
  });

  test('routes from options', async () => {
    const other = await startHarness({ routes: [{ method: 'GET', pattern: '/me/onlineMeetings', handler: () => ({ status: 200, body: { value: [] } }) }] });
    try {
      expect((await other.call('GET', '/v1.0/me/onlineMeetings')).body).toEqual({ value: [] });
    } finally {
      await other.close();
    }
  });

  test('mountable: handle() inside another server, which forwards /v1.0/ paths', async () => {
    const http = await import('node:http');
    const emulator = createGraphEmulator();
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith('/v1.0/')) return emulator.handle(req, res);
      res.end('demo page');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(await page.text()).toBe('demo page');
      const { createTestToken } = await import('../../src/emulator');
      const me = await fetch(`http://127.0.0.1:${port}/v1.0/me`, { headers: { Authorization: `Bearer ${createTestToken(ANNA)}` } });
      expect((await me.json()).mail).toBe(ANNA.email);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await emulator.close();
    }
  });
});
