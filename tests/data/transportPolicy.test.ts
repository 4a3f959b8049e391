/** The pure transport rules: Retry-After, backoff, OData literals, the column whitelist, field mapping. */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware } from '../../src/data/graph/bearerTokenMiddleware';
import { createGraphClient, splitBaseUrl } from '../../src/data/graph/createGraphClient';
import { encodeQueryValue, fieldFilter, fieldIn, itemQueryString, odataLiteral } from '../../src/data/graph/odata';
import { RetryMiddleware } from '../../src/data/graph/retryMiddleware';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay } from '../../src/data/graph/retryPolicy';
import { interactionFromItem, interactionToFields, joinLines, partnerFromItem, partnerToFields, splitLines } from '../../src/data/listFields';
import { filterableColumn, toGraphColumnDefinition } from '../../src/data/schema';
import { newInteraction, newPartner } from './fixtures';
import { recordingSleep } from './graphHarness';

describe('Retry-After and backoff', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
  it('waits what the server says, capped; otherwise backs off exponentially with jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 5000 };
    expect(retryDelay(policy, 0, 2000)).toBe(2000);
    expect(retryDelay(policy, 0, 120_000)).toBe(5000);
    expect(retryDelay(policy, 0, undefined, () => 0)).toBe(50);
    expect(retryDelay(policy, 0, undefined, () => 1)).toBe(100);
    expect(retryDelay(policy, 3, undefined, () => 1)).toBe(800);
    expect(retryDelay(policy, 20, undefined, () => 1)).toBe(5000);
  });
});

describe('RetryMiddleware', () => {
  function chain(answers: Array<number | 'network'>, sleep = recordingSleep()) {
    const seen: string[] = [];
    const last: Middleware = {
      async execute(context: Context) {
        const next = answers.shift();
        seen.push(String(next));
        if (next === 'network') throw new TypeError('fetch failed');
        context.response = new Response(next === 200 ? '{}' : '{"error":{}}', { status: next, headers: next === 429 ? { 'Retry-After': '4' } : {} });
      },
    };
    const retry = new RetryMiddleware({ ...DEFAULT_RETRY_POLICY, maxRetries: 3 }, sleep, () => 0.5);
    retry.setNext(last);
    return { retry, seen, sleep };
  }
  const ctx = (method: string): Context => ({ request: 'https://graph.microsoft.com/v1.0/sites/x', options: { method } });

  it('repeats a read after 429, 503, 504 and a network error', async () => {
    const { retry, seen, sleep } = chain([429, 503, 'network', 200]);
    const context = ctx('GET');
    await retry.execute(context);
    expect(context.response?.status).toBe(200);
    expect(seen).toEqual(['429', '503', 'network', '200']);
    expect(sleep.waits[0]).toBe(4000);
  });
  it('repeats a create only after 429 (not processed), never after 5xx or a network error', async () => {
    const throttled = chain([429, 201]);
    const c1 = ctx('POST');
    await throttled.retry.execute(c1);
    expect(c1.response?.status).toBe(201);
    const gateway = chain([504, 201]);
    const c2 = ctx('POST');
    await gateway.retry.execute(c2);
    expect(c2.response?.status).toBe(504);
    await expect(chain(['network', 201]).retry.execute(ctx('POST'))).rejects.toThrow('fetch failed');
  });
  it('gives up after maxRetries and hands back the last answer', async () => {
    const { retry, seen } = chain([503, 503, 503, 503, 200]);
    const context = ctx('GET');
    await retry.execute(context);
    expect(context.response?.status).toBe(503);
    expect(seen).toHaveLength(4);
  });
});

describe('BearerTokenMiddleware', () => {
  it('attaches the token for the configured origin only (port included), and strips it elsewhere', async () => {
    const headersSeen: (string | undefined)[] = [];
    const m = new BearerTokenMiddleware('http://127.0.0.1:4321', async () => 'tok');
    m.setNext({ execute: async (c: Context) => void headersSeen.push((c.options?.headers as Record<string, string>).authorization) });
    await m.execute({ request: 'http://127.0.0.1:4321/v1.0/sites', options: { headers: {} } });
    await m.execute({ request: 'http://127.0.0.1:9999/v1.0/sites', options: { headers: { Authorization: 'Bearer leaked' } } });
    expect(headersSeen).toEqual(['Bearer tok', undefined]);
  });
  it('splits a base URL into root and version', () => {
    expect(splitBaseUrl('https://graph.microsoft.com/v1.0/')).toEqual({ root: 'https://graph.microsoft.com', version: 'v1.0' });
    expect(splitBaseUrl('http://127.0.0.1:5000/')).toEqual({ root: 'http://127.0.0.1:5000', version: 'v1.0' });
    expect(splitBaseUrl(undefined)).toEqual({ root: 'https://graph.microsoft.com', version: 'v1.0' });
  });
});

