/**
 * Nothing an official enters disappears or is stuck (the pane in Debian's Chromium): each official
 * logs their own note on an email, the "logged" banner says when and by whom and keeps right-to-left
 * text apart, the form says plainly what is missing, and a partner choice belongs to the official
 * who made it.
 */
import type { Page } from 'playwright-core';
import { createDemoData, OFFICIALS, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(180_000);

const env = demoEnvironmentForSuite();
const demo = createDemoData();
const MARIEKE = OFFICIALS[0];
const colleague = OFFICIALS.find((o) => o.department === 'Economie')!;
const PARTNER = 'Woonstichting Veenland';
const FROM = '"Dijk, Henk van" <h.vandijk@woonstichtingveenland.nl>';
let counter = 0;
const stamp = () => `${Date.now().toString(36)}${counter++}`;

async function openPane(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 400, height: 1000 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('demo-bar').waitFor();
  return { page, errors, close: () => context.close() };
}

async function pickFromDropdown(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: option }).click();
}

async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** An email of the official's own (the demo bar's "Eigen bericht"), from the partner: a fresh item per test. */
async function showEmail(page: Page, subject: string): Promise<void> {
  await page.getByText('Eigen bericht', { exact: true }).click();
  await page.getByTestId('demo-from').fill(FROM);
  await page.getByTestId('demo-subject').fill(subject);
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await page.getByTestId('partner-name').filter({ hasText: PARTNER }).waitFor();
}

async function signInAs(page: Page, name: string): Promise<void> {
  await pickFromDropdown(page, 'demo-user', name);
  await page.waitForLoadState('load');
  await page.getByTestId('demo-user').filter({ hasText: name }).waitFor();
}

const row = (page: Page, text: string) => page.getByTestId('timeline-item').filter({ hasText: text });

/** Logs the note and waits until the server has confirmed it. */
async function logNote(page: Page, title: string, summary: string, department = 'Wonen'): Promise<void> {
  await page.getByRole('combobox', { name: 'Jouw afdeling' }).fill(department);
  await page.getByRole('textbox', { name: 'Korte samenvatting' }).fill(summary);
  await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await row(page, title).getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });
}

test("two officials on the same email each log their own note and see the other's, with when and by whom it was logged", async () => {
  const { page, errors, close } = await openPane();
  const subject = `Gezamenlijk overleg ${stamp()}`;
  await showEmail(page, subject);
  await logNote(page, subject, 'Overleg over de wijkaanpak met Veenland.');
  await page.getByTestId('logged-mine').filter({ hasText: /^Al vastgelegd door jou op \d+ \S+ \d{4}, \d{2}:\d{2}\.$/ }).waitFor();

  await signInAs(page, colleague.name);
  // The colleague sees who logged it and when, and may log their own contact.
  await page.getByTestId('logged-other').filter({ hasText: `Ook vastgelegd door Marieke Jansen (Wonen) op` }).filter({ hasText: subject }).waitFor();
  expect(await page.getByTestId('logged-mine').count()).toBe(0);
  await page.getByRole('combobox', { name: 'Jouw afdeling' }).fill('Economie');
  await page.getByRole('textbox', { name: 'Korte samenvatting' }).fill('Economische kant: bedrijfsruimte in de plint.');
  await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await page.getByTestId('logged-mine').waitFor();
  await page.getByTestId('timeline-item').filter({ hasText: 'bedrijfsruimte in de plint' }).getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });
  await row(page, subject).nth(1).waitFor();
  expect(await row(page, subject).count()).toBe(2);

  await signInAs(page, MARIEKE.name);
  await page.getByTestId('logged-mine').waitFor();
  await page.getByTestId('logged-other').filter({ hasText: `Ook vastgelegd door ${colleague.name} (Economie) op` }).waitFor();
  expect(await page.getByTestId('note-form').count()).toBe(0);
  expect(errors).toEqual([]);
  await close();
});

