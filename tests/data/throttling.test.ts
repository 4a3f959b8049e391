/**
 * Issue 18, throttling etiquette: SharePoint's User-Agent decoration on every request a script can decorate, and
 * the RateLimit headers honoured (the transport waits for the refill instead of spending the quota into 429s).
 * Rules and quotes: docs/throttling.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { APP_VERSION } from '../../src/config/appVersion';
import { GraphTransport, type BatchStep } from '../../src/data/graph/GraphTransport';
import { parseRateLimit, RateLimitGate, throttleWaitMs } from '../../src/data/graph/rateLimit';
import { RetryMiddleware } from '../../src/data/graph/retryMiddleware';
import { DEFAULT_RETRY_POLICY, realSleep } from '../../src/data/graph/retryPolicy';
import { defaultUserAgent, sharePointUserAgent } from '../../src/data/graph/userAgent';
import { createTestToken } from '../../src/emulator';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, recordingSleep, startHarness, type Harness } from './graphHarness';

describe('the User-Agent decoration', () => {
  it("is NONISV|<organisation>|Partnerzicht/<package.json's version>, the organisation reduced to token characters", () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
    expect(sharePointUserAgent('Veenhaven')).toBe(`NONISV|Veenhaven|Partnerzicht/${pkg.version}`);
    expect(sharePointUserAgent('Gemeente Súdwest-Fryslân', '2.0.1')).toBe('NONISV|GemeenteSudwest-Fryslan|Partnerzicht/2.0.1');
    expect(sharePointUserAgent(' ')).toBe(`NONISV|Unknown|Partnerzicht/${pkg.version}`);
    expect(defaultUserAgent()).toBe(sharePointUserAgent(process.env.PARTNERZICHT_ORGANISATION?.trim() || 'Veenhaven'));
  });

  describe('against the emulator', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h.close());

    it('reaches SharePoint on every request, retries and batches included', async () => {
      const repo = h.repository();
      const partner = await repo.savePartner(newPartner({ name: 'Decorated partner' }));
      h.emulator.clearLog();
      h.emulator.setFaults({ rate: 0.3, kinds: ['429', '503'], seed: 18 });
      await repo.saveInteraction(newInteraction(partner.id));
      await repo.getPartnerContext(partner.id);
      h.emulator.setFaults(undefined);
      const log = h.emulator.requestLog;
      expect(log.some((e) => e.fault)).toBe(true);
      expect(log.some((e) => e.inBatch)).toBe(true);
      expect(log.filter((e) => e.userAgent !== defaultUserAgent())).toEqual([]);
    });

    it('is not set by a page in a browser (Microsoft: browser apps need not; Chromium drops it)', async () => {
      const g = globalThis as { window?: unknown; document?: unknown };
      g.window = {};
      g.document = {};
      try {
        const transport = GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => createTestToken(ANNA), sleep: recordingSleep() });
        h.emulator.clearLog();
        await transport.get('/me');
      } finally {
        delete g.window;
        delete g.document;
      }
      expect(h.emulator.requestLog).toHaveLength(1);
      expect(h.emulator.requestLog[0].userAgent ?? '').not.toContain('NONISV');
    });
  });
});

describe('RateLimit headers', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];

  it('are read as limit, remaining and milliseconds to the refill; a 429 waits the greater of Retry-After and RateLimit-Reset', () => {
    expect(parseRateLimit(headers({ 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '120', 'RateLimit-Reset': '5' }))).toEqual({ limit: 1200, remaining: 120, resetMs: 5000 });
    expect(parseRateLimit(headers({ 'RateLimit-Limit': '1200' }))).toBeUndefined();
    expect(throttleWaitMs(headers({ 'Retry-After': '9', 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '31' }))).toBe(31_000);
    expect(throttleWaitMs(headers({ 'Retry-After': '31', 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '9' }))).toBe(31_000);
    expect(throttleWaitMs(headers({ 'Retry-After': '9' }))).toBe(9_000);
    expect(throttleWaitMs(headers({}))).toBeUndefined();
  });

  it('the retry middleware waits RateLimit-Reset when it is longer than Retry-After', async () => {
    const sleep = recordingSleep();
    const answers = [429, 200];
    const last: Middleware = {
      async execute(context: Context) {
        const status = answers.shift()!;
        context.response = new Response('{}', { status, headers: status === 429 ? { 'Retry-After': '2', 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '5' } : {} });
      },
    };
    const retry = new RetryMiddleware(DEFAULT_RETRY_POLICY, sleep, () => 0.5);
    retry.setNext(last);
    const context: Context = { request: 'https://graph.microsoft.com/v1.0/sites/x', options: { method: 'GET' } };
    await retry.execute(context);
    expect(context.response?.status).toBe(200);
    expect(sleep.waits).toEqual([5000]);
  });

  it('the gate holds requests only once the quota left is at the low-water mark, until the refill', async () => {
    let now = 0;
    const sleep = recordingSleep();
    const gate = new RateLimitGate(sleep, {}, () => now);
    gate.observe(headers({ 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '240', 'RateLimit-Reset': '20' }));
    await gate.ready();
    expect(sleep.waits).toEqual([]);
    gate.observe(headers({ 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '120', 'RateLimit-Reset': '20' }));
    now = 5_000;
    await gate.ready();
    expect(sleep.waits).toEqual([15_000]);
    now = 20_000;
    await gate.ready();
    expect(sleep.waits).toEqual([15_000]);
  });

  describe('against the emulator with a small budget (20 resource units a second)', () => {
    let h: Harness;
    let siteId: string;
    beforeAll(async () => {
      h = await startHarness();
      siteId = await h.repository().resolveSiteId();
    });
    afterAll(() => h.close());
    afterEach(() => h.emulator.setResourceUnitLimit(undefined));

    // Real waits: the emulator's window is real time (retries after a 429 wait Retry-After, 1 s, too).
    const transportFor = (honour = true) =>
      GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => createTestToken(ANNA), sleep: realSleep, rateLimit: { honour }, retry: { maxRetries: 2 } });

    /** 45 single-item reads one after another by one transport: the 429s SharePoint answered, the reads that failed. */
    async function readSite(honour: boolean): Promise<{ throttled: number; failed: number; gateWaits: number }> {
      const transport = transportFor(honour);
      h.emulator.setResourceUnitLimit({ perWindow: 20, windowMs: 1_000 });
      h.emulator.clearLog();
      let failed = 0;
      for (let n = 0; n < 45; n++) await transport.get(`/sites/${siteId}`).catch(() => failed++);
      return { throttled: h.emulator.requestLog.filter((e) => e.status === 429).length, failed, gateWaits: transport.rateLimit.waits.length };
    }

    it('the transport slows down before the quota is spent: no 429 where ignoring the headers gets them', async () => {
      const ignoring = await readSite(false);
      const honouring = await readSite(true);
      expect(ignoring.throttled).toBeGreaterThan(0);
      expect(honouring.throttled).toBe(0);
      expect(honouring.failed).toBe(0);
      expect(honouring.gateWaits).toBeGreaterThanOrEqual(2);
    }, 30_000);

    it('RateLimit headers inside a $batch are honoured: 25 reads in two envelopes, the second waits for the refill', async () => {
      h.emulator.setResourceUnitLimit({ perWindow: 20, windowMs: 1_000 });
      const transport = transportFor();
      const steps: BatchStep[] = Array.from({ length: 25 }, (_, n) => ({ id: `s${n}`, method: 'GET', url: `/sites/${siteId}` }));
      h.emulator.clearLog();
      const results = await transport.batch(steps);
      expect([...results.values()].every((r) => r.status === 200)).toBe(true);
      expect(h.emulator.requestLog.filter((e) => e.status === 429)).toEqual([]);
      expect(transport.rateLimit.waits).toHaveLength(1);
    }, 30_000);

    it("a batch's throttled requests are sent again, alone, after RateLimit-Reset", async () => {
      h.emulator.setResourceUnitLimit({ perWindow: 20, windowMs: 1_000 });
      // Another official's transport has spent half the window already.
      const other = transportFor();
      for (let n = 0; n < 10; n++) await other.get(`/sites/${siteId}`);
      const transport = transportFor();
      const steps: BatchStep[] = Array.from({ length: 15 }, (_, n) => ({ id: `s${n}`, method: 'GET', url: `/sites/${siteId}` }));
      h.emulator.clearLog();
      const results = await transport.batch(steps);
      expect([...results.values()].every((r) => r.status === 200)).toBe(true);
      const inner = h.emulator.requestLog.filter((e) => e.inBatch);
      expect(inner.filter((e) => e.status === 429)).toHaveLength(5);
      expect(inner.filter((e) => e.status === 200)).toHaveLength(15);
    }, 30_000);
  });
});
