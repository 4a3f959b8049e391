import { authentication } from '@microsoft/teams-js';
import { SIGN_IN_ERROR_CODES, SignInError, type SignInErrorCode } from '../auth/signInErrors';
import { signInPageUrl, type SignInPurpose } from '../auth/signInPage';

/**
 * Opens our sign-in page in Teams' authentication window (authentication.authenticate), the
 * documented way for a tab to show Entra's pages, which do not run in the tab's iframe
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/auth-flow-tab: the
 * start page on a valid domain, the same as the redirect page: here both are that one page), and
 * resolves with what the page passed to notifySuccess.
 */
export async function openTeamsSignInWindow(loginHint: string | undefined, purpose?: SignInPurpose, tabUrl: string = window.location.href): Promise<string> {
  try {
    return await authentication.authenticate({ url: signInPageUrl('teams', tabUrl, loginHint, purpose), width: 600, height: 535 });
  } catch (error) {
    // The page fails with one of our codes (notifyFailure); Teams itself says CancelledByUser when the window is closed.
    const reason = error instanceof Error ? error.message : String(error);
    const code: SignInErrorCode = SIGN_IN_ERROR_CODES.includes(reason as SignInErrorCode) ? (reason as SignInErrorCode) : /CancelledByUser/i.test(reason) ? 'cancelled' : 'unknown';
    throw new SignInError(code, error);
  }
}