test('the "logged" banner keeps an Arabic or Hebrew subject apart from its own sentences', async () => {
  const { page, errors, close } = await openPane();
  const subject = `اجتماع حول السكن ${stamp()} עם ועד הדיירים`;
  await showEmail(page, subject);
  await logNote(page, subject, 'Overleg met de bewonerscommissie over renovatie.');
  const banner = page.getByTestId('already-logged');
  const title = banner.getByTestId('logged-title');
  await title.waitFor();
  expect(await title.getAttribute('dir')).toBe('auto');
  expect(await title.textContent()).toBe(subject);
  // The sentence about who and when is an element of its own, with its full stop, holding no user text.
  expect(await banner.getByTestId('logged-mine').textContent()).toMatch(/^Al vastgelegd door jou op [^\u0590-\u06FF]+\.$/);

  await signInAs(page, colleague.name);
  const other = page.getByTestId('logged-other');
  await other.waitFor();
  // The subject and the names are isolated, so they cannot reorder "Ook vastgelegd door … op …".
  expect(await other.locator('bdi').allTextContents()).toEqual(['Marieke Jansen', 'Wonen', subject]);
  expect(await other.evaluate((li) => li.firstChild?.textContent)).toBe('Ook vastgelegd door ');
  expect(errors).toEqual([]);
  await close();
});

test('the note form says plainly what is missing: an empty or one-word summary is not logged, and a message goes as soon as the field is right', async () => {
  const { page, errors, close } = await openPane();
  const subject = `Kort contact ${stamp()}`;
  await showEmail(page, subject);
  const form = page.getByTestId('note-form');
  await form.getByRole('textbox', { name: 'Titel' }).fill('');
  await form.getByRole('combobox', { name: 'Jouw afdeling' }).fill('Wonen');
  await form.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await form.getByText('Titel is verplicht.').waitFor();
  await form.getByText('Korte samenvatting is verplicht.').waitFor();
  expect(await page.getByTestId('queue-pending').count()).toBe(0);

  // The title's message goes the moment it is filled in, without sending again.
  await form.getByRole('textbox', { name: 'Titel' }).fill(subject);
  await form.getByText('Titel is verplicht.').waitFor({ state: 'detached' });
  await form.getByRole('textbox', { name: 'Korte samenvatting' }).fill('Gebeld');
  await form.getByText('Korte samenvatting is te kort: schrijf in minstens 3 woorden wat er besproken is.').waitFor();
  await form.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  expect(await row(page, subject).count()).toBe(0);
  await form.getByRole('textbox', { name: 'Korte samenvatting' }).fill('Gebeld, geen gehoor.');
  await form.getByText(/te kort/).waitFor({ state: 'detached' });
  await form.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await row(page, subject).getByText('Gebeld, geen gehoor.').waitFor();
  expect(errors).toEqual([]);
  await close();
});

test('a choice between partners belongs to the official who made it: a colleague on the same device chooses for themselves', async () => {
  const { page, errors, close } = await openPane();
  const item = SAMPLE_ITEMS.find((s) => s.id === 'sample-two-corporations')!;
  const [, second] = SAMPLE_EXPECTATIONS[item.id].partnerIds;
  const secondName = demo.partners.find((p) => p.id === second)!.name;
  await pickFromDropdown(page, 'demo-sample', item.subject);
  await page.getByRole('radio', { name: new RegExp(secondName) }).check();
  await page.getByTestId('partner-name').filter({ hasText: secondName }).waitFor();
  await page.getByText('door jou gekozen').waitFor();

  await signInAs(page, colleague.name);
  await page.getByText('Meerdere partners herkend').waitFor();
  expect(await page.getByText('door jou gekozen').count()).toBe(0);
  expect(await page.getByTestId('partner-name').count()).toBe(0);
  expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);

  // And the first official's choice is still theirs.
  await signInAs(page, MARIEKE.name);
  await page.getByTestId('partner-name').filter({ hasText: secondName }).waitFor();
  await page.getByText('door jou gekozen').waitFor();
  expect(errors).toEqual([]);
  await close();
});
