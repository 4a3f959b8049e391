/** @jest-environment jsdom */
import { AuthError, BrowserAuthError, InteractionRequiredAuthError, ServerError, type AccountInfo, type AuthenticationResult, type Configuration, type IPublicClientApplication } from '@azure/msal-browser';
import { MsalGraphAuthProvider, type MsalFlavour } from '../../src/hosts/auth/msalTokenSource';
import { createHostAuthProvider } from '../../src/hosts/auth/hostAuthProvider';
import { SignInWindowAuthProvider } from '../../src/hosts/auth/signInWindowAuthProvider';
import { parseSignInResult, serializeSignInResult, signInPageUrl, type SignInPageResult } from '../../src/hosts/auth/signInPage';
import { runSignInPage } from '../../src/hosts/auth/signInPageFlow';
import { mapSignInError, SignInError, SignInRequiredError, SIGN_IN_ERROR_CODES } from '../../src/hosts/auth/signInErrors';
import { officeAccount, teamsAccount } from '../../src/hosts/auth/hostAccount';
import { ALL_GRAPH_SCOPES, ATTENDANCE_SCOPES, SETUP_SCOPES, TEAM_SCOPES } from '../../src/config/scopes';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';

const TENANT = '5f1c2a4e-1111-4222-8333-944455556666';
const ANNA: AccountInfo = {
  homeAccountId: 'anna.home',
  environment: 'login.microsoftonline.com',
  tenantId: TENANT,
  username: 'anna.devries@veenhaven.nl',
  localAccountId: 'anna-oid',
};

const result = (token: string): AuthenticationResult => ({ accessToken: token, account: ANNA } as AuthenticationResult);

/** MSAL's public client replaced at the boundary: records the calls, answers with scripted outcomes. */
class FakeMsal {
  calls: string[] = [];
  requests: Record<string, unknown> = {};
  accounts: AccountInfo[] = [];
  active: AccountInfo | null = null;
  silent: () => Promise<AuthenticationResult> = async () => result('silent-token');
  sso: () => Promise<AuthenticationResult> = async () => result('sso-token');
  popup: () => Promise<AuthenticationResult> = async () => result('popup-token');
  redirectResult: () => Promise<AuthenticationResult | null> = async () => null;

  asApplication(): IPublicClientApplication {
    return {
      getAllAccounts: () => this.accounts,
      getActiveAccount: () => this.active,
      setActiveAccount: (a: AccountInfo | null) => {
        this.active = a;
      },
      acquireTokenSilent: (r: unknown) => this.record('acquireTokenSilent', r, this.silent),
      ssoSilent: (r: unknown) => this.record('ssoSilent', r, this.sso),
      acquireTokenPopup: (r: unknown) => this.record('acquireTokenPopup', r, this.popup),
      handleRedirectPromise: () => this.record('handleRedirectPromise', undefined, this.redirectResult),
      acquireTokenRedirect: (r: unknown) => this.record('acquireTokenRedirect', r, async () => undefined as unknown as AuthenticationResult),
    } as unknown as IPublicClientApplication;
  }

  private record<T>(name: string, request: unknown, answer: () => Promise<T>) {
    this.calls.push(name);
    this.requests[name] = request;
    return answer();
  }
}

function provider(fake: FakeMsal, options: { tenantId?: string; hostTenant?: string; online?: boolean } = {}) {
  const built: Array<{ flavour: MsalFlavour; configuration: Configuration }> = [];
  const auth = new MsalGraphAuthProvider({
    config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: options.tenantId ?? TENANT },
    account: () => ({ loginHint: ANNA.username, tenantId: options.hostTenant ?? TENANT, objectId: 'anna-oid' }),
    createApplication: async (flavour, configuration) => {
      built.push({ flavour, configuration });
      return fake.asApplication();
    },
    isOnline: () => options.online ?? true,
  });
  return { auth, built };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  // Our code never writes tokens (or anything else) to web storage; the fake MSAL writes nothing either.
  expect(localStorage.length).toBe(0);
  expect(sessionStorage.length).toBe(0);
});