describe('OData queries from the schema', () => {
  it('doubles single quotes in string literals and leaves numbers and booleans bare', () => {
    expect(odataLiteral("O'Brien")).toBe("'O''Brien'");
    expect(odataLiteral("' or 1 eq 1")).toBe("''' or 1 eq 1'");
    expect(odataLiteral(12)).toBe('12');
    expect(odataLiteral(true)).toBe('true');
    expect(() => odataLiteral(Number.NaN)).toThrow();
  });
  it('URL-encodes each query value whole, including & # % + and quotes', () => {
    expect(encodeQueryValue("a&b#c%d+e'f (g)")).toBe('a%26b%23c%25d%2Be%27f%20%28g%29');
    const qs = itemQueryString('Interactions', { select: ['date'], filter: fieldFilter('Interactions', 'sourceRef', 'eq', 'x&$top=1#'), top: 5 });
    expect(qs.split('&').map((p) => p.split('=')[0])).toEqual(['$select', '$expand', '$filter', '$top']);
    expect(decodeURIComponent(qs.split('&')[2].split('=')[1])).toBe("fields/sourceRef eq 'x&$top=1#'");
    expect(decodeURIComponent(qs.split('&')[1].split('=')[1])).toBe('fields($select=date)');
  });
  it('filters and sorts only on indexed schema columns', () => {
    expect(fieldIn('Partners', 'status', ['active', 'proposed'])).toBe("fields/status eq 'active' or fields/status eq 'proposed'");
    // @ts-expect-error summary is not indexed: the types refuse it …
    expect(() => fieldFilter('Interactions', 'summary', 'eq', 'x')).toThrow(/not indexed/);
    // @ts-expect-error … and a name from elsewhere is not a column at all
    expect(() => filterableColumn('Agenda', 'Robert); DROP')).toThrow(/not in the Agenda schema/);
  });
  it('describes columns the way Graph expects', () => {
    expect(toGraphColumnDefinition({ name: 'clientId', displayName: 'Client-id', kind: 'text', indexed: true, unique: true })).toEqual({
      name: 'clientId',
      displayName: 'Client-id',
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    });
  });
});

describe('list fields', () => {
  it('stores multi-valued values one per line and reads them back', () => {
    expect(joinLines([' a ', '', 'b\nc', 'd'])).toBe('a\nb c\nd');
    expect(splitLines('a\r\nb\n\n c ')).toEqual(['a', 'b', 'c']);
    const p = newPartner({ id: '7', etag: '"e,1"' });
    expect(partnerFromItem({ id: '7', eTag: '"e,1"', fields: partnerToFields(p, 'client-7') })).toEqual({ ...p, lastContact: undefined });
  });
  it('leaves the text of a confidential interaction out of its Interactions fields', () => {
    const i = newInteraction('3', { confidential: true, followUps: 'x', review: { goesWell: 'g', couldImprove: 'c', score: 4 } });
    const fields = interactionToFields(i);
    expect(fields).toMatchObject({ summary: '', followUps: null, reviewGoesWell: null, reviewCouldImprove: null, reviewScore: 4, confidential: true });
    expect(interactionFromItem({ id: '9', fields })).toMatchObject({ summary: '', confidential: true, review: { score: 4, goesWell: '' } });
  });
});

describe('the browser HTTP cache', () => {
  it('is never used for Graph: every request goes out with cache "no-store", so the browser adds no If-None-Match of its own', async () => {
    const seen: RequestInit[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init ?? {});
      return new Response('{"value":[]}', { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"x,1"' } });
    }) as typeof fetch;
    try {
      const client = createGraphClient({ baseUrl: 'http://localhost:1/v1.0', getAccessToken: async () => 'token' });
      await client.api('/sites/root/lists').get();
      await client.api('/sites/root/lists').get();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen).toHaveLength(2);
    for (const init of seen) expect(init.cache).toBe('no-store');
  });
});
