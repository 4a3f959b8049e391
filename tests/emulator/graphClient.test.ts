import { BatchRequestContent, BatchResponseContent, Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { ADMIN_TOKEN_SCOPES, DEFAULT_SITE, createTestToken, emulatorClientOptions, startGraphEmulator, type GraphEmulator } from '../../src/emulator';
import { ANNA, BART } from './helpers';

/**
 * The production Graph code path: `@microsoft/microsoft-graph-client` v3 against the emulator.
 *
 * Finding (see src/emulator/graphClientOptions.ts): the SDK attaches the bearer token only to
 * `https://` URLs whose *hostname* (port cut off) is in customHosts, and only understands absolute
 * nextLinks that start with `https://`. So `customHosts: new Set([new URL(url).host])` with an
 * `http://127.0.0.1:<port>` base URL sends no token at all. `emulatorClientOptions` is the fix.
 */

let url: string;
let emulator: GraphEmulator;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, emulator, close } = await startGraphEmulator({ port: 0 }));
});
afterAll(() => close());
beforeEach(async () => {
  emulator.setFaults(undefined);
  await emulator.reset();
  emulator.clearLog();
});

const clientFor = (user: { email: string; name?: string }) =>
  Client.initWithMiddleware(emulatorClientOptions(url, { getAccessToken: async () => createTestToken({ ...user, scopes: ADMIN_TOKEN_SCOPES }) }, { retry: undefined }));
