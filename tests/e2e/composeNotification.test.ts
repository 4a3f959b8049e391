/**
 * The compose notification end to end in Chromium: the Outlook pane (demo host) reads a partner and
 * leaves the compose hints on the device; then the event runtime's own page (events.html, with the
 * production events.js) runs with office-addin-mock as the client, as Outlook runs it when the
 * recipients change: a partner recipient shows the bar with the partner's line and the link to the
 * compose pane, any other recipient shows nothing.
 */
import type { BrowserContext } from 'playwright-core';
import { composeMockBundle, fireComposeEvent, waitForComposeHints } from '../../scripts/lib/composeMockBundle';
import type { ComposeMockOptions } from '../../scripts/lib/composeOfficeMock';
import { OFFICIALS } from '../../src/demo/municipality';
import { createDemoData, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(180_000);

const env = demoEnvironmentForSuite();
const sample = SAMPLE_ITEMS.find((s) => s.id === 'sample-northbridge')!;
const partner = createDemoData().partners.find((p) => p.id === SAMPLE_EXPECTATIONS[sample.id].partnerIds[0])!;
const official = OFFICIALS[0];

let officeMock = '';
beforeAll(async () => {
  officeMock = await composeMockBundle();
});

async function paneLeavesHints(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('demo-sample').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: sample.subject }).click();
  await page.getByTestId('partner-name').filter({ hasText: partner.name }).waitFor();
  await waitForComposeHints(page, partner.name);
  expect(errors).toEqual([]);
  await page.close();
}

async function compose(context: BrowserContext, options: Omit<ComposeMockOptions, 'owner'>) {
  let errors: string[] = [];
  const { page, result } = await fireComposeEvent(context, env.server.url, officeMock, { owner: official.email, ...options }, (p) => (errors = collectPageErrors(p)));
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
