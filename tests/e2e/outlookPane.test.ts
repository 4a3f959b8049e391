/**
 * The Outlook pane in the plain-browser demo host, driven in Debian's Chromium: pick a sample
 * email from a partner, see the partner, log a note, reload, and find the note in the timeline.
 */
import type { Page } from 'playwright-core';
import { DEMO_SITE_REF } from '../../src/config/appConfig';
import { messageLookupKeys } from '../../src/core/detection';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createDemoData, OFFICIALS, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';
import { OFFICE_JS_URL } from '../../src/hosts/outlook/loadOfficeJs';
import { sampleToHostItem } from '../../src/ui/demo/sampleToHostItem';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(120_000);

const env = demoEnvironmentForSuite();

async function pickSample(page: Page, subject: string): Promise<void> {
  // Opened from the keyboard, as a keyboard-only user would.
  await page.getByTestId('demo-sample').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: subject }).click();
}

test('recognises the partner of a sample email, logs a note, and shows it after a reload', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);

  const sample = SAMPLE_ITEMS.find((s) => s.id === 'sample-northbridge');
  if (!sample) throw new Error('sample missing');
  const partnerId = SAMPLE_EXPECTATIONS[sample.id].partnerIds[0];
  const partnerName = createDemoData().partners.find((p) => p.id === partnerId)?.name ?? '';
  expect(partnerName).not.toBe('');

  await pickSample(page, sample.subject);
  await page.getByTestId('partner-name').filter({ hasText: partnerName }).waitFor();
  await page.getByTestId('evidence').waitFor();

  const summary = `Afspraak over stageplekken ${Date.now()}`;
  await page.getByRole('combobox', { name: 'Jouw afdeling' }).fill('Economie');
  await page.getByRole('textbox', { name: 'Korte samenvatting' }).fill(summary);
  await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();

  const logged = page.getByTestId('timeline-item').filter({ hasText: summary });
  await logged.waitFor();
  // The demo's mailbox stand-in tags and marks the item as Outlook would, and the pane says so.
  const category = `Partner: ${partnerName}`;
  await page.getByText(`Gemarkeerd met de categorie ${category}.`).waitFor();
  await page.getByTestId('already-logged').getByTestId('logged-marker').filter({ hasText: 'Dit item is in Outlook gemarkeerd als vastgelegd.' }).waitFor();
  await page.getByTestId('demo-item-categories').filter({ hasText: `Categorieën van dit item in Outlook: ${category}` }).waitFor();
  await page.getByTestId('demo-item-logged').waitFor();
  // Saved when the queue has confirmed it: the "being saved" badge goes away.
  await logged.getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });

  await page.reload();
  await page.getByTestId('partner-name').filter({ hasText: partnerName }).waitFor();
  await page.getByTestId('timeline-item').filter({ hasText: summary }).waitFor();
  await page.getByTestId('already-logged').waitFor();
  // The marker is on the item itself: it is still there after a reload.
  await page.getByTestId('logged-marker').waitFor();
  await page.getByTestId('demo-item-categories').filter({ hasText: category }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('without read/write mailbox the demo, like Outlook, tags only with categories that exist and says which one is missing', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  const sample = SAMPLE_ITEMS.find((s) => s.id === 'sample-veenweide-idn')!;
  const partnerName = createDemoData().partners.find((p) => p.id === SAMPLE_EXPECTATIONS[sample.id].partnerIds[0])!.name;
  await pickSample(page, sample.subject);
  await page.getByTestId('partner-name').filter({ hasText: partnerName }).waitFor();
  await page.getByRole('switch', { name: /Partnerzicht mag categorieën aanmaken/ }).uncheck();
  await page.getByRole('combobox', { name: 'Jouw afdeling' }).fill('Economie');
  await page.getByRole('textbox', { name: 'Korte samenvatting' }).fill(`Zonder machtiging ${Date.now()}`);
  await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await page.getByText(`De categorie Partner: ${partnerName} bestaat nog niet en Partnerzicht mag geen categorieën aanmaken.`, { exact: false }).waitFor();
  await page.getByTestId('demo-item-categories').filter({ hasText: 'Dit item heeft in Outlook geen categorieën.' }).waitFor();
  // The marker needs only read/write item: it is set all the same.
  await page.getByTestId('demo-item-logged').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('inside Office, the page asks for Office.js before its bundle runs and loads the Outlook host meanwhile; without Outlook it falls back to the demo', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const officeRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url() === OFFICE_JS_URL) officeRequests.push(request.url());
  });
  // Office.js is held back until the Outlook host's own chunk has arrived: that chunk must not wait for it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(OFFICE_JS_URL, async (route) => {
    await held;
    // Office.js as a browser outside any Office host reports it: no host, so the page shows the demo.
    await route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { HostType: { Outlook: "Outlook" }, onReady: () => Promise.resolve({ host: null, platform: null }) };' });
  });
  // The Outlook host's chunk (the only one that reads Outlook's master categories).
  const outlookHostChunk = page.waitForResponse(async (response) => response.url().endsWith('.js') && (await response.text()).includes('masterCategories'));
  // `_host_Info` is what Office appends to an add-in's start URL.
  // The load event waits for Office.js, which is held: go on once the page has been parsed.
  await page.goto(`${env.server.url}/outlook.html?_host_Info=Outlook$Win32$16.02$nl-NL$$$$0`, { waitUntil: 'domcontentloaded' });
  await outlookHostChunk;
  expect(officeRequests).toHaveLength(1);
  release();
  await page.getByTestId('partner-name').waitFor();
  expect(officeRequests).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('a cold open asks Graph only about this item: the lookup for its participants, then the partner context; the register follows after', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  env.server.emulator.clearLog();
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('partner-name').waitFor();
  const shownAt = Date.now();
  // The register read (all active and proposed partners), which the background read makes once the pane is idle.
  const isRegister = (url: string) => url.includes('/lists/Partners/items?') && decodeURIComponent(url).includes("fields/status eq 'active'");
  for (const until = Date.now() + 15_000; Date.now() < until && !env.server.emulator.requestLog.some((r) => isRegister(r.url)); ) await page.waitForTimeout(100);
  const log = [...env.server.emulator.requestLog];
  const lookups = log.filter((r) => r.url.includes('/lists/PartnerLookup/items?'));
  const contextReads = log.filter((r) => r.url.includes('/lists/Interactions/items?') && decodeURIComponent(r.url).includes('fields/partnerId eq'));
  const register = log.filter((r) => isRegister(r.url));
  expect(lookups.length).toBeGreaterThan(0);
  expect(lookups.every((r) => r.inBatch && r.status === 200)).toBe(true);
  expect(contextReads.length).toBeGreaterThan(0);
  expect(register.length).toBeGreaterThan(0);
  // Nothing of the register before the context was asked for, and its read started after the partner was on screen.
  expect(Math.min(...register.map((r) => r.time))).toBeGreaterThanOrEqual(Math.max(...lookups.map((r) => r.time)));
  expect(Math.min(...register.map((r) => r.time))).toBeGreaterThanOrEqual(Math.min(...contextReads.map((r) => r.time)));
  expect(Math.min(...register.map((r) => r.time))).toBeGreaterThanOrEqual(shownAt - 1000);
  expect(errors).toEqual([]);
  await context.close();
});

