/**
 * SharePoint's traffic decoration. "Avoid getting throttled or blocked in SharePoint Online"
 * (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online,
 * "How to decorate your HTTP traffic?"): "Well-decorated traffic will be prioritized over traffic that isn't
 * properly decorated"; an enterprise application sends `NONISV|CompanyName|AppName/Version`, and "the format of
 * the user agent string is expected to follow RFC2616". The same page: "If you're developing a web application
 * executing in the browser, most modern browsers don't allow overwriting the User Agent string, and you don't
 * need to implement it." So the header is sent where a script can set it (Node: scripts, seeding, tests) and
 * left to the browser in the pages; there the registered app id in the token identifies the app (docs/throttling.md).
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { APP_VERSION } from '../../config/appVersion';
import { loadAppConfig } from '../../config/appConfig';

export const APP_NAME = 'Partnerzicht';

/**
 * `NONISV|<organisation>|Partnerzicht/<version>`. The organisation is reduced to RFC 9110 token characters
 * (diacritics dropped, spaces and separators removed), otherwise `Gemeente Súdwest-Fryslân` would split the
 * product into two, or make the header value invalid (fetch refuses non-Latin-1 values).
 */
export function sharePointUserAgent(organisation: string, version: string = APP_VERSION): string {
  const org = organisation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9!#$%&'*+.^_`~-]/g, '');
  return `NONISV|${org || 'Unknown'}|${APP_NAME}/${version}`;
}

/** The decoration for this build's organisation (PARTNERZICHT_ORGANISATION, src/config/appConfig.ts). */
export function defaultUserAgent(): string {
  return sharePointUserAgent(loadAppConfig().organisation);
}

/**
 * A page in a browser: Chromium drops a script's User-Agent silently (crbug.com/571722); where a browser does send
 * it (Firefox, Safari), it is a non-safelisted header that Graph's CORS preflight would have to allow, which it does
 * not document. Microsoft says browser apps need not set it, so they do not.
 */
export function runsInBrowserPage(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/** Sets User-Agent on every request (once per request: it sits before the retry middleware). */
export class UserAgentMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly userAgent: string) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('UserAgentMiddleware needs a next middleware');
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    // "It is also fine to append the existing user agent string with the requested information."
    const existing = headers.get('User-Agent');
    headers.set('User-Agent', existing && !existing.includes(this.userAgent) ? `${existing} ${this.userAgent}` : this.userAgent);
    options.headers = Object.fromEntries(headers.entries());
    await this.next.execute(context);
  }
}
