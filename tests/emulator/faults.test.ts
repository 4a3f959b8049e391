import { ALL_FAULT_KINDS, type FaultConfig, type LoggedRequest } from '../../src/emulator';
import { SITE_PATH, createList, graphError, startHarness, type Harness } from './helpers';

let h: Harness;
let items: string;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.emulator.setFaults(undefined);
  await h.emulator.reset();
  ({ items } = await createList(h, 'Notes', [{ name: 'ClientId', text: {}, indexed: true, enforceUniqueValues: true }]));
  h.emulator.clearLog();
});

/** Sends n creates; a dropped connection counts as status 0. */
async function run(n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    try {
      statuses.push((await h.call('POST', items, { fields: { ClientId: `c${i}` } })).status);
    } catch {
      statuses.push(0);
    }
  }
  return statuses;
}

const countItems = async () => {
  h.emulator.setFaults(undefined);
  return (await h.call('GET', `${items}?$top=5000`)).body.value.length as number;
};

describe('fault injection', () => {
  test('the same seed gives the same faults; another seed gives others', async () => {
    const config: FaultConfig = { rate: 0.3, seed: 42, retryAfterSeconds: 0 };
    const outcome = (log: LoggedRequest[]) => log.map((r) => `${r.status}:${r.fault ?? '-'}`);
    h.emulator.setFaults(config);
    const a = await run(60);
    const logA = outcome(h.emulator.requestLog);
    await h.emulator.reset();
    ({ items } = await createList(h, 'Notes', [{ name: 'ClientId', text: {}, indexed: true, enforceUniqueValues: true }]));
    h.emulator.clearLog();
    h.emulator.setFaults(config); // restarts the sequence
    const b = await run(60);
    expect(b).toEqual(a);
    expect(outcome(h.emulator.requestLog)).toEqual(logA);
    expect(new Set(a).size).toBeGreaterThan(2);

    await h.emulator.reset();
    ({ items } = await createList(h, 'Notes', [{ name: 'ClientId', text: {}, indexed: true, enforceUniqueValues: true }]));
    h.emulator.setFaults({ ...config, seed: 43 });
    expect(await run(60)).not.toEqual(a);
  });

  test('the rate is roughly honoured and every kind occurs', async () => {
    h.emulator.setFaults({ rate: 0.2, seed: 1, retryAfterSeconds: 0 });
    const statuses = await run(400);
    const faulted = h.emulator.requestLog.filter((r) => r.fault);
    expect(faulted.length / 400).toBeGreaterThan(0.13);
    expect(faulted.length / 400).toBeLessThan(0.27);
    expect(new Set(faulted.map((r) => r.fault))).toEqual(new Set(ALL_FAULT_KINDS));
    expect(statuses.filter((s) => s === 201).length).toBe(400 - faulted.length);
  });

  test('429 and 503 carry Retry-After in seconds; 504 does not; all in Graph’s error shape; nothing is written', async () => {
    for (const [kind, code] of [['429', 'activityLimitReached'], ['503', 'serviceNotAvailable'], ['504', 'gatewayTimeout']] as const) {
      h.emulator.setFaults({ rate: 1, kinds: [kind], retryAfterSeconds: 3 });
      const res = await h.call('POST', items, { fields: { ClientId: `x-${kind}` } });
      expect(res.status).toBe(Number(kind));
      expect(res.body).toEqual(graphError(code));
      expect(res.headers.get('retry-after')).toBe(kind === '504' ? null : '3');
    }
    expect(await countItems()).toBe(0);
  });

  test('drop: the connection closes without an answer, and nothing is written', async () => {
    h.emulator.setFaults({ rate: 1, kinds: ['drop'] });
    await expect(h.call('POST', items, { fields: { ClientId: 'x' } })).rejects.toThrow();
    expect(h.emulator.requestLog.at(-1)).toMatchObject({ status: 0, fault: 'drop', inBatch: false });
    expect(await countItems()).toBe(0);
  });

  test('commit-then-fail: the write is applied, then 500/504 or a dropped connection', async () => {
    h.emulator.setFaults({ rate: 1, kinds: ['commit-then-fail'], seed: 3 });
    const statuses = await run(30);
    expect(new Set(statuses)).toEqual(new Set([0, 500, 504]));
    expect(await countItems()).toBe(30); // every create was committed despite the failure
    // the retry of such a create is what a unique client id catches
    expect((await h.call('POST', items, { fields: { ClientId: 'c0' } })).status).toBe(409);
  });

  test('faults are per test at runtime; setFaults(undefined) turns them off', async () => {
    h.emulator.setFaults({ rate: 1, kinds: ['503'] });
    expect((await h.call('GET', '/v1.0/me')).status).toBe(503);
    h.emulator.setFaults(undefined);
    expect((await h.call('GET', '/v1.0/me')).status).toBe(200);
  });

  test('faults apply to the batch envelope and, independently, inside it', async () => {
    const siteRel = SITE_PATH.replace('/v1.0', '');
    const batch = (n: number) => ({
      requests: Array.from({ length: n }, (_, i) => ({ id: String(i), method: 'GET', url: `${siteRel}/lists/Notes` })),
    });
    h.emulator.setFaults({ rate: 1, batchRate: 0, kinds: ['429'] });
    const envelope = await h.call('POST', '/v1.0/$batch', batch(3));
    expect(envelope.status).toBe(429);
    h.emulator.setFaults({ rate: 0, batchRate: 1, kinds: ['429', '503', '504', 'drop'] });
    const inner = await h.call('POST', '/v1.0/$batch', batch(20));
    expect(inner.status).toBe(200);
    const statuses = new Set(inner.body.responses.map((r: any) => r.status));
    for (const s of statuses) expect([429, 503, 504]).toContain(s); // a dropped connection inside a batch is a 504
    h.emulator.setFaults({ rate: 0, batchRate: 1, kinds: ['commit-then-fail'] });
    const created = await h.call('POST', '/v1.0/$batch', {
      requests: [{ id: '1', method: 'POST', url: `${siteRel}/lists/Notes/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { ClientId: 'b1' } } }],
    });
    expect(created.status).toBe(200);
    expect([500, 504]).toContain(created.body.responses[0].status);
    expect(await countItems()).toBe(1);
  });

  test('faults from the options', async () => {
    const other = await startHarness({ faults: { rate: 1, kinds: ['504'] } });
    try {
      expect((await other.call('GET', '/v1.0/me')).status).toBe(504);
    } finally {
      await other.close();
    }
  });
});