describe('the silent chain', () => {
  test('uses the cached account of the host user with acquireTokenSilent first', async () => {
    const fake = new FakeMsal();
    fake.accounts = [{ ...ANNA, username: 'someone.else@veenhaven.nl', localAccountId: 'other' }, ANNA];
    const { auth, built } = provider(fake);
    await expect(auth.getAccessToken()).resolves.toBe('silent-token');
    expect(fake.calls).toEqual(['acquireTokenSilent']);
    expect((fake.requests.acquireTokenSilent as { account: AccountInfo }).account.localAccountId).toBe('anna-oid');
    expect(built[0].flavour).toBe('nested');
  });

  test('falls back to ssoSilent with the login hint when the silent call needs interaction', async () => {
    const fake = new FakeMsal();
    fake.accounts = [ANNA];
    fake.silent = async () => {
      throw new InteractionRequiredAuthError('interaction_required', 'corr', 'AADSTS50058: silent sign-in failed');
    };
    const { auth } = provider(fake);
    await expect(auth.getAccessToken()).resolves.toBe('sso-token');
    expect(fake.calls).toEqual(['acquireTokenSilent', 'ssoSilent']);
    expect(fake.requests.ssoSilent).toMatchObject({ loginHint: ANNA.username });
    expect(fake.active).toBe(ANNA);
  });

  test('without a cached account goes straight to ssoSilent', async () => {
    const fake = new FakeMsal();
    const { auth } = provider(fake);
    await expect(auth.getAccessToken()).resolves.toBe('sso-token');
    expect(fake.calls).toEqual(['ssoSilent']);
  });

  test('never opens a popup in the background: throws SignInRequiredError instead', async () => {
    const fake = new FakeMsal();
    fake.sso = async () => {
      throw new InteractionRequiredAuthError('login_required', 'corr');
    };
    const { auth } = provider(fake);
    await expect(auth.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(fake.calls).toEqual(['ssoSilent']);
  });

  test('a silent consent failure asks for sign-in with the reason consent-required', async () => {
    const fake = new FakeMsal();
    fake.sso = async () => {
      throw new InteractionRequiredAuthError('consent_required', 'corr', 'AADSTS65001: The user or administrator has not consented');
    };
    const { auth } = provider(fake);
    const error = await auth.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error as SignInRequiredError).reason).toBe('consent-required');
  });

  test('an offline silent call is reported as offline, not as sign-in required', async () => {
    const fake = new FakeMsal();
    fake.sso = async () => {
      throw new BrowserAuthError('no_network_connectivity', 'corr');
    };
    const { auth } = provider(fake);
    await expect(auth.getAccessToken()).rejects.toMatchObject({ name: 'SignInError', code: 'offline' });
  });

  test('builds the nested (NAA) application, its cache in memory', async () => {
    const fake = new FakeMsal();
    const { auth, built } = provider(fake);
    await auth.getAccessToken();
    expect(built.map((b) => b.flavour)).toEqual(['nested']);
    expect(built[0].configuration.cache?.cacheLocation).toBe('memoryStorage');
  });
});

