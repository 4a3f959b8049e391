/**
 * "Mijn komende partnerafspraken" in the plain-browser demo host: the demo official's calendar (seeded into the
 * emulator's /me/calendarView by the demo server) read through Graph, the meetings with a partner picked out, each
 * with its briefing; and the same briefing in the pane of a meeting.
 */
import AxeBuilder from '@axe-core/playwright';
import { createDemoData, demoCalendar, OFFICIALS } from '../../src/demo';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(180_000);

const env = demoEnvironmentForSuite();
const demo = createDemoData();
const partnerByName = (name: string) => demo.partners.find((p) => p.name === name)!;

test('the overview\'s week ahead lists the official\'s partner meetings of the next 14 days, each with its briefing', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  env.server.emulator.clearLog();
  await page.goto(`${env.server.url}/overview.html`);
  await page.getByTestId('overview-table').waitFor();
  await page.getByRole('tab', { name: 'Mijn komende partnerafspraken' }).click();
  const meetings = page.getByTestId('week-ahead-meeting');
  await meetings.first().waitFor();

  // The demo calendar has four meetings; the internal MT-overleg has no partner and is left out.
  const seeded = demoCalendar(new Date()).filter((m) => m.subject !== 'MT-overleg');
  expect(await meetings.count()).toBe(seeded.length);
  expect(await meetings.locator('h3').allTextContents()).toEqual(seeded.map((m) => m.subject));
  // It was read from the calendar, through Graph.
  expect(env.server.emulator.requestLog.some((r) => r.method === 'GET' && r.url.includes('/me/calendarView'))).toBe(true);

  const veenland = partnerByName('Woonstichting Veenland');
  const first = meetings.first();
  await first.getByText(/met Woonstichting Veenland/).waitFor();
  const brief = first.getByTestId('briefing');
  await brief.getByText('Voorbereiding: Woonstichting Veenland').waitFor();
  // Since the official's last contact, what colleagues of other departments logged; the open agenda; the review; the owner.
  expect(await brief.innerText()).toMatch(/Jouw laatste contact: |Je had nog geen contact/);
  expect(await brief.innerText()).toMatch(/Sindsdien (\d+ contactmoment(en)? van collega's|niets nieuws)/);
  expect(await brief.innerText()).toMatch(/open punt(en)? bij ons|Geen open agendapunten/);
  expect(await brief.innerText()).toMatch(/Laatste relatiegesprek: |Nog geen relatiegesprek/);
  const owner = brief.getByTestId('briefing-owner');
  if (veenland.ownerEmail === OFFICIALS[0].email) expect(await owner.innerText()).toContain('Jij bent de relatiebeheerder');
  else {
    expect(await owner.innerText()).toContain(`Relatiebeheerder: ${veenland.ownerName}`);
    expect(await owner.getByRole('link').getAttribute('href')).toBe(`https://teams.microsoft.com/l/call/0/0?users=${encodeURIComponent(veenland.ownerEmail!)}`);
  }
  // The programming meeting has two partners: a briefing for each.
  const programmering = meetings.filter({ hasText: 'Woningbouwprogrammering 2027' });
  expect(await programmering.getByTestId('briefing').count()).toBe(2);

  const axe = await new AxeBuilder({ page }).include('[data-testid="week-ahead"]').exclude('[data-tabster-dummy]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // From the briefing to the partner's page.
  await first.getByRole('button', { name: 'Open Woonstichting Veenland' }).click();
  await page.getByTestId('partner-page').getByRole('heading', { name: 'Woonstichting Veenland' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('the pane of a meeting shows the briefing for its partner', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/meeting.html`);
  await page.getByTestId('partner-name').first().waitFor();
  await page.getByRole('heading', { name: 'Voor deze afspraak' }).waitFor();
  const brief = page.getByTestId('pane-briefing');
  expect(await brief.innerText()).toMatch(/Voorbereiding: /);
  expect(await brief.innerText()).toMatch(/Laatste relatiegesprek: |Nog geen relatiegesprek/);
  expect(errors).toEqual([]);
  await context.close();
});
