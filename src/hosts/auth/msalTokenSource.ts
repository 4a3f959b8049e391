import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import type { AppConfig } from '../../config/appConfig';
import { ALL_GRAPH_SCOPES } from '../../config/scopes';

/**
 * Graph tokens through MSAL with nested app authentication: the host (Teams, Outlook) brokers the
 * sign-in, and MSAL falls back to its standard browser flow where the host offers no bridge.
 * Tokens live only in MSAL's own cache; this code never stores them.
 */
export function createMsalTokenSource(config: AppConfig, loginHint?: string): () => Promise<string> {
  let application: Promise<IPublicClientApplication> | undefined;
  const request = { scopes: ALL_GRAPH_SCOPES, loginHint };
  return async () => {
    application ??= createNestablePublicClientApplication({
      auth: { clientId: config.clientId, authority: `https://login.microsoftonline.com/${config.tenantId}` },
      cache: { cacheLocation: 'sessionStorage' },
    });
    const msal = await application;
    const account = msal.getActiveAccount() ?? msal.getAllAccounts().find((a) => !loginHint || a.username.toLowerCase() === loginHint.toLowerCase());
    if (account) {
      try {
        return (await msal.acquireTokenSilent({ ...request, account })).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
      }
    }
    try {
      return (await msal.ssoSilent(request)).accessToken;
    } catch {
      return (await msal.acquireTokenPopup(request)).accessToken;
    }
  };
}
