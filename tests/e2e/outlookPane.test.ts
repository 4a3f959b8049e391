/**
 * The Outlook pane in the plain-browser demo host, driven in Debian's Chromium: pick a sample
 * email from a partner, see the partner, log a note, reload, and find the note in the timeline.
 */
import type { Page } from 'playwright-core';
import { createDemoData, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
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
  // Saved when the queue has confirmed it: the "being saved" badge goes away.
  await logged.getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });

  await page.reload();
  await page.getByTestId('partner-name').filter({ hasText: partnerName }).waitFor();
  await page.getByTestId('timeline-item').filter({ hasText: summary }).waitFor();
  await page.getByTestId('already-logged').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
