import { badRequest, errorBody } from './errors';
import type { FaultDecision } from './faults';
import type { Charge } from './resourceUnits';
import type { GraphResponse } from './types';

/**
 * JSON batching (`POST /$batch`) as Graph does it: at most 20 requests, each with an id, method
 * and url relative to the version (`/sites/…`; the `/v1.0/sites/…` form the JS SDK sends is
 * accepted too); `dependsOn` orders requests and a failed dependency answers 424; the envelope
 * answers 200 even when requests inside fail — including throttling (429 with Retry-After),
 * which clients must find and retry themselves.
 */

export const MAX_BATCH_REQUESTS = 20;

export interface InnerRequest {
  id: string;
  method: string;
  /** Path after the version, with query, e.g. `/sites/x/lists?$top=5`. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchDeps {
  /** Runs one request through the route table (no faults, no logging). */
  execute(req: InnerRequest): Promise<GraphResponse>;
  /** The fault for the next request inside a batch. */
  nextFault(): FaultDecision | undefined;
  faultResponse(kind: '429' | '503' | '504' | 500, clientRequestId?: string): GraphResponse;
  /** Charges the request's resource units: RateLimit headers for its answer, or the 429 instead (resourceUnits.ts). */
  charge(req: InnerRequest): Charge;
  log(req: InnerRequest, status: number, fault: FaultDecision | undefined, startedAt: number): void;
}

export async function runBatch(body: unknown, version: string, deps: BatchDeps): Promise<GraphResponse> {
  const requests = validate(body, version);
  const done = new Map<string, GraphResponse>();
  const pending = [...requests];
  // Requests run one after another: the first whose dependencies have all answered goes next.
  while (pending.length) {
    const idx = pending.findIndex((r) => (r.dependsOn ?? []).every((d) => done.has(d)));
    const req = pending.splice(idx, 1)[0];
    const startedAt = Date.now();
    const failedDep = (req.dependsOn ?? []).find((d) => done.get(d)!.status >= 400);
    let response: GraphResponse;
    let fault: FaultDecision | undefined;
    if (failedDep !== undefined) {
      response = {
        status: 424,
        body: errorBody('FailedDependency', `The request with id '${failedDep}', on which this request depends, failed.`),
      };
    } else {
      fault = deps.nextFault();
      // "requests in a batch are evaluated individually by resource units"; a throttled one counts too.
      const charge = deps.charge(req);
      if (fault && (fault.kind === '429' || fault.kind === '503' || fault.kind === '504')) {
        response = deps.faultResponse(fault.kind, req.headers['client-request-id']);
      } else if (charge.throttled) {
        response = charge.throttled;
      } else {
        response = await deps.execute(req);
        if (fault?.kind === 'commit-then-fail') response = deps.faultResponse(fault.then === 500 ? 500 : '504');
      }
      if (charge.headers) response = { ...response, headers: { ...(response.headers ?? {}), ...charge.headers } };
    }
    done.set(req.id, response);
    deps.log(req, response.status, fault, startedAt);
  }
  return {
    status: 200,
    body: {
      responses: requests.map((r) => {
        const res = done.get(r.id)!;
        const headers: Record<string, string> = { ...(res.headers ?? {}) };
        if (res.body !== undefined) headers['Content-Type'] = 'application/json';
        return { id: r.id, status: res.status, headers, ...(res.body !== undefined ? { body: res.body } : {}) };
      }),
    },
  };
}

interface ParsedRequest extends InnerRequest {
  dependsOn?: string[];
}

function validate(body: unknown, version: string): ParsedRequest[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw badRequest('Invalid batch payload format.', 'BadRequest');
  if (requests.length === 0) throw badRequest('Invalid batch payload format: the batch holds no requests.', 'BadRequest');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`Number of requests inside batch exceeds the limit of ${MAX_BATCH_REQUESTS}.`, 'BadRequest');
  }
  const out: ParsedRequest[] = [];
  const ids = new Set<string>();
  for (const raw of requests) {
    const r = raw as Record<string, unknown>;
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : '';
    if (!id) throw badRequest('Invalid batch payload format: every request needs an id.', 'BadRequest');
    if (ids.has(id)) throw badRequest(`Invalid batch payload format: the id '${id}' is used twice.`, 'BadRequest');
    ids.add(id);
    if (typeof r.method !== 'string' || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(r.method)) {
      throw badRequest(`Invalid batch payload format: request '${id}' has no valid method.`, 'BadRequest');
    }
    if (typeof r.url !== 'string' || !r.url) throw badRequest(`Invalid batch payload format: request '${id}' has no url.`, 'BadRequest');
    const headers: Record<string, string> = {};
    if (r.headers && typeof r.headers === 'object') {
      for (const [k, v] of Object.entries(r.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    }
    let body = r.body;
    if (typeof body === 'string' && (headers['content-type'] ?? '').includes('json')) {
      try {
        body = JSON.parse(body);
      } catch {
        throw badRequest(`Invalid batch payload format: the body of request '${id}' is not JSON.`, 'BadRequest');
      }
    }
    const dependsOn = r.dependsOn === undefined ? undefined : Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : undefined;
    if (r.dependsOn !== undefined && !dependsOn) throw badRequest(`Invalid batch payload format: dependsOn of '${id}' must be an array.`, 'BadRequest');
    out.push({ id, method: r.method.toUpperCase(), url: relativeUrl(r.url, version), headers, body, dependsOn });
  }
  for (const r of out) {
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d)) throw badRequest(`Invalid batch payload format: request '${r.id}' depends on unknown id '${d}'.`, 'BadRequest');
    }
  }
  checkAcyclic(out);
  return out;
}

/** `/sites/x`, `sites/x`, `/v1.0/sites/x` and `https://host/v1.0/sites/x` all mean `/sites/x`. */
function relativeUrl(url: string, version: string): string {
  let u = url.replace(/^https?:\/\/[^/]+/i, '');
  if (!u.startsWith('/')) u = `/${u}`;
  const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(u.split('?')[0]);
  if (m) {
    if (m[1].toLowerCase() !== version.toLowerCase()) throw badRequest(`The batch request url '${url}' addresses another version.`, 'BadRequest');
    u = u.slice(m[1].length + 1) || '/';
  }
  return u;
}

function checkAcyclic(requests: ParsedRequest[]): void {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const state = new Map<string, 1 | 2>();
  const visit = (id: string) => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw badRequest('Invalid batch payload format: dependsOn forms a cycle.', 'BadRequest');
    state.set(id, 1);
    for (const d of byId.get(id)!.dependsOn ?? []) visit(d);
    state.set(id, 2);
  };
  for (const r of requests) visit(r.id);
}
