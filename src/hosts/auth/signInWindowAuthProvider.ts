import type { AppConfig } from '../../config/appConfig';
import { assertConfiguredTenant, type HostAccount } from './hostAccount';
import type { GraphAuthProvider } from './msalTokenSource';
import { SignInError, SignInRequiredError } from './signInErrors';
import { parseSignInResult, type SignedInAccount, type SignInPurpose } from './signInPage';

/**
 * Opens the sign-in page in a window of the host's own and resolves with the string the page sent back;
 * `purpose: 'setup'` makes the page ask for the setup scopes as well (signInPage.ts).
 */
export type SignInWindow = (loginHint: string | undefined, purpose?: SignInPurpose) => Promise<string>;

export interface SignInWindowOptions {
  config: Pick<AppConfig, 'tenantId'>;
  account: () => Promise<HostAccount> | HostAccount;
  openSignInWindow: SignInWindow;
  now?: () => number;
  /** 'setup': the window's sign-in asks for SETUP_SCOPES (an administrator running setup). */
  purpose?: SignInPurpose;
}

/** A token is used until five minutes before it expires, so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * Sign-in where the host has no nested app authentication (older Outlook and Teams clients): the
 * official signs in on our sign-in page in a window the host opens (Office dialog, Teams
 * authentication window), which runs MSAL and sends the token back. The token lives in this page's
 * memory only; MSAL's cache is in that other window, so when the token expires the official clicks
 * "sign in" again (Entra's session in that window usually makes it a moment without a prompt).
 */
export class SignInWindowAuthProvider implements GraphAuthProvider {
  private token?: { value: string; expiresAt: number; account: SignedInAccount };
  private readonly widened = new Map<SignInPurpose, SignInWindowAuthProvider>();

  constructor(private readonly options: SignInWindowOptions) {}

  /** A second token, asked for in the sign-in window with the purpose's scopes; the official's token is not replaced. */
  withConsentFor(purpose: SignInPurpose): GraphAuthProvider {
    let provider = this.widened.get(purpose);
    if (!provider) this.widened.set(purpose, (provider = new SignInWindowAuthProvider({ ...this.options, purpose })));
    return provider;
  }

  async getAccessToken(): Promise<string> {
    const host = await this.options.account();
    assertConfiguredTenant(this.options.config.tenantId, host.tenantId);
    const token = this.token;
    if (token && token.expiresAt - EXPIRY_MARGIN_MS > this.now() && this.isHostAccount(token.account, host)) return token.value;
    throw new SignInRequiredError();
  }

  async signIn(): Promise<void> {
    const host = await this.options.account();
    assertConfiguredTenant(this.options.config.tenantId, host.tenantId);
    let message: string;
    try {
      message = this.options.purpose ? await this.options.openSignInWindow(host.loginHint, this.options.purpose) : await this.options.openSignInWindow(host.loginHint);
    } catch (error) {
      throw error instanceof SignInError ? error : new SignInError('unknown', error);
    }
    const result = parseSignInResult(message);
    if (!result) throw new SignInError('unknown');
    if (result.status === 'failed') throw new SignInError(result.code);
    assertConfiguredTenant(this.options.config.tenantId, result.account.tenantId);
    // Another account than the one the host is signed in with would show the wrong official's view.
    if (!this.isHostAccount(result.account, host)) throw new SignInError('wrong-account');
    this.token = { value: result.accessToken, expiresAt: Date.parse(result.expiresOn), account: result.account };
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private isHostAccount(account: SignedInAccount, host: HostAccount): boolean {
    if (host.objectId) return account.localAccountId === host.objectId;
    return !host.loginHint || account.username.toLowerCase() === host.loginHint.toLowerCase();
  }
}
