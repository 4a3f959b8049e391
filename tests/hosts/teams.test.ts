/** @jest-environment jsdom */
import { FakeTeamsHost, legacyContext, RUNTIME_CONFIG } from './teamsFakeHost';

// teams-js prefetches its valid-origin list from a CDN on import; there is no network in tests.
(globalThis as { fetch?: unknown }).fetch = () => Promise.reject(new Error('no network in tests'));

type TeamsJs = typeof import('@microsoft/teams-js');
type TeamsHostModule = typeof import('../../src/hosts/teams/TeamsHost');

let teams: TeamsJs;
let hostModule: TeamsHostModule;
let fake: FakeTeamsHost;

/** A fresh copy of teams-js per test: it keeps its initialization state in module globals. */
async function start(frameContext: string, overrides: Record<string, unknown> = {}) {
  jest.resetModules();
  fake = new FakeTeamsHost(window);
  fake.on('initialize', () => [frameContext, 'web', JSON.stringify(RUNTIME_CONFIG), '2.58.0']);
  fake.on('getContext', () => [legacyContext(frameContext, overrides)]);
  teams = await import('@microsoft/teams-js');
  hostModule = await import('../../src/hosts/teams/TeamsHost');
  // window.top is not writable in jsdom; initializeTeams only needs "framed" to be true.
  const framed = { top: {}, self: window } as unknown as Window;
  const context = await hostModule.initializeTeams(2000, framed);
  if (!context) throw new Error('initializeTeams gave no context');
  return context;
}

test.each([
  ['sidePanel', 'meeting side panel'],
  ['content', 'tab content'],
  ['settings', 'configuration page'],
])('initialize + getContext in the %s frame (%s)', async (frame) => {
  const context = await start(frame);
  expect(fake.calls('initialize')).toHaveLength(1);
  expect(fake.calls('getContext')).toHaveLength(1);
  expect(context.page.frameContext).toBe(frame);
  const host = new hostModule.TeamsHost(context, async () => 'token');
  expect(host.frameContext).toBe(frame);
  expect(host.locale).toBe('nl-nl');
  await expect(host.getUser()).resolves.toEqual({ email: 'anna.devries@veenhaven.nl', name: 'anna.devries@veenhaven.nl' });
  expect(context.user?.tenant?.id).toBe('5f1c2a4e-1111-4222-8333-944455556666');
  if (frame === 'sidePanel') expect(context.chat?.id).toBe('19:meeting_NjQ3YmE1ZjQtOWM2@thread.v2');
  else expect(context.chat).toBeUndefined();
});

test('the account for sign-in comes from the context (loginHint + tenant)', async () => {
  const context = await start('sidePanel');
  const { teamsAccount } = await import('../../src/hosts/auth/hostAccount');
  expect(teamsAccount(context)).toEqual({ loginHint: 'anna.devries@veenhaven.nl', tenantId: '5f1c2a4e-1111-4222-8333-944455556666', objectId: 'anna-oid' });
  expect(teams.nestedAppAuth.isNAAChannelRecommended()).toBe(true);
});

test('theme: initial value and changes sent by the host', async () => {
  const context = await start('sidePanel', { theme: 'dark' });
  const host = new hostModule.TeamsHost(context, async () => 'token');
  expect(host.theme).toBe('dark');
  const seen: string[] = [];
  host.onThemeChange((theme) => seen.push(theme));
  fake.send('themeChange', ['contrast']);
  fake.send('themeChange', ['default']);
  await new Promise((r) => setTimeout(r, 10));
  expect(seen).toEqual(['contrast', 'default']);
  expect(host.theme).toBe('default');
});

test('pages.config: the configuration page saves its settings when Teams asks', async () => {
  await start('settings');
  fake.on('settings.setSettings', () => [true]);
  expect(teams.pages.config.isSupported()).toBe(true);
  teams.pages.config.registerOnSaveHandler(async (saveEvent) => {
    await teams.pages.config.setConfig({ entityId: 'partnerzicht-meeting', contentUrl: 'https://localhost:3000/meeting.html', suggestedDisplayName: 'Partnerzicht' });
    saveEvent.notifySuccess();
  });
  teams.pages.config.setValidityState(true);
  fake.send('settings.save', [{ webhookUrl: '' }]);
  await new Promise((r) => setTimeout(r, 20));
  expect(fake.calls('settings.setValidityState')[0].args).toEqual([true]);
  expect(fake.calls('settings.setSettings')[0].args[0]).toMatchObject({ entityId: 'partnerzicht-meeting', contentUrl: 'https://localhost:3000/meeting.html' });
  expect(fake.calls('settings.save.success')).toHaveLength(1);
});

test('outside Teams (not framed) initializeTeams does not wait at all', async () => {
  jest.resetModules();
  const { initializeTeams } = await import('../../src/hosts/teams/TeamsHost');
  await expect(initializeTeams(10_000, { top: window, self: window } as unknown as Window)).resolves.toBeUndefined();
});
