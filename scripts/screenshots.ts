/**
 * `npm run screenshots`: every surface of the local demo, and the states that are easiest to get wrong
 * (the pane's note form with a missing summary, the week ahead with its briefings, the "logged" banner and the demo's tagging stand-in;
 * a coverage cell opened, a CSV import with errors, trends, the partner form with a domain error,
 * the proposals to review, an AVG search for one person), in Dutch and English, light, dark and high contrast, as PNGs in the git-ignored
 * `.screenshots/` folder. Needs `npm run build` first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_LOOK_KEY } from '../src/hosts/browser/demoLook';
import { startDemoEnvironment } from './lib/demoBrowser';
import { importCsvWithErrors, logNote, openCoverageCell, openTeamWeekAhead, openWeekAhead, openPartnerEdit, openProposals, openTrends, savePartnerEditWithError, searchPerson, submitEmptyNote } from './lib/demoStates';

interface Shot {
  name: string;
  /** Brings the page into the state to capture. */
  reach?(page: Page, locale: string): Promise<void>;
  /** The viewport only: what the reader sees after the step (where it scrolled to), not the whole page. */
  viewport?: boolean;
}

const SURFACES: Array<{ page: string; ready: string; width: number; shots: Shot[] }> = [
  {
    page: 'outlook.html',
    ready: '[data-testid="timeline"]',
    width: 360,
    shots: [
      { name: 'outlook' },
      { name: 'outlook-note-missing-summary', reach: submitEmptyNote },
      // The banner says when and by whom; the demo's stand-in for Outlook tags the email and marks it logged.
      { name: 'outlook-logged', reach: logNote },
    ],
  },
  // A Teams meeting side panel is 320 px wide.
  { page: 'meeting.html', ready: '[data-testid="timeline"]', width: 320, shots: [{ name: 'meeting' }] },
  {
    page: 'overview.html',
    ready: '[data-testid="overview-table"]',
    width: 1280,
    // One after the other on the same page, as a person would go through them.
    shots: [
      { name: 'overview' },
      { name: 'overview-week-ahead', reach: openWeekAhead },
      { name: 'overview-week-ahead-team', reach: openTeamWeekAhead },
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
    for (const surface of SURFACES) {
      for (const locale of LOCALES) {
        for (const theme of THEMES) {
          const context = await env.browser.newContext({ locale, viewport: { width: surface.width, height: 1000 } });
          // The demo host reads its language and theme (one choice for every surface) from localStorage, as its demo bar stores them.
          await context.addInitScript(([key, look]) => localStorage.setItem(key, look), [DEMO_LOOK_KEY, JSON.stringify({ locale, theme })] as const);
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
  } finally {
    await env.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
