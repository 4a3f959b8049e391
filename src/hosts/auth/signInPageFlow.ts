import type { AppConfig } from '../../config/appConfig';
import { ALL_GRAPH_SCOPES, CONSENT_SCOPES, isConsentPurpose } from '../../config/scopes';
import { defaultMsalFactory, msalAuthority, type MsalApplicationFactory } from './msalTokenSource';
import { mapSignInError } from './signInErrors';
import type { SignInPageResult } from './signInPage';

export interface SignInPageOptions {
  config: Pick<AppConfig, 'clientId' | 'tenantId'>;
  /** This page's address; it is also the redirect URI Entra returns to (registered as a SPA redirect URI). */
  location: Pick<Location, 'origin' | 'pathname' | 'search'>;
  /** Hands the result to the pane: Office's messageParent, Teams' notifySuccess/notifyFailure. */
  report(result: SignInPageResult): Promise<void> | void;
  createApplication?: MsalApplicationFactory;
  scopes?: string[];
  isOnline?: () => boolean;
}

/**
 * The sign-in page's flow, in the window Office or Teams opened for it: MSAL's own redirect flow
 * (this window may navigate to Entra and back, which the pane's iframe may not). The first load
 * sends the official to Entra with the login hint the pane passed; the load Entra returns to reads
 * the result and reports it. MSAL keeps its cache in this window's session storage, which only this
 * window sees. Returns whether it redirected or reported.
 */
export async function runSignInPage(options: SignInPageOptions): Promise<'redirecting' | 'reported'> {
  const online = () => (options.isOnline ? options.isOnline() : navigator.onLine !== false);
  const fail = async (error: unknown) => {
    await options.report({ status: 'failed', code: mapSignInError(error, online()) });
    return 'reported' as const;
  };
  try {
    const msal = await (options.createApplication ?? defaultMsalFactory)('standard', {
      auth: { clientId: options.config.clientId, authority: msalAuthority(options.config.tenantId), redirectUri: `${options.location.origin}${options.location.pathname}` },
      cache: { cacheLocation: 'sessionStorage' },
    });
    const result = await msal.handleRedirectPromise();
    if (result) {
      const account = result.account;
      if (!result.accessToken || !result.expiresOn || !account) return await fail(new Error('Entra returned no access token'));
      await options.report({
        status: 'signed-in',
        accessToken: result.accessToken,
        expiresOn: result.expiresOn.toISOString(),
        account: { username: account.username, tenantId: account.tenantId, localAccountId: account.localAccountId },
      });
      return 'reported';
    }
    const search = new URLSearchParams(options.location.search);
    const loginHint = search.get('loginHint') ?? undefined;
    // Opened for setup (an administrator) or a meeting's attendance report (its organizer): that scope too, by incremental consent.
    const purpose = search.get('purpose');
    const scopes = options.scopes ?? (isConsentPurpose(purpose) ? CONSENT_SCOPES[purpose] : ALL_GRAPH_SCOPES);
    await msal.acquireTokenRedirect({ scopes, loginHint });
    return 'redirecting';
  } catch (error) {
    return fail(error);
  }
}
