/**
 * Types shared by the emulator's modules and exported to the code that drives it
 * (tests, the demo server, scripts). Kept apart so the modules do not import each other in a circle.
 */

/** A fault kind the emulator can inject (see faults.ts). */
export type FaultKind = '429' | '503' | '504' | 'drop' | 'commit-then-fail';

export interface FaultConfig {
  /** Fraction (0..1) of top-level requests that fail. */
  rate: number;
  /** Kinds to choose from, uniformly; default all five. */
  kinds?: FaultKind[];
  /** Seed for the pseudo-random sequence; the same seed and request order give the same faults. */
  seed?: number;
  /** Retry-After (seconds) on 429 and 503; default 1. */
  retryAfterSeconds?: number;
  /** Fraction of requests inside a `$batch` that fail; default `rate`. */
  batchRate?: number;
}

export interface SiteAddress {
  hostname: string;
  /** Server-relative path, e.g. `/sites/partnerzicht` (`/` for the root site). */
  path: string;
  /** The site's time zone (IANA), for date-only columns; default the emulator's `siteTimeZone`. */
  timeZone?: string;
}

export interface EmulatorOptions {
  /** Folder for the data files; undefined keeps everything in memory only. */
  dataDir?: string;
  /** Extra sites besides DEFAULT_SITE (which always exists). */
  sites?: SiteAddress[];
  faults?: FaultConfig;
  /** Routes added by later work (e.g. `/chats/{id}`); same as calling `addRoute` for each. */
  routes?: RouteDefinition[];
  /** Milliseconds a write waits before it is persisted (debounce); default 100. */
  persistDelayMs?: number;
  /** Owners of DEFAULT_SITE (emails): not bound by item-level permissions (see `setSiteOwners`). */
  siteOwners?: string[];
  /** The request log keeps at most this many entries (oldest dropped); default 200,000. */
  maxLogEntries?: number;
  /**
   * What `$orderby` on list items does: `'refuse'` (default, 400) or `'ignore'` (checked, then id order,
   * as tenants have been reported to answer). See sharepointRoutes.ts.
   */
  listItemOrderBy?: 'refuse' | 'ignore';
  /**
   * The sites' time zone (IANA; SharePoint's regional settings), default `Europe/Amsterdam`: date-only columns
   * are answered as the UTC instant of midnight of the day in this zone (see timeZone.ts).
   */
  siteTimeZone?: string;
  /** Directory profiles by email, for `/me` (see userRoutes.ts); the token gives only name and address. */
  profiles?: Record<string, UserProfile>;
}

/** What the directory holds about a user beyond the token's name and address. */
export interface UserProfile {
  department?: string;
  jobTitle?: string;
  officeLocation?: string;
  /** The name the directory shows for a user who has not signed in (a direct report); a token's `name` wins for the signed-in user. */
  displayName?: string;
  /** The address of the user's manager: they are among that manager's `/me/directReports`. */
  manager?: string;
}

/** The official acting, read from the bearer token. */
export interface EmulatorUser {
  email: string;
  displayName: string;
  id: string;
}

export interface LoggedRequest {
  method: string;
  /** Path and query as received (for a request inside a batch: `/v1.0` + its relative url). */
  url: string;
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  status: number;
  /** True for a request that travelled inside a `$batch`. */
  inBatch: boolean;
  /** Epoch milliseconds when the request was received. */
  time: number;
  durationMs: number;
  /** Email from the bearer token, when there was a readable one. */
  user?: string;
  /** The injected fault, if any. */
  fault?: FaultKind;
  /** For a request inside a batch: its id in the batch. */
  batchRequestId?: string;
  /** SharePoint resource units the request costs (resourceUnits.ts); 0 for a `$batch` envelope and non-SharePoint routes. */
  resourceUnits: number;
  /** The User-Agent header received (for a request inside a batch: its envelope's). */
  userAgent?: string;
}

/** What a route handler answers; the adapter turns it into HTTP (or a batch response entry). */
export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Everything a route handler gets to see about one request. */
export interface RequestContext {
  method: string;
  /** Path after the version segment, e.g. `/sites/x/lists` (segments still URL-encoded). */
  path: string;
  /** Path parameters from the route pattern, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  body: unknown;
  user: EmulatorUser;
  /** `http(s)://host` as the client addressed us; used for absolute links such as `@odata.nextLink`. */
  origin: string;
  /** `v1.0` or `beta`. */
  version: string;
  inBatch: boolean;
  /** The original path + query (for building next links). */
  rawUrl: string;
}

export type RouteHandler = (ctx: RequestContext) => GraphResponse | Promise<GraphResponse>;

export interface RouteDefinition {
  method: string;
  /** Path pattern after the version, with `{name}` segments, e.g. `/chats/{chatId}`. */
  pattern: string;
  handler: RouteHandler;
  /**
   * The query options the route implements (e.g. `['select', 'top']`); any other is refused with 400
   * (see queryPolicy.ts). Undefined: not checked (routes a test adds for itself).
   */
  query?: string[];
  /** The `Prefer` preferences the route implements; others are refused. Undefined: not checked. */
  prefer?: string[];
  /** The conditional headers (`if-match`, `if-none-match`) the route implements; others are refused. Undefined: not checked. */
  conditional?: string[];
}
