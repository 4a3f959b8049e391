/**
 * The overview's states that the layout test checks and `npm run screenshots` captures, reached as a
 * person would (tabs by their id, buttons by their name in the page's language).
 */
import type { Page } from 'playwright-core';
import { createTranslator, loadCatalogue, pickLocale, type Translate } from '../../src/i18n';

/** The app's words in a browser locale, as the page says them (English is a chunk the app loads on demand: src/i18n/index.ts). */
export async function translatorFor(locale: string): Promise<Translate> {
  const language = pickLocale(locale);
  await loadCatalogue(language);
  return createTranslator(language);
}

/** A register with every kind of row error at once, long values included, between two good rows. */
export const CSV_WITH_ERRORS = [
  'Naam;Categorie;Domeinen;Accounthouder e-mail;Ritme',
  'Stichting Eerste Goede Regel;zorg;eerstegoederegel.nl;;',
  'Coöperatieve Vereniging Samenwerkende Maatschappelijke Dienstverleners Veenstreek-Noord U.A.;ruimtevaartorganisatie;"gmail.com, co.uk, http://dit is geen domein";accounthouder.van.de.samenwerkende.dienstverleners@@veenstreek-noord;elke week',
  'Stichting Tweede Goede Regel;onderwijs;tweedegoederegel.nl;;90',
].join('\r\n');

/** Domains for the partner form: one a free mail service (an error), one too long for any line. */
export const DOMAINS_WITH_ERROR = 'woonstichtingveenland.nl, gmail.com, dit-is-een-heel-lang-domein-zonder-punt-erin-dat-nergens-kan-afbreken';

export const OVERVIEW_TABS = ['register', 'weekAhead', 'attention', 'coverage', 'trends', 'suggest', 'agendas', 'reviews', 'proposals', 'setup', 'csv', 'privacy'] as const;

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

/** "Mijn komende partnerafspraken": the demo calendar's partner meetings, each with its briefing. */
export async function openWeekAhead(page: Page): Promise<void> {
  await openOverviewTab(page, 'weekAhead');
  await page.getByTestId('week-ahead-meeting').first().waitFor();
}

/** A manager's "Afspraken van mijn medewerkers": the shared colleague's partner meetings, the other "not shared". */
export async function openTeamWeekAhead(page: Page, locale: string): Promise<void> {
  await openWeekAhead(page);
  const team = page.getByTestId('week-ahead-team');
  await team.getByRole('button', { name: locale.startsWith('nl') ? 'Afspraken van mijn medewerkers tonen' : "Show my team's meetings" }).click();
  await team.getByTestId('week-ahead-not-shared').waitFor();
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
  const t = await translatorFor(locale);
  await openOverviewTab(page, 'register');
  await page.getByTestId('overview-table').getByRole('button', { name: 'Woonstichting Veenland' }).click();
  await page.getByRole('button', { name: t('partnerEdit.edit') }).click();
  await page.getByTestId('partner-edit').getByRole('textbox', { name: t('partnerEdit.domains') }).fill(DOMAINS_WITH_ERROR);
}

/** Saves the form openPartnerEdit filled in: it shows the free mail domain's error. */
export async function savePartnerEditWithError(page: Page, locale: string): Promise<void> {
  const t = await translatorFor(locale);
  const form = page.getByTestId('partner-edit');
  await form.getByRole('button', { name: t('common.save') }).click();
  await form.getByText(t('partnerEdit.domain.free-mail', { value: 'gmail.com' }), { exact: false }).waitFor();
}

/** The proposals a register owner reviews (accept, merge, reject). */
export async function openProposals(page: Page): Promise<void> {
  await openOverviewTab(page, 'proposals');
  await page.getByTestId('proposals-role').waitFor();
}

/** The AVG search for one person (found by name), with what is stored about them. */
export async function searchPerson(page: Page, locale: string, person: string): Promise<void> {
  const t = await translatorFor(locale);
  await openOverviewTab(page, 'privacy');
  await page.getByRole('textbox', { name: t('privacy.query') }).fill(person);
  await page.getByRole('button', { name: t('privacy.search') }).click();
  await page.getByTestId('privacy-findings').waitFor();
}

let ownEmails = 0;

