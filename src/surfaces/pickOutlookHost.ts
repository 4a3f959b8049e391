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
    // The Outlook host's chunks (MSAL among them) download while Office.js loads and gets ready,
    // not after; outside Outlook they are simply not used. Named, so that office-early can preload them
    // before this runs (preloadHostChunks.ts).
    const outlookModules = Promise.all([
      import(/* webpackChunkName: "host-office" */ '../hosts/outlook/OutlookHost'),
      import(/* webpackChunkName: "host-office" */ '../hosts/auth/hostAuthProvider'),
      import(/* webpackChunkName: "host-office" */ '../hosts/auth/hostAccount'),
      import(/* webpackChunkName: "host-office" */ '../hosts/outlook/officeSignInDialog'),
    ]);
    outlookModules.catch(() => undefined);
    const officeHost = await loadOfficeJs(OFFICE_READY_TIMEOUT_MS);
    // `Office` exists only when Office.js loaded: framed outside Office without it, this is the demo.
    if (officeHost !== undefined && officeHost === Office.HostType.Outlook) {
      const [{ OutlookHost }, { createHostAuthProvider }, { officeAccount, officeSupportsNestedAppAuth }, { openOfficeSignInDialog }] = await outlookModules;
      const config = loadAppConfig();
      const auth = createHostAuthProvider({
        config,
        account: () => officeAccount(Office),
        nestedAppAuth: officeSupportsNestedAppAuth(Office),
        openSignInWindow: (loginHint, purpose) => openOfficeSignInDialog(Office, loginHint, window.location.href, purpose),
      });
      return new OutlookHost(Office, auth, { categoryPrefix: config.categoryPrefix });
    }
  }
  const [{ createDemoHost }, { DemoMailbox }, { deviceLocalStorage }] = await Promise.all([
    import(/* webpackChunkName: "host-browser-outlook" */ '../hosts/browser/createDemoHost'),
    import(/* webpackChunkName: "host-browser-outlook" */ '../hosts/browser/demoMailbox'),
    import(/* webpackChunkName: "host-browser-outlook" */ '../data/deviceStorage'),
  ]);
  const { categoryPrefix } = loadAppConfig();
  return createDemoHost(['email', 'meeting'], (owner) => new DemoMailbox(owner, categoryPrefix, deviceLocalStorage()));
}