test('lookup rows another client left out of step: a cold open still shows the register\'s partner, and has the rows rewritten for the next open', async () => {
  // The pane's first item: an email from Woonstichting Veenland.
  const sample = SAMPLE_ITEMS[0];
  const partnerName = createDemoData().partners.find((p) => p.id === SAMPLE_EXPECTATIONS[sample.id].partnerIds[0])?.name ?? '';
  expect(partnerName).not.toBe('');
  // Another Graph client (a flow, a script, SharePoint itself) removes the rows this item's participants would find.
  const graph = GraphTransport.create({ baseUrl: env.server.url, getAccessToken: async () => makeDemoToken(OFFICIALS[0]) });
  const lookup = `/sites/${(await graph.get<{ id: string }>(`/sites/${DEMO_SITE_REF}`)).id}/lists/PartnerLookup/items`;
  const keys = messageLookupKeys(sampleToHostItem(sample));
  const filter = encodeURIComponent(keys.map((k) => `fields/lookupKey eq '${k}'`).join(' or '));
  const rowsForItem = async () => (await graph.get<{ value: Array<{ id: string; fields: { partnerName: string } }> }>(`${lookup}?$expand=fields&$filter=${filter}`)).value;
  const before = await rowsForItem();
  expect(before.length).toBeGreaterThan(0);
  for (const row of before) await graph.request('DELETE', `${lookup}/${row.id}`);
  expect(await rowsForItem()).toEqual([]);

  const errors: string[] = [];
  for (const open of ['rows missing', 'rows rewritten']) {
    const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
    const page = await context.newPage();
    errors.push(...collectPageErrors(page));
    await page.goto(`${env.server.url}/outlook.html`);
    // Without rows the lookup finds nobody; the register, read once the pane is idle, finds the partner.
    await page.getByTestId('partner-name').filter({ hasText: partnerName }).waitFor({ timeout: 30_000 });
    if (open === 'rows missing') {
      for (const until = Date.now() + 15_000; Date.now() < until && (await rowsForItem()).length < before.length; ) await page.waitForTimeout(200);
      expect((await rowsForItem()).map((r) => r.fields.partnerName).sort()).toEqual(before.map((r) => r.fields.partnerName).sort());
    }
    await context.close();
  }
  expect(errors).toEqual([]);
});

