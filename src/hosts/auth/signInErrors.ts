/**
 * What can go wrong when signing in, as codes the UI turns into messages (`signin.error.<code>` in
 * src/i18n). MSAL reports failures as error codes on `AuthError` plus Entra `AADSTS` numbers in the
 * message; both are matched by value (not `instanceof`), because NAA, the standard flow and the
 * tests' fakes may produce errors from different copies of the classes.
 */
export type SignInErrorCode = 'consent-required' | 'popup-blocked' | 'wrong-tenant' | 'wrong-account' | 'offline' | 'cancelled' | 'unknown';

export const SIGN_IN_ERROR_CODES: readonly SignInErrorCode[] = ['consent-required', 'popup-blocked', 'wrong-tenant', 'wrong-account', 'offline', 'cancelled', 'unknown'];

/** A sign-in that failed for a reason the official (or an administrator) must act on. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(readonly code: SignInErrorCode, override readonly cause?: unknown) {
    super(`Sign-in failed: ${code}${describe(cause)}`);
  }
}

/**
 * A background token request that needs the official to click "sign in": popups opened outside a
 * user gesture are blocked by browsers and by Teams/Outlook, so background code never opens one.
 * `reason` says why interaction is needed (`consent-required` when Entra asked for consent).
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  constructor(readonly reason?: SignInErrorCode, override readonly cause?: unknown) {
    super(`Sign-in required${reason ? ` (${reason})` : ''}${describe(cause)}`);
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error && cause.message ? `: ${cause.message}` : '';
}

interface MsalLikeError {
  errorCode?: string;
  subError?: string;
  errorMessage?: string;
  /** The Entra error number (`65001`); MSAL 5 no longer repeats the server's text in `message`. */
  errorNo?: string | number;
  message?: string;
  name?: string;
}

// Entra error numbers (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
const CONSENT_AADSTS = ['65001', '90094', '90008', '650057', '65005'];
const DECLINED_AADSTS = ['65004'];
// 50020/90072: guest or account from another tenant; 700016: app not registered in this tenant; 90002: tenant not found.
const WRONG_TENANT_AADSTS = ['50020', '90072', '700016', '50177', '90002'];

function errorText(e: MsalLikeError): string {
  return `${e.errorNo !== undefined && e.errorNo !== '' ? `AADSTS${String(e.errorNo).replace(/^AADSTS/i, '')} ` : ''}${e.errorMessage ?? ''} ${e.message ?? ''}`;
}

function hasAadsts(text: string, numbers: string[]): boolean {
  return numbers.some((n) => new RegExp(`AADSTS${n}\\b`).test(text));
}

/** Maps any MSAL (or NAA bridge) failure to the code the UI shows. */
export function mapSignInError(error: unknown, online: boolean = typeof navigator === 'undefined' || navigator.onLine !== false): SignInErrorCode {
  if (error instanceof SignInError) return error.code;
  if (error instanceof SignInRequiredError) return error.reason ?? 'unknown';
  const e = (error ?? {}) as MsalLikeError;
  const code = (e.errorCode ?? '').toLowerCase();
  const sub = (e.subError ?? '').toLowerCase();
  const text = errorText(e);
  if (hasAadsts(text, DECLINED_AADSTS) || code === 'user_cancelled' || code === 'interaction_in_progress_cancelled') return 'cancelled';
  if (code === 'consent_required' || sub === 'consent_required' || hasAadsts(text, CONSENT_AADSTS)) return 'consent-required';
  // `access_denied` without a consent number: the official closed or refused the prompt.
  if (code === 'access_denied') return 'cancelled';
  if (hasAadsts(text, WRONG_TENANT_AADSTS) || code === 'wrong-tenant') return 'wrong-tenant';
  if (code === 'popup_window_error' || code === 'empty_window_error' || code === 'block_nested_popups' || code === 'popup_relay_unsupported_flow') return 'popup-blocked';
  if (code === 'no_network_connectivity' || code === 'network_error' || code === 'network_request_failed' || !online) return 'offline';
  return 'unknown';
}

/** Whether a silent attempt failed only because the official must interact (sign in or consent). */
export function needsInteraction(error: unknown): boolean {
  const e = (error ?? {}) as MsalLikeError;
  const code = (e.errorCode ?? '').toLowerCase();
  return (
    e.name === 'InteractionRequiredAuthError' ||
    ['interaction_required', 'login_required', 'consent_required', 'no_tokens_found', 'no_account_error', 'native_account_unavailable', 'refresh_token_expired', 'ui_not_allowed', 'bad_token', 'timed_out', 'monitor_window_timeout'].includes(code) ||
    hasAadsts(errorText(e), ['50058', '50076', '50079', '16000', '65001'])
  );
}
