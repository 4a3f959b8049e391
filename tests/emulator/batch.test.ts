import { MAX_BATCH_REQUESTS } from '../../src/emulator';
import { ANNA, SITE_PATH, createList, graphError, startHarness, type Harness } from './helpers';

let h: Harness;
let listId: string;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.emulator.reset();
  h.emulator.setFaults(undefined);
  h.emulator.clearLog();
  ({ listId } = await createList(h, 'Notes', [{ name: 'PartnerId', text: {}, indexed: true }]));
});

const siteRel = SITE_PATH.replace('/v1.0', '');

describe('$batch', () => {
  test('runs requests with per-request id/status/headers/body; accepts relative urls in every form', async () => {
    const res = await h.call('POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'POST', url: `${siteRel}/lists/${listId}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'a', PartnerId: 'p1' } } },
        { id: '2', method: 'GET', url: `/v1.0${siteRel}/lists/Notes/items?expand=fields`, dependsOn: ['1'] }, // the JS SDK's form
        { id: '3', method: 'GET', url: 'me' },
        { id: '4', method: 'GET', url: `${siteRel}/lists/Notes/items/999` },
        { id: 'five', method: 'GET', url: `${h.url}/v1.0/me` },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: any) => [r.id, r]));
    expect(res.body.responses.map((r: any) => r.id)).toEqual(['1', '2', '3', '4', 'five']);
    expect(byId['1']).toMatchObject({ status: 201, headers: { 'Content-Type': 'application/json', ETag: expect.any(String) }, body: { id: '1', fields: { Title: 'a' } } });
    expect(byId['2'].body.value.map((i: any) => i.fields.Title)).toEqual(['a']);
    expect(byId['3']).toMatchObject({ status: 200, body: { mail: ANNA.email } });
    expect(byId['4']).toMatchObject({ status: 404, body: graphError('itemNotFound') });
    expect(byId.five.status).toBe(200);
  });

  test(`more than ${MAX_BATCH_REQUESTS} requests → 400; exactly ${MAX_BATCH_REQUESTS} is fine`, async () => {
    const reqs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const ok = await h.call('POST', '/v1.0/$batch', { requests: reqs(MAX_BATCH_REQUESTS) });
    expect(ok.status).toBe(200);
    expect(ok.body.responses).toHaveLength(MAX_BATCH_REQUESTS);
    const tooMany = await h.call('POST', '/v1.0/$batch', { requests: reqs(MAX_BATCH_REQUESTS + 1) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual(graphError('BadRequest'));
  });

  test('malformed batches → 400: no requests, duplicate ids, unknown or cyclic dependsOn, nested batch', async () => {
    for (const body of [
      {},
      { requests: [] },
      { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] },
      { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] },
      { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] }] },
      { requests: [{ id: '1', method: 'FETCH', url: '/me' }] },
    ]) {
      const res = await h.call('POST', '/v1.0/$batch', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body).toEqual(graphError('BadRequest'));
    }
    const nested = await h.call('POST', '/v1.0/$batch', { requests: [{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] } }] });
    expect(nested.body.responses[0].status).toBe(400);
  });

  test('dependsOn orders execution; a failed dependency answers 424', async () => {
    const res = await h.call('POST', '/v1.0/$batch', {
      requests: [
        { id: 'read', method: 'GET', url: `${siteRel}/lists/Notes/items?expand=fields`, dependsOn: ['write'] },
        { id: 'write', method: 'POST', url: `${siteRel}/lists/Notes/items`, body: { fields: { Title: 'first' } }, headers: { 'content-type': 'application/json' } },
        { id: 'bad', method: 'POST', url: `${siteRel}/lists/Notes/items`, body: { fields: { Nope: 1 } }, headers: { 'content-type': 'application/json' } },
        { id: 'after-bad', method: 'GET', url: '/me', dependsOn: ['bad'] },
      ],
    });
    const byId = Object.fromEntries(res.body.responses.map((r: any) => [r.id, r]));
    expect(byId.read.body.value.map((i: any) => i.fields.Title)).toEqual(['first']);
    expect(byId.bad.status).toBe(400);
    expect(byId['after-bad']).toMatchObject({ status: 424, body: graphError('FailedDependency') });
  });

  test('inner If-Match and Prefer headers apply to the inner request', async () => {
    const created = (await h.call('POST', `${SITE_PATH}/lists/Notes/items`, { fields: { Title: 'x' } })).body;
    const res = await h.call('POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'PATCH', url: `${siteRel}/lists/Notes/items/1/fields`, headers: { 'Content-Type': 'application/json', 'If-Match': '"bogus,1"' }, body: { Title: 'y' } },
        { id: '2', method: 'PATCH', url: `${siteRel}/lists/Notes/items/1/fields`, headers: { 'Content-Type': 'application/json', 'If-Match': created.eTag }, body: { Title: 'z' } },
        { id: '3', method: 'GET', url: `${siteRel}/lists/Notes/items?$filter=fields/Title eq 'z'` },
        { id: '4', method: 'GET', url: `${siteRel}/lists/Notes/items?$filter=fields/Title eq 'z'`, headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
      ],
    });
    expect(res.body.responses.map((r: any) => r.status)).toEqual([412, 200, 400, 200]);
  });

  test('request log: the envelope once, each inner request with inBatch', async () => {
    h.emulator.clearLog();
    await h.call('POST', '/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: `${siteRel}/lists` }] });
    const log = h.emulator.requestLog;
    expect(log.filter((r) => !r.inBatch)).toEqual([expect.objectContaining({ method: 'POST', url: '/v1.0/$batch', status: 200 })]);
    expect(log.filter((r) => r.inBatch)).toEqual([
      expect.objectContaining({ method: 'GET', url: '/v1.0/me', status: 200, batchRequestId: '1' }),
      expect.objectContaining({ method: 'GET', url: `/v1.0${siteRel}/lists`, status: 200, batchRequestId: '2' }),
    ]);
  });

  test('throttling inside a batch: envelope 200, some requests 429 with Retry-After', async () => {
    h.emulator.setFaults({ rate: 0, batchRate: 0.5, kinds: ['429'], seed: 7, retryAfterSeconds: 2 });
    const res = await h.call('POST', '/v1.0/$batch', {
      requests: Array.from({ length: 20 }, (_, i) => ({
        id: String(i + 1),
        method: 'POST',
        url: `${siteRel}/lists/Notes/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `n${i + 1}` } },
      })),
    });
    expect(res.status).toBe(200);
    const throttled = res.body.responses.filter((r: any) => r.status === 429);
    const created = res.body.responses.filter((r: any) => r.status === 201);
    expect(throttled.length).toBeGreaterThan(2);
    expect(created.length).toBeGreaterThan(2);
    expect(throttled.length + created.length).toBe(20);
    for (const t of throttled) {
      expect(t.headers['Retry-After']).toBe('2');
      expect(t.body).toEqual(graphError('activityLimitReached'));
    }
    // throttled requests did not write
    h.emulator.setFaults(undefined);
    const all = await h.call('GET', `${SITE_PATH}/lists/Notes/items?$top=100`);
    expect(all.body.value).toHaveLength(created.length);
    expect(h.emulator.requestLog.filter((r) => r.inBatch && r.status === 429 && r.fault === '429')).toHaveLength(throttled.length);
  });
});
