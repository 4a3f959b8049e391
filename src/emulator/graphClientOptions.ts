import {
  AuthenticationHandler,
  RetryHandler,
  TelemetryHandler,
  type AuthenticationProvider,
  type ClientOptions,
  type Context,
  type Middleware,
  type RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';

/**
 * How to point `@microsoft/microsoft-graph-client` v3 at the emulator.
 *
 * What the SDK does (lib/src/GraphRequestUtil.js, `isValidEndpoint`): it attaches the bearer
 * token only to URLs that start with `https://` and whose *hostname* (the port is cut off) is
 * graph.microsoft.com or in `customHosts`; for every other URL it even deletes an Authorization
 * header set by hand. Absolute `@odata.nextLink`s are likewise only understood when they start
 * with `https://` (GraphRequest.parsePath). So against `http://127.0.0.1:<port>`:
 *   - `customHosts: new Set([new URL(url).host])` ('127.0.0.1:43123') never matches — the SDK
 *     compares the hostname; `new URL(url).hostname` is what it needs;
 *   - and even with the hostname, plain http gets no token (→ 401 from the emulator).
 *
 * Served over https (e.g. mounted in the demo's https server), the plain configuration works:
 *   `{ authProvider, baseUrl: origin + '/', customHosts: new Set([hostname]) }`.
 * For plain http (tests, `npm run emulator`) this helper lets the SDK see an https origin and
 * downgrades to http only at the last hop, telling the emulator (X-Forwarded-Proto) to write
 * https links; everything above that hop — auth, retry, batching, paging — is the SDK's own code.
 */
export function emulatorClientOptions(
  emulatorUrl: string,
  authProvider: AuthenticationProvider,
  options: { retry?: RetryHandlerOptions } = {},
): ClientOptions {
  const u = new URL(emulatorUrl);
  const customHosts = new Set([u.hostname]);
  if (u.protocol === 'https:') return { authProvider, baseUrl: `${u.origin}/`, customHosts };
  const facade = `https://${u.host}`;
  return {
    baseUrl: `${facade}/`,
    customHosts,
    middleware: [new AuthenticationHandler(authProvider), new RetryHandler(options.retry), new TelemetryHandler(), new LoopbackHttpHandler(facade, u.origin)],
  };
}

/** The chain's last link (instead of HTTPMessageHandler): fetches over http what the SDK addressed as https. */
class LoopbackHttpHandler implements Middleware {
  constructor(
    private readonly facade: string,
    private readonly origin: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const target = url.startsWith(this.facade) ? this.origin + url.slice(this.facade.length) : url;
    const options: RequestInit = { ...(context.options ?? {}) };
    const headers = new Headers(options.headers as HeadersInit | undefined);
    if (typeof context.request !== 'string') context.request.headers.forEach((v, k) => headers.has(k) || headers.set(k, v));
    headers.set('X-Forwarded-Proto', 'https');
    options.headers = headers;
    if (typeof context.request !== 'string' && options.body === undefined && context.request.body) {
      options.body = await context.request.text();
      options.method = options.method ?? context.request.method;
    }
    context.response = await fetch(target, options);
  }

  setNext(): void {
    // last in the chain
  }
}
