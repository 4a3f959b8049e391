/**
 * Requests, paging and JSON batching against Microsoft Graph, on top of the SDK client from
 * `createGraphClient` (whose middleware retries whole requests). Everything that talks to Graph goes
 * through here; the repository only says what it wants.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, splitBaseUrl, type GraphClientOptions } from './createGraphClient';
import { GraphRequestError, isSignInProblem, NetworkError, UnclearOutcomeError } from './errors';
import { RateLimitGate, throttleWaitMs, type RateLimitPolicy } from './rateLimit';
import { RetryOptions } from './retryMiddleware';
import { DEFAULT_RETRY_POLICY, realSleep, retryDelay, TRANSIENT_STATUSES, type RetryPolicy, type Sleep } from './retryPolicy';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestInit {
  body?: unknown;
  headers?: Record<string, string>;
  /** A POST that may be sent twice without harm (a `$batch` of reads). Other methods are always safe. */
  safeToRepeat?: boolean;
}

/** One page of a collection; `deltaLink` is set on the last page of a delta query. */
export interface Page<T> {
  value: T[];
  deltaLink?: string;
}

/** One request inside a JSON batch. `url` is relative to the API version root, e.g. `/sites/…`. */
export interface BatchStep {
  id: string;
  method: HttpMethod;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Ids of steps that must succeed first (Graph runs them in order and answers 424 when one failed). */
  dependsOn?: string[];
}

export interface BatchResult<T = unknown> {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** Graph's limit for one JSON batch. */
export const MAX_BATCH_SIZE = 20;

export interface GraphTransportConfig {
  baseUrl?: string;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  random?: () => number;
  rateLimit?: Partial<RateLimitPolicy>;
}

export class GraphTransport {
  /** SharePoint's RateLimit headers, honoured for every request this transport sends (rateLimit.ts). */
  readonly rateLimit: RateLimitGate;
  private readonly root: string;
  private readonly version: string;
  private readonly policy: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly random: () => number;

  constructor(
    readonly client: Client,
    config: GraphTransportConfig = {},
  ) {
    ({ root: this.root, version: this.version } = splitBaseUrl(config.baseUrl));
    this.policy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
    this.sleep = config.sleep ?? realSleep;
    this.random = config.random ?? Math.random;
    this.rateLimit = new RateLimitGate(this.sleep, config.rateLimit);
  }

  /** A transport with its own client; the usual way to make one. */
  static create(options: GraphClientOptions): GraphTransport {
    return new GraphTransport(createGraphClient(options), options);
  }

  /**
   * Sends one request. Non-2xx answers throw `GraphRequestError`; no answer throws `NetworkError`, or
   * `UnclearOutcomeError` for a POST that is not safe to repeat (as does a 5xx to such a POST).
   */
  async request<T>(method: HttpMethod, path: string, init: RequestInit = {}): Promise<GraphResponse<T>> {
    const safeToRepeat = method !== 'POST' || init.safeToRepeat === true;
    let request = this.client.api(this.apiPath(path)).responseType(ResponseType.RAW).middlewareOptions([new RetryOptions(safeToRepeat)]);
    if (init.headers) request = request.headers(init.headers);
    await this.rateLimit.ready();
    let response: Response;
    try {
      switch (method) {
        case 'GET':
          response = await request.get();
          break;
        case 'POST':
          response = await request.post(init.body ?? {});
          break;
        case 'PATCH':
          response = await request.patch(init.body ?? {});
          break;
        case 'PUT':
          response = await request.put(init.body ?? {});
          break;
        case 'DELETE':
          response = await request.delete();
          break;
      }
    } catch (error) {
      // The token source's "sign in first" is no network failure: nothing was sent (errors.ts isSignInProblem).
      if (isSignInProblem(error)) throw error;
      throw safeToRepeat ? new NetworkError(error) : new UnclearOutcomeError(new NetworkError(error));
    }
    this.rateLimit.observe((name) => response.headers.get(name));
    const body = await readBody(response);
    if (!response.ok) {
      const failure = errorFromResponse(response.status, (name) => response.headers.get(name), body);
      if (!safeToRepeat && (response.status >= 500 || response.status === 408)) throw new UnclearOutcomeError(failure);
      throw failure;
    }
    return { status: response.status, headers: response.headers, body: body as T };
  }

  async get<T>(path: string, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('GET', path, { headers })).body;
  }

  /** Yields each page of a collection, following `@odata.nextLink`; the last page of a delta query carries its deltaLink. */
  async *pages<T>(path: string): AsyncGenerator<Page<T>> {
    let next: string | undefined = path;
    while (next) {
      const body: CollectionBody<T> = await this.get<CollectionBody<T>>(next);
      const nextLink = body['@odata.nextLink'];
      next = nextLink ? this.apiPath(nextLink) : undefined;
      yield { value: body.value ?? [], deltaLink: body['@odata.deltaLink'] };
    }
  }

