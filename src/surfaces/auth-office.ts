/**
 * The sign-in page Outlook opens in an Office dialog where it offers no nested app authentication
 * (src/hosts/outlook/officeSignInDialog.ts). Only inside that dialog does it go on to Entra: it runs
 * MSAL's redirect flow and sends the result to the pane with messageParent, for this origin only.
 */
import { loadAppConfig } from '../config/appConfig';
import { serializeSignInResult } from '../hosts/auth/signInPage';
import { runSignInPage } from '../hosts/auth/signInPageFlow';
import { loadOfficeJs } from '../hosts/outlook/loadOfficeJs';
import { resultStatusKey, showSignInStatus } from './signInPageView';

const OFFICE_READY_TIMEOUT_MS = 10_000;

/** In an Office dialog, Office.js is ready and offers messageParent (Mailbox 1.4). */
async function inOfficeDialog(): Promise<boolean> {
  await loadOfficeJs(OFFICE_READY_TIMEOUT_MS);
  const office = (window as { Office?: typeof Office }).Office;
  return typeof office?.context?.ui?.messageParent === 'function';
}

async function start(): Promise<void> {
  showSignInStatus('signin.page.busy');
  if (!(await inOfficeDialog())) {
    showSignInStatus('signin.page.noHost');
    return;
  }
  await runSignInPage({
    config: loadAppConfig(),
    location: window.location,
    report: (result) => {
      Office.context.ui.messageParent(serializeSignInResult(result), { targetOrigin: window.location.origin });
      showSignInStatus(resultStatusKey(result));
    },
  });
}

void start();
