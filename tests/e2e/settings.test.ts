/**
 * "Instellingen van de gemeente" in the setup tab, in Chromium against the demo server: an administrator edits
 * the Settings list's lists here, what detection would not read is refused on its field, what is typed
 * survives a reload until it is saved, and a save writes only the lists that changed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DEMO_SITE_REF } from '../../src/config/appConfig';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { createDemoData } from '../../src/demo';
import { OFFICIALS } from '../../src/demo/municipality';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(120_000);
const env = demoEnvironmentForSuite();
const demo = createDemoData();

async function openSettings(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/overview.html`);
  await page.getByTestId('overview-table').waitFor();
  await page.getByRole('tab', { name: 'Inrichting' }).click();
  await page.getByTestId('settings-departments').waitFor();
}

test('an administrator edits the settings: refused entries said on their field, the draft kept over a reload, only the changed lists saved', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await openSettings(page);
  const field = (name: string) => page.getByRole('textbox', { name, exact: false });
  const departments = field('Afdelingen');
  const internal = field('Eigen domeinen van de gemeente');
  expect((await departments.inputValue()).split('\n')).toEqual(demo.settings.departments);
  expect((await internal.inputValue()).split('\n')).toEqual(demo.settings.internalDomains);

  await departments.fill(`${await departments.inputValue()}\nCultuur en sport`);
  await internal.fill(`${await internal.inputValue()}\ngmail.com`);
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await page.getByTestId('settings-outcome').getByText('Nog niet opgeslagen: verbeter eerst wat bij de velden staat.').waitFor();
  await page.getByText('gmail.com is een gratis e-maildienst en wijst geen organisatie aan').waitFor();

  // Closed before saving: the next open shows what was typed, and says it is not saved yet.
  await page.waitForTimeout(600);
  await openSettings(page);
  expect(await departments.inputValue()).toContain('Cultuur en sport');
  expect(await internal.inputValue()).toContain('gmail.com');
  await page.getByTestId('settings-unsaved').waitFor();

  await internal.fill(demo.settings.internalDomains.join('\n'));
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await page.getByTestId('settings-outcome').getByText('Instellingen opgeslagen.').waitFor();

  const repository = SharePointPartnerRepository.create({ baseUrl: env.server.url, getAccessToken: async () => makeDemoToken(OFFICIALS[0]), siteRef: DEMO_SITE_REF });
  const stored = await repository.getSettings();
  expect(stored.departments).toEqual([...demo.settings.departments, 'Cultuur en sport']);
  expect(stored.internalDomains).toEqual(demo.settings.internalDomains);
  expect(stored.ignoredAddresses).toEqual(demo.settings.ignoredAddresses);
  expect(stored.registerOwners).toEqual(demo.settings.registerOwners);
  // One PATCH of the Settings item, with only the list that changed.
  const patches = env.server.emulator.requestLog.filter((r) => r.method === 'PATCH' && /\/lists\/Settings\//.test(r.url));
  expect(patches).toHaveLength(1);

  // Saved: a reload shows the stored lists, no draft left.
  await openSettings(page);
  expect((await departments.inputValue()).split('\n')).toEqual(stored.departments);
  expect(await page.getByTestId('settings-unsaved').count()).toBe(0);

  const axe = await new AxeBuilder({ page }).include('[data-testid="settings"]').exclude('[data-tabster-dummy]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
