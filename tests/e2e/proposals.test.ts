/**
 * Proposed partners end to end, in Debian's Chromium against the seeded demo: an official proposes a
 * partner in the pane and logs a note on it; a register owner decides in the overview (merge, reject,
 * accept); the proposer reads the outcome in the pane, and detection follows the decision.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLE_ITEMS } from '../../src/demo';
import { OFFICIALS } from '../../src/demo/municipality';
import { DEMO_LOOK_KEY } from '../../src/hosts/browser/demoLook';
import { collectPageErrors, demoEnvironmentForSuite, writeConfirmed } from './browser';

jest.setTimeout(240_000);

const env = demoEnvironmentForSuite();
const MARIEKE = OFFICIALS.find((o) => o.email === 'm.jansen@veenhaven.nl')!;
const JEROEN = OFFICIALS.find((o) => o.email === 'j.vanleeuwen@veenhaven.nl')!;

/** A browser of one official: the demo's "signed in as" set before the first page runs. */
async function browserOf(official: (typeof OFFICIALS)[number]): Promise<{ context: BrowserContext; open(path: string): Promise<Page>; errors: string[] }> {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 1000 } });
  const look = JSON.stringify({ user: { email: official.email, name: official.name }, locale: 'nl-NL', theme: 'default' });
  await context.addInitScript(([key, value]) => localStorage.getItem(key) || localStorage.setItem(key, value), [DEMO_LOOK_KEY, look] as const);
  const errors: string[] = [];
  return {
    context,
    errors,
    open: async (path) => {
      const page = await context.newPage();
      const own = collectPageErrors(page);
      page.on('close', () => errors.push(...own));
      await page.goto(`${env.server.url}/${path}`);
      return page;
    },
  };
}

async function pickSample(page: Page, id: string): Promise<void> {
  const sample = SAMPLE_ITEMS.find((s) => s.id === id)!;
  await page.getByTestId('demo-sample').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: sample.subject }).click();
}

async function typeEmail(page: Page, from: string, subject: string): Promise<void> {
  await page.getByText('Eigen bericht').click();
  await page.getByTestId('demo-from').fill(from);
  await page.getByTestId('demo-to').fill('m.jansen@veenhaven.nl');
  await page.getByTestId('demo-subject').fill(subject);
  await page.getByRole('button', { name: 'Toepassen' }).click();
}

async function propose(page: Page, domain: string, name: string): Promise<void> {
  await page.getByTestId('no-partner').waitFor();
  await page.getByRole('button', { name: `Koppel ${domain} aan een partner` }).click();
  await page.getByTestId('link-domain').getByRole('textbox', { name: 'Naam van de organisatie' }).fill(name);
  await page.getByTestId('link-domain').getByRole('button', { name: 'Partner voorstellen' }).click();
  // The proposal is detected at once (the pane counts what is still queued), so the official can log what happened.
  await page.getByTestId('partner-name').filter({ hasText: name }).waitFor();
  await page.getByTestId('queue-pending').waitFor({ state: 'detached', timeout: 30_000 });
}

async function proposalsTab(page: Page): Promise<void> {
  await page.getByTestId('overview-table').waitFor();
  await page.getByRole('tab', { name: 'Voorstellen' }).click();
  await page.getByTestId('proposals-role').waitFor();
}

const expectNoErrors = (errors: string[]) => expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);

