import type * as http from 'node:http';
import { randomUUID } from 'node:crypto';
import { stableGuid, tokenFromAuthorization } from './auth';
import { assertPermitted } from './permissions';
import { MAX_BATCH_REQUESTS, runBatch, type InnerRequest } from './batch';
import { GraphError, errorBody, errorResponse } from './errors';
import { FaultInjector, type FaultDecision } from './faults';
import { ResourceUnitMeter, resourceUnitCost, type Charge, type ResourceUnitLimit } from './resourceUnits';
import { RouteTable } from './routes';
import { checkRequestAgainstRoute } from './queryPolicy';
import { sharepointRoutes, type ListCreateQuirk, type ListItemOrderBy } from './sharepointRoutes';
import { ActivityFeed, activityRoutes } from './activityRoutes';
import { MeetingStore, meetingRoutes } from './meetingRoutes';
import { SiteRegistry } from './siteStore';
import { UserDirectory, userRoutes } from './userRoutes';
import type {
  EmulatorOptions,
  EmulatorUser,
  FaultConfig,
  GraphResponse,
  LoggedRequest,
  RequestContext,
  RouteHandler,
  SiteAddress,
  UserProfile,
} from './types';

/**
 * The emulator proper: an HTTP handler that answers Graph paths (`/v1.0/…`, `/beta/…`).
 * It owns the transport concerns — CORS, reading bodies, the bearer token, fault injection,
 * `$batch`, the request log — and hands each request to the route table.
 */

export const DEFAULT_SITE: SiteAddress = { hostname: 'veenhaven.sharepoint.com', path: '/sites/partnerzicht' };

export interface GraphEmulator {
  /** Answers one request whose path starts with `/v1.0/` or `/beta/` (mountable in another server). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Every request answered, oldest first (requests inside a batch have `inBatch: true`). */
  requestLog: LoggedRequest[];
  clearLog(): void;
  setFaults(f: FaultConfig | undefined): void;
  /** Deletes every list (and its files) on every site. */
  reset(): Promise<void>;
  /** Writes pending changes to the data folder. */
  flush(): Promise<void>;
  /** Adds an answer for another Graph path, e.g. `addRoute('GET', '/chats/{chatId}', ctx => …)`. */
  addRoute(method: string, pattern: string, handler: RouteHandler): void;
  /**
   * Teams meetings behind `/chats/{id}`, `/me/onlineMeetings`, `/me/events` and the calendar views, and whose
   * calendar is shared with whom (`shareCalendar(owner, delegate)`, for `/users/{id}/calendarView`; see meetingRoutes.ts).
   */
  readonly meetings: MeetingStore;
  /** Teams activity-feed notifications sent through `/users/{id}/teamwork/sendActivityNotification`, and who has the app (see activityRoutes.ts). */
  readonly activity: ActivityFeed;
  /**
   * Inserts items straight into a list, without HTTP (for large fixtures and benchmarks).
   * The list must exist; `list` is its id or display name. Returns the new item ids.
   */
  seedItems(list: string, items: Array<Record<string, unknown>>, options?: { site?: SiteAddress; user?: EmulatorUser }): string[];
  /**
   * SharePoint's list item-level permissions (ReadSecurity 1 all items / 2 only own items; WriteSecurity
   * 1 / 2 / 4 none), which Graph cannot set. `list` is its id or display name.
   */
  setItemLevelPermissions(list: string, settings: { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 }, options?: { site?: SiteAddress }): void;
  itemLevelPermissions(list: string, options?: { site?: SiteAddress }): { readSecurity: 1 | 2; writeSecurity: 1 | 2 | 4 };
  /** The site's owners (emails): they read and edit every item whatever the list's item-level permissions. */
  setSiteOwners(emails: readonly string[], options?: { site?: SiteAddress }): void;
  /** The site's Visitors (emails): permission level Read, so every create, update and delete of an item is refused with 403. */
  setSiteVisitors(emails: readonly string[], options?: { site?: SiteAddress }): void;
  /** What `/me` answers about a user beyond the token (department, job title, office); merged with what is there. */
  setUserProfile(email: string, profile: UserProfile): void;
  /**
   * The app's resource-unit budget (resourceUnits.ts): from 80% used, answers carry RateLimit-Limit/Remaining/Reset;
   * past it, requests are answered 429 with Retry-After until the window refills. Undefined (default): no budget.
   */
  setResourceUnitLimit(limit: ResourceUnitLimit | undefined): void;
  /** Makes list creates leave out columns or indexes, as reported against Graph (see ListCreateQuirk); undefined turns it off. */
  setListCreateQuirk(quirk: ListCreateQuirk | undefined): void;
  /** Every route the emulator answers (method and pattern), built-in ones first. */
  routeList(): Array<{ method: string; pattern: string }>;
  /** What `$orderby` on list items does: refused with 400 (default) or ignored (id order), see sharepointRoutes.ts. */
  setListItemOrderBy(mode: ListItemOrderBy): void;
  /** Flushes and stops the persistence timers. */
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Prefer', 'ConsistencyLevel', 'client-request-id', 'SdkVersion', 'return-client-request-id'];
const EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'request-id', 'client-request-id', 'Preference-Applied', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

class Emulator implements GraphEmulator {
  readonly requestLog: LoggedRequest[] = [];
  readonly meetings = new MeetingStore();
  readonly activity = new ActivityFeed();
  private readonly routes = new RouteTable();
  private readonly sites: SiteRegistry;
  private readonly faults: FaultInjector;
  private readonly maxLog: number;
  private readonly directory: UserDirectory;
  private readonly quirks: { listCreate?: ListCreateQuirk } = {};
  private listItemOrderBy: ListItemOrderBy;
  private meter?: ResourceUnitMeter;