  /** Every item of a collection, all pages; `onPage` reports progress (items so far). */
  async getAll<T>(path: string, onPage?: (loaded: number) => void): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages<T>(path)) {
      all.push(...page.value);
      onPage?.(all.length);
    }
    return all;
  }

  /**
   * Sends steps as JSON batches of at most 20, in order. Steps that failed with 429 (or 503/504 when
   * safe to repeat) inside a batch whose envelope said 200 are sent again — only those, with the steps
   * that depended on them — after the longest Retry-After they carried. A dependency on a step of an
   * earlier chunk is dropped when that step succeeded and answered 424 locally when it failed.
   */
  async batch(steps: readonly BatchStep[]): Promise<Map<string, BatchResult>> {
    const results = new Map<string, BatchResult>();
    for (let start = 0; start < steps.length; start += MAX_BATCH_SIZE) {
      let chunk: BatchStep[] = [];
      for (const step of steps.slice(start, start + MAX_BATCH_SIZE)) {
        const settled = (step.dependsOn ?? []).filter((id) => results.has(id));
        const failed = settled.find((id) => !isSuccess(results.get(id)!.status));
        if (failed) {
          results.set(step.id, failedDependency(step.id, failed));
          continue;
        }
        chunk.push(settled.length ? { ...step, dependsOn: step.dependsOn!.filter((id) => !results.has(id)) } : step);
      }
      for (let attempt = 0; chunk.length > 0; attempt++) {
        const answers = await this.sendBatch(chunk);
        const retry = new Set<string>();
        let waitMs: number | undefined;
        for (const step of chunk) {
          const answer = answers.get(step.id) ?? { id: step.id, status: 500, headers: {}, body: { error: { code: 'missingResponse', message: 'no response for this step' } } };
          // "requests in a batch are evaluated individually by resource units": each answer may carry the headers.
          this.rateLimit.observe((name) => headerValue(answer.headers, name));
          const blockedBy = answer.status === 424 ? (step.dependsOn ?? []).find((id) => retry.has(id)) : undefined;
          const retryable = answer.status === 429 || (step.method !== 'POST' && TRANSIENT_STATUSES.has(answer.status)) || blockedBy !== undefined;
          if (retryable && attempt < this.policy.maxRetries) {
            retry.add(step.id);
            const after = throttleWaitMs((name) => headerValue(answer.headers, name));
            if (after !== undefined) waitMs = Math.max(waitMs ?? 0, after);
          } else {
            results.set(step.id, answer);
          }
        }
        if (retry.size === 0) break;
        await this.sleep(retryDelay(this.policy, attempt, waitMs, this.random));
        chunk = chunk
          .filter((s) => retry.has(s.id))
          .map((s) => (s.dependsOn ? { ...s, dependsOn: s.dependsOn.filter((id) => retry.has(id)) } : s));
      }
    }
    return results;
  }

  private async sendBatch(chunk: readonly BatchStep[]): Promise<Map<string, BatchResult>> {
    const requests = chunk.map((step) => {
      const request: Record<string, unknown> = { id: step.id, method: step.method, url: this.batchUrl(step.url) };
      const headers = { ...step.headers };
      if (step.body !== undefined) {
        request.body = step.body;
        headers['Content-Type'] ??= 'application/json';
      }
      if (Object.keys(headers).length) request.headers = headers;
      if (step.dependsOn?.length) request.dependsOn = step.dependsOn;
      return request;
    });
    // Repeating the whole envelope is safe only when no step creates anything.
    const safeToRepeat = chunk.every((s) => s.method !== 'POST');
    const { body } = await this.request<{ responses?: BatchResult[] }>('POST', '/$batch', { body: { requests }, safeToRepeat });
    return new Map((body.responses ?? []).map((r) => [String(r.id), { ...r, id: String(r.id), headers: r.headers ?? {} }]));
  }

  /**
   * A path relative to the API version root (`/sites/…`), from either such a path or an absolute link
   * the server gave (nextLink, deltaLink). A link to another origin is refused: the token must not go there.
   */
  apiPath(pathOrUrl: string): string {
    if (!/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
    const url = new URL(pathOrUrl);
    const root = new URL(this.root);
    if (url.origin !== root.origin) throw new Error(`Refusing to follow a link to ${url.origin}`);
    let path = url.pathname;
    const prefix = `${root.pathname.replace(/\/+$/, '')}/${this.version}`;
    if (path.startsWith(`${prefix}/`)) path = path.slice(prefix.length);
    return path + url.search;
  }

  private batchUrl(url: string): string {
    return this.apiPath(url);
  }
}

interface CollectionBody<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A batch step's answer as an error (for callers that want to throw it). */
export function batchError(result: BatchResult): GraphRequestError {
  return errorFromResponse(result.status, (name) => headerValue(result.headers, name), result.body);
}

function failedDependency(id: string, dependency: string): BatchResult {
  return { id, status: 424, headers: {}, body: { error: { code: 'failedDependency', message: `step ${dependency} failed` } } };
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorFromResponse(status: number, header: (name: string) => string | null | undefined, body: unknown): GraphRequestError {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new GraphRequestError(status, error?.code, error?.message ?? `Graph answered ${status}`, throttleWaitMs(header), body);
}
