import { SignInError, type SignInErrorCode } from '../auth/signInErrors';
import { signInPageUrl, type SignInPurpose } from '../auth/signInPage';

/**
 * displayDialogAsync's own errors and the dialog's events
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events), as sign-in codes.
 */
const DIALOG_ERRORS: Record<number, SignInErrorCode> = {
  12006: 'cancelled', // the official closed the dialog
  12009: 'popup-blocked', // Outlook on the web: the official chose to ignore the dialog
  12011: 'popup-blocked', // the browser's settings block the dialog
};

const FAILED = 'failed';

/**
 * Opens our sign-in page in an Office dialog (a window of its own, where Entra's pages run) and
 * resolves with the message the page sends back with messageParent. Office requires the first page
 * of a dialog on the pane's own domain; the page then goes on to Entra and comes back.
 * Dialog API in Outlook: Mailbox 1.4, within the manifest's minimum.
 */
export function openOfficeSignInDialog(office: typeof Office, loginHint: string | undefined, paneUrl: string = window.location.href, purpose?: SignInPurpose): Promise<string> {
  const url = signInPageUrl('office', paneUrl, loginHint, purpose);
  const origin = new URL(url).origin;
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (result) => {
      if (String(result.status) === FAILED) {
        reject(new SignInError(DIALOG_ERRORS[result.error?.code] ?? 'unknown', result.error));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        // Dialog Origin 1.1 says where the message came from; only our own sign-in page may answer.
        if ('origin' in arg && arg.origin && arg.origin !== origin) reject(new SignInError('unknown'));
        else if ('message' in arg) resolve(arg.message);
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        const code = 'error' in arg ? arg.error : 0;
        reject(new SignInError(DIALOG_ERRORS[code] ?? 'unknown'));
      });
    });
  });
}
