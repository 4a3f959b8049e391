/**
 * Accessibility in a real browser (Debian's Chromium): axe-core on every surface, in Dutch and
 * English, in the light, dark and high-contrast themes — zero serious or critical violations; then
 * a keyboard-only walk-through of logging a note in the Outlook pane, with visible focus.
 * The demo host's language and theme are seeded into its localStorage state before the page loads
 * (what the demo bar would store). meeting-config and the start page have no demo host (they follow
 * Teams' theme, or none), so they run in the light theme, in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { createDemoData, SAMPLE_EXPECTATIONS, SAMPLE_ITEMS } from '../../src/demo';
import type { HostTheme } from '../../src/hosts/Host';
import { sampleToHostItem } from '../../src/ui/demo/sampleToHostItem';
import { collectPageErrors, demoEnvironmentForSuite, liveOverview } from './browser';

jest.setTimeout(120_000);

const env = demoEnvironmentForSuite();

const LANGUAGES = [
  { locale: 'nl-NL', name: 'Dutch' },
  { locale: 'en-GB', name: 'English' },
] as const;
const THEMES: HostTheme[] = ['default', 'dark', 'contrast'];

const emailSample = SAMPLE_ITEMS.find((s) => s.id === 'sample-northbridge');

/** A browser context whose demo host starts in this language and theme (and, in Outlook, on a partner's email). */
async function demoContext(locale: string, theme: HostTheme): Promise<BrowserContext> {
  const context = await env.browser.newContext({ locale, viewport: { width: 400, height: 900 } });
  const states: Record<string, unknown> = {
    'partnerzicht.demo.email-meeting': { locale, theme, ...(emailSample ? { item: sampleToHostItem(emailSample) } : {}) },
    'partnerzicht.demo.meeting': { locale, theme },
  };
  await context.addInitScript((entries: Array<[string, string]>) => {
    for (const [key, value] of entries) if (!localStorage.getItem(key)) localStorage.setItem(key, value);
  }, Object.entries(states).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]));
  return context;
}

const SURFACES: Array<{ page: string; ready: (page: Page) => Promise<void>; themed: boolean }> = [
  { page: 'outlook.html', ready: (p) => p.getByTestId('partner-name').first().waitFor(), themed: true },
  { page: 'meeting.html', ready: (p) => p.getByTestId('partner-name').first().waitFor(), themed: true },
  { page: 'overview.html', ready: liveOverview, themed: true },
  { page: 'meeting-config.html', ready: (p) => p.locator('#root *').first().waitFor(), themed: false },
  { page: 'index.html', ready: (p) => p.getByRole('link').first().waitFor(), themed: false },
];

