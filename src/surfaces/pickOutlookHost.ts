import { loadAppConfig } from '../config/appConfig';
import type { Host } from '../hosts/Host';
import { loadOfficeJs, mayBeInOffice } from '../hosts/outlook/loadOfficeJs';

const OFFICE_READY_TIMEOUT_MS = 5000;

/** Outlook when Office.js loads and reports Outlook; otherwise the plain-browser demo host. */
export async function pickOutlookHost(): Promise<Host> {
  if (mayBeInOffice()) {
    const officeHost = await loadOfficeJs(OFFICE_READY_TIMEOUT_MS);
    if (officeHost === Office.HostType.Outlook) {
      const [{ OutlookHost }, { createMsalTokenSource }] = await Promise.all([import('../hosts/outlook/OutlookHost'), import('../hosts/auth/msalTokenSource')]);
      const email = Office.context.mailbox.userProfile.emailAddress;
      return new OutlookHost(Office, createMsalTokenSource(loadAppConfig(), email));
    }
  }
  const { createDemoHost } = await import('../hosts/browser/createDemoHost');
  return createDemoHost(['email', 'meeting']);
}
