/**
 * Nothing an official enters disappears or is stuck (the pane and the overview's partner page in
 * Debian's Chromium): what a note holds is shown, its author corrects or withdraws it, a conflict is
 * shown and chosen again, each official logs their own note on an email, the "logged" banner says
 * when and by whom and keeps right-to-left text apart, the form says plainly what is missing, and a
 * partner choice belongs to the official who made it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DEMO_SITE_REF } from '../../src/config/appConfig';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { createDemoData, OFFICIALS, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import { makeDemoToken } from '../../src/hosts/browser/demoToken';
import { collectPageErrors, demoEnvironmentForSuite, writeConfirmed } from './browser';

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

/** axe-core as tests/e2e/accessibility.test.ts runs it: no serious or critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const row = (page: Page, text: string) => page.getByTestId('timeline-item').filter({ hasText: text });

/** Logs the note and waits until the server has confirmed it. */
async function logNote(page: Page, title: string, summary: string, department = 'Wonen'): Promise<void> {
  await page.getByRole('combobox', { name: 'Jouw afdeling' }).fill(department);
  await page.getByRole('textbox', { name: 'Korte samenvatting' }).fill(summary);
  await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await writeConfirmed(row(page, title));
}

test("a review's answers and score, its follow-ups and the Woo flag show in the pane's timeline and on the partner page", async () => {
  const { page, errors, close } = await openPane();
  const subject = `Jaargesprek Veenland ${stamp()}`;
  await showEmail(page, subject);
  await chooseOption(page, 'Soort contact', 'Relatiegesprek');
  await page.getByRole('textbox', { name: 'Wat gaat goed (volgens de partner)' }).fill('Korte lijnen met de wijkteams');
  await page.getByRole('textbox', { name: 'Wat kan beter (volgens de partner)' }).fill('Eerder betrekken bij nieuwbouwplannen');
  await page.getByRole('radio', { name: '4' }).check();
  await page.getByRole('textbox', { name: 'Vervolgacties' }).fill('Planning nieuwbouw delen');
  await page.getByRole('checkbox', { name: 'Relevant voor de Woo' }).check();
  await logNote(page, subject, 'Jaarlijks gesprek met de directeur-bestuurder.');

  const shown = async (scope: Page) => {
    const note = row(scope, subject);
    await note.getByTestId('note-goes-well').filter({ hasText: 'Wat gaat goed: Korte lijnen met de wijkteams' }).waitFor();
    await note.getByTestId('note-could-improve').filter({ hasText: 'Wat kan beter: Eerder betrekken bij nieuwbouwplannen' }).waitFor();
    await note.getByText('Relatiegesprek: score 4 van 5').waitFor();
    await note.getByTestId('note-follow-ups').filter({ hasText: 'Vervolgacties: Planning nieuwbouw delen' }).waitFor();
    await note.getByTestId('note-woo').filter({ hasText: 'Woo-relevant' }).waitFor();
  };
  await shown(page);
  await page.reload();
  await shown(page);

  const overview = await page.context().newPage();
  await overview.goto(`${env.server.url}/overview.html`);
  await overview.getByRole('textbox', { name: 'Zoek op naam, alias of domein' }).fill(PARTNER);
  await overview.getByTestId('overview-table').getByRole('button', { name: PARTNER }).click();
  await overview.getByTestId('partner-page').waitFor();
  await shown(overview);
  expect(errors).toEqual([]);
  await close();
});

test('the author corrects a note and everyone sees "bijgewerkt door … op …"; a colleague cannot correct it', async () => {
  const { page, errors, close } = await openPane();
  const subject = `Overleg prestatieafspraken ${stamp()}`;
  await showEmail(page, subject);
  await logNote(page, subject, 'Eerste ronde over de prestatieafspraken.');

  await row(page, subject).getByRole('button', { name: `Bewerken: ${subject}` }).click();
  const form = page.getByTestId('note-edit-form');
  // The form opens with focus in it, and is as accessible as the rest of the pane.
  expect(await form.getByRole('textbox', { name: 'Titel' }).evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('textbox', { name: 'Korte samenvatting' }).fill('Tweede ronde: Veenland levert de lijst met panden.');
  await form.getByRole('textbox', { name: 'Vervolgacties' }).fill('Lijst met panden bespreken');
  await form.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await form.waitFor({ state: 'detached' });
  const note = row(page, subject);
  await note.getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });
  await note.getByText('Tweede ronde: Veenland levert de lijst met panden.').waitFor();
  await note.getByTestId('note-edited').filter({ hasText: /^Bijgewerkt door Marieke Jansen op .+\.$/ }).waitFor();
  await page.reload();
  await row(page, subject).getByTestId('note-edited').filter({ hasText: 'Bijgewerkt door Marieke Jansen' }).waitFor();
  await row(page, subject).getByTestId('note-follow-ups').filter({ hasText: 'Lijst met panden bespreken' }).waitFor();

  await signInAs(page, colleague.name);
  await row(page, subject).getByTestId('note-edited').filter({ hasText: 'Bijgewerkt door Marieke Jansen' }).waitFor();
  expect(await row(page, subject).getByRole('button', { name: /Bewerken|Intrekken/ }).count()).toBe(0);
  expect(errors).toEqual([]);
  await close();
});

