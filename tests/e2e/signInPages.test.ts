/**
 * The sign-in pages (auth-office.html, auth-teams.html) in Debian's Chromium, production build, under
 * the production Content-Security-Policy. Opened on their own, outside the window Outlook or Teams
 * opens for them, they must say so in the official's language instead of hanging or failing silently.
 */
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(120_000);

const env = demoEnvironmentForSuite();

test.each([
  ['auth-office.html', 'nl-NL', 'Deze pagina hoort bij het aanmelden vanuit Outlook of Teams'],
  ['auth-teams.html', 'en-GB', 'This page is part of signing in from Outlook or Teams'],
])('%s opened on its own says where it belongs (%s)', async (page, locale, text) => {
  const context = await env.browser.newContext({ locale });
  const tab = await context.newPage();
  const errors = collectPageErrors(tab);
  await tab.goto(`${env.server.url}/${page}`);
  await tab.getByRole('alert').filter({ hasText: text }).waitFor({ timeout: 20_000 });
  // Office.js cannot come from Microsoft's CDN here (no network); nothing else may fail, CSP least of all.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await context.close();
});
