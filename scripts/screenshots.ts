/**
 * `npm run screenshots`: every surface of the local demo, and the states that are easiest to get wrong
 * (the pane's note form with a missing summary, the week ahead with its briefings, the "logged" banner and the demo's tagging stand-in;
 * a coverage cell opened, a CSV import with errors, trends, the partner form with a domain error,
 * the proposals to review, an AVG search for one person), and what issue 20 brings to the official: the compose
 * notification bar (events.html with office-addin-mock as Outlook), the week ahead in the overview and the meeting
 * pane's briefing, "nieuw sinds je laatste bezoek", the feedback request and the reply's review form, the review
 * schedule with asked/answered/overdue (requests seeded as the pane leaves them), and the meeting's attendance; in
 * Dutch and English, light, dark and high contrast, as PNGs in the git-ignored `.screenshots/` folder. Needs
 * `npm run build` first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createDemoData, OFFICIALS, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../src/demo';
import { DEMO_LOOK_KEY } from '../src/hosts/browser/demoLook';
import { sampleToHostItem } from '../src/ui/demo/sampleToHostItem';
import { composeMockBundle, fireComposeEvent, waitForComposeHints } from './lib/composeMockBundle';
import { startDemoEnvironment, type DemoEnvironment } from './lib/demoBrowser';
import {
  askPartnerFeedback, fillFeedbackReply, importCsvWithErrors, logNote, openCoverageCell, openFeedbackSchedule, openTeamWeekAhead, openWeekAhead, openPartnerEdit, openProposals, openTrends,
  savePartnerEditWithError, searchPerson, showPaneBriefing, submitEmptyNote, takeAttendance,
} from './lib/demoStates';
import { seedFeedbackRequests } from './lib/seedDemo';

interface Shot {
  name: string;
  /** Brings the page into the state to capture. */
  reach?(page: Page, locale: string): Promise<void>;
  /** The viewport only: what the reader sees after the step (where it scrolled to), not the whole page. */
  viewport?: boolean;
}

const SURFACES: Array<{
  page: string;
  ready: string;
  width: number;
  /** Who is signed in and which sample is open, where the surface's default would not show the state. */
  start?: { user: { email: string; name: string }; stateKey: string; sample: string };
  shots: Shot[];
}> = [
  {
    page: 'outlook.html',
    ready: '[data-testid="timeline"]',
    width: 360,
    shots: [
      { name: 'outlook' },
      { name: 'outlook-note-missing-summary', reach: submitEmptyNote },
      // The banner says when and by whom; the demo's stand-in for Outlook tags the email and marks it logged.
      { name: 'outlook-logged', reach: logNote },
      // "Vraag de partner om feedback": the email as Outlook would open it; then the partner's reply as a review in their words.
      { name: 'outlook-feedback-request', reach: askPartnerFeedback, viewport: true },
      { name: 'outlook-feedback-reply', reach: fillFeedbackReply, viewport: true },
    ],
  },
  // A Teams meeting side panel is 320 px wide.
  { page: 'meeting.html', ready: '[data-testid="timeline"]', width: 320, shots: [{ name: 'meeting' }, { name: 'meeting-briefing', reach: showPaneBriefing, viewport: true }] },
  // The organizer of the hospital meeting: the partner's attendees from the Teams attendance report.
  {
    page: 'meeting.html',
    ready: '[data-testid="timeline"]',
    width: 320,
    start: { user: { email: 'a.visser@veenhaven.nl', name: 'Anouk Visser' }, stateKey: 'partnerzicht.demo.meeting', sample: 'sample-ziekenhuis-overleg' },
    shots: [{ name: 'meeting-attendance', reach: takeAttendance, viewport: true }],
  },
  {
    page: 'overview.html',
    ready: '[data-testid="overview-table"]',
    width: 1280,
    // One after the other on the same page, as a person would go through them.
    shots: [
      // With "nieuw sinds je laatste bezoek": colleagues' notes on the official's partners (a first visit: the last two weeks).
      { name: 'overview', reach: (page) => page.getByTestId('since-last-visit').waitFor() },
      { name: 'overview-week-ahead', reach: openWeekAhead },
      { name: 'overview-week-ahead-team', reach: openTeamWeekAhead },
      { name: 'overview-reviews-feedback', reach: openFeedbackSchedule },
      { name: 'overview-coverage-cell', reach: openCoverageCell, viewport: true },
      { name: 'overview-trends', reach: openTrends },
      { name: 'overview-csv-errors', reach: importCsvWithErrors },
      { name: 'overview-partner-domain-error', reach: async (page, locale) => (await openPartnerEdit(page, locale), await savePartnerEditWithError(page, locale)) },
      { name: 'overview-proposals', reach: openProposals },
      { name: 'overview-privacy-person', reach: (page, locale) => searchPerson(page, locale, 'Henk van Dijk') },
    ],
  },
];
const LOCALES = ['nl-NL', 'en-GB'] as const;
const THEMES = ['default', 'dark', 'contrast'] as const;

