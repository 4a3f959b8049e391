/**
 * The compose notification end to end in Chromium: the Outlook pane (demo host) reads a partner and
 * leaves the compose hints on the device; then the event runtime's own page (events.html, with the
 * production events.js) runs with office-addin-mock as the client, as Outlook runs it when the
 * recipients change: a partner recipient shows the bar with the partner's line and the link to the
 * compose pane, any other recipient shows nothing.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import type { ComposeMockOptions } from '../../scripts/lib/composeOfficeMock';
import { OFFICIALS } from '../../src/demo/municipality';
import { createDemoData, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { COMPOSE_HINTS_KEY } from '../../src/data/composeHintStore';
import { OFFICE_JS_URL } from '../../src/hosts/outlook/loadOfficeJs';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(180_000);

const env = demoEnvironmentForSuite();
const sample = SAMPLE_ITEMS.find((s) => s.id === 'sample-northbridge')!;
const partner = createDemoData().partners.find((p) => p.id === SAMPLE_EXPECTATIONS[sample.id].partnerIds[0])!;
const official = OFFICIALS[0];

let officeMock = '';
beforeAll(async () => {
  const root = path.join(__dirname, '..', '..');
  const result = await build({
    entryPoints: [path.join(__dirname, 'composeMockPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // office-addin-mock needs only office-addin-manifest's OfficeApp enum; its entry pulls Node-only code.
    alias: { 'office-addin-manifest': path.join(root, 'node_modules/office-addin-manifest/lib/officeApp.js') },
  });
  officeMock = result.outputFiles[0].text;
});

async function paneLeavesHints(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('demo-sample').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: sample.subject }).click();
  await page.getByTestId('partner-name').filter({ hasText: partner.name }).waitFor();
  // Written when the browser is idle, after the context is on screen: with this partner's figures.
  await page.waitForFunction(
    ([key, name]) => {
      const raw = localStorage.getItem(key);
      return !!raw && (JSON.parse(raw) as { partners: Array<{ name: string; departments?: number }> }).partners.some((p) => p.name === name && p.departments !== undefined);
    },
    [COMPOSE_HINTS_KEY, partner.name] as const,
    { timeout: 30_000 },
  );
  expect(errors).toEqual([]);
  await page.close();
}

async function compose(context: BrowserContext, options: Omit<ComposeMockOptions, 'owner'>) {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.addInitScript((o) => {
    window.__composeMockOptions = o;
  }, { owner: official.email, ...options });
  await page.route(OFFICE_JS_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: officeMock }));
  await page.goto(`${env.server.url}/events.html`);
  const result = await page.evaluate((name) => window.__composeMock.fire(name), options.kind === 'message' ? 'onRecipientsChanged' : 'onAttendeesChanged');
  return { page, errors, result };
}

test('a partner recipient shows the bar with the partner line and the link to the pane; another recipient shows nothing', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  await paneLeavesHints(context);

  const partnerAddress = `iemand@${partner.domains[0]}`;
  const shown = await compose(context, { kind: 'message', to: ['collega@veenhaven.nl'], cc: [`Iemand <${partnerAddress}>`] });
  expect(shown.result).toEqual({ errors: [], count: 1 });
  const bar = shown.page.getByRole('status', { name: 'Outlook' });
  await bar.getByText(new RegExp(`^${partner.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — \\d+ afdeling(en)? in contact, laatste contact `)).waitFor();
  const link = bar.getByRole('button', { name: 'Partnerzicht openen' });
  expect(await link.getAttribute('data-command-id')).toBe('partnerzichtMsgComposeButton');
  expect(await bar.locator('p').getAttribute('data-type')).toBe('insightMessage');
  expect(shown.errors).toEqual([]);

  const none = await compose(context, { kind: 'message', to: ['iemand@example.org', 'collega@veenhaven.nl'] });
  expect(none.result).toEqual({ errors: [], count: 0 });
  expect(await none.page.getByRole('status', { name: 'Outlook' }).locator('p').count()).toBe(0);
  await context.close();
});

test('in English, for a meeting being organised, the line and link are English and open the organizer pane', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  await paneLeavesHints(context);
  const shown = await compose(context, { kind: 'appointment', displayLanguage: 'en-GB', required: [`x@${partner.domains[0]}`] });
  expect(shown.result).toEqual({ errors: [], count: 1 });
  const bar = shown.page.getByRole('status', { name: 'Outlook' });
  await bar.getByText(/in contact, last contact /).waitFor();
  expect(await bar.getByRole('button', { name: 'Open Partnerzicht' }).getAttribute('data-command-id')).toBe('partnerzichtApptButtonOrg');
  await context.close();
});