describe('signIn (user gesture)', () => {
  test('opens the popup with the login hint and remembers the account', async () => {
    const fake = new FakeMsal();
    const { auth } = provider(fake);
    await auth.signIn();
    expect(fake.calls).toEqual(['acquireTokenPopup']);
    expect(fake.requests.acquireTokenPopup).toMatchObject({ loginHint: ANNA.username });
    expect(fake.active).toBe(ANNA);
  });

  test('after signing in, the background call is silent again', async () => {
    const fake = new FakeMsal();
    const { auth } = provider(fake);
    await auth.signIn();
    fake.accounts = [ANNA];
    await expect(auth.getAccessToken()).resolves.toBe('silent-token');
  });

  const failures: Array<[string, () => Error, string, boolean?]> = [
    ['consent missing (AADSTS65001)', () => new ServerError('invalid_grant', 'corr', 'AADSTS65001: The user or administrator has not consented to use the application', 'consent_required', '65001'), 'consent-required'],
    ['admin consent required (AADSTS90094)', () => new ServerError('access_denied', 'corr', 'AADSTS90094: Admin consent is required', undefined, '90094'), 'consent-required'],
    ['popup blocked', () => new BrowserAuthError('popup_window_error', 'corr'), 'popup-blocked'],
    ['nested popups blocked', () => new BrowserAuthError('block_nested_popups', 'corr'), 'popup-blocked'],
    ['account from another tenant (AADSTS50020)', () => new ServerError('invalid_request', 'corr', "AADSTS50020: User account from identity provider does not exist in tenant 'Veenhaven'", undefined, '50020'), 'wrong-tenant'],
    ['app not in this tenant (AADSTS700016)', () => new ServerError('unauthorized_client', 'corr', 'AADSTS700016: Application not found in the directory', undefined, '700016'), 'wrong-tenant'],
    ['no network', () => new BrowserAuthError('no_network_connectivity', 'corr'), 'offline'],
    ['browser reports offline', () => new AuthError('endpoints_resolution_error', 'corr'), 'offline', false],
    ['popup closed by the user', () => new BrowserAuthError('user_cancelled', 'corr'), 'cancelled'],
    ['consent declined (AADSTS65004)', () => new ServerError('access_denied', 'corr', 'AADSTS65004: User declined to consent', undefined, '65004'), 'cancelled'],
    ['anything else', () => new Error('boom'), 'unknown'],
  ];
  test.each(failures.map(([label, error, code, online]) => ({ label, error, code, online })))('$label → $code', async ({ error, code, online = true }) => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw error();
    };
    const { auth } = provider(fake, { online });
    const thrown = await auth.signIn().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(SignInError);
    expect((thrown as SignInError).code).toBe(code);
  });

  test('a configured tenant that differs from the host account is wrong-tenant before MSAL is asked', async () => {
    const fake = new FakeMsal();
    const { auth } = provider(fake, { hostTenant: '00000000-aaaa-4bbb-8ccc-000000000000' });
    await expect(auth.signIn()).rejects.toMatchObject({ code: 'wrong-tenant' });
    await expect(auth.getAccessToken()).rejects.toMatchObject({ code: 'wrong-tenant' });
    expect(fake.calls).toEqual([]);
  });
});

test('every sign-in error code has a Dutch and an English message', () => {
  for (const code of SIGN_IN_ERROR_CODES) {
    const key = `signin.error.${code}` as keyof typeof nl;
    expect(nl[key]).toEqual(expect.any(String));
    expect(en[key]).toEqual(expect.any(String));
    expect(mapSignInError(new SignInError(code))).toBe(code);
  }
});

describe('account from the host', () => {
  test('Office: the auth context when NestedAppAuth 1.1 is supported', async () => {
    const office = {
      context: { requirements: { isSetSupported: (set: string, v: string) => set === 'NestedAppAuth' && v === '1.1' }, mailbox: { userProfile: { emailAddress: 'shared@veenhaven.nl' } } },
      auth: { getAuthContext: async () => ({ userPrincipalName: ANNA.username, loginHint: ANNA.username, tenantId: TENANT, userObjectId: 'anna-oid' }) },
    } as unknown as typeof Office;
    await expect(officeAccount(office)).resolves.toEqual({ loginHint: ANNA.username, tenantId: TENANT, objectId: 'anna-oid' });
  });

  test('Office without NestedAppAuth: the profile address as a hint only', async () => {
    const office = {
      context: { requirements: { isSetSupported: () => false }, mailbox: { userProfile: { emailAddress: ANNA.username } } },
      auth: { getAuthContext: async () => Promise.reject(new Error('must not be called')) },
    } as unknown as typeof Office;
    await expect(officeAccount(office)).resolves.toEqual({ loginHint: ANNA.username });
  });

  test('Teams: loginHint and tenant id from the context', () => {
    expect(teamsAccount({ user: { id: 'anna-oid', loginHint: ANNA.username, tenant: { id: TENANT } } })).toEqual({ loginHint: ANNA.username, tenantId: TENANT, objectId: 'anna-oid' });
  });
});

