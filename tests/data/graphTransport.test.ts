import { GraphTransport, MAX_BATCH_SIZE, type BatchStep } from '../../src/data/graph/GraphTransport';
import { newInteraction, newPartner } from './fixtures';
import { recordingSleep, startHarness, type Harness } from './graphHarness';

describe('GraphTransport against the emulator', () => {
  let h: Harness;
  let siteId: string;
  let partnerId: string;
  beforeAll(async () => {
    h = await startHarness();
    const repo = h.repository();
    siteId = await repo.resolveSiteId();
    partnerId = (await repo.savePartner(newPartner({ name: 'Paging partner' }))).id;
    // 12,000 interactions straight into the store (no HTTP), in date order.
    const base = Date.parse('2020-01-01T00:00:00Z');
    const rows = Array.from({ length: 12_000 }, (_, n) => ({
      Title: `note ${n}`,
      clientId: `paging-${n}`,
      partnerId,
      date: new Date(base + n * 3_600_000).toISOString(),
      kind: 'note',
    }));
    h.emulator.seedItems('Interactions', rows);
  });
  afterAll(() => h.close());
  afterEach(() => h.emulator.setFaults(undefined));

  it('pages through 12,000 items with @odata.nextLink, reporting progress', async () => {
    const repo = h.repository();
    const progress: number[] = [];
    h.emulator.clearLog();
    const all = await repo.listInteractions(partnerId, { onProgress: (n) => progress.push(n) });
    expect(all).toHaveLength(12_000);
    expect(new Set(all.map((i) => i.clientId)).size).toBe(12_000);
    expect(all[0].title).toBe('note 11999');
    expect(all[11_999].title).toBe('note 0');
    expect(progress).toEqual([5000, 10_000, 12_000]);
    // 3 pages of interactions + the confidential notes query.
    expect(h.emulator.requestLog.filter((e) => e.url.includes('/lists/Interactions/items'))).toHaveLength(3);
  });

  it('retries only the requests that failed with 429 inside a batch, after their Retry-After', async () => {
    const sleep = recordingSleep();
    const transport = h.transport(undefined, sleep);
    const steps: BatchStep[] = Array.from({ length: 45 }, (_, n) => ({
      id: `s${n}`,
      method: 'GET',
      url: `/sites/${siteId}/lists/Interactions/items?$filter=${encodeURIComponent(`fields/clientId eq 'paging-${n}'`)}&$expand=fields`,
    }));
    h.emulator.setFaults({ rate: 0, batchRate: 0.4, kinds: ['429'], seed: 7, retryAfterSeconds: 2 });
    h.emulator.clearLog();
    const results = await transport.batch(steps);
    expect([...results.values()].every((r) => r.status === 200)).toBe(true);
    steps.forEach((s, n) => expect((results.get(s.id)!.body as { value: { fields: { clientId: string } }[] }).value[0].fields.clientId).toBe(`paging-${n}`));

    const log = h.emulator.requestLog;
    const throttled = log.filter((e) => e.inBatch && e.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    // Each step answered 200 exactly once: successes were not sent again.
    const okIds = log.filter((e) => e.inBatch && e.status === 200).map((e) => e.batchRequestId);
    expect(okIds.sort()).toEqual(steps.map((s) => s.id).sort());
    // No envelope held more than 20 requests; the waits honoured Retry-After (2 s).
    const envelopes = log.filter((e) => !e.inBatch);
    expect(envelopes.length).toBeGreaterThan(Math.ceil(45 / MAX_BATCH_SIZE));
    expect(sleep.waits.every((w) => w === 2000)).toBe(true);
  });

  it('re-sends a step whose dependency was throttled (424) together with it', async () => {
    const transport = h.transport();
    const steps: BatchStep[] = Array.from({ length: 10 }, (_, n) => ({
      id: `d${n}`,
      method: 'GET',
      url: `/sites/${siteId}/lists/Interactions/items?$top=1`,
      dependsOn: n > 0 ? [`d${n - 1}`] : undefined,
    }));
    h.emulator.setFaults({ rate: 0, batchRate: 0.3, kinds: ['429'], seed: 3 });
    const results = await transport.batch(steps);
    expect([...results.values()].map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('retries whole requests on 429/503/504 and dropped connections, honouring Retry-After', async () => {
    const sleep = recordingSleep();
    const transport = h.transport(undefined, sleep);
    h.emulator.setFaults({ rate: 0.3, kinds: ['429', '503', '504', 'drop'], seed: 11, retryAfterSeconds: 3 });
    for (let n = 0; n < 30; n++) {
      const body = await transport.get<{ value: unknown[] }>(`/sites/${siteId}/lists/Interactions/items?$top=2`);
      expect(body.value).toHaveLength(2);
    }
    expect(sleep.waits).toContain(3000);
    expect(sleep.waits.some((w) => w !== 3000)).toBe(true); // backoff for 504 and drops
  });

  it('does not repeat a create that may have been carried out; the repository looks it up instead', async () => {
    const repo = h.repository();
    await repo.saveInteraction(newInteraction(partnerId, { title: 'warm-up' })); // site id and partner figures known
    h.emulator.clearLog();
    h.emulator.setFaults({ rate: 1, kinds: ['commit-then-fail'], seed: 5 });
    const note = newInteraction(partnerId, { title: 'exactly once' });
    const saving = repo.saveInteraction(note).catch((e: unknown) => e);
    // Everything fails after committing; let it fail, then look.
    await saving;
    h.emulator.setFaults(undefined);
    const creates = h.emulator.requestLog.filter((e) => e.method === 'POST' && e.url.includes('/lists/Interactions/items') && !e.inBatch);
    expect(creates).toHaveLength(1);
    const found = await repo.findInteractionByClientId(note.clientId);
    expect(found?.title).toBe('exactly once');
  });

  it('follows nextLinks only to its own origin', () => {
    const transport = GraphTransport.create({ baseUrl: 'https://graph.microsoft.com/v1.0', getAccessToken: async () => 't' });
    expect(transport.apiPath('https://graph.microsoft.com/v1.0/sites/x/lists?$skiptoken=a%27b')).toBe('/sites/x/lists?$skiptoken=a%27b');
    expect(() => transport.apiPath('https://evil.example/v1.0/sites/x')).toThrow(/Refusing/);
  });
});
