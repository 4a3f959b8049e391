/**
 * The sign-in page Teams opens with authentication.authenticate where it offers no nested app
 * authentication (src/hosts/teams/teamsSignInWindow.ts). Only inside that window does it go on to
 * Entra: it runs MSAL's redirect flow and hands the result to the tab with notifySuccess, or the
 * error code with notifyFailure.
 */
import { app, authentication } from '@microsoft/teams-js';
import { loadAppConfig } from '../config/appConfig';
import { serializeSignInResult } from '../hosts/auth/signInPage';
import { runSignInPage } from '../hosts/auth/signInPageFlow';
import { resultStatusKey, showSignInStatus } from './signInPageView';

/** Outside Teams' authentication window app.initialize() never settles. */
const TEAMS_INIT_TIMEOUT_MS = 5000;

async function start(): Promise<void> {
  showSignInStatus('signin.page.busy');
  const inTeams = await Promise.race([
    app.initialize().then(() => true, () => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TEAMS_INIT_TIMEOUT_MS)),
  ]);
  if (!inTeams) {
    showSignInStatus('signin.page.noHost');
    return;
  }
  await runSignInPage({
    config: loadAppConfig(),
    location: window.location,
    report: (result) => {
      if (result.status === 'signed-in') authentication.notifySuccess(serializeSignInResult(result));
      else authentication.notifyFailure(result.code);
      showSignInStatus(resultStatusKey(result));
    },
  });
}

void start();
