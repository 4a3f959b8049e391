/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/meeting.html"}
 */
/**
 * Teams without nested app authentication (isNAAChannelRecommended false): sign-in opens our page in
 * Teams' authentication window through the real teams-js, answered by the fake Teams host.
 */
import { FakeTeamsHost, legacyContext, RUNTIME_CONFIG } from './teamsFakeHost';

(globalThis as { fetch?: unknown }).fetch = () => Promise.reject(new Error('no network in tests'));

const TENANT = '5f1c2a4e-1111-4222-8333-944455556666';

async function startWithoutNaa() {
  jest.resetModules();
  const fake = new FakeTeamsHost(window);
  const runtime = { ...RUNTIME_CONFIG, isNAAChannelRecommended: false, supports: { ...RUNTIME_CONFIG.supports, nestedAppAuth: undefined } };
  fake.on('initialize', () => ['sidePanel', 'web', JSON.stringify(runtime), '2.58.0']);
  fake.on('getContext', () => [legacyContext('sidePanel')]);
  const teams = await import('@microsoft/teams-js');
  const { initializeTeams, TeamsHost } = await import('../../src/hosts/teams/TeamsHost');
  const { openTeamsSignInWindow } = await import('../../src/hosts/teams/teamsSignInWindow');
  const { createHostAuthProvider } = await import('../../src/hosts/auth/hostAuthProvider');
  const { teamsAccount } = await import('../../src/hosts/auth/hostAccount');
  const { serializeSignInResult } = await import('../../src/hosts/auth/signInPage');
  const context = await initializeTeams(2000, { top: {}, self: window } as unknown as Window);
  if (!context) throw new Error('no context');
  return { fake, teams, context, TeamsHost, openTeamsSignInWindow, createHostAuthProvider, teamsAccount, serializeSignInResult };
}

test('the tab without NAA: sign-in opens our page in Teams\' authentication window, the token comes back', async () => {
  const t = await startWithoutNaa();
  expect(t.teams.nestedAppAuth.isNAAChannelRecommended()).toBe(false);
  const answer = t.serializeSignInResult({
    status: 'signed-in',
    accessToken: 'teams-window-token',
    expiresOn: new Date(Date.now() + 3_600_000).toISOString(),
    account: { username: 'anna.devries@veenhaven.nl', tenantId: TENANT, localAccountId: 'anna-oid' },
  });
  t.fake.on('authentication.authenticate', () => [true, answer]);
  const auth = t.createHostAuthProvider({
    config: { clientId: 'c1d2e3f4-0000-4000-8000-000000000001', tenantId: TENANT },
    account: () => t.teamsAccount(t.context),
    nestedAppAuth: t.teams.nestedAppAuth.isNAAChannelRecommended(),
    openSignInWindow: t.openTeamsSignInWindow,
    createApplication: () => Promise.reject(new Error('MSAL must not run in the tab without NAA')),
  });
  const host = new t.TeamsHost(t.context, auth);
  await expect(host.getAccessToken()).rejects.toMatchObject({ name: 'SignInRequiredError' });
  await host.signIn();
  const [url, width, height] = t.fake.calls('authentication.authenticate')[0].args as [string, number, number];
  expect(url).toBe('https://localhost:3000/auth-teams.html?loginHint=anna.devries%40veenhaven.nl');
  expect([width, height]).toEqual([600, 535]);
  await expect(host.getAccessToken()).resolves.toBe('teams-window-token');
});

test.each([
  ['the official closes the window', 'CancelledByUser', 'cancelled'],
  ['the page reports missing consent', 'consent-required', 'consent-required'],
  ['anything else', 'FailedToOpenWindow', 'unknown'],
])('%s → %s', async (_label, reason, code) => {
  const t = await startWithoutNaa();
  t.fake.on('authentication.authenticate', () => [false, reason]);
  await expect(t.openTeamsSignInWindow(undefined)).rejects.toMatchObject({ name: 'SignInError', code });
});
