/**
 * The partner's own voice, in Debian's Chromium against the demo: the official asks Woonstichting Veenland for
 * feedback from the Outlook pane; the demo shows the email Outlook's displayNewMessageForm would open (recipients,
 * the review questions, the [PZ-…] reference); the demo bar simulates the partner's reply; opened in the pane it is
 * recognised, its answers prefill a review "in de woorden van de partner", the official confirms, the timeline marks
 * it as the partner's words, and the overview's review schedule shows the request answered.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { OFFICIALS } from '../../src/demo';
import { DEMO_LOOK_KEY } from '../../src/hosts/browser/demoLook';
import { seedFeedbackRequests } from '../../scripts/lib/seedDemo';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { collectPageErrors, demoEnvironmentForSuite, repositoryAs, signInAs, writeConfirmed } from './browser';

jest.setTimeout(240_000);

const env = demoEnvironmentForSuite();
const OFFICIAL = OFFICIALS.find((o) => o.department === 'Economie')!;
const PARTNER = 'Woonstichting Veenland';
const FROM = '"Dijk, Henk van" <h.vandijk@woonstichtingveenland.nl>';

async function open(page: Page, surface: 'outlook.html' | 'overview.html'): Promise<void> {
  await page.goto(`${env.server.url}/${surface}`);
  await page.getByTestId('demo-bar').waitFor();
}

/** Serious or critical axe findings (rules as in accessibility.test.ts) on the page as it is now. */
async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The demo bar's and the pane's labels the steps below click, per language. */
const NL = { custom: 'Eigen bericht', apply: 'Toepassen', ask: 'Vraag de partner om feedback' };
const EN = { custom: 'Your own message', apply: 'Apply', ask: 'Ask the partner for feedback' };