test('a partner proposed in the pane, with a note logged on it, is merged by a register owner into an existing partner; the proposer is told and the domain finds that partner', async () => {
  const marieke = await browserOf(MARIEKE);
  const pane = await marieke.open('outlook.html');
  await pickSample(pane, 'sample-onbekend-domein');
  await propose(pane, 'buurtkrachtveenhaven.nl', 'Buurtkracht Veenhaven');
  const summary = `Kennismaking Buurtkracht ${Date.now()}`;
  await pane.getByRole('combobox', { name: 'Jouw afdeling' }).fill('Sociaal Domein');
  await pane.getByRole('textbox', { name: 'Korte samenvatting' }).fill(summary);
  await pane.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
  await writeConfirmed(pane.getByTestId('timeline-item').filter({ hasText: summary }));

  // The proposer sees the proposal in the overview, read-only, and who decides.
  const overview = await marieke.open('overview.html');
  await proposalsTab(overview);
  expect(await overview.getByTestId('proposals-role').textContent()).toContain('Alleen registerbeheerders beslissen over voorstellen (j.vanleeuwen@veenhaven.nl)');
  const row = overview.getByTestId('proposal-row').filter({ hasText: 'Buurtkracht Veenhaven' });
  await row.filter({ hasText: 'Marieke Jansen' }).waitFor();
  expect(await row.getByRole('button').count()).toBe(0);

  // The register owner merges it into the existing foundation it belongs to.
  const jeroen = await browserOf(JEROEN);
  const owner = await jeroen.open('overview.html');
  await proposalsTab(owner);
  expect(await owner.getByTestId('proposals-role').textContent()).toContain('Je bent registerbeheerder');
  await owner.getByRole('button', { name: 'Samenvoegen…: Buurtkracht Veenhaven' }).click();
  const dialog = owner.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
  await dialog.getByText('Kies de partner waarmee je het voorstel samenvoegt.').waitFor();
  await dialog.getByRole('combobox', { name: 'Bestaande partner' }).pressSequentially('Welzijn');
  await owner.getByRole('option', { name: 'Stichting Welzijn Veenhaven' }).click();
  await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
  const decided = owner.getByTestId('decided-row').filter({ hasText: 'Buurtkracht Veenhaven' });
  await decided.filter({ hasText: 'Samengevoegd met Stichting Welzijn Veenhaven' }).waitFor();
  await decided.getByTestId('decision-pending').waitFor({ state: 'detached', timeout: 60_000 });
  expect(await owner.getByTestId('proposal-row').filter({ hasText: 'Buurtkracht Veenhaven' }).count()).toBe(0);

  // The proposer's next open (another device: nothing remembered) tells her, once; the domain finds the foundation, with her note.
  const later = await browserOf(MARIEKE);
  const again = await later.open('outlook.html');
  await pickSample(again, 'sample-onbekend-domein');
  await again.getByTestId('partner-name').filter({ hasText: 'Stichting Welzijn Veenhaven' }).waitFor();
  await again.getByTestId('timeline-item').filter({ hasText: summary }).waitFor();
  const outcome = again.getByTestId('proposal-outcome');
  await outcome.filter({ hasText: 'Je voorstel Buurtkracht Veenhaven is door Jeroen van Leeuwen samengevoegd met Stichting Welzijn Veenhaven' }).waitFor();
  await outcome.getByRole('button', { name: 'Gezien' }).click();
  await outcome.waitFor({ state: 'detached' });
  await again.reload();
  await again.getByTestId('partner-name').filter({ hasText: 'Stichting Welzijn Veenhaven' }).waitFor();
  await again.waitForTimeout(1500);
  expect(await again.getByTestId('proposal-outcome').count()).toBe(0);

  for (const b of [marieke, jeroen, later]) await b.context.close();
  expectNoErrors([...marieke.errors, ...jeroen.errors, ...later.errors]);
});

test('a rejected proposal leaves the register: its domain is unknown again and the proposer reads why; an accepted one stays', async () => {
  const marieke = await browserOf(MARIEKE);
  const pane = await marieke.open('outlook.html');
  await typeEmail(pane, 'Kees Vos <k.vos@sportclubdevolharding.nl>', 'Sponsoring jeugdteam');
  await propose(pane, 'sportclubdevolharding.nl', 'Sportclub De Volharding');

  const jeroen = await browserOf(JEROEN);
  const owner = await jeroen.open('overview.html');
  await proposalsTab(owner);
  await owner.getByRole('button', { name: 'Afwijzen…: Sportclub De Volharding' }).click();
  const dialog = owner.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
  await dialog.getByText('Schrijf kort waarom, zodat de voorsteller het begrijpt.').waitFor();
  await dialog.getByRole('textbox', { name: 'Reden' }).fill('Een sportclub is geen strategische partner van de gemeente.');
  await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
  const decided = owner.getByTestId('decided-row').filter({ hasText: 'Sportclub De Volharding' });
  await decided.filter({ hasText: 'Afgewezen' }).filter({ hasText: 'Een sportclub is geen strategische partner' }).waitFor();
  await decided.getByTestId('decision-pending').waitFor({ state: 'detached', timeout: 60_000 });

  // The demo's own proposal (Hogeschool Rijnveen, by Lotte Hendriks) is taken in.
  await owner.getByRole('button', { name: 'Opnemen: Hogeschool Rijnveen' }).click();
  const accepted = owner.getByTestId('decided-row').filter({ hasText: 'Hogeschool Rijnveen' });
  await accepted.filter({ hasText: 'Opgenomen' }).filter({ hasText: 'Lotte Hendriks' }).waitFor();
  await accepted.getByTestId('decision-pending').waitFor({ state: 'detached', timeout: 60_000 });

  // Back in the proposer's pane (she proposed here, so this device asks on the next open).
  await pane.reload();
  await pane.getByTestId('proposal-outcome').filter({ hasText: 'Je voorstel Sportclub De Volharding is afgewezen door Jeroen van Leeuwen: Een sportclub is geen strategische partner van de gemeente.' }).waitFor();
  await pane.getByTestId('no-partner').waitFor();
  await pane.getByRole('button', { name: 'Koppel sportclubdevolharding.nl aan een partner' }).waitFor();

  for (const b of [marieke, jeroen]) await b.context.close();
  expectNoErrors([...marieke.errors, ...jeroen.errors]);
});
