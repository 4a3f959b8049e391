import { MsalGraphAuthProvider, type GraphAuthProvider, type MsalSignInOptions } from './msalTokenSource';
import { SignInWindowAuthProvider, type SignInWindow } from './signInWindowAuthProvider';

export interface HostAuthOptions extends MsalSignInOptions {
  /** Whether the host offers nested app authentication (Office: NestedAppAuth 1.1; Teams: isNAAChannelRecommended). */
  nestedAppAuth: boolean;
  /** Where it does not: the host's own window for our sign-in page (Office dialog, Teams authentication window). */
  openSignInWindow: SignInWindow;
}

/** Nested app authentication first; the host's sign-in window only where NAA is missing. */
export function createHostAuthProvider(options: HostAuthOptions): GraphAuthProvider {
  return options.nestedAppAuth ? new MsalGraphAuthProvider(options) : new SignInWindowAuthProvider(options);
}