/**
 * A fresh email from the housing corporation through the demo bar's own message (so that no earlier
 * run has logged it already), with a subject in the reader's language.
 */
export async function showOwnEmail(page: Page, locale: string): Promise<void> {
  const t = await translatorFor(locale);
  // The demo bar's own message is a <details>: opened unless an earlier state left it open.
  if (!(await page.getByTestId('demo-from').isVisible())) await page.getByText(t('demo.custom'), { exact: true }).click();
  await page.getByTestId('demo-from').fill('"Dijk, Henk van" <h.vandijk@woonstichtingveenland.nl>');
  await page.getByTestId('demo-subject').fill(`${locale.startsWith('nl') ? 'Planning nieuwbouw Veenpolder' : 'Planning the Veenpolder new homes'} (${Date.now().toString(36)}${ownEmails++})`);
  await page.getByRole('button', { name: t('demo.apply') }).click();
  await page.getByRole('button', { name: t('note.submit') }).waitFor({ timeout: 30_000 });
}

/** The pane's note form sent with an empty summary (on a fresh email): it says plainly what is missing. */
export async function submitEmptyNote(page: Page, locale: string): Promise<void> {
  const t = await translatorFor(locale);
  await showOwnEmail(page, locale);
  await page.getByRole('button', { name: t('note.submit') }).click();
  await page.getByText(t('error.required', { field: t('note.field.summary') })).first().waitFor();
}

/** The pane's note logged: the banner says when and by whom, and what tagging the email did (the demo's stand-in for Outlook). */
export async function logNote(page: Page, locale: string): Promise<void> {
  const t = await translatorFor(locale);
  await page.getByRole('textbox', { name: t('note.field.summary') }).fill(locale.startsWith('nl') ? 'Gesproken over de planning van de nieuwbouw en de volgende stappen.' : 'Discussed the planning of the new homes and the next steps.');
  await page.getByRole('button', { name: t('note.submit') }).click();
  await page.getByTestId('logged-mine').waitFor({ timeout: 30_000 });
  await page.getByTestId('tag-result').waitFor();
}

/** "Vraag de partner om feedback" on a fresh email from the housing corporation: the demo shows the email Outlook would open (scrolled to). */
export async function askPartnerFeedback(page: Page, locale: string): Promise<void> {
  const t = await translatorFor(locale);
  await showOwnEmail(page, locale);
  await page.getByRole('button', { name: t('feedback.ask') }).click();
  await page.getByTestId('demo-compose').waitFor();
  await page.getByTestId('ask-feedback-result').waitFor();
  await page.getByTestId('demo-compose').evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** The partner's simulated reply to askPartnerFeedback's email, opened: its answers put in the note form as a review (scrolled to). */
export async function fillFeedbackReply(page: Page): Promise<void> {
  await page.getByTestId('demo-simulate-reply').click();
  await page.getByTestId('demo-sample').click();
  await page.getByRole('option', { name: /PZ-/ }).last().click();
  await page.getByTestId('feedback-reply-log').click();
  const filled = page.getByTestId('feedback-reply').filter({ hasNot: page.getByTestId('feedback-reply-log') });
  await filled.waitFor();
  await filled.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** The pane of a meeting: "Voor deze afspraak", the week ahead's briefing for its partner, scrolled into view. */
export async function showPaneBriefing(page: Page): Promise<void> {
  await page.getByTestId('pane-briefing').waitFor();
  await page.locator('#pane-briefing-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** The meeting panel's attendance button (as the organizer): the partner's attendees from the Teams report, scrolled into view. */
export async function takeAttendance(page: Page, locale: string): Promise<void> {
  const t = await translatorFor(locale);
  await page.getByRole('button', { name: t('attendance.button') }).click();
  const attendance = page.getByTestId('meeting-attendance');
  await attendance.getByTestId('attendance-list').waitFor();
  await attendance.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** "Relatiegesprekken": the review schedule, with the feedback asked of each partner (asked, answered, overdue). */
export async function openFeedbackSchedule(page: Page): Promise<void> {
  await openOverviewTab(page, 'reviews');
  for (const state of ['asked', 'answered', 'overdue']) await page.locator(`[data-testid="reviews-feedback"][data-state="${state}"]`).first().waitFor();
}
