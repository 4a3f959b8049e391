/**
 * The one place a Microsoft Graph client is made. The middleware chain is where transport concerns
 * live (like pnpjs behaviors): telemetry → retry → token → fetch. The domain code never sees them.
 */
import { Client, HTTPMessageHandler, TelemetryHandler } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware } from './bearerTokenMiddleware';
import { RetryMiddleware, type RetryEvent } from './retryMiddleware';
import { DEFAULT_RETRY_POLICY, realSleep, type RetryPolicy, type Sleep } from './retryPolicy';

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
  // Telemetry first so its request id and SDK headers are added once, not once per retry.
  telemetry.setNext(retry);
  retry.setNext(token);
  token.setNext(fetcher);
  return Client.initWithMiddleware({
    baseUrl: root,
    defaultVersion: version,
    middleware: telemetry,
    // Graph's answers are never taken from (or revalidated through) the browser's HTTP cache: a GET
    // repeated within a write (read, PATCH, read again) must see the write, and the revalidation a
    // browser adds on its own (If-None-Match, RFC 9111 §4.3.1) is a conditional header that the list-item
    // pages do not document (the emulator refuses it, see src/emulator/queryPolicy.ts).
    fetchOptions: { cache: 'no-store' },
    // The SDK compares hostnames (port stripped); only its telemetry handler uses this here, see bearerTokenMiddleware.
    customHosts: GRAPH_HOSTS.has(url.hostname) ? undefined : new Set([url.hostname]),
  });
}
