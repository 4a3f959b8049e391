import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { AppConfig } from '../../config/appConfig';
import { ALL_GRAPH_SCOPES, CONSENT_SCOPES, type ConsentPurpose } from '../../config/scopes';
import { assertConfiguredTenant, type HostAccount } from './hostAccount';
import { mapSignInError, needsInteraction, SignInError, SignInRequiredError } from './signInErrors';

/** Which MSAL application to build: brokered by the host (NAA) or MSAL's own browser flow. */
export type MsalFlavour = 'nested' | 'standard';

/** Builds (and initialises) the MSAL application; tests inject a fake at this boundary. */
export type MsalApplicationFactory = (flavour: MsalFlavour, configuration: Configuration) => Promise<IPublicClientApplication>;

export interface MsalSignInOptions {
  config: Pick<AppConfig, 'clientId' | 'tenantId'>;
  /** The account the host reports (Office auth context, Teams context user). */
  account: () => Promise<HostAccount> | HostAccount;
  scopes?: string[];
  createApplication?: MsalApplicationFactory;
  isOnline?: () => boolean;
}

/**
 * The Graph auth provider: `getAccessToken()` is what the Graph client calls before every request
 * (silent only), `signIn()` is what the UI calls from a button (may open a popup).
 */
export interface GraphAuthProvider {
  getAccessToken(): Promise<string>;
  signIn(): Promise<void>;
  /**
   * The same sign-in asking for the scopes of `purpose` as well (CONSENT_SCOPES: Sites.Manage.All for an
   * administrator running setup, OnlineMeetingArtifact.Read.All for a meeting's organizer, User.ReadBasic.All and
   * Calendars.Read.Shared for a manager's team calendars): incremental
   * consent, so officials' everyday tokens keep the smaller set. One provider per purpose, kept.
   */
  withConsentFor?(purpose: ConsentPurpose): GraphAuthProvider;
}

export const defaultMsalFactory: MsalApplicationFactory = async (flavour, configuration) => {
  // Loaded on demand so the demo bundle and the tests that inject a fake never pull in MSAL.
  const msal = await import('@azure/msal-browser');
  return flavour === 'nested' ? msal.createNestablePublicClientApplication(configuration) : msal.createStandardPublicClientApplication(configuration);
};

export function msalAuthority(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId || 'organizations'}`;
}

/**
 * Sign-in with MSAL through the host's nested app authentication, in the order Microsoft documents
 * for NAA and SSO: account from the host → `acquireTokenSilent` → `ssoSilent` with the login hint →
 * popup (the host's own sign-in window), the last only from `signIn()` (a user gesture). Tokens stay
 * in MSAL's cache; this code stores nothing. Hosts without NAA use SignInWindowAuthProvider
 * (createHostAuthProvider).
 */
export class MsalGraphAuthProvider implements GraphAuthProvider {
  private application?: Promise<IPublicClientApplication>;
  private readonly scopes: string[];
  private readonly widened = new Map<ConsentPurpose, MsalGraphAuthProvider>();

  constructor(
    private readonly options: MsalSignInOptions,
    /** The application of the provider this one asks more scopes for (one MSAL instance, one cache). */
    private readonly shared?: () => Promise<IPublicClientApplication>,
  ) {
    this.scopes = options.scopes ?? ALL_GRAPH_SCOPES;
  }

  /** Same account and MSAL instance; tokens for the purpose's scopes (silent when consented, else `signIn()` asks). */
  withConsentFor(purpose: ConsentPurpose): GraphAuthProvider {
    let provider = this.widened.get(purpose);
    if (!provider) this.widened.set(purpose, (provider = new MsalGraphAuthProvider({ ...this.options, scopes: CONSENT_SCOPES[purpose] }, () => this.msal())));
    return provider;
  }

  async getAccessToken(): Promise<string> {
    const hostAccount = await this.options.account();
    assertConfiguredTenant(this.options.config.tenantId, hostAccount.tenantId);
    const msal = await this.msal();
    const account = this.findAccount(msal, hostAccount);
    if (account) {
      try {
        return (await msal.acquireTokenSilent({ scopes: this.scopes, account })).accessToken;
      } catch (error) {
        this.rethrowUnlessInteraction(error);
      }
    }
    try {
      const result = await msal.ssoSilent({ scopes: this.scopes, loginHint: hostAccount.loginHint });
      return this.remember(msal, result).accessToken;
    } catch (error) {
      this.rethrowUnlessInteraction(error);
      const reason = mapSignInError(error, this.online());
      throw new SignInRequiredError(reason === 'consent-required' ? 'consent-required' : undefined, error);
    }
  }

  async signIn(): Promise<void> {
    const hostAccount = await this.options.account();
    assertConfiguredTenant(this.options.config.tenantId, hostAccount.tenantId);
    const msal = await this.msal();
    try {
      this.remember(msal, await msal.acquireTokenPopup({ scopes: this.scopes, loginHint: hostAccount.loginHint }));
    } catch (error) {
      throw new SignInError(mapSignInError(error, this.online()), error);
    }
  }

  private online(): boolean {
    return this.options.isOnline ? this.options.isOnline() : typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  private rethrowUnlessInteraction(error: unknown): void {
    if (needsInteraction(error)) return;
    const code = mapSignInError(error, this.online());
    if (code === 'consent-required') return; // consent also needs the popup
    throw new SignInError(code, error);
  }

  private findAccount(msal: IPublicClientApplication, host: HostAccount): AccountInfo | null {
    const hint = host.loginHint?.toLowerCase();
    if (hint || host.objectId) {
      const match = msal.getAllAccounts().find(
        (a) => (host.objectId && a.localAccountId === host.objectId) || (hint && (a.username.toLowerCase() === hint || a.loginHint?.toLowerCase() === hint)),
      );
      if (match) return match;
      // Another cached account than the host's would sign in the wrong official.
      return null;
    }
    return msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
  }

  private remember(msal: IPublicClientApplication, result: AuthenticationResult): AuthenticationResult {
    if (result.account) msal.setActiveAccount(result.account);
    return result;
  }

  private msal(): Promise<IPublicClientApplication> {
    if (this.shared) return this.shared();
    this.application ??= (this.options.createApplication ?? defaultMsalFactory)('nested', {
      auth: { clientId: this.options.config.clientId, authority: msalAuthority(this.options.config.tenantId) },
      // In memory: the host keeps the tokens under NAA.
      cache: { cacheLocation: 'memoryStorage' },
    });
    // A failed start (e.g. offline while loading) may be retried by the next call.
    this.application.catch(() => (this.application = undefined));
    return this.application;
  }
}

/** Backwards-compatible shape for callers that only need a token function. */
export function createMsalTokenSource(options: MsalSignInOptions): () => Promise<string> {
  const provider = new MsalGraphAuthProvider(options);
  return () => provider.getAccessToken();
}