  constructor(options: EmulatorOptions) {
    this.sites = new SiteRegistry([DEFAULT_SITE, ...(options.sites ?? [])], options.dataDir, options.persistDelayMs ?? 100, options.siteTimeZone);
    this.faults = new FaultInjector(options.faults);
    this.maxLog = options.maxLogEntries ?? 200_000;
    this.directory = new UserDirectory(options.profiles);
    this.routes.addAll(userRoutes(this.directory));
    this.listItemOrderBy = options.listItemOrderBy ?? 'refuse';
    this.routes.addAll(sharepointRoutes(this.sites, { quirks: this.quirks, listItemOrderBy: () => this.listItemOrderBy }));
    this.routes.addAll(meetingRoutes(this.meetings, (key, caller) => this.directory.find(key, caller)));
    this.routes.addAll(activityRoutes(this.activity));
    if (options.routes) this.routes.addAll(options.routes);
    if (options.siteOwners) this.sites.add(DEFAULT_SITE).setOwners(options.siteOwners);
  }

  setItemLevelPermissions(list: string, settings: { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 }, options?: { site?: SiteAddress }): void {
    this.sites.add(options?.site ?? DEFAULT_SITE).list(list).setItemLevelPermissions(settings);
  }

  itemLevelPermissions(list: string, options?: { site?: SiteAddress }): { readSecurity: 1 | 2; writeSecurity: 1 | 2 | 4 } {
    const meta = this.sites.add(options?.site ?? DEFAULT_SITE).list(list).meta;
    return { readSecurity: meta.readSecurity ?? 1, writeSecurity: meta.writeSecurity ?? 1 };
  }

  setUserProfile(email: string, profile: UserProfile): void {
    this.directory.set(email, profile);
  }

  setListItemOrderBy(mode: ListItemOrderBy): void {
    this.listItemOrderBy = mode;
  }

  setSiteOwners(emails: readonly string[], options?: { site?: SiteAddress }): void {
    this.sites.add(options?.site ?? DEFAULT_SITE).setOwners(emails);
  }

  setSiteVisitors(emails: readonly string[], options?: { site?: SiteAddress }): void {
    this.sites.add(options?.site ?? DEFAULT_SITE).setVisitors(emails);
  }

  handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.handleRequest(req, res).catch((err) => {
      if (!res.headersSent) {
        const r = errorResponse(err);
        res.writeHead(r.status, { 'Content-Type': JSON_TYPE });
        res.end(JSON.stringify(r.body));
      } else res.destroy();
    });
  }

  addRoute(method: string, pattern: string, handler: RouteHandler): void {
    this.routes.add(method, pattern, handler);
  }

  setResourceUnitLimit(limit: ResourceUnitLimit | undefined): void {
    this.meter = limit ? new ResourceUnitMeter(limit) : undefined;
  }

