/**
 * After a Teams meeting, in the meeting panel (demo host, Debian's Chromium): the organizer takes the
 * partner's attendees from the meeting's attendance report into the note (the emulator answers the report,
 * organizer only, with OnlineMeetingArtifact.Read.All); an attendee is told plainly that only the organizer can.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { demoAttendanceMeetings, OFFICIALS, SAMPLE_ITEMS } from '../../src/demo';
import { DEMO_LOOK_KEY } from '../../src/hosts/browser/demoLook';
import { sampleToHostItem } from '../../src/ui/demo/sampleToHostItem';
import { collectPageErrors, demoEnvironmentForSuite } from './browser';

jest.setTimeout(180_000);

const env = demoEnvironmentForSuite();
const official = (email: string) => OFFICIALS.find((o) => o.email === email)!;
const sample = (id: string) => SAMPLE_ITEMS.find((s) => s.id === id)!;

/** The meeting panel as `email`, with the meeting sample `sampleId` open. */
async function meetingPanel(email: string, sampleId: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 1000 } });
  const o = official(email);
  const look = JSON.stringify({ user: { email: o.email, name: o.name }, locale: 'nl-NL', theme: 'default' });
  const state = JSON.stringify({ item: sampleToHostItem(sample(sampleId)) });
  await context.addInitScript(([lookKey, lookValue, stateValue]) => {
    localStorage.setItem(lookKey, lookValue);
    localStorage.setItem('partnerzicht.demo.meeting', stateValue);
  }, [DEMO_LOOK_KEY, look, state] as const);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/meeting.html`);
  await page.getByTestId('partner-name').first().waitFor();
  await page.getByTestId('note-form').waitFor();
  return { page, errors, close: () => context.close() };
}

const summaryBox = (page: Page) => page.getByRole('textbox', { name: 'Korte samenvatting' });

test('the organizer: the partner\'s attendees from the attendance report, with their minutes, into the note', async () => {
  const { page, errors, close } = await meetingPanel('a.visser@veenhaven.nl', 'sample-ziekenhuis-overleg');
  const partner = (await page.getByTestId('partner-name').first().innerText()).trim();
  await summaryBox(page).fill('Tussenresultaten valpreventie besproken.');
  env.server.emulator.clearLog();
  await page.getByRole('button', { name: 'Deelnemers uit het aanwezigheidsrapport halen' }).click();
  const list = page.getByTestId('attendance-list');
  await list.waitFor();
  // Who came for the partner: Ria Hofman, and Eva Lammers who was not invited; not the colleague, not the invitee who stayed away.
  expect(await list.locator('li').allInnerTexts()).toEqual(['Ria Hofman — 57 minuten', 'Eva Lammers — 41 minuten']);
  expect(await summaryBox(page).inputValue()).toBe(`Tussenresultaten valpreventie besproken.\nAanwezig namens ${partner}: Ria Hofman (57 minuten), Eva Lammers (41 minuten).`);
  // Read through Graph, as Teams would: the online meeting, its reports, the latest expanded.
  const urls = env.server.emulator.requestLog.map((r) => decodeURIComponent(r.url));
  expect(urls.some((u) => /\/me\/onlineMeetings\/[^/]+\/attendanceReports$/.test(u))).toBe(true);
  expect(urls.some((u) => /\/attendanceReports\/[^/?]+\?\$expand=attendanceRecords$/.test(u))).toBe(true);
  // Clicked again: the line is not added twice.
  await page.getByRole('button', { name: 'Deelnemers uit het aanwezigheidsrapport halen' }).click();
  await list.waitFor();
  expect((await summaryBox(page).inputValue()).match(/Aanwezig namens/g)).toHaveLength(1);
  const axe = await new AxeBuilder({ page }).include('[data-testid="meeting-attendance"]').exclude('[data-tabster-dummy]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});

test('an attendee (the partner organizes the meeting): told plainly that only the organizer can read the report; the note is unchanged', async () => {
  const { page, errors, close } = await meetingPanel('m.jansen@veenhaven.nl', 'sample-veenhaven-oost');
  await summaryBox(page).fill('Bouwopgave afgestemd.');
  await page.getByRole('button', { name: 'Deelnemers uit het aanwezigheidsrapport halen' }).click();
  const message = page.getByTestId('attendance-message');
  await message.waitFor();
  expect(await message.innerText()).toContain('Alleen de organisator van een Teams-vergadering kan het aanwezigheidsrapport lezen.');
  expect(await summaryBox(page).inputValue()).toBe('Bouwopgave afgestemd.');
  expect(await page.getByTestId('attendance-list').count()).toBe(0);
  // The 403 Graph answers an attendee is the expected refusal, not a page error.
  expect(errors.filter((e) => !/403|Forbidden|Failed to load resource/.test(e))).toEqual([]);
  await close();
});

test('the organizer before the report exists (the meeting has not ended): "no report yet", the note unchanged', async () => {
  const hospital = demoAttendanceMeetings().find((m) => m.subject === sample('sample-ziekenhuis-overleg').subject)!;
  env.server.emulator.meetings.add({ ...hospital, reports: [] });
  try {
    const { page, errors, close } = await meetingPanel('a.visser@veenhaven.nl', 'sample-ziekenhuis-overleg');
    await summaryBox(page).fill('Voorbereiding besproken.');
    await page.getByRole('button', { name: 'Deelnemers uit het aanwezigheidsrapport halen' }).click();
    const message = page.getByTestId('attendance-message');
    await message.waitFor();
    expect(await message.innerText()).toContain('Er is (nog) geen aanwezigheidsrapport voor deze vergadering.');
    expect(await summaryBox(page).inputValue()).toBe('Voorbereiding besproken.');
    expect(errors).toEqual([]);
    await close();
  } finally {
    env.server.emulator.meetings.add(hospital);
  }
});