test('a cold open keeps the partner it showed when the register arrives with a partner named in the subject: the chooser adds that one beside it', async () => {
  const [veenland, ggd] = ['p-woonstichting-veenland', 'p-ggd-veenstreek'].map((id) => createDemoData().partners.find((p) => p.id === id)!.name);
  // From the corporation, about the GGD: a participant match, and a subject-only match the lookup cannot see.
  const item = { ...sampleToHostItem(SAMPLE_ITEMS[0]), id: 'typed-veenland-ggd', subject: `Overleg met ${ggd} over huisvesting` };
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
  await context.addInitScript((state) => localStorage.getItem('partnerzicht.demo.email-meeting') ?? localStorage.setItem('partnerzicht.demo.email-meeting', state), JSON.stringify({ item }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('partner-name').filter({ hasText: veenland }).waitFor();
  // The register, read once the pane is idle, finds the GGD in the subject: both are offered, Veenland stays shown.
  await page.getByRole('radio', { name: new RegExp(ggd) }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('radio', { name: new RegExp(veenland) }).isChecked()).toBe(true);
  await page.getByTestId('partner-name').filter({ hasText: veenland }).waitFor();
  // And the official can switch.
  await page.getByRole('radio', { name: new RegExp(ggd) }).check();
  await page.getByTestId('partner-name').filter({ hasText: ggd }).waitFor();

  // A warm open, once the register is on the device: detection starts from the partners the participants
  // can meet there; the rest of it follows after the first render, and the GGD is offered beside Veenland.
  // (Another email of the same kind: on this one the official chose the GGD.)
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('partnerzicht.register-snapshot.')), undefined, { timeout: 15_000 });
  await page.evaluate((next) => localStorage.setItem('partnerzicht.demo.email-meeting', next), JSON.stringify({ item: { ...item, id: 'typed-veenland-ggd-2' } }));
  env.server.emulator.clearLog();
  await page.reload();
  await page.getByTestId('partner-name').filter({ hasText: veenland }).waitFor();
  await page.getByRole('radio', { name: new RegExp(ggd) }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('radio', { name: new RegExp(veenland) }).isChecked()).toBe(true);
  expect(env.server.emulator.requestLog.filter((r) => r.url.includes('/lists/PartnerLookup/'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