  /** The resource units a request costs, by the route it would reach (0 when it reaches none). */
  private costOf(method: string, pathAndQuery: string): number {
    const q = pathAndQuery.indexOf('?');
    const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
    if (/^\/\$batch\/?$/i.test(path)) return 0;
    try {
      return resourceUnitCost(method, this.routes.match(method, path).pattern, new URLSearchParams(q < 0 ? '' : pathAndQuery.slice(q + 1)));
    } catch {
      return 0;
    }
  }

  private charge(method: string, pathAndQuery: string): Charge {
    return this.meter?.charge(this.costOf(method, pathAndQuery), (code, message) => errorBody(code, message)) ?? {};
  }

  setListCreateQuirk(quirk: ListCreateQuirk | undefined): void {
    this.quirks.listCreate = quirk;
  }

  routeList(): Array<{ method: string; pattern: string }> {
    return this.routes.list();
  }

  clearLog(): void {
    this.requestLog.length = 0;
  }

  setFaults(f: FaultConfig | undefined): void {
    this.faults.set(f);
  }

  async reset(): Promise<void> {
    for (const site of this.sites.all) site.wipe();
    await this.flush();
  }

  async flush(): Promise<void> {
    await Promise.all(this.sites.all.map((s) => s.flush()));
  }

  async close(): Promise<void> {
    await Promise.all(this.sites.all.map((s) => s.close()));
  }

  seedItems(list: string, items: Array<Record<string, unknown>>, options?: { site?: SiteAddress; user?: EmulatorUser }): string[] {
    const site = this.sites.add(options?.site ?? DEFAULT_SITE);
    const store = site.list(list);
    const user = options?.user ?? { email: 'seed@veenhaven.nl', displayName: 'Demo seed', id: stableGuid('user:seed@veenhaven.nl') };
    const lookupId = site.lookupId(user);
    return items.map((fields) => String(store.create(fields, user, lookupId).id));
  }

  private async handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const cors = corsHeaders(req);
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      const requested = String(req.headers['access-control-request-headers'] ?? '');
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': [...new Set([...ALLOWED_HEADERS, ...requested.split(',').map((h) => h.trim()).filter(Boolean)])].join(', '),
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const rawUrl = req.url ?? '/';
    const headers = lowerCaseHeaders(req.headers);
    const clientRequestId = headers['client-request-id'] ?? randomUUID();
    const raw = await readBody(req);
    const entry: LoggedRequest = { method, url: rawUrl, status: 0, inBatch: false, time: startedAt, durationMs: 0, resourceUnits: 0, userAgent: headers['user-agent'] };

