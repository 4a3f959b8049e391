/**
 * The sign-in page Partnerzicht opens where the host offers no nested app authentication: Entra's
 * sign-in pages do not run inside an add-in's iframe or webview, so Outlook opens it with Office's
 * dialog API and Teams with `authentication.authenticate`, each in a window of its own. The page
 * (src/surfaces/auth-office.ts, auth-teams.ts) runs MSAL's redirect flow and hands the token back to
 * the pane as one string; this module is the format of that string, shared by both ends.
 */
import type { ConsentPurpose } from '../../config/scopes';
import type { SignInErrorCode } from './signInErrors';
import { SIGN_IN_ERROR_CODES } from './signInErrors';

/** One page per host, so each is its own SPA redirect URI on the app registration. */
export const SIGN_IN_PAGES = { office: 'auth-office.html', teams: 'auth-teams.html' } as const;
export type SignInPageHost = keyof typeof SIGN_IN_PAGES;

/**
 * Why the page is opened: daily use (the official's scopes), setup (SETUP_SCOPES as well), a meeting
 * organizer's attendance report (ATTENDANCE_SCOPES as well) or a manager's team calendars (TEAM_SCOPES as well).
 */
export type SignInPurpose = ConsentPurpose;

export interface SignedInAccount {
  username: string;
  tenantId: string;
  localAccountId: string;
}

export type SignInPageResult =
  | { status: 'signed-in'; accessToken: string; expiresOn: string; account: SignedInAccount }
  | { status: 'failed'; code: SignInErrorCode };

/** The page's address next to the page asking (so a base URL with a path works), with the official's login hint. */
export function signInPageUrl(host: SignInPageHost, from: string, loginHint?: string, purpose?: SignInPurpose): string {
  const url = new URL(SIGN_IN_PAGES[host], from);
  url.search = '';
  url.hash = '';
  if (loginHint) url.searchParams.set('loginHint', loginHint);
  if (purpose) url.searchParams.set('purpose', purpose);
  return url.toString();
}

export function serializeSignInResult(result: SignInPageResult): string {
  return JSON.stringify({ partnerzichtSignIn: 1, ...result });
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Reads what the sign-in page sent; anything else (another page's message, a tampered string) is undefined. */
export function parseSignInResult(message: string): SignInPageResult | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(message) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!value || value.partnerzichtSignIn !== 1) return undefined;
  if (value.status === 'failed') {
    return SIGN_IN_ERROR_CODES.includes(value.code as SignInErrorCode) ? { status: 'failed', code: value.code as SignInErrorCode } : { status: 'failed', code: 'unknown' };
  }
  const account = value.account as Partial<SignedInAccount> | undefined;
  if (value.status !== 'signed-in' || !isString(value.accessToken) || !isString(value.expiresOn) || Number.isNaN(Date.parse(value.expiresOn))) return undefined;
  if (!account || !isString(account.username) || !isString(account.tenantId) || !isString(account.localAccountId)) return undefined;
  return {
    status: 'signed-in',
    accessToken: value.accessToken,
    expiresOn: value.expiresOn,
    account: { username: account.username, tenantId: account.tenantId, localAccountId: account.localAccountId },
  };
}
