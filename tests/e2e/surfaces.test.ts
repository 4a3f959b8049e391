/** The Teams meeting panel and the overview tab in the plain-browser demo host, in Debian's Chromium. */
import { createDemoData, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

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
  await page.getByTestId('overview-table').waitFor();
  const active = demo.partners.filter((p) => p.status !== 'inactive').length;
  await page.getByTestId('overview-count').filter({ hasText: `${active} partners` }).waitFor();
  expect(await page.getByTestId('overview-table').locator('tbody tr').count()).toBe(active);
  await page.getByRole('textbox', { name: 'Zoek op naam, alias of domein' }).fill('woonstichtingveenland.nl');
  await page.getByTestId('overview-count').filter({ hasText: '1 partners' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