    let response: GraphResponse;
    let fault: FaultDecision | undefined;
    try {
      const version = /^\/(v1\.0|beta)(?=\/|\?|$)/i.exec(rawUrl)?.[1];
      if (!version) throw new GraphError(400, 'BadRequest', `Invalid version: ${rawUrl.split('/')[1] ?? ''}`);
      const { user, scopes } = tokenFromAuthorization(headers.authorization);
      entry.user = user.email;
      const pathAndQuery = rawUrl.slice(version.length + 1) || '/';
      entry.resourceUnits = this.costOf(method, pathAndQuery);
      fault = this.faults.nextTopLevel();
      if (fault) entry.fault = fault.kind;
      if (fault?.kind === 'drop') {
        this.drop(req, res, entry);
        return;
      }
      // Every request is charged, a faulted one too ("Throttled requests count towards usage limits").
      const charge = this.charge(method, pathAndQuery);
      if (fault && fault.kind !== 'commit-then-fail') {
        response = this.faultResponse(fault.kind, clientRequestId);
      } else if (charge.throttled) {
        response = charge.throttled;
      } else {
        const body = parseBody(raw, headers['content-type']);
        response = await this.execute(
          { id: '', method, url: pathAndQuery, headers, body },
          { user, scopes, origin: originOf(req), version, inBatch: false },
        );
        if (fault?.kind === 'commit-then-fail') {
          if (fault.then === 'drop') {
            this.drop(req, res, entry);
            return;
          }
          response = this.faultResponse(fault.then === 500 ? 500 : '504', clientRequestId);
        }
      }
      if (charge.headers) response = { ...response, headers: { ...(response.headers ?? {}), ...charge.headers } };
    } catch (err) {
      response = errorResponse(err, clientRequestId);
    }
    const outHeaders: Record<string, string> = {
      ...cors,
      'request-id': randomUUID(),
      'client-request-id': clientRequestId,
      'OData-Version': '4.0',
      ...(response.headers ?? {}),
    };
    if (response.body !== undefined) outHeaders['Content-Type'] = JSON_TYPE;
    res.writeHead(response.status, outHeaders);
    res.end(response.body === undefined ? undefined : JSON.stringify(response.body));
    entry.status = response.status;
    this.log(entry, startedAt);
  }

  /** Runs one request (top level or inside a batch) through the route table; errors become Graph's shape. */
  private async execute(
    req: InnerRequest,
    env: { user: EmulatorUser; scopes: ReadonlySet<string>; origin: string; version: string; inBatch: boolean },
  ): Promise<GraphResponse> {
    try {
      const q = req.url.indexOf('?');
      const path = q < 0 ? req.url : req.url.slice(0, q);
      const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
      if (/^\/\$batch\/?$/i.test(path)) {
        if (env.inBatch) throw new GraphError(400, 'BadRequest', 'A batch request cannot contain another batch.');
        if (req.method !== 'POST') throw new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
        return await runBatch(req.body, env.version, {
          execute: (inner) => this.execute(inner, { ...env, inBatch: true }),
          nextFault: () => this.faults.nextInBatch(),
          faultResponse: (kind, id) => this.faultResponse(kind, id),
          charge: (inner) => this.charge(inner.method, inner.url),
          log: (inner, status, fault, startedAt) =>
            this.log(
              {
                method: inner.method,
                url: `/${env.version}${inner.url}`,
                status,
                inBatch: true,
                time: startedAt,
                durationMs: 0,
                user: env.user.email,
                batchRequestId: inner.id,
                resourceUnits: this.costOf(inner.method, inner.url),
                userAgent: req.headers['user-agent'],
                ...(fault ? { fault: fault.kind } : {}),
              },
              startedAt,
            ),
        });
      }
      const match = this.routes.match(req.method, path);
      // Each request (a batch's too) needs its endpoint's documented permission in the token (permissions.ts).
      assertPermitted(req.method, match.pattern, env.scopes);
      const ctx: RequestContext = {
        method: req.method,
        path,
        params: match.params,
        query,
        headers: req.headers,
        body: req.body,
        user: env.user,
        origin: env.origin,
        version: env.version,
        inBatch: env.inBatch,
        rawUrl: req.url,
      };
      checkRequestAgainstRoute(match.policy, ctx);
      return await match.handler(ctx);
    } catch (err) {
      return errorResponse(err, req.headers['client-request-id']);
    }
  }

  private faultResponse(kind: '429' | '503' | '504' | 500, clientRequestId?: string): GraphResponse {
    const retry = { 'Retry-After': String(this.faults.retryAfterSeconds) };
    switch (kind) {
      case '429':
        return { status: 429, headers: retry, body: errorBody('activityLimitReached', 'The request has been throttled', clientRequestId) };
      case '503':
        return { status: 503, headers: retry, body: errorBody('serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', clientRequestId) };
      case '504':
        return { status: 504, body: errorBody('gatewayTimeout', 'The gateway did not receive a timely response from the service.', clientRequestId) };
      default:
        return { status: 500, body: errorBody('generalException', 'General exception while processing', clientRequestId) };
    }
  }

  /** Closes the connection without an answer, as a network failure would. */
  private drop(req: http.IncomingMessage, res: http.ServerResponse, entry: LoggedRequest): void {
    entry.status = 0;
    this.log(entry, entry.time);
    res.socket?.destroy();
    req.socket.destroy();
  }

  private log(entry: LoggedRequest, startedAt: number): void {
    entry.durationMs = Date.now() - startedAt;
    this.requestLog.push(entry);
    if (this.requestLog.length > this.maxLog) this.requestLog.splice(0, Math.ceil(this.maxLog / 10));
  }
}

export function createGraphEmulator(options: EmulatorOptions = {}): GraphEmulator {
  return new Emulator(options);
}

export { MAX_BATCH_REQUESTS };

function corsHeaders(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', ') };
}

function originOf(req: http.IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : encrypted ? 'https' : 'http';
  return `${scheme}://${req.headers.host ?? '127.0.0.1'}`;
}

function lowerCaseHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}
