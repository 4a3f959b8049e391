/**
 * The overview's states that the layout test checks and `npm run screenshots` captures, reached as a
 * person would (tabs by their id, buttons by their name in the page's language).
 */
import type { Page } from 'playwright-core';
import { createTranslator, pickLocale } from '../../src/i18n';

/** A register with every kind of row error at once, long values included, between two good rows. */
export const CSV_WITH_ERRORS = [
  'Naam;Categorie;Domeinen;Accounthouder e-mail;Ritme',
  'Stichting Eerste Goede Regel;zorg;eerstegoederegel.nl;;',
  'Coöperatieve Vereniging Samenwerkende Maatschappelijke Dienstverleners Veenstreek-Noord U.A.;ruimtevaartorganisatie;"gmail.com, co.uk, http://dit is geen domein";accounthouder.van.de.samenwerkende.dienstverleners@@veenstreek-noord;elke week',
  'Stichting Tweede Goede Regel;onderwijs;tweedegoederegel.nl;;90',
].join('\r\n');

/** Domains for the partner form: one a free mail service (an error), one too long for any line. */
export const DOMAINS_WITH_ERROR = 'woonstichtingveenland.nl, gmail.com, dit-is-een-heel-lang-domein-zonder-punt-erin-dat-nergens-kan-afbreken';

export const OVERVIEW_TABS = ['register', 'attention', 'coverage', 'trends', 'suggest', 'agendas', 'reviews', 'setup', 'csv', 'privacy'] as const;

/** Opens a tab of the overview and waits for its panel (and, where it needs every interaction, for them). */
export async function openOverviewTab(page: Page, tab: (typeof OVERVIEW_TABS)[number]): Promise<void> {
  await page.locator(`#overview-tab-${tab}`).click();
  const panel = page.locator(`[role="tabpanel"][aria-labelledby="overview-tab-${tab}"]`);
  await panel.locator(':scope > :not(.fui-Skeleton)').first().waitFor();
}

/** Clicks the first partner's first coverage cell: the interactions behind it open below the table. */
export async function openCoverageCell(page: Page): Promise<void> {
  await openOverviewTab(page, 'coverage');
  await page.getByTestId('coverage-cell').first().click();
  await page.getByTestId('coverage-detail').waitFor();
}

export async function openTrends(page: Page): Promise<void> {
  await openOverviewTab(page, 'trends');
  await page.getByTestId('trends-table').waitFor();
}

export async function importCsvWithErrors(page: Page): Promise<void> {
  await openOverviewTab(page, 'csv');
  await page.getByTestId('csv-file').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_WITH_ERRORS, 'utf8') });
  await page.getByTestId('csv-row-error').waitFor();
}

/** Opens Woonstichting Veenland's page and its edit form, with DOMAINS_WITH_ERROR typed in (not saved yet). */
export async function openPartnerEdit(page: Page, locale: string): Promise<void> {
  const t = createTranslator(pickLocale(locale));
  await openOverviewTab(page, 'register');
  await page.getByTestId('overview-table').getByRole('button', { name: 'Woonstichting Veenland' }).click();
  await page.getByRole('button', { name: t('partnerEdit.edit') }).click();
  await page.getByTestId('partner-edit').getByRole('textbox', { name: t('partnerEdit.domains') }).fill(DOMAINS_WITH_ERROR);
}

/** Saves the form openPartnerEdit filled in: it shows the free mail domain's error. */
export async function savePartnerEditWithError(page: Page, locale: string): Promise<void> {
  const t = createTranslator(pickLocale(locale));
  const form = page.getByTestId('partner-edit');
  await form.getByRole('button', { name: t('common.save') }).click();
  await form.getByText(t('partnerEdit.domain.free-mail', { value: 'gmail.com' }), { exact: false }).waitFor();
}
