import { loadAppConfig } from '../config/appConfig';
import type { Host } from '../hosts/Host';
import { loadOfficeJs, mayBeInOffice } from '../hosts/outlook/loadOfficeJs';

const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Outlook when Office.js loads and reports Outlook; otherwise the plain-browser demo host.
 * Only Office and MSAL modules are imported here: the Outlook bundle must never pull in teams-js.
 */
export async function pickOutlookHost(): Promise<Host> {
  if (mayBeInOffice()) {
    const officeHost = await loadOfficeJs(OFFICE_READY_TIMEOUT_MS);
    if (officeHost === Office.HostType.Outlook) {
      const [{ OutlookHost }, { MsalGraphAuthProvider }, { officeAccount, officeSupportsNestedAppAuth }] = await Promise.all([
        import('../hosts/outlook/OutlookHost'),
        import('../hosts/auth/msalTokenSource'),
        import('../hosts/auth/hostAccount'),
      ]);
      const config = loadAppConfig();
      const auth = new MsalGraphAuthProvider({
        config,
        account: () => officeAccount(Office),
        nestedAppAuth: () => officeSupportsNestedAppAuth(Office),
      });
      return new OutlookHost(Office, auth, { categoryPrefix: config.categoryPrefix });
    }
  }
  const { createDemoHost } = await import('../hosts/browser/createDemoHost');
  return createDemoHost(['email', 'meeting']);
}
