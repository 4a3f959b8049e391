/**
 * Layout in Debian's Chromium: every surface and the overview's tabs at 320 px (a Teams meeting side
 * panel, a narrow Outlook pane) and 1280 px, in the light, dark and high-contrast themes. Nothing may
 * overflow (layoutCheck.ts: page wider than the viewport, boxes cut off or sticking out, text spilling
 * or drawn over other text, a heading running into its explanation, a placeholder cut off); the
 * partner form's fields stay where they are when an error shows, and a clicked coverage cell brings
 * the reader (scroll and focus) to the interactions it opened.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLE_ITEMS } from '../../src/demo';
import { DEMO_LOOK_KEY } from '../../src/hosts/browser/demoLook';
import type { HostTheme } from '../../src/hosts/Host';
import { sampleToHostItem } from '../../src/ui/demo/sampleToHostItem';
import { importCsvWithErrors, openCoverageCell, openOverviewTab, openPartnerEdit, openTeamWeekAhead, openTrends, OVERVIEW_TABS, savePartnerEditWithError, translatorFor } from '../../scripts/lib/demoStates';
import { collectPageErrors, demoEnvironmentForSuite, liveOverview } from './browser';
import { layoutProblems } from './layoutCheck';

jest.setTimeout(90_000);

const env = demoEnvironmentForSuite();

const WIDTHS = [320, 1280] as const;
const THEMES: HostTheme[] = ['default', 'dark', 'contrast'];

/** The demo host's official, language and theme for every surface (demoLook.ts), and the Outlook pane's email. */
async function lookContext(locale: string, theme: HostTheme, width: number): Promise<BrowserContext> {
  const context = await env.browser.newContext({ locale, viewport: { width, height: 800 } });
  const email = SAMPLE_ITEMS.find((s) => s.id === 'sample-veenland-prestatieafspraken');
  const states: Array<[string, unknown]> = [
    [DEMO_LOOK_KEY, { locale, theme }],
    ['partnerzicht.demo.email-meeting', { item: email && sampleToHostItem(email) }],
  ];
  await context.addInitScript((entries: Array<[string, string]>) => {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, states.map(([key, value]) => [key, JSON.stringify(value)] as [string, string]));
  return context;
}

/** Where each input of the partner form is within the form (the page may scroll to its button), to see that none moves when an error shows. */
async function inputBoxes(page: Page): Promise<Array<{ label: string; x: number; y: number; width: number }>> {
  return page.getByTestId('partner-edit').evaluate((form) => {
    const origin = form.getBoundingClientRect();
    return [...form.querySelectorAll('input')].map((input) => {
      const box = input.getBoundingClientRect();
      return { label: input.labels?.[0]?.textContent ?? '', x: Math.round(box.x - origin.x), y: Math.round(box.y - origin.y), width: Math.round(box.width) };
    });
  });
}

// Dutch (the longer words) in every theme at both widths; English once, where room is shortest.
const CASES = [...THEMES.flatMap((theme) => WIDTHS.map((width) => ['nl-NL', theme, width] as const)), ['en-GB', 'default', 320] as const];

describe('layout', () => {
  test.each(CASES)('%s, theme %s, %i px: nothing overflows on the panes and the overview tabs', async (locale, theme, width) => {
    const t = await translatorFor(locale);
    const context = await lookContext(locale, theme, width);
    // A control that another element covers cannot be clicked: that is reported as a problem of its step, not after 30 s.
    context.setDefaultTimeout(8_000);
    const problems: string[] = [];
    const errors: string[][] = [];
    /** Brings the page into a state (if `reach` is given) and records what is wrong there. */
    const step = async (where: string, page: Page, reach?: (page: Page) => Promise<void>) => {
      try {
        await reach?.(page);
        const found = await layoutProblems(page);
        // A table that is wrong in every row says so in every row: the first few name it.
        problems.push(...found.slice(0, 20).map((p) => `${where}: ${p}`), ...(found.length > 20 ? [`${where}: … and ${found.length - 20} more`] : []));
      } catch (error) {
        problems.push(`${where}: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
      }
    };
    const open = async (surface: string, ready: (page: Page) => Promise<void>) => {
      const page = await context.newPage();
      errors.push(collectPageErrors(page));
      await page.goto(`${env.server.url}/${surface}`);
      await ready(page);
      await page.getByTestId('demo-bar').waitFor();
      return page;
    };

    for (const surface of ['meeting.html', 'outlook.html']) {
      const page = await open(surface, (p) => p.getByTestId('timeline').waitFor());
      await step(surface, page);
      await page.close();
    }

    const page = await open('overview.html', liveOverview);
    await step('register', page, (p) => p.getByTestId('overview-table').waitFor());
    await step('coverage with a cell opened', page, async (p) => {
      await openCoverageCell(p);
      // The reader is taken there: its heading is on screen and focus is in the region, whose name says what it holds.
      const opened = await p.getByTestId('coverage-detail').evaluate((region) => {
        const heading = document.getElementById(region.getAttribute('aria-labelledby') ?? '');
        const top = heading?.getBoundingClientRect().top ?? -1;
        return { onScreen: top >= 0 && top < window.innerHeight, focused: region.contains(document.activeElement), name: heading?.textContent ?? '' };
      });
      if (!opened.onScreen) problems.push('coverage: the opened interactions are not on screen');
      if (!opened.focused) problems.push('coverage: focus stayed on the cell, not on the opened interactions');
      if (!opened.name.includes(' × ')) problems.push(`coverage: the opened interactions are named "${opened.name}"`);
    });
    await step('trends', page, openTrends);
    await step('CSV import with a long error', page, importCsvWithErrors);
    // The other tabs as they open.
    for (const tab of OVERVIEW_TABS.filter((name) => !['register', 'coverage', 'trends', 'csv'].includes(name))) await step(`${tab} tab`, page, (p) => openOverviewTab(p, tab));
    await step("the manager's team in the week ahead", page, (p) => openTeamWeekAhead(p, locale));
    await step('partner edit form with a domain error', page, async (p) => {
      await openPartnerEdit(p, locale);
      const before = await inputBoxes(p);
      await savePartnerEditWithError(p, locale);
      // The field with the error grows downwards: no input moves sideways, none above or beside it moves down.
      const after = await inputBoxes(p);
      const domainsTop = before.find((b) => b.label.startsWith(t('partnerEdit.domains')))?.y ?? 0;
      before.forEach((b, i) => {
        const a = after[i];
        if (a.x !== b.x || a.width !== b.width || (b.y <= domainsTop && a.y !== b.y)) problems.push(`partner form: "${b.label}" moved from ${JSON.stringify(b)} to ${JSON.stringify(a)} when the error showed`);
      });
    });

    await context.close();
    expect(problems).toEqual([]);
    expect(errors.flat()).toEqual([]);
  });
});