/** Opens an email from the partner (the demo bar's own message) and asks for feedback; the request's reference. */
async function askForFeedback(page: Page, labels: typeof NL): Promise<string> {
  await page.getByText(labels.custom, { exact: true }).click();
  await page.getByTestId('demo-from').fill(FROM);
  await page.getByTestId('demo-subject').fill(`Overleg ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: labels.apply }).click();
  await page.getByTestId('partner-name').filter({ hasText: PARTNER }).waitFor();
  await page.getByRole('button', { name: labels.ask }).click();
  const subject = (await page.getByTestId('demo-compose').getByTestId('demo-compose-subject').textContent()) ?? '';
  const reference = subject.match(/PZ-[A-Z0-9]{6}/)?.[0];
  expect(reference).toBeDefined();
  return reference!;
}

test('ask for feedback → the demo compose → the simulated reply → a review in the partner’s words → answered in the schedule', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 1100, height: 1000 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await open(page, 'outlook.html');
  await signInAs(page, OFFICIAL.name);

  // An email from the partner: the pane shows its card with the request button.
  const reference = await askForFeedback(page, NL);

  // What Outlook would open: to the partner's contacts, the four questions, the reference in subject and body.
  const compose = page.getByTestId('demo-compose');
  await expect(compose.getByTestId('demo-compose-to').textContent()).resolves.toContain('h.vandijk@woonstichtingveenland.nl');
  const body = (await compose.getByTestId('demo-compose-body').textContent()) ?? '';
  for (const question of ['1. Wat gaat goed in de samenwerking?', '2. Wat kan beter?', '3. Hoe wilt u met ons samenwerken?', '4. Welk cijfer geeft u de samenwerking, van 1 tot 5?', `[${reference}]`]) {
    expect(body).toContain(question);
  }
  await expect(page.getByTestId('ask-feedback-result').textContent()).resolves.toContain(reference);
  const findings = await axeFindings(page);

  // The partner replies; the official opens the reply among the samples.
  await compose.getByTestId('demo-simulate-reply').click();
  await page.getByTestId('demo-reply-simulated').waitFor();
  await page.getByTestId('demo-sample').click();
  await page.getByRole('option', { name: new RegExp(`RE: .*${reference}`) }).click();
  await page.getByTestId('partner-name').filter({ hasText: PARTNER }).waitFor();
  const offer = page.getByTestId('feedback-reply');
  await expect(offer.textContent()).resolves.toContain(reference);
  await offer.getByTestId('feedback-reply-log').click();

  // Prefilled from the reply: the answers under each question and the score 4/5; the official confirms.
  const form = page.getByTestId('note-form');
  await expect(form.getByRole('textbox', { name: /Wat gaat goed/ }).inputValue()).resolves.toBe('Het maandelijkse overleg over de wijkaanpak; de lijnen met Wonen zijn kort.');
  await expect(form.getByRole('textbox', { name: /Wat kan beter/ }).inputValue()).resolves.toBe('Sneller terugkoppelen op vergunningaanvragen.');
  await expect(form.getByRole('textbox', { name: 'Korte samenvatting' }).inputValue()).resolves.toContain('Eén vast aanspreekpunt per dossier');
  await expect(form.getByRole('radio', { name: '4' }).isChecked()).resolves.toBe(true);
  findings.push(...(await axeFindings(page)));
  await form.getByRole('combobox', { name: 'Jouw afdeling' }).fill(OFFICIAL.department);
  // The official goes on to the overview while marking the request done is still on the wire: the server applies
  // the PATCH, its answer is held back until the page has gone. The overview's queue sends it again after that
  // unclear outcome, as a pane closed mid-write would (the cause of the occasional 412 this test once met).
  let heldBack = 0;
  await page.route(/\/lists\/Agenda\/items\/[^/?]+\/fields/, async (route) => {
    if (route.request().method() !== 'PATCH' || heldBack++ > 0) return route.continue();
    const answer = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.fulfill({ response: answer }).catch(() => undefined);
  });
  env.server.emulator.clearLog();
  await form.getByRole('button', { name: 'Contactmoment vastleggen' }).click();

  const entry = page.getByTestId('timeline-item').filter({ hasText: reference });
  await writeConfirmed(entry);
  await expect(entry.getByTestId('note-partners-words').textContent()).resolves.toBe('In de woorden van de partner');
  await expect(entry.getByTestId('note-goes-well').textContent()).resolves.toContain('maandelijkse overleg');
  // Only what the official kept (the answers), never the quoted original email.
  expect(await entry.textContent()).not.toContain('Wij horen graag');

  // The overview's review schedule: the request to this partner is answered.
  await open(page, 'overview.html');
  await page.getByRole('tab', { name: 'Relatiegesprekken' }).click();
  const row = page.getByTestId('reviews-row').filter({ hasText: PARTNER });
  await row.getByTestId('reviews-feedback').filter({ hasText: 'beantwoord' }).waitFor({ timeout: 30_000 });
  await expect(row.getByTestId('reviews-feedback').getAttribute('data-state')).resolves.toBe('answered');
  findings.push(...(await axeFindings(page)));
  expect(findings).toEqual([]);
  // The request on the agenda is done (the overview's queue sent the held-back write again, or found it applied).
  const repository = repositoryAs(env.server, OFFICIAL);
  const partnerId = (await repository.listRegister()).find((p) => p.name === PARTNER)!.id;
  const asked = async () => (await repository.listAgenda(partnerId)).find((a) => a.topic.includes(reference));
  for (const until = Date.now() + 20_000; Date.now() < until && (await asked())?.status !== 'done'; ) await page.waitForTimeout(250);
  expect(await asked()).toMatchObject({ status: 'done' });
  // No request the server refuses: the overview's queue found the PATCH it resent already applied (read first), and
  // sent no second one on the old ETag (a 412, which Chromium logs as an error). Any console or page error fails.
  expect(env.server.emulator.requestLog.filter((r) => r.status === 412)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a reply under a subject of the partner’s own is still recognised, from the reference in the quoted original (in English)', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } });
  // The demo's language, once: the official chosen below is kept under the same key.
  await context.addInitScript(([key, look]) => localStorage.getItem(key) ?? localStorage.setItem(key, look), [DEMO_LOOK_KEY, JSON.stringify({ locale: 'en-GB', theme: 'default' })] as const);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await open(page, 'outlook.html');
  await signInAs(page, OFFICIAL.name);
  const reference = await askForFeedback(page, EN);
  // The request is on the partner's agenda (confirmed, and read back into the pane) before the reply comes in.
  await page.getByTestId('queue-pending').waitFor({ state: 'detached', timeout: 30_000 });

  // The partner wrote a subject of their own: no reference in it, only in the quoted request below their answers.
  await page.getByTestId('demo-compose').getByTestId('demo-simulate-reply-own-subject').click();
  await page.getByTestId('demo-sample').click();
  const option = page.getByRole('option', { name: 'Our answers to your questions on the collaboration' }).last();
  expect(await option.textContent()).not.toContain(reference);
  await option.click();
  await page.getByTestId('partner-name').filter({ hasText: PARTNER }).waitFor();
  const offer = page.getByTestId('feedback-reply');
  await expect(offer.textContent()).resolves.toContain(`Reply to your feedback request [${reference}]`);
  await offer.getByTestId('feedback-reply-log').click();

  const form = page.getByTestId('note-form');
  await expect(form.getByRole('textbox', { name: /What goes well/ }).inputValue()).resolves.toBe('The monthly meeting on the neighbourhood approach; short lines with Housing.');
  await expect(form.getByRole('radio', { name: '4' }).isChecked()).resolves.toBe(true);
  await form.getByRole('combobox', { name: 'Your department' }).fill(OFFICIAL.department);
  await form.getByRole('button', { name: 'Log interaction' }).click();
  const entry = page.getByTestId('timeline-item').filter({ hasText: reference });
  await writeConfirmed(entry);
  await expect(entry.getByTestId('note-partners-words').textContent()).resolves.toBe("In the partner's own words");
  expect(errors).toEqual([]);
  await context.close();
});

test('the review schedule shows per partner whether the latest request waits, is answered, or is overdue after 21 days without an answer', async () => {
  // Requests asked days ago, as the pane leaves them on the agenda: either side of the answer period, and one answered.
  const seeded = [
    { partner: 'Streekziekenhuis Veenhaven', askedDaysAgo: 22, state: 'overdue', text: 'geen antwoord na 21 dagen' },
    { partner: 'GGD Veenstreek', askedDaysAgo: 20, state: 'asked', text: 'wacht op antwoord' },
    { partner: 'Stichting Welzijn Veenhaven', askedDaysAgo: 30, answered: true, state: 'answered', text: 'beantwoord' },
  ] as const;
  await seedFeedbackRequests(env.server.url, seeded);
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await open(page, 'overview.html');
  await page.getByRole('tab', { name: 'Relatiegesprekken' }).click();
  for (const { partner, state, text } of seeded) {
    const cell = page.getByTestId('reviews-row').filter({ hasText: partner }).getByTestId('reviews-feedback');
    await cell.filter({ hasText: text }).waitFor({ timeout: 30_000 });
    await expect(cell.getAttribute('data-state')).resolves.toBe(state);
    await expect(cell.textContent()).resolves.toMatch(/^gevraagd \d/);
  }
  // A partner nobody asked.
  await expect(page.getByTestId('reviews-row').filter({ hasText: 'Gemeente Turfmeer' }).getByTestId('reviews-feedback').getAttribute('data-state')).resolves.toBe('none');
  expect(await axeFindings(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