test('a correction refused because the note changed meanwhile (412) shows the saved version; the author adjusts theirs, losing nothing they typed', async () => {
  const { page, errors, close } = await openPane();
  const subject = `Afspraak wijkaanpak ${stamp()}`;
  await showEmail(page, subject);
  await logNote(page, subject, 'Afspraken over de wijkaanpak in Oost.');

  await row(page, subject).getByRole('button', { name: `Bewerken: ${subject}` }).click();
  const typed = 'In de pane: Veenland neemt de regie in Oost.';
  await page.getByTestId('note-edit-form').getByRole('textbox', { name: 'Korte samenvatting' }).fill(typed);
  // Meanwhile the note is changed elsewhere (Marieke on another device, or in SharePoint itself).
  const graph = GraphTransport.create({ baseUrl: env.server.url, getAccessToken: async () => makeDemoToken(MARIEKE) });
  const siteId = (await graph.get<{ id: string }>(`/sites/${DEMO_SITE_REF}`)).id;
  const itemId = await page.evaluate(() => JSON.parse(localStorage.getItem('partnerzicht.demo.email-meeting') ?? '{}').item.id as string);
  const found = await graph.get<{ value: Array<{ id: string }> }>(`/sites/${siteId}/lists/Interactions/items?$filter=${encodeURIComponent(`fields/sourceRef eq '${itemId}'`)}`);
  await graph.request('PATCH', `/sites/${siteId}/lists/Interactions/items/${found.value[0].id}/fields`, { body: { summary: 'Op de laptop: regie blijft bij de gemeente.' } });

  await page.getByTestId('note-edit-form').getByRole('button', { name: 'Wijziging opslaan' }).click();
  const conflict = row(page, subject).getByTestId('note-conflict');
  await conflict.getByTestId('note-conflict-summary').filter({ hasText: 'Op de laptop: regie blijft bij de gemeente.' }).waitFor({ timeout: 30_000 });
  await row(page, subject).getByTestId('write-state').filter({ hasText: 'intussen elders gewijzigd' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // Survives a reload: the refused version waits in the queue.
  await page.reload();
  await row(page, subject).getByTestId('note-conflict').waitFor();
  await row(page, subject).getByRole('button', { name: 'Mijn versie aanpassen' }).click();
  const form = page.getByTestId('note-edit-form');
  expect(await form.getByRole('textbox', { name: 'Korte samenvatting' }).inputValue()).toBe(typed);
  await form.getByRole('textbox', { name: 'Korte samenvatting' }).fill(`${typed} Laptopversie gezien.`);
  await form.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await form.waitFor({ state: 'detached' });
  await row(page, subject).getByText(`${typed} Laptopversie gezien.`).waitFor();
  await row(page, subject).getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });
  expect(await row(page, subject).getByTestId('note-conflict').count()).toBe(0);
  await page.reload();
  await row(page, subject).getByText(`${typed} Laptopversie gezien.`).waitFor();
  // The browser logs the refused request (412) itself; nothing else went wrong.
  expect(errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  await close();
});

test('the author withdraws a note with a reason: it stays, marked "ingetrokken door … op …: reden", and the email can be logged again', async () => {
  const { page, errors, close } = await openPane();
  const subject = `Dubbel overleg ${stamp()}`;
  await showEmail(page, subject);
  await logNote(page, subject, 'Per ongeluk twee keer vastgelegd overleg.');
  expect(await page.getByTestId('note-form').count()).toBe(0);

  await row(page, subject).getByRole('button', { name: `Intrekken: ${subject}` }).click();
  const form = page.getByTestId('note-withdraw-form');
  await form.getByRole('button', { name: 'Contactmoment intrekken' }).click();
  await form.getByText('Reden van intrekken is verplicht.').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('textbox', { name: 'Reden van intrekken' }).fill('Hoort bij Thuisbaas Wonen');
  await form.getByText('Reden van intrekken is verplicht.').waitFor({ state: 'detached' });
  await form.getByRole('button', { name: 'Contactmoment intrekken' }).click();
  const note = row(page, subject);
  await note.getByTestId('write-state').waitFor({ state: 'detached', timeout: 30_000 });
  await note.getByTestId('note-withdrawn').filter({ hasText: /^Ingetrokken door Marieke Jansen op .+: Hoort bij Thuisbaas Wonen$/ }).waitFor();
  // The text stays on record; nothing more to do with a withdrawn note; the email is no longer "logged by you".
  await note.getByText('Per ongeluk twee keer vastgelegd overleg.').waitFor();
  expect(await note.getByRole('button', { name: /Bewerken|Intrekken/ }).count()).toBe(0);
  await page.getByTestId('note-form').waitFor();
  await page.reload();
  await row(page, subject).getByTestId('note-withdrawn').filter({ hasText: 'Hoort bij Thuisbaas Wonen' }).waitFor();
  await page.getByTestId('note-form').waitFor();
  expect(await page.getByTestId('logged-mine').count()).toBe(0);
  expect(errors).toEqual([]);
  await close();
});

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
  await writeConfirmed(page.getByTestId('timeline-item').filter({ hasText: 'bedrijfsruimte in de plint' }));
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