async function main(): Promise<void> {
  const outDir = path.resolve(__dirname, '..', '.screenshots');
  await mkdir(outDir, { recursive: true });
  const env = await startDemoEnvironment();
  try {
    // The review schedule's states besides the request the Outlook shots ask (asked): one overdue, one answered.
    await seedFeedbackRequests(env.server.url, [
      { partner: 'Streekziekenhuis Veenhaven', askedDaysAgo: 30 },
      { partner: 'Stichting Welzijn Veenhaven', askedDaysAgo: 25, answered: true },
    ]);
    for (const surface of SURFACES) {
      for (const locale of LOCALES) {
        for (const theme of THEMES) {
          const context = await env.browser.newContext({ locale, viewport: { width: surface.width, height: 1000 } });
          // The demo host reads its language and theme (one choice for every surface) from localStorage, as its demo bar stores them.
          // Set once: a shot that signs in as someone else or opens another item keeps that after a reload.
          const look = JSON.stringify({ locale, theme, ...(surface.start ? { user: surface.start.user } : {}) });
          const sample = surface.start && SAMPLE_ITEMS.find((s) => s.id === surface.start!.sample);
          const state: Array<[string, string]> = [[DEMO_LOOK_KEY, look], ...(surface.start && sample ? [[surface.start.stateKey, JSON.stringify({ item: sampleToHostItem(sample) })] as [string, string]] : [])];
          await context.addInitScript((entries) => {
            for (const [key, value] of entries) if (!localStorage.getItem(key)) localStorage.setItem(key, value);
          }, state);
          const page = await context.newPage();
          await page.goto(`${env.server.url}/${surface.page}`);
          await page.locator(surface.ready).first().waitFor({ timeout: 30_000 });
          await page.getByTestId('demo-bar').waitFor();
          for (const shot of surface.shots) {
            await shot.reach?.(page, locale);
            const file = path.join(outDir, `${shot.name}-${locale.slice(0, 2)}-${theme}.png`);
            await page.screenshot({ path: file, fullPage: !shot.viewport });
            console.log(file);
          }
          await context.close();
        }
      }
    }
    await composeNotifications(env, outDir);
  } finally {
    await env.close();
  }
}

/**
 * The compose notification bar, per language (Outlook draws it, not the add-in: no themes): the pane leaves its
 * hints on the device, then events.html runs the handler with office-addin-mock as Outlook for a partner recipient.
 */
async function composeNotifications(env: DemoEnvironment, outDir: string): Promise<void> {
  const bundle = await composeMockBundle();
  const sample = SAMPLE_ITEMS.find((s) => s.id === 'sample-northbridge')!;
  const partner = createDemoData().partners.find((p) => p.id === SAMPLE_EXPECTATIONS[sample.id]!.partnerIds[0])!;
  for (const locale of LOCALES) {
    const context = await env.browser.newContext({ locale, viewport: { width: 720, height: 120 } });
    const state: Array<[string, string]> = [[DEMO_LOOK_KEY, JSON.stringify({ locale, theme: 'default' })], ['partnerzicht.demo.email-meeting', JSON.stringify({ item: sampleToHostItem(sample) })]];
    await context.addInitScript((entries) => {
      for (const [key, value] of entries) if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    }, state);
    const pane = await context.newPage();
    await pane.goto(`${env.server.url}/outlook.html`);
    await pane.getByTestId('partner-name').filter({ hasText: partner.name }).waitFor({ timeout: 30_000 });
    await waitForComposeHints(pane, partner.name);
    const { page, result } = await fireComposeEvent(context, env.server.url, bundle, {
      owner: OFFICIALS[0]!.email, kind: 'message', displayLanguage: locale, to: [`${partner.contacts[0] ?? `info@${partner.domains[0]}`}`],
    });
    if (result.count !== 1) throw new Error(`the compose handler showed ${result.count} notifications (${result.errors.join('; ')})`);
    const file = path.join(outDir, `compose-notification-${locale.slice(0, 2)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
