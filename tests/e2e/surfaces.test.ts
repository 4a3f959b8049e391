/** The Teams meeting panel and the overview tab in the plain-browser demo host, in Debian's Chromium. */
import { createDemoData, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { collectPageErrors, demoEnvironmentForSuite, liveOverview } from './browser';

jest.setTimeout(120_000);

const env = demoEnvironmentForSuite();

const demo = createDemoData();

test('the meeting panel recognises the partner of the first sample meeting, in English when Teams says so', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/meeting.html`);
  const meeting = SAMPLE_ITEMS.find((s) => s.kind === 'meeting');
  const expectedId = meeting && SAMPLE_EXPECTATIONS[meeting.id].partnerIds[0];
  const name = demo.partners.find((p) => p.id === expectedId)?.name ?? 'missing';
  await page.getByTestId('partner-name').filter({ hasText: name }).waitFor();
  await page.getByRole('heading', { name: 'Log this meeting' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(errors).toEqual([]);
  await context.close();
});

test('the overview lists every partner of the register and counts those gone quiet', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/overview.html`);
  await liveOverview(page);
  const active = demo.partners.filter((p) => p.status !== 'inactive').length;
  await page.getByTestId('overview-count').filter({ hasText: `${active} partners` }).waitFor();
  expect(await page.getByTestId('overview-table').locator('tbody tr').count()).toBe(active);
  await page.getByRole('textbox', { name: 'Zoek op naam, alias of domein' }).fill('woonstichtingveenland.nl');
  await page.getByTestId('overview-count').filter({ hasText: /^1 partner ·/ }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('a second open is served by the service worker and detects from the register snapshot', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('partner-name').waitFor();
  // Installed when the browser is idle after the first open; it stores the build's hashed scripts.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  // Second open, with Graph's register read held back: the partner is recognised from the snapshot
  // (the register read is not even answered until the partner is on screen).
  let releaseRegister: () => void = () => undefined;
  const registerHeld = new Promise<void>((resolve) => (releaseRegister = resolve));
  let held = 0;
  await page.route(/\/lists\/Partners\/items\?/, async (route) => {
    held += 1;
    await registerHeld;
    await route.continue();
  });
  await page.reload();
  await page.getByTestId('partner-name').waitFor();
  const fromWorker = await page.evaluate(() => ({
    controlled: !!navigator.serviceWorker.controller,
    scripts: performance.getEntriesByType('resource').filter((e) => /\.[0-9a-f]{8}\.js$/.test(e.name)).map((e) => (e as PerformanceResourceTiming).workerStart > 0),
  }));
  // The current register is still read from Graph (when the browser is idle), and only then answered.
  for (let i = 0; i < 100 && held === 0; i++) await page.waitForTimeout(100);
  releaseRegister();
  expect(held).toBe(1);
  expect(fromWorker.controlled).toBe(true);
  expect(fromWorker.scripts.length).toBeGreaterThan(0);
  expect(fromWorker.scripts.every(Boolean)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test("a pane opened before opens without a connection: the service worker serves its page, and the pane shows this device's copy and says it is offline", async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  const email = SAMPLE_ITEMS.find((s) => s.kind === 'email')!;
  const name = demo.partners.find((p) => p.id === SAMPLE_EXPECTATIONS[email.id].partnerIds[0])!.name;
  await page.getByTestId('partner-name').filter({ hasText: name }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // This device's copies, written when the browser is idle: the partner's context and the register.
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('partnerzicht.context.') && key !== 'partnerzicht.context.order'));
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('partnerzicht');
        open.onsuccess = () => {
          const request = open.result.transaction('snapshots').objectStore('snapshots').count();
          request.onsuccess = () => resolve(request.result > 0);
          request.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
  );

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('partner-name').filter({ hasText: name }).waitFor();
  await page.getByTestId('offline').waitFor();
  await page.getByTestId('context-saved').filter({ hasText: 'Je ziet de gegevens zoals dit apparaat ze op' }).waitFor();
  // Offline is not an error to act on: no retry button, the pane reads again when the connection is back.
  expect(await page.getByTestId('load-error').count()).toBe(0);
  await context.setOffline(false);
  await page.getByTestId('offline').waitFor({ state: 'detached' });
  await page.getByTestId('context-saved').waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByTestId('partner-name').filter({ hasText: name }).waitFor();
  // Requests that failed while offline are expected console noise; nothing else is.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(e))).toEqual([]);
  await context.close();
});