describe('where the host has no nested app authentication: our sign-in page in the host\'s own window', () => {
  const HOUR = 3_600_000;
  const signedIn = (overrides: Partial<Extract<SignInPageResult, { status: 'signed-in' }>> = {}, expiresOn = new Date(Date.UTC(2026, 11, 2, 13, 0))) =>
    serializeSignInResult({
      status: 'signed-in',
      accessToken: 'window-token',
      expiresOn: expiresOn.toISOString(),
      account: { username: ANNA.username, tenantId: TENANT, localAccountId: 'anna-oid' },
      ...overrides,
    });

  function windowAuth(answer: (hint: string | undefined) => Promise<string>, options: { now?: number; hostTenant?: string } = {}) {
    const opened: Array<string | undefined> = [];
    let clock = options.now ?? Date.UTC(2026, 11, 2, 12, 0);
    const auth = new SignInWindowAuthProvider({
      config: { tenantId: TENANT },
      account: () => ({ loginHint: ANNA.username, tenantId: options.hostTenant ?? TENANT, objectId: 'anna-oid' }),
      openSignInWindow: (hint) => {
        opened.push(hint);
        return answer(hint);
      },
      now: () => clock,
    });
    return { auth, opened, advance: (ms: number) => (clock += ms) };
  }

  test('createHostAuthProvider: NAA first, the sign-in window only without it', async () => {
    const fake = new FakeMsal();
    const built: MsalFlavour[] = [];
    const openSignInWindow = jest.fn(async () => signedIn({}, new Date(Date.now() + HOUR)));
    const common = {
      config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
      account: () => ({ loginHint: ANNA.username, tenantId: TENANT, objectId: 'anna-oid' }),
      createApplication: async (flavour: MsalFlavour) => {
        built.push(flavour);
        return fake.asApplication();
      },
      openSignInWindow,
    };
    await expect(createHostAuthProvider({ ...common, nestedAppAuth: true }).getAccessToken()).resolves.toBe('sso-token');
    expect(built).toEqual(['nested']);
    expect(openSignInWindow).not.toHaveBeenCalled();

    const withoutNaa = createHostAuthProvider({ ...common, nestedAppAuth: false });
    await expect(withoutNaa.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    await withoutNaa.signIn();
    expect(openSignInWindow).toHaveBeenCalledWith(ANNA.username);
    await expect(withoutNaa.getAccessToken()).resolves.toBe('window-token');
    // No MSAL in the pane and no popup: Entra's pages cannot run in the add-in's frame.
    expect(built).toEqual(['nested']);
    expect(fake.calls).not.toContain('acquireTokenPopup');
  });

  test('the background never opens the window: sign-in required until the official clicks', async () => {
    const { auth, opened } = windowAuth(async () => signedIn());
    await expect(auth.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(opened).toEqual([]);
  });

  test('the token is used until five minutes before it expires, then sign-in is required again', async () => {
    const { auth, opened, advance } = windowAuth(async () => signedIn());
    await auth.signIn();
    expect(opened).toEqual([ANNA.username]);
    await expect(auth.getAccessToken()).resolves.toBe('window-token');
    advance(HOUR - 6 * 60_000);
    await expect(auth.getAccessToken()).resolves.toBe('window-token');
    advance(2 * 60_000);
    await expect(auth.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
  });

  const failures: Array<[string, () => Promise<string>, string]> = [
    ['the page reports consent missing', async () => serializeSignInResult({ status: 'failed', code: 'consent-required' }), 'consent-required'],
    ['the window was closed', async () => Promise.reject(new SignInError('cancelled')), 'cancelled'],
    ['the window could not open', async () => Promise.reject(new Error('boom')), 'unknown'],
    ['a message that is not the page\'s', async () => '{"hello":"world"}', 'unknown'],
    ['another account than the host\'s', async () => signedIn({ account: { username: 'piet@veenhaven.nl', tenantId: TENANT, localAccountId: 'piet-oid' } }), 'wrong-account'],
    ['an account of another tenant', async () => signedIn({ account: { username: ANNA.username, tenantId: '00000000-aaaa-4bbb-8ccc-000000000000', localAccountId: 'anna-oid' } }), 'wrong-tenant'],
  ];
  test.each(failures)('%s', async (_label, answer, code) => {
    const { auth } = windowAuth(answer);
    await expect(auth.signIn()).rejects.toMatchObject({ name: 'SignInError', code });
    await expect(auth.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
  });

  test('the page address sits next to the pane, without the pane\'s query, with the login hint', () => {
    expect(signInPageUrl('office', 'https://apps.gemeente.nl/partnerzicht/outlook.html?_host_Info=Outlook$Win32$16.02$nl-NL', 'anna@veenhaven.nl')).toBe(
      'https://apps.gemeente.nl/partnerzicht/auth-office.html?loginHint=anna%40veenhaven.nl',
    );
    expect(signInPageUrl('teams', 'https://localhost:3000/meeting.html')).toBe('https://localhost:3000/auth-teams.html');
    expect(parseSignInResult('not json')).toBeUndefined();
    expect(parseSignInResult(serializeSignInResult({ status: 'failed', code: 'offline' }))).toEqual({ status: 'failed', code: 'offline' });
  });
});

describe('the sign-in page: MSAL\'s redirect flow in the window the host opened', () => {
  const location = { origin: 'https://partnerzicht.voorbeeldstad.nl', pathname: '/auth-office.html', search: '?loginHint=anna.devries%40veenhaven.nl' };

  function page(fake: FakeMsal) {
    const reported: SignInPageResult[] = [];
    const built: Array<{ flavour: MsalFlavour; configuration: Configuration }> = [];
    const run = () =>
      runSignInPage({
        config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
        location,
        report: (r) => void reported.push(r),
        createApplication: async (flavour, configuration) => {
          built.push({ flavour, configuration });
          return fake.asApplication();
        },
        isOnline: () => true,
      });
    return { run, reported, built };
  }

  test('first load: sends the official to Entra with the login hint; the page itself is the redirect URI', async () => {
    const fake = new FakeMsal();
    const { run, reported, built } = page(fake);
    await expect(run()).resolves.toBe('redirecting');
    expect(fake.calls).toEqual(['handleRedirectPromise', 'acquireTokenRedirect']);
    expect(fake.requests.acquireTokenRedirect).toMatchObject({ loginHint: 'anna.devries@veenhaven.nl' });
    expect((fake.requests.acquireTokenRedirect as { scopes: string[] }).scopes).toContain('https://graph.microsoft.com/Sites.ReadWrite.All');
    expect(built[0].flavour).toBe('standard');
    expect(built[0].configuration.auth.redirectUri).toBe('https://partnerzicht.voorbeeldstad.nl/auth-office.html');
    expect(reported).toEqual([]);
  });

  test('the load Entra returns to reports the token, its expiry and the account', async () => {
    const fake = new FakeMsal();
    fake.redirectResult = async () => ({ ...result('page-token'), expiresOn: new Date(Date.UTC(2026, 11, 2, 13, 0)) }) as AuthenticationResult;
    const { run, reported } = page(fake);
    await expect(run()).resolves.toBe('reported');
    expect(reported).toEqual([
      { status: 'signed-in', accessToken: 'page-token', expiresOn: '2026-12-02T13:00:00.000Z', account: { username: ANNA.username, tenantId: TENANT, localAccountId: 'anna-oid' } },
    ]);
    expect(fake.calls).not.toContain('acquireTokenRedirect');
  });

  test('an error Entra returns is reported as its code', async () => {
    const fake = new FakeMsal();
    fake.redirectResult = async () => {
      throw new ServerError('invalid_grant', 'corr', 'AADSTS65001: The user or administrator has not consented', 'consent_required', '65001');
    };
    const { run, reported } = page(fake);
    await expect(run()).resolves.toBe('reported');
    expect(reported).toEqual([{ status: 'failed', code: 'consent-required' }]);
  });
});

describe('setup asks for Sites.Manage.All by incremental consent; officials keep the smaller set', () => {
  const MANAGE = 'https://graph.microsoft.com/Sites.Manage.All';

  test('NAA: the setup provider asks the same MSAL instance for SETUP_SCOPES; the official provider never does', async () => {
    const fake = new FakeMsal();
    fake.accounts = [ANNA];
    const { auth, built } = provider(fake);
    await auth.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).not.toContain(MANAGE);
    const setup = auth.withConsentFor('setup');
    expect(auth.withConsentFor('setup')).toBe(setup);
    await setup.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).toEqual(SETUP_SCOPES);
    expect(SETUP_SCOPES).toEqual([...ALL_GRAPH_SCOPES, MANAGE]);
    // Consent is asked from a click: the popup for the setup scopes.
    await setup.signIn();
    expect((fake.requests.acquireTokenPopup as { scopes: string[] }).scopes).toContain(MANAGE);
    expect(built).toHaveLength(1);
    // The official's next token is still asked without the manage scope.
    await auth.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).toEqual(ALL_GRAPH_SCOPES);
  });

  test('sign-in window: the setup provider opens the page with purpose=setup, which asks Entra for SETUP_SCOPES', async () => {
    const purposes: Array<string | undefined> = [];
    const auth = new SignInWindowAuthProvider({
      config: { tenantId: TENANT },
      account: () => ({ loginHint: ANNA.username, tenantId: TENANT, objectId: 'anna-oid' }),
      openSignInWindow: async (_hint, purpose) => {
        purposes.push(purpose);
        return serializeSignInResult({ status: 'signed-in', accessToken: `token-${purpose ?? 'daily'}`, expiresOn: new Date(Date.now() + 3_600_000).toISOString(), account: { username: ANNA.username, tenantId: TENANT, localAccountId: 'anna-oid' } });
      },
    });
    await auth.signIn();
    const setup = auth.withConsentFor('setup');
    await expect(setup.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    await setup.signIn();
    expect(purposes).toEqual([undefined, 'setup']);
    expect(await auth.getAccessToken()).toBe('token-daily');
    expect(await setup.getAccessToken()).toBe('token-setup');
    expect(new URL(signInPageUrl('teams', 'https://x.nl/overview.html', 'a@b.nl', 'setup')).searchParams.get('purpose')).toBe('setup');

    const fake = new FakeMsal();
    await runSignInPage({
      config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
      location: { origin: 'https://x.nl', pathname: '/auth-teams.html', search: '?loginHint=a%40b.nl&purpose=setup' },
      report: () => undefined,
      createApplication: async () => fake.asApplication(),
      isOnline: () => true,
    });
    expect((fake.requests.acquireTokenRedirect as { scopes: string[] }).scopes).toEqual(SETUP_SCOPES);
  });
});

describe('the attendance report asks for OnlineMeetingArtifact.Read.All by incremental consent, from the organizer only', () => {
  const ARTIFACT = 'https://graph.microsoft.com/OnlineMeetingArtifact.Read.All';

  test('NAA: the attendance provider asks the same MSAL instance for ATTENDANCE_SCOPES; the official provider never does', async () => {
    const fake = new FakeMsal();
    fake.accounts = [ANNA];
    const { auth, built } = provider(fake);
    const attendance = auth.withConsentFor('attendance');
    expect(auth.withConsentFor('attendance')).toBe(attendance);
    await attendance.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).toEqual(ATTENDANCE_SCOPES);
    expect(ATTENDANCE_SCOPES).toEqual([...ALL_GRAPH_SCOPES, ARTIFACT]);
    await attendance.signIn();
    expect((fake.requests.acquireTokenPopup as { scopes: string[] }).scopes).toContain(ARTIFACT);
    expect(built).toHaveLength(1);
    await auth.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).toEqual(ALL_GRAPH_SCOPES);
    expect(ALL_GRAPH_SCOPES).not.toContain(ARTIFACT);
  });

  test('sign-in window: purpose=attendance, and the page asks Entra for ATTENDANCE_SCOPES', async () => {
    const purposes: Array<string | undefined> = [];
    const auth = new SignInWindowAuthProvider({
      config: { tenantId: TENANT },
      account: () => ({ loginHint: ANNA.username, tenantId: TENANT, objectId: 'anna-oid' }),
      openSignInWindow: async (_hint, purpose) => {
        purposes.push(purpose);
        return serializeSignInResult({ status: 'signed-in', accessToken: `token-${purpose ?? 'daily'}`, expiresOn: new Date(Date.now() + 3_600_000).toISOString(), account: { username: ANNA.username, tenantId: TENANT, localAccountId: 'anna-oid' } });
      },
    });
    const attendance = auth.withConsentFor('attendance');
    await expect(attendance.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    await attendance.signIn();
    expect(purposes).toEqual(['attendance']);
    expect(await attendance.getAccessToken()).toBe('token-attendance');
    const fake = new FakeMsal();
    await runSignInPage({
      config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
      location: { origin: 'https://x.nl', pathname: '/auth-teams.html', search: '?loginHint=a%40b.nl&purpose=attendance' },
      report: () => undefined,
      createApplication: async () => fake.asApplication(),
      isOnline: () => true,
    });
    expect((fake.requests.acquireTokenRedirect as { scopes: string[] }).scopes).toEqual(ATTENDANCE_SCOPES);
  });
});

describe("a manager's team calendars ask for User.ReadBasic.All and Calendars.Read.Shared by incremental consent, from the click only", () => {
  const TEAM = ['https://graph.microsoft.com/User.ReadBasic.All', 'https://graph.microsoft.com/Calendars.Read.Shared'];

  test('NAA: the team provider asks the same MSAL instance for TEAM_SCOPES; the official provider never does', async () => {
    const fake = new FakeMsal();
    fake.accounts = [ANNA];
    const { auth, built } = provider(fake);
    const team = auth.withConsentFor('team');
    expect(auth.withConsentFor('team')).toBe(team);
    await team.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).toEqual(TEAM_SCOPES);
    expect(TEAM_SCOPES).toEqual([...ALL_GRAPH_SCOPES, ...TEAM]);
    expect(built).toHaveLength(1);
    await auth.getAccessToken();
    expect((fake.requests.acquireTokenSilent as { scopes: string[] }).scopes).toEqual(ALL_GRAPH_SCOPES);
    for (const scope of TEAM) expect(ALL_GRAPH_SCOPES).not.toContain(scope);
  });

  test('the sign-in page with purpose=team asks Entra for TEAM_SCOPES', async () => {
    const fake = new FakeMsal();
    await runSignInPage({
      config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
      location: { origin: 'https://x.nl', pathname: '/auth-teams.html', search: '?loginHint=a%40b.nl&purpose=team' },
      report: () => undefined,
      createApplication: async () => fake.asApplication(),
      isOnline: () => true,
    });
    expect((fake.requests.acquireTokenRedirect as { scopes: string[] }).scopes).toEqual(TEAM_SCOPES);
  });
});
