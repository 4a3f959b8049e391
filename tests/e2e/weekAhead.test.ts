/**
 * "Mijn komende partnerafspraken" in the plain-browser demo host: the demo official's calendar (seeded into the
 * emulator's /me/calendarView by the demo server) read through Graph, the meetings with a partner picked out, each
 * with its briefing; and the same briefing in the pane of a meeting.
 */
import AxeBuilder from '@axe-core/playwright';
import { createDemoData, DEMO_TEAM, demoCalendar, OFFICIALS } from '../../src/demo';
import { collectPageErrors, demoEnvironmentForSuite, liveOverview, signInAs } from './browser';

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
  await liveOverview(page);
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

test('a manager, from their click, sees the partner meetings of the colleague who shared their calendar, and "not shared" for the other', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/overview.html`);
  await liveOverview(page);
  await page.getByRole('tab', { name: 'Mijn komende partnerafspraken' }).click();
  const team = page.getByTestId('week-ahead-team');
  await team.getByRole('heading', { name: 'Afspraken van mijn medewerkers' }).waitFor();
  // Nothing of the team is read before the click (that asks for the team consent).
  await page.getByTestId('week-ahead-meeting').first().waitFor();
  const teamCalls = () => env.server.emulator.requestLog.filter((r) => /\/me\/directReports|\/users\/[^/]+\/calendarView/.test(r.url));
  expect(teamCalls()).toEqual([]);
  await team.getByRole('button', { name: 'Afspraken van mijn medewerkers tonen' }).click();

  const [sharing, closed] = DEMO_TEAM.reports.map((r) => r.official.name);
  const colleagues = team.getByTestId('week-ahead-colleague');
  await colleagues.first().waitFor();
  expect(await colleagues.locator('h3').allTextContents()).toEqual([sharing, closed].sort((a, b) => a.localeCompare(b, 'nl')));
  const bas = colleagues.filter({ has: page.getByRole('heading', { name: sharing }) });
  const meeting = bas.getByTestId('week-ahead-team-meeting').filter({ hasText: 'Huisvesting cliënten beschermd wonen' });
  await meeting.getByText(/met Zorggroep Veenstroom/).waitFor();
  const brief = meeting.getByTestId('briefing');
  await brief.getByText('Voorbereiding: Zorggroep Veenstroom').waitFor();
  expect(await brief.innerText()).toMatch(new RegExp(`Laatste contact van ${sharing}: |${sharing} had nog geen contact`));
  // The manager's own meeting that the colleague attends is in his calendar too: under the colleague it is named,
  // with the way to the partner, and its briefing is the one in the manager's own list, not a second one.
  const shared = bas.getByTestId('week-ahead-team-meeting').filter({ hasText: 'Bestuurlijk overleg renovatieplanning' });
  expect(await shared.getByTestId('week-ahead-also-yours').innerText()).toBe('Jij bent hier ook bij: je briefing staat bij je eigen afspraken.');
  expect(await shared.getByTestId('briefing').count()).toBe(0);
  await shared.getByRole('button', { name: 'Open Woonstichting Veenland' }).waitFor();
  await page.getByTestId('week-ahead-meeting').filter({ hasText: 'Bestuurlijk overleg renovatieplanning' }).getByTestId('briefing').waitFor();
  // The internal meeting of the sharing colleague has no partner: not shown.
  expect(await bas.getByText('Werkoverleg bijzondere doelgroepen').count()).toBe(0);
  // The colleague who did not share: the line, and nothing of their calendar.
  const sander = colleagues.filter({ has: page.getByRole('heading', { name: closed }) });
  expect(await sander.getByTestId('week-ahead-not-shared').innerText()).toBe('Agenda niet met jou gedeeld');
  expect(await team.getByText('Gebiedsvisie Veenhaven-Oost met Thuisbaas').count()).toBe(0);
  // Read through Graph with the team token: the reports, then both calendars (one answered 403).
  expect(teamCalls().map((r) => `${r.method} ${r.status}`).sort()).toEqual(['GET 200', 'GET 200', 'GET 403']);

  const axe = await new AxeBuilder({ page }).include('[data-testid="week-ahead"]').exclude('[data-tabster-dummy]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('an official without direct reports is told so', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/overview.html`);
  await liveOverview(page);
  await signInAs(page, DEMO_TEAM.reports[1].official.name);
  await page.getByTestId('overview-table').waitFor();
  await page.getByRole('tab', { name: 'Mijn komende partnerafspraken' }).click();
  const team = page.getByTestId('week-ahead-team');
  await team.getByRole('button', { name: 'Afspraken van mijn medewerkers tonen' }).click();
  await team.getByText('Je hebt geen medewerkers in de organisatiegegevens.').waitFor();
  expect(await team.getByTestId('week-ahead-colleague').count()).toBe(0);
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