interface Finding {
  where: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function seriousViolations(page: Page, where: string): Promise<Finding[]> {
  // Tabster's focus sentinels (`<i tabindex="0" aria-hidden="true" data-tabster-dummy>`, inserted by Fluent
  // around focus groups) pass focus on at once and are never read out; axe cannot know that.
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ where, id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

// One test per language and theme, so each stays well inside its timeout.
describe.each(LANGUAGES.flatMap((language) => THEMES.map((theme) => [language.name, language.locale, theme] as const)))(
  'axe in %s (%s), theme %s',
  (languageName, locale, theme) => {
    test('no serious or critical violations on any surface', async () => {
      const findings: Finding[] = [];
      const pageErrors: string[] = [];
      const context = await demoContext(locale, theme);
      const surfaces = SURFACES.filter((s) => s.themed || theme === 'default');
      for (const surface of surfaces) {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`${env.server.url}/${surface.page}`);
        await surface.ready(page);
        // The pane's context loaded: skeletons replaced by content.
        await page.getByTestId('pane-skeleton').waitFor({ state: 'detached' });
        const where = `${surface.page} ${languageName} ${theme}`;
        findings.push(...(await seriousViolations(page, where)));
        pageErrors.push(...errors.map((e) => `${where}: ${e}`));
        await page.close();
      }
      await context.close();
      expect(findings).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  },
);

/** What has focus: its label (or accessible name), role and tag. */
async function focused(page: Page): Promise<{ tag: string; role: string; label: string; focusVisible: boolean; indicator: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: '', label: '', focusVisible: false, indicator: false };
    const input = el as HTMLInputElement;
    const labelled = el.getAttribute('aria-labelledby');
    const label =
      (input.labels && input.labels.length ? input.labels[0].textContent : '') ||
      el.getAttribute('aria-label') ||
      (labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '') ||
      el.textContent ||
      '';
    // Fluent draws its focus ring as an outline, as a border on ::after when `data-fui-focus-visible`
    // is set (buttons, checkboxes), or as the bottom border of the field's ::after, scaled in on focus (inputs).
    const px = (v: string) => parseFloat(v) || 0;
    const outline = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && px(s.outlineWidth) > 0;
    const afterRing = (s: CSSStyleDeclaration) =>
      s.content !== 'none' &&
      px(s.borderTopWidth) + px(s.borderBottomWidth) + px(s.borderLeftWidth) + px(s.borderRightWidth) > 0 &&
      !/^matrix\(0,/.test(s.transform.replace(/\s/g, ''));
    const host = el.parentElement;
    const indicator =
      outline(getComputedStyle(el)) ||
      afterRing(getComputedStyle(el, '::after')) ||
      (!!host && (outline(getComputedStyle(host)) || afterRing(getComputedStyle(host, '::after')))) ||
      el.hasAttribute('data-fui-focus-visible');
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role') ?? '', label: label.trim(), focusVisible: el.matches(':focus-visible'), indicator };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, options: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    // Fluent's focus rings animate in (up to 200 ms).
    await page.waitForTimeout(250);
    const now = await focused(page);
    if (matches(now)) return now;
  }
  throw new Error(`focus never reached the element (${options.back ? 'Shift+Tab' : 'Tab'})`);
}

test('keyboard only: log a note in the Outlook pane, with visible focus on every stop', async () => {
  if (!emailSample) throw new Error('sample missing');
  const partnerName = createDemoData().partners.find((p) => p.id === SAMPLE_EXPECTATIONS[emailSample.id].partnerIds[0])?.name ?? '';
  const context = await demoContext('nl-NL', 'default');
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/outlook.html`);
  await page.getByTestId('partner-name').filter({ hasText: partnerName }).waitFor();
  await page.getByTestId('note-form').waitFor();

  // Every Tab stop on the way shows where focus is.
  const stops: string[] = [];
  const department = await tabTo(page, (f) => {
    if (f.tag !== 'body') {
      stops.push(`${f.tag}:${f.label.slice(0, 30)}`);
      // (A date input's focus is on its inner field, so `:focus-visible` is checked on buttons and checkboxes below.)
      expect({ stop: f.label, indicator: f.indicator }).toEqual({ stop: f.label, indicator: true });
    }
    return /Jouw afdeling/.test(f.label);
  });
  expect(department.role).toBe('combobox');
  // Choose the department from the list with the arrow keys.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Jouw afdeling' }).inputValue()).resolves.not.toBe('');

  const summary = `Toetsenbordnotitie over de planning ${Date.now()}`;
  await tabTo(page, (f) => /Korte samenvatting/.test(f.label) && f.tag === 'textarea');
  await page.keyboard.type(summary);
  // Forward to the confidential checkbox, toggle it twice with Space (ends unchecked), then to the button.
  const checkbox = await tabTo(page, (f) => f.tag === 'input' && /Vertrouwelijk/i.test(f.label), { max: 20 });
  expect(checkbox.focusVisible).toBe(true);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  const submit = await tabTo(page, (f) => f.tag === 'button' && /Contactmoment vastleggen/.test(f.label), { max: 20 });
  expect(submit.focusVisible && submit.indicator).toBe(true);
  // Shift+Tab goes back to where we came from, and Tab returns.
  const back = await tabTo(page, (f) => f.tag !== 'button', { back: true, max: 1 });
  expect(back.tag).toBe('input');
  await tabTo(page, (f) => f.tag === 'button' && /Contactmoment vastleggen/.test(f.label), { max: 5 });
  await page.keyboard.press('Enter');

  await page.getByTestId('timeline-item').filter({ hasText: summary }).waitFor();
  expect(stops.length).toBeGreaterThan(1);
  expect(errors).toEqual([]);
  await context.close();
});

test("keyboard only: the overview's main actions (filter, open a partner, switch tabs, ask who can help, put it on the agenda)", async () => {
  const corporations = createDemoData().partners.filter((p) => p.status !== 'inactive' && p.category === 'woningcorporatie');
  const context = await demoContext('nl-NL', 'default');
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/overview.html`);
  await liveOverview(page);

  // Every stop on the way to the category filter shows where focus is.
  const category = await tabTo(page, (f) => {
    if (f.tag !== 'body') expect({ stop: f.label, indicator: f.indicator }).toEqual({ stop: f.label, indicator: true });
    return f.role === 'combobox' && /Categorie/.test(f.label);
  });
  expect(category.focusVisible).toBe(true);
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'Woningcorporatie', exact: true }).waitFor();
  // Type-ahead moves to the option, Enter chooses it.
  await page.keyboard.type('Woning');
  await page.keyboard.press('Enter');
  await page.getByTestId('overview-count').filter({ hasText: `${corporations.length} partners` }).waitFor();

  // On to the first partner in the filtered register; Enter opens its page.
  const partnerButton = await tabTo(page, (f) => f.tag === 'button' && corporations.some((p) => p.name === f.label), { max: 40 });
  expect(partnerButton.focusVisible && partnerButton.indicator).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByTestId('partner-page').getByRole('heading', { name: partnerButton.label }).waitFor();

  // The tab list: arrow keys move between tabs, Enter opens one.
  await page.getByRole('tab', { selected: true }).focus();
  for (let i = 0; i < 12 && !/Wie kan meedenken/.test((await focused(page)).label); i++) await page.keyboard.press('ArrowRight');
  const suggestTab = await focused(page);
  expect(suggestTab.role).toBe('tab');
  expect(suggestTab.label).toMatch(/Wie kan meedenken/);
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Vraagstuk' }).waitFor();

  // "Wie kan meedenken?": type the question, tick two themes with Space, search with Enter.
  await tabTo(page, (f) => f.tag === 'input' && /Vraagstuk/.test(f.label), { max: 10 });
  await page.keyboard.type('Afstoten gemeentelijk vastgoed');
  for (const theme of ['vastgoed', 'wonen']) {
    const box = await tabTo(page, (f) => f.tag === 'input' && f.label === theme, { max: 30 });
    expect(box.focusVisible && box.indicator).toBe(true);
    await page.keyboard.press('Space');
  }
  await tabTo(page, (f) => f.tag === 'button' && /Zoek partners/.test(f.label), { max: 30 });
  await page.keyboard.press('Enter');
  const first = page.getByTestId('suggestion').first();
  await first.waitFor();
  expect(await first.getByTestId('suggestion-name').textContent()).toBe('Woonstichting Veenland');
  const toAgenda = await tabTo(page, (f) => f.tag === 'button' && /Zet op de agenda/.test(f.label), { max: 10 });
  expect(toAgenda.focusVisible && toAgenda.indicator).toBe(true);
  await page.keyboard.press('Enter');
  await first.getByText('Op de samenwerkingsagenda van Woonstichting Veenland gezet.').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
