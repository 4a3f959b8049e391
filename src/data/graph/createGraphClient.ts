/**
 * The one place a Microsoft Graph client is made. The middleware chain is where transport concerns
 * live (like pnpjs behaviors): telemetry → user agent (outside browsers) → retry → token → fetch. The domain code never sees them.
 */
import { Client, HTTPMessageHandler, TelemetryHandler } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware } from './bearerTokenMiddleware';
import type { RateLimitPolicy } from './rateLimit';
import { RetryMiddleware, type RetryEvent } from './retryMiddleware';
import { DEFAULT_RETRY_POLICY, realSleep, type RetryPolicy, type Sleep } from './retryPolicy';
import { defaultUserAgent, runsInBrowserPage, UserAgentMiddleware } from './userAgent';

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` (default), or the emulator's URL; a trailing `/v1.0` is allowed. */
  baseUrl?: string;
  /** The signed-in official's delegated token for Graph (Sites.ReadWrite.All / Sites.Manage.All). */
  getAccessToken: () => Promise<string>;
  retry?: Partial<RetryPolicy>;
  /** Injectable so tests do not wait real seconds. */
  sleep?: Sleep;
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
  /**
   * SharePoint's User-Agent decoration (userAgent.ts): default `NONISV|<organisation>|Partnerzicht/<version>`
   * outside a browser page, none in one (Microsoft: browser apps need not set it); false never sends it.
   */
  userAgent?: string | false;
  /** How the transport honours RateLimit headers (rateLimit.ts); used by GraphTransport. */
  rateLimit?: Partial<RateLimitPolicy>;
}

export const GRAPH_ROOT = 'https://graph.microsoft.com';
const GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);

/** Splits `https://host[:port][/prefix][/v1.0]` into the root and the API version. */
export function splitBaseUrl(baseUrl: string = GRAPH_ROOT): { root: string; version: string } {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const match = /^(.*)\/(v1\.0|beta)$/.exec(trimmed);
  return match ? { root: match[1], version: match[2] } : { root: trimmed, version: 'v1.0' };
}

export function createGraphClient(options: GraphClientOptions): Client {
  const { root, version } = splitBaseUrl(options.baseUrl);
  const url = new URL(root);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const retry = new RetryMiddleware(policy, options.sleep ?? realSleep, options.random, options.onRetry);
  const token = new BearerTokenMiddleware(url.origin, options.getAccessToken);
  const telemetry = new TelemetryHandler();
  const fetcher = new HTTPMessageHandler();
  const userAgent = options.userAgent ?? (runsInBrowserPage() ? false : defaultUserAgent());
  // Telemetry and the user agent first so their headers are added once, not once per retry.
  if (userAgent) {
    const decorate = new UserAgentMiddleware(userAgent);
    telemetry.setNext(decorate);
    decorate.setNext(retry);
  } else {
    telemetry.setNext(retry);
  }
  retry.setNext(token);
  token.setNext(fetcher);
  return Client.initWithMiddleware({
    baseUrl: root,
    defaultVersion: version,
    middleware: telemetry,
    // Graph answers are never taken from or kept in the browser's HTTP cache: a cached answer with an
    // ETag makes the browser revalidate with its own If-None-Match, which Graph does not document for
    // list items (the emulator refuses it, as it refuses every header it does not implement), and the
    // answers hold notes about people that have no business on the device's disk outside our own store.
    fetchOptions: { cache: 'no-store' },
    // The SDK compares hostnames (port stripped); only its telemetry handler uses this here, see bearerTokenMiddleware.
    customHosts: GRAPH_HOSTS.has(url.hostname) ? undefined : new Set([url.hostname]),
  });
}
