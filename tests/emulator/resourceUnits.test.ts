/**
 * The emulator charges each request the resource units Microsoft publishes (src/emulator/resourceUnits.ts), and
 * its per-minute budget answers as the SharePoint page's RateLimit examples do.
 */
import { appLimitsFor, RESOURCE_UNIT_COSTS, ResourceUnitMeter, resourceUnitCost, tenantLimitPer5MinutesFor } from '../../src/emulator/resourceUnits';
import { createList, SITE_PATH, startHarness, type Harness } from './helpers';

const q = (s = '') => new URLSearchParams(s);

describe('resource unit costs', () => {
  it('follow the published table: single item 1, delta with a token 1, multi item 2, writes 2, permissions 5, non-SharePoint 0', () => {
    expect(RESOURCE_UNIT_COSTS).toEqual({ singleItem: 1, deltaWithToken: 1, multiItem: 2, write: 2, permissions: 5 });
    expect(resourceUnitCost('GET', '/sites/{siteId}', q())).toBe(1);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}', q('$expand=fields'))).toBe(1);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists/{listId}/items', q('$filter=x'))).toBe(2);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists', q())).toBe(2);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists/{listId}/items/delta', q())).toBe(2);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists/{listId}/items/delta', q('$skiptoken=5'))).toBe(2);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists/{listId}/items/delta', q('token=17'))).toBe(1);
    expect(resourceUnitCost('POST', '/sites/{siteId}/lists/{listId}/items', q())).toBe(2);
    expect(resourceUnitCost('PATCH', '/sites/{siteId}/lists/{listId}/items/{itemId}/fields', q())).toBe(2);
    expect(resourceUnitCost('DELETE', '/sites/{siteId}/lists/{listId}/items/{itemId}', q())).toBe(2);
    expect(resourceUnitCost('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}', q('$expand=fields,permissions'))).toBe(5);
    expect(resourceUnitCost('GET', '/me', q())).toBe(0);
    expect(resourceUnitCost('GET', '/chats/{chatId}', q())).toBe(0);
  });

  it('limits per app per tenant by licence count, and per tenant', () => {
    expect(appLimitsFor(800)).toEqual({ perMinute: 1_250, per24Hours: 1_200_000 });
    expect(appLimitsFor(5_000)).toEqual({ perMinute: 2_500, per24Hours: 2_400_000 });
    expect(appLimitsFor(5_001)).toEqual({ perMinute: 3_750, per24Hours: 3_600_000 });
    expect(appLimitsFor(80_000)).toEqual({ perMinute: 6_250, per24Hours: 6_000_000 });
    expect(tenantLimitPer5MinutesFor(5_000)).toBe(37_500);
  });
});

describe('the emulator charges requests over HTTP', () => {
  let h: Harness;
  let items: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ items } = await createList(h, 'Costs', [{ name: 'code', text: {} }]));
  });
  afterAll(() => h.close());
  afterEach(() => h.emulator.setResourceUnitLimit(undefined));

  const lastCost = () => h.emulator.requestLog.at(-1)!.resourceUnits;

  it('logs each request with its cost; a $batch envelope costs nothing and each request in it is charged', async () => {
    h.emulator.clearLog();
    const created = await h.call('POST', items, { fields: { Title: 'a', code: 'x' } });
    expect(lastCost()).toBe(2);
    await h.call('GET', `${items}/${created.body.id}?$expand=fields`);
    expect(lastCost()).toBe(1);
    await h.call('GET', `${items}?$expand=fields`);
    expect(lastCost()).toBe(2);
    const first = await h.call('GET', `${items}/delta`);
    expect(lastCost()).toBe(2);
    await h.call('GET', first.body['@odata.deltaLink']);
    expect(lastCost()).toBe(1);
    await h.call('PATCH', `${items}/${created.body.id}/fields`, { code: 'y' });
    expect(lastCost()).toBe(2);
    await h.call('GET', SITE_PATH);
    expect(lastCost()).toBe(1);
    await h.call('GET', '/v1.0/me');
    expect(lastCost()).toBe(0);
    const rel = items.replace('/v1.0', '');
    await h.call('POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${rel}/${created.body.id}` },
        { id: '2', method: 'GET', url: `${rel}?$expand=fields` },
        { id: '3', method: 'DELETE', url: `${rel}/${created.body.id}` },
      ],
    });
    const batch = h.emulator.requestLog.slice(-4);
    expect(batch.map((e) => [e.inBatch, e.resourceUnits])).toEqual([
      [true, 1],
      [true, 2],
      [true, 2],
      [false, 0],
    ]);
    expect(h.emulator.requestLog.reduce((sum, e) => sum + e.resourceUnits, 0)).toBe(2 + 1 + 2 + 2 + 1 + 2 + 1 + 0 + 5);
  });

  it('a budget answers RateLimit headers from 80% used and 429 with Retry-After = RateLimit-Reset past it; a batch request is throttled alone', async () => {
    h.emulator.setResourceUnitLimit({ perWindow: 10, windowMs: 60_000 });
    const answers = [];
    for (let n = 0; n < 12; n++) answers.push(await h.call('GET', SITE_PATH)); // 1 unit each
    expect(answers.slice(0, 7).every((a) => a.status === 200 && a.headers.get('RateLimit-Limit') === null)).toBe(true);
    expect(answers[7].headers.get('RateLimit-Remaining')).toBe('2'); // 8 of 10 used: 80%
    expect(answers[7].headers.get('RateLimit-Limit')).toBe('10');
    expect(answers[9].status).toBe(200);
    expect(answers[9].headers.get('RateLimit-Remaining')).toBe('0');
    expect(answers[10].status).toBe(429);
    expect(answers[10].headers.get('Retry-After')).toBe(answers[10].headers.get('RateLimit-Reset'));
    expect(Number(answers[10].headers.get('RateLimit-Reset'))).toBeGreaterThan(0);
    const batch = await h.call('POST', '/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: SITE_PATH.replace('/v1.0', '') }, { id: '2', method: 'GET', url: '/me' }] });
    expect(batch.status).toBe(200);
    expect(batch.body.responses.map((r: { status: number }) => r.status)).toEqual([429, 200]);
  });

  it('the window refills', () => {
    let now = 1_000;
    const meter = new ResourceUnitMeter({ perWindow: 5, windowMs: 1_000 }, () => now);
    const body = () => ({});
    expect([1, 1, 1, 1].map(() => meter.charge(1, body).headers?.['RateLimit-Remaining'])).toEqual([undefined, undefined, undefined, '1']);
    expect(meter.charge(2, body).throttled?.status).toBe(429);
    now += 1_000;
    expect(meter.charge(2, body)).toEqual({});
  });
});
