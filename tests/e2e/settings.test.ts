/**
 * "Instellingen van de gemeente" in the setup tab, in Chromium against the demo server: an administrator edits
 * the Settings list's lists here, what detection would not read is refused on its field, what is typed
 * survives a reload until it is saved, and a save writes only the lists that changed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { createDemoData } from '../../src/demo';
import { OFFICIALS } from '../../src/demo/municipality';
import { collectPageErrors, demoEnvironmentForSuite, liveOverview, repositoryAs } from './browser';

jest.setTimeout(120_000);
const env = demoEnvironmentForSuite();
const demo = createDemoData();

async function openSettings(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/overview.html`);
  await liveOverview(page);
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
  await page.getByText('gmail.com is een e-maildienst voor iedereen (gratis mail, of een platform zoals Teams) en wijst geen organisatie aan').waitFor();

  // Closed before saving: the next open shows what was typed, and says it is not saved yet.
  await page.waitForTimeout(600);
  await openSettings(page);
  expect(await departments.inputValue()).toContain('Cultuur en sport');
  expect(await internal.inputValue()).toContain('gmail.com');
  await page.getByTestId('settings-unsaved').waitFor();

  await internal.fill(demo.settings.internalDomains.join('\n'));
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await page.getByTestId('settings-outcome').getByText('Instellingen opgeslagen.').waitFor();

  const repository = repositoryAs(env.server, OFFICIALS[0]);
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

test('a colleague\'s save is never undone: a list left alone shows it after a save, and the same list changed on both sides is the administrator\'s choice', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const colleague = repositoryAs(env.server, OFFICIALS[1]);
  const colleagueAdds = async (department: string) => {
    const now = await colleague.getSettings();
    await colleague.saveSettings({ departments: [...now.departments, department] }, { base: { departments: now.departments } });
  };
  await openSettings(page);
  const departments = page.getByRole('textbox', { name: 'Afdelingen', exact: false });
  const themes = page.getByRole('textbox', { name: "Thema's", exact: false });
  const save = () => page.getByRole('button', { name: 'Instellingen opslaan' }).click();

  // The administrator adds a theme while a colleague adds a department: both stand, and the form shows both.
  await themes.fill(`${await themes.inputValue()}\nSport`);
  await colleagueAdds('Digitalisering');
  await save();
  await page.getByTestId('settings-outcome').getByText('Instellingen opgeslagen.').waitFor();
  expect(await departments.inputValue()).toContain('Digitalisering');
  expect((await colleague.getSettings()).departments).toContain('Digitalisering');
  expect((await colleague.getSettings()).themes).toContain('Sport');

  // Both change the departments: the save is refused, the field says what is stored now, nothing typed is gone.
  await departments.fill(`${await departments.inputValue()}\nKlimaat`);
  await colleagueAdds('Archief');
  await save();
  await page.getByTestId('settings-outcome').getByText('Niet opgeslagen: iemand anders heeft intussen dezelfde lijst gewijzigd.', { exact: false }).waitFor();
  const conflict = page.getByTestId('settings-conflict-departments');
  await conflict.getByText('Archief', { exact: false }).waitFor();
  expect(await departments.inputValue()).toContain('Klimaat');
  await conflict.getByRole('button', { name: 'Mijn versie houden' }).click();
  await save();
  await page.getByTestId('settings-outcome').getByText('Instellingen opgeslagen.').waitFor();
  const chosen = (await colleague.getSettings()).departments;
  expect(chosen).toContain('Klimaat');
  expect(chosen).not.toContain('Archief');

  // A draft kept on the device meets the colleague's save at the next open: the choice is offered at once.
  await departments.fill(`${await departments.inputValue()}\nErfgoed`);
  await page.waitForTimeout(600);
  await colleagueAdds('Openbare ruimte');
  await openSettings(page);
  await page.getByTestId('settings-conflict-departments').getByRole('button', { name: 'Opgeslagen versie overnemen' }).click();
  expect(await departments.inputValue()).toContain('Openbare ruimte');
  expect(await departments.inputValue()).not.toContain('Erfgoed');
  expect(await page.getByTestId('settings-unsaved').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