const site = `/sites/${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}:`;
const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function createSchema(client: Client) {
  return client.api(`${site}/lists`).post({
    displayName: 'Interactions',
    columns: [
      { name: 'PartnerId', text: {}, indexed: true },
      { name: 'ClientId', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Summary', text: { allowMultipleLines: true } },
    ],
    list: { template: 'genericList' },
  });
}

describe('@microsoft/microsoft-graph-client against the emulator', () => {
  test('the plain config over http sends no token — with customHosts as host or hostname (the SDK only trusts https)', async () => {
    const token = createTestToken(ANNA);
    for (const customHosts of [new Set([new URL(url).host]), new Set([new URL(url).hostname])]) {
      const client = Client.initWithMiddleware({ authProvider: { getAccessToken: async () => token }, baseUrl: `${url}/`, customHosts });
      const err: GraphError = await client.api('/me').get().catch((e) => e);
      expect(err).toBeInstanceOf(GraphError);
      expect(err.statusCode).toBe(401);
      expect(err.code).toBe('InvalidAuthenticationToken');
    }
  });

  test('how the SDK matches customHosts: hostname only (port cut off), and only for https URLs', async () => {
    // The SDK's own matcher, as AuthenticationHandler calls it.
    const { isCustomHost } = await import('@microsoft/microsoft-graph-client/lib/src/GraphRequestUtil');
    expect(isCustomHost('https://127.0.0.1:43123/v1.0/me', new Set(['127.0.0.1']))).toBe(true);
    expect(isCustomHost('https://127.0.0.1:43123/v1.0/me', new Set(['127.0.0.1:43123']))).toBe(false);
    expect(isCustomHost('http://127.0.0.1:43123/v1.0/me', new Set(['127.0.0.1']))).toBe(false);
    expect(() => isCustomHost('https://x/v1.0/me', new Set(['http://x/']))).toThrow();
  });

  test('with emulatorClientOptions: token attached, user from the token, different officials', async () => {
    const anna = clientFor(ANNA);
    const bart = clientFor(BART);
    expect(await anna.api('/me').get()).toMatchObject({ mail: ANNA.email, displayName: ANNA.name });
    await createSchema(anna);
    const created = await anna.api(`${site}/lists/Interactions/items`).post({ fields: { PartnerId: 'p1', ClientId: 'c1', Summary: 'Kennismaking' } });
    await bart.api(`${site}/lists/Interactions/items/${created.id}/fields`).header('If-Match', created.eTag).patch({ Summary: 'Kennismaking (aangevuld)' });
    const item = await anna.api(`${site}/lists/Interactions/items/${created.id}`).get();
    expect(item.createdBy.user).toEqual({ id: expect.any(String), displayName: ANNA.name });
    expect(item.lastModifiedBy.user.displayName).toBe(BART.name);
    expect(emulator.requestLog.every((r) => r.status < 400)).toBe(true);
  });

  test('query builder: $filter (escaped, URL-encoded), expand=fields(select=…), $select, $top ($orderby refused)', async () => {
    const client = clientFor(ANNA);
    await createSchema(client);
    const tricky = ["O'Brien & Zn", "' or 1 eq 1", '100%27 #1', 'Ærø – 東京 😀'];
    for (const [i, p] of tricky.entries()) await client.api(`${site}/lists/Interactions/items`).post({ fields: { PartnerId: p, ClientId: `c${i}` } });
    for (const p of tricky) {
      const res = await client
        .api(`${site}/lists/Interactions/items`)
        .filter(encodeURIComponent(`fields/PartnerId eq ${odataString(p)}`))
        .expand('fields(select=PartnerId,ClientId)')
        .select('id')
        .top(10)
        .get();
      expect(res.value.map((i: any) => i.fields.PartnerId)).toEqual([p]);
    }
    // $orderby on list items is not documented: the emulator refuses it (see sharepointRoutes.ts)
    await expect(client.api(`${site}/lists/Interactions/items`).orderby('fields/ClientId desc').expand('fields').get()).rejects.toMatchObject({ statusCode: 400 });
  });

  test('paging: nextLink through PageIterator over 1,200 items', async () => {
    const client = clientFor(ANNA);
    await createSchema(client);
    emulator.seedItems('Interactions', Array.from({ length: 1200 }, (_, i) => ({ PartnerId: `p${i % 3}`, ClientId: `c${i}` })));
    const ids: string[] = [];
    const first: PageCollection = await client.api(`${site}/lists/Interactions/items`).top(500).expand('fields(select=ClientId)').get();
    expect(first['@odata.nextLink']).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0\//);
    await new PageIterator(client, first, (item: any) => {
      ids.push(item.id);
      return true;
    }).iterate();
    expect(ids).toHaveLength(1200);
    expect(new Set(ids).size).toBe(1200);
    expect(emulator.requestLog.filter((r) => r.method === 'GET' && r.url.includes('/items')).length).toBe(3);
  });

  test('If-Match conflict surfaces as GraphError 412', async () => {
    const client = clientFor(ANNA);
    await createSchema(client);
    const created = await client.api(`${site}/lists/Interactions/items`).post({ fields: { ClientId: 'c1' } });
    await clientFor(BART).api(`${site}/lists/Interactions/items/${created.id}/fields`).patch({ Summary: 'Bart first' });
    const err: GraphError = await client
      .api(`${site}/lists/Interactions/items/${created.id}/fields`)
      .header('If-Match', created.eTag)
      .patch({ Summary: 'Anna second' })
      .catch((e) => e);
    expect(err.statusCode).toBe(412);
    expect(err.code).toBe('preconditionFailed');
  });

  test('the SDK’s RetryHandler retries top-level 429/503 (Retry-After honoured), but not a dropped connection', async () => {
    const client = clientFor(ANNA);
    await createSchema(client);
    emulator.clearLog();
    emulator.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 0 });
    // every attempt throttled: the SDK gives up after its retries and reports the 429
    const err: GraphError = await client.api('/me').get().catch((e) => e);
    expect(err.statusCode).toBe(429);
    expect(emulator.requestLog.filter((r) => r.url === '/v1.0/me').length).toBe(4); // 1 + 3 retries
    emulator.setFaults({ rate: 0.5, kinds: ['429', '503'], retryAfterSeconds: 0, seed: 5 });
    for (let i = 0; i < 10; i++) await client.api(`${site}/lists/Interactions/items`).post({ fields: { ClientId: `r${i}` } });
    emulator.setFaults(undefined);
    expect((await client.api(`${site}/lists/Interactions/items`).get()).value).toHaveLength(10);
    expect(emulator.requestLog.some((r) => r.status === 429 || r.status === 503)).toBe(true);
    emulator.setFaults({ rate: 1, kinds: ['drop'] });
    await expect(client.api('/me').get()).rejects.toThrow();
  });

  test('$batch through BatchRequestContent: per-request statuses, in-batch 429 with Retry-After', async () => {
    const client = clientFor(ANNA);
    await createSchema(client);
    const base = `https://${new URL(url).host}/v1.0${site}/lists/Interactions/items`;
    const steps = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      request: new Request(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { ClientId: `b${i}` } }) }),
    }));
    emulator.setFaults({ rate: 0, batchRate: 0.3, kinds: ['429'], seed: 11, retryAfterSeconds: 1 });
    const content = await new BatchRequestContent(steps).getContent();
    const raw = await client.api('/$batch').post(content);
    const parsed = new BatchResponseContent(raw);
    const statuses = [...parsed.getResponses().values()].map((r) => r.status);
    expect(statuses).toHaveLength(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    const throttled = [...parsed.getResponses().entries()].find(([, r]) => r.status === 429)!;
    expect(throttled[1].headers.get('Retry-After')).toBe('1');
    // the envelope was one round trip, answered 200
    expect(emulator.requestLog.filter((r) => !r.inBatch && r.url === '/v1.0/$batch').map((r) => r.status)).toEqual([200]);
    expect(() => new BatchRequestContent([...steps, { id: '21', request: steps[0].request }])).toThrow(); // the SDK refuses 21 too
  });
});
