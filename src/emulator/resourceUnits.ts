/**
 * SharePoint's resource units, the one place their costs and limits are written down. All from "Avoid getting
 * throttled or blocked in SharePoint Online"
 * (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online,
 * ms.date 10/02/2025; Microsoft Graph's "service-specific throttling limits" page sends "Files and lists" there):
 *
 * "Microsoft Graph APIs have a predetermined resource unit cost per request":
 *   1 — "Single item query, such as get item", "Delta with a token", "Download file from drive item";
 *   2 — "Multi item query, such as list children, except delta with a token", "Create, update, delete, and upload";
 *   5 — "All permission resource operations, including `$expand=permissions`".
 * "In batching, requests in a batch are evaluated individually by resource units." "Throttled requests count
 * towards usage limits." Microsoft "reserve[s] the right to change the API resource unit cost" and the limits.
 *
 * The emulator charges each request by its route (the envelope of a `$batch` costs nothing, its requests do);
 * Graph routes outside SharePoint (`/me`, `/chats`, …) are not SharePoint resource units and cost 0 here.
 */
import type { GraphResponse } from './types';

export const RESOURCE_UNITS_DOC = 'https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online';

export const RESOURCE_UNIT_COSTS = { singleItem: 1, deltaWithToken: 1, multiItem: 2, write: 2, permissions: 5 } as const;

/** Route patterns that answer one item; other SharePoint GETs answer a collection. */
const SINGLE_ITEM = new Set(['/sites/{siteId}', '/sites/{siteId}/lists/{listId}', '/sites/{siteId}/lists/{listId}/columns/{columnId}', '/sites/{siteId}/lists/{listId}/items/{itemId}', '/sites/{siteId}/lists/{listId}/items/{itemId}/fields']);

/** The resource units one request (not a `$batch` envelope) costs, by its method, route pattern and query. */
export function resourceUnitCost(method: string, pattern: string, query: URLSearchParams): number {
  if (!pattern.toLowerCase().startsWith('/sites/')) return 0;
  const expand = [...query.entries()].filter(([k]) => k.replace(/^\$/, '').toLowerCase() === 'expand').map(([, v]) => v.toLowerCase());
  if (/\/permissions(\/|$)/i.test(pattern) || expand.some((v) => /\bpermissions\b/.test(v))) return RESOURCE_UNIT_COSTS.permissions;
  if (method.toUpperCase() !== 'GET') return RESOURCE_UNIT_COSTS.write;
  if (/\/delta$/i.test(pattern)) {
    const hasToken = [...query.keys()].some((k) => ['token', '$deltatoken', 'deltatoken'].includes(k.toLowerCase()));
    return hasToken ? RESOURCE_UNIT_COSTS.deltaWithToken : RESOURCE_UNIT_COSTS.multiItem;
  }
  return SINGLE_ITEM.has(pattern) ? RESOURCE_UNIT_COSTS.singleItem : RESOURCE_UNIT_COSTS.multiItem;
}

/** "Application Throttling", category "Per APP Per Tenant", resource units by the tenant's licence count. */
export const APP_LIMITS: ReadonlyArray<{ maxLicences: number; perMinute: number; per24Hours: number }> = [
  { maxLicences: 1_000, perMinute: 1_250, per24Hours: 1_200_000 },
  { maxLicences: 5_000, perMinute: 2_500, per24Hours: 2_400_000 },
  { maxLicences: 15_000, perMinute: 3_750, per24Hours: 3_600_000 },
  { maxLicences: 50_000, perMinute: 5_000, per24Hours: 4_800_000 },
  { maxLicences: Infinity, perMinute: 6_250, per24Hours: 6_000_000 },
];

/** "Tenant Throttling": resource units per 5 minutes for all apps of the tenant together. */
export const TENANT_LIMITS_PER_5_MINUTES: ReadonlyArray<{ maxLicences: number; units: number }> = [
  { maxLicences: 1_000, units: 18_750 },
  { maxLicences: 5_000, units: 37_500 },
  { maxLicences: 15_000, units: 56_250 },
  { maxLicences: 50_000, units: 75_000 },
  { maxLicences: Infinity, units: 93_750 },
];

export function appLimitsFor(licences: number): { perMinute: number; per24Hours: number } {
  const { perMinute, per24Hours } = APP_LIMITS.find((l) => licences <= l.maxLicences)!;
  return { perMinute, per24Hours };
}

export function tenantLimitPer5MinutesFor(licences: number): number {
  return TENANT_LIMITS_PER_5_MINUTES.find((l) => licences <= l.maxLicences)!.units;
}

/** "When an application consumes 80% or more of its app 1-minute limit, the limit, remaining, and reset are returned." */
export const RATE_LIMIT_HEADERS_FROM = 0.8;

export interface ResourceUnitLimit {
  /** Resource units per window; default the app 1-minute limit for `licences`. */
  perWindow?: number;
  /** The tenant's licence count, for the default limit (default 1,000: the smallest tier). */
  licences?: number;
  /** The window, default one minute (tests use shorter ones). */
  windowMs?: number;
}

/** What charging one request gives: headers to add to its answer, or the 429 that answers it instead. */
export interface Charge {
  headers?: Record<string, string>;
  throttled?: GraphResponse;
}

/**
 * The app's 1-minute resource-unit budget, in fixed windows (the first request opens one). Every request is
 * charged, a throttled one too; from 80% used, answers carry RateLimit-Limit/Remaining/Reset; past the limit the
 * request is answered 429 with Retry-After equal to RateLimit-Reset, as in the page's example.
 */
export class ResourceUnitMeter {
  private windowStart = 0;
  private used = 0;
  readonly limit: number;
  private readonly windowMs: number;

  constructor(options: ResourceUnitLimit, private readonly now: () => number = Date.now) {
    this.limit = options.perWindow ?? appLimitsFor(options.licences ?? 1_000).perMinute;
    this.windowMs = options.windowMs ?? 60_000;
  }

  charge(units: number, errorBody: (code: string, message: string) => unknown): Charge {
    if (units <= 0) return {};
    const now = this.now();
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += units;
    const resetSeconds = String(Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000)));
    const remaining = Math.max(0, this.limit - this.used);
    const headers = { 'RateLimit-Limit': String(this.limit), 'RateLimit-Remaining': String(remaining), 'RateLimit-Reset': resetSeconds };
    if (this.used > this.limit) {
      return {
        throttled: {
          status: 429,
          headers: { 'Retry-After': resetSeconds, ...headers },
          body: errorBody('activityLimitReached', 'The request has been throttled: the application used its resource units for this minute.'),
        },
      };
    }
    return this.used >= this.limit * RATE_LIMIT_HEADERS_FROM ? { headers } : {};
  }
}
