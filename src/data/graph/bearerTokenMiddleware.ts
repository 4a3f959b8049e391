/**
 * Attaches the signed-in official's token, and only to requests for our own Graph endpoint.
 *
 * Why not the SDK's AuthenticationHandler: in v3 it recognises an endpoint (graph.microsoft.com or a
 * `customHosts` entry) by *hostname* (the port is stripped), but only in URLs starting with `https://`;
 * for any other URL it *removes* the Authorization header. The local emulator is served on
 * `http://127.0.0.1:<port>`, so it would never get a token. Here the check is on the full origin
 * (scheme, host and port) of the configured base URL, which is also stricter.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly apiOrigin: string,
    private readonly getAccessToken: () => Promise<string>,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('BearerTokenMiddleware needs a next middleware');
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    if (new URL(url).origin === this.apiOrigin) {
      headers.set('Authorization', `Bearer ${await this.getAccessToken()}`);
    } else {
      headers.delete('Authorization');
    }
    options.headers = Object.fromEntries(headers.entries());
    await this.next.execute(context);
  }
}
