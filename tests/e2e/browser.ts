/** The browser tests' harness lives beside the demo server, so `npm run screenshots` uses it too. */
import type { Locator, Page, Route } from 'playwright-core';
import { startDemoEnvironment, type DemoEnvironment } from '../../scripts/lib/demoBrowser';
import { DEMO_SITE_REF } from '../../src/config/appConfig';
import type { Official } from '../../src/core/model';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';

export { CHROMIUM_ARGS, collectPageErrors, startDemoEnvironment, type DemoEnvironment } from '../../scripts/lib/demoBrowser';

/** One seeded demo server and Chromium for the whole suite, started before its tests and closed after. */
export function demoEnvironmentForSuite(): Pick<DemoEnvironment, 'server' | 'browser'> {
  let current: DemoEnvironment | undefined;
  beforeAll(async () => {
    current = await startDemoEnvironment();
  });
  afterAll(async () => {
    await current?.close();
  });
  const started = (): DemoEnvironment => {
    if (!current) throw new Error('the demo environment starts in beforeAll');
    return current;
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
  };
}

/** The app's own repository against the demo server, as `official`: to read what a test's clicks stored, or to play a colleague. */
export function repositoryAs(server: { url: string }, official: Official): SharePointPartnerRepository {
  return SharePointPartnerRepository.create({ baseUrl: server.url, getAccessToken: async () => makeDemoToken(official), siteRef: DEMO_SITE_REF });
}

/** Switches the demo bar's official (by keyboard, as a user would) and waits until the page shows them. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByTestId('demo-user').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name }).click();
  await page.waitForLoadState('load');
  await page.getByTestId('demo-user').filter({ hasText: name }).waitFor();
}

/**
 * The overview's live screen: its register on screen and past the site's first-screen digest, which a
 * first-ever open (every new browser context) shows read-only while the lists load (src/data/overviewDigest.ts).
 */
export async function liveOverview(page: Page): Promise<void> {
  await page.getByTestId('overview-table').waitFor();
  await page.getByTestId('overview-digest').waitFor({ state: 'detached' });
}

/**
 * Waits (at most 3 s) until the page's finite animations and transitions have ended: Fluent fades a
 * button's colours and slides its tabs' indicator, and a page measured or scanned midway shows
 * colours and boxes no reader ever sees settled (a spinner's endless animation is not waited for).
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity), null, { timeout: 3_000, polling: 'raf' })
    .catch(() => undefined);
}

/**
 * Waits until the server has confirmed the new write shown by `row` (a timeline item). The row must be
 * there first: until the queue has stored the write there is no "being saved" badge at all, so waiting
 * for the badge to go would pass at once, before anything was saved.
 */
export async function writeConfirmed(row: Locator, timeout = 30_000): Promise<void> {
  await row.first().waitFor({ timeout });
  await row.getByTestId('write-state').waitFor({ state: 'detached', timeout });
}

/**
 * A route handler: SharePoint refusing `method` on paths matching `path` as it does for an account without
 * edit rights there, 403 accessDenied (https://learn.microsoft.com/graph/errors). Every other request goes
 * on to the next handler (or the network), so reading still works and handlers combine.
 */
export function refused(method: string, path: RegExp) {
  return (route: Route) =>
    route.request().method() === method && path.test(new URL(route.request().url()).pathname)
      ? route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'accessDenied', message: 'Access denied. You do not have permission to perform this action or access this resource.' } }) })
      : route.fallback();
}
