/**
 * Outlook without nested app authentication: sign-in goes through Office's dialog API, which opens
 * our sign-in page (same domain as the pane) in a window of its own and hands back what the page
 * sends with messageParent. office-addin-mock stands in for Office; the dialog is scripted.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { createHostAuthProvider } from '../../src/hosts/auth/hostAuthProvider';
import { officeAccount, officeSupportsNestedAppAuth } from '../../src/hosts/auth/hostAccount';
import { SignInRequiredError } from '../../src/hosts/auth/signInErrors';
import { serializeSignInResult } from '../../src/hosts/auth/signInPage';
import { openOfficeSignInDialog } from '../../src/hosts/outlook/officeSignInDialog';
import { OutlookHost } from '../../src/hosts/outlook/OutlookHost';

jest.mock('office-addin-manifest', () => ({ OfficeApp: jest.requireActual('office-addin-manifest/lib/officeApp').OfficeApp }));

const PANE = 'https://partnerzicht.voorbeeldstad.nl/outlook.html?_host_Info=Outlook$Win32$16.02$nl-NL$$$$0';
const ORIGIN = 'https://partnerzicht.voorbeeldstad.nl';
const TENANT = '5f1c2a4e-1111-4222-8333-944455556666';

type Handler = (arg: unknown) => void;

/** An Outlook without NestedAppAuth 1.1 whose dialog the test answers. */
function officeWithDialog(options: { open?: { failWith?: number } } = {}) {
  const dialog = { handlers: {} as Record<string, Handler>, closed: false, url: '', options: undefined as unknown };
  const mock = new OfficeMockObject({
    host: 'outlook',
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived', ItemChanged: 'olkItemSelectedChanged' },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === 'Mailbox' && Number(version) <= 1.8 },
      mailbox: { userProfile: { emailAddress: 'Anna.deVries@veenhaven.nl', displayName: 'Anna de Vries' } },
      ui: {
        displayDialogAsync: (url: string, dialogOptions: unknown, callback: (result: unknown) => void) => {
          dialog.url = url;
          dialog.options = dialogOptions;
          if (options.open?.failWith) return callback({ status: 'failed', error: { code: options.open.failWith, message: 'mock' } });
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: Handler) => (dialog.handlers[type] = handler),
              close: () => (dialog.closed = true),
            },
          });
        },
      },
    },
  });
  return { office: mock as unknown as typeof Office, dialog };
}

const signedIn = serializeSignInResult({
  status: 'signed-in',
  accessToken: 'dialog-token',
  expiresOn: new Date(Date.now() + 3_600_000).toISOString(),
  account: { username: 'anna.devries@veenhaven.nl', tenantId: TENANT, localAccountId: 'anna-oid' },
});

test('opens our sign-in page next to the pane with the login hint, and resolves with what it sends', async () => {
  const { office, dialog } = officeWithDialog();
  const answer = openOfficeSignInDialog(office, 'anna.devries@veenhaven.nl', PANE);
  expect(dialog.url).toBe(`${ORIGIN}/auth-office.html?loginHint=anna.devries%40veenhaven.nl`);
  // Not displayInIframe: Entra's pages must get a window of their own.
  expect(dialog.options).toEqual({ height: 60, width: 30 });
  dialog.handlers.dialogMessageReceived({ message: signedIn, origin: ORIGIN });
  await expect(answer).resolves.toBe(signedIn);
  expect(dialog.closed).toBe(true);
});

test('a message from another origin is not taken', async () => {
  const { office, dialog } = officeWithDialog();
  const answer = openOfficeSignInDialog(office, undefined, PANE);
  dialog.handlers.dialogMessageReceived({ message: signedIn, origin: 'https://evil.example' });
  await expect(answer).rejects.toMatchObject({ code: 'unknown' });
});

test.each([
  ['the official closes the dialog (12006)', 'event', 12006, 'cancelled'],
  ['the page cannot be loaded (12002)', 'event', 12002, 'unknown'],
  ['Outlook on the web: the official ignored the dialog (12009)', 'open', 12009, 'popup-blocked'],
  ['a dialog is already open (12007)', 'open', 12007, 'unknown'],
] as const)('%s', async (_label, where, code, expected) => {
  const { office, dialog } = officeWithDialog(where === 'open' ? { open: { failWith: code } } : {});
  const answer = openOfficeSignInDialog(office, undefined, PANE);
  if (where === 'event') dialog.handlers.dialogEventReceived({ error: code });
  await expect(answer).rejects.toMatchObject({ name: 'SignInError', code: expected });
});

test('the Outlook host without NAA: sign-in required, the button opens the dialog, then Graph gets the token', async () => {
  const { office, dialog } = officeWithDialog();
  expect(officeSupportsNestedAppAuth(office)).toBe(false);
  const auth = createHostAuthProvider({
    config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
    account: () => officeAccount(office),
    nestedAppAuth: officeSupportsNestedAppAuth(office),
    openSignInWindow: (hint) => openOfficeSignInDialog(office, hint, PANE),
    createApplication: () => Promise.reject(new Error('MSAL must not run in the pane without NAA')),
  });
  const host = new OutlookHost(office, auth);
  await expect(host.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
  expect(dialog.url).toBe('');
  const signingIn = host.signIn();
  await new Promise((r) => setTimeout(r, 0));
  // Without NAA the hint is the mailbox profile's address, as Outlook spells it.
  expect(dialog.url).toBe(`${ORIGIN}/auth-office.html?loginHint=Anna.deVries%40veenhaven.nl`);
  dialog.handlers.dialogMessageReceived({ message: signedIn, origin: ORIGIN });
  await signingIn;
  await expect(host.getAccessToken()).resolves.toBe('dialog-token');
});
