import { SignInRequiredError } from './signInErrors';

/**
 * Incremental consent from a user's click: a silent token when the wider scopes were consented before, else the
 * sign-in that asks for them (this runs from the click, so a window may open). False when the user refused or
 * closed it; any other failure is thrown as it is.
 */
export async function consentFromClick(access: { getAccessToken(): Promise<string>; signIn(): Promise<void> }): Promise<boolean> {
  try {
    await access.getAccessToken();
    return true;
  } catch (error) {
    if (!(error instanceof SignInRequiredError)) throw error;
  }
  try {
    await access.signIn();
    return true;
  } catch {
    return false;
  }
}
