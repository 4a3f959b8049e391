import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBundleStats, repoRoot } from '../../scripts/lib/bundleBudget';

/**
 * What the production build (`npm test` builds dist/ before jest) gives a warm and a cold open:
 * preload links for the chunks each surface loads at every start, the stylesheet Griffel extracted
 * at build time, and a service worker that precaches exactly the content-hashed scripts and stylesheet.
 */
const dist = path.join(repoRoot, 'dist');
const built = existsSync(path.join(dist, 'sw.js'));
const page = (name: string) => readFileSync(path.join(dist, name), 'utf8');
const stylesheets = (html: string) => [...html.matchAll(/<link[^>]*rel="?stylesheet"?[^>]*>/g)].map((m) => /href="?([^" >]+)/.exec(m[0])?.[1] ?? '');
const preloads = (html: string) => [...html.matchAll(/<link[^>]*rel="?preload"?[^>]*>/g)].map((m) => /href="?([^" >]+)/.exec(m[0])?.[1] ?? '');

describe('startup assets of the production build', () => {
  test('the build is there', () => {
    expect(built).toBe(true);
  });

  test('the panes and the overview preload the chunks they always load; the other pages preload nothing', () => {
    if (!built) return;
    const stats = readBundleStats(dist);
    for (const surface of ['outlook', 'meeting', 'overview']) {
      const links = preloads(page(`${surface}.html`)).map((href) => href.replace(/^\//, '')).sort();
      expect(links.length).toBeGreaterThan(0);
      // What the stats report as preloaded is what the page asks for, and none of it is initial already.
      expect(links).toEqual(stats.surfaces[surface].preloaded?.files);
      for (const file of links) expect(stats.surfaces[surface].initial.files).not.toContain(file);
    }
    expect(preloads(page('meeting-config.html'))).toEqual([]);
    expect(preloads(page('index.html'))).toEqual([]);
  });

  test('what a surface runs at every start carries V8\'s compile hint on its first line; what loads later does not', () => {
    if (!built) return;
    const stats = readBundleStats(dist);
    const hinted = (file: string) => readFileSync(path.join(dist, file), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n');
    const atStart = new Set<string>();
    for (const surface of ['outlook', 'meeting', 'overview']) {
      for (const file of [...stats.surfaces[surface].initial.files, ...(stats.surfaces[surface].preloaded?.files ?? [])]) atStart.add(file);
    }
    for (const file of atStart) expect(`${file} ${hinted(file)}`).toBe(`${file} true`);
    // The demo bar, MSAL, Teams and the English catalogue are compiled only if they ever run.
    const later = readdirSync(dist).filter((f) => f.endsWith('.js') && !atStart.has(f));
    expect(later.length).toBeGreaterThan(5);
    for (const file of later) expect(`${file} ${hinted(file)}`).toBe(`${file} false`);
  });

  test('the Outlook pane preloads neither the demo bar nor Teams code', () => {
    if (!built) return;
    const outlook = preloads(page('outlook.html')).map((href) => readFileSync(path.join(dist, href), 'utf8'));
    expect(outlook.some((code) => code.includes('partnerzicht.demo.'))).toBe(false);
    expect(outlook.some((code) => code.includes('teams-js'))).toBe(false);
  });

  test("every surface links the one stylesheet Griffel extracted at build time, with Fluent's styles and the project's in it", () => {
    if (!built) return;
    const sheets = readdirSync(dist).filter((f) => /\.[0-9a-f]{8}\.css$/.test(f));
    expect(sheets).toHaveLength(1);
    const css = page(sheets[0]);
    for (const surface of ['outlook', 'meeting', 'meeting-config', 'overview', 'index']) expect(stylesheets(page(`${surface}.html`))).toEqual([`/${sheets[0]}`]);
    // Fluent's styles (its design tokens as CSS variables) and ours (the pane's 720px maximum width) are in it.
    expect(css).toContain('var(--colorNeutralForeground3)');
    expect(css).toContain('max-width:720px');
  });

  test("Outlook's page runs office-early before its other scripts; it stands alone and no other page runs it", () => {
    if (!built) return;
    const scripts = (html: string) => [...html.matchAll(/<script[^>]*src="?\/?([^" >]+)/g)].map((m) => m[1]);
    const outlook = scripts(page('outlook.html'));
    expect(outlook[0]).toMatch(/^office-early\.[0-9a-f]{8}\.js$/);
    // async: it runs the moment it arrives, and the deferred scripts after it do not wait for it.
    const tag = [...page('outlook.html').matchAll(/<script[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(outlook[0])) ?? '';
    expect(tag).toMatch(/\basync\b/);
    expect(tag).not.toMatch(/\bdefer\b/);
    // No webpack runtime or chunk loading in it: it runs the moment it arrives, waiting for no other file.
    const early = page(outlook[0]);
    expect(early).toContain('appsforoffice.microsoft.com');
    expect(early).not.toMatch(/webpackChunk|__webpack_require__/);
    expect(readBundleStats(dist).surfaces.outlook.initial.files).toContain(outlook[0]);
    for (const other of ['meeting', 'meeting-config', 'overview', 'index']) expect(scripts(page(`${other}.html`)).some((f) => f.startsWith('office-early'))).toBe(false);
  });

  test('each pane and the overview name the chunks of every host they may pick, before their first script, which preloads the one set it runs in', () => {
    if (!built) return;
    const code = (list: string[]) => list.map((f) => readFileSync(path.join(dist, f), 'utf8')).join('\n');
    const expected: Record<string, { early: string; host: string; marker: string }> = {
      outlook: { early: 'office-early', host: 'office', marker: 'nestedAppAuth' },
      meeting: { early: 'teams-early', host: 'teams', marker: 'teams-js' },
      overview: { early: 'teams-early', host: 'teams', marker: 'teams-js' },
    };
    for (const [surface, { early, host, marker }] of Object.entries(expected)) {
      const html = page(`${surface}.html`);
      const meta = /<meta name="?pz-host-chunks"?([^>]*)>/.exec(html);
      expect(meta).not.toBeNull();
      const first = [...html.matchAll(/<script[^>]*src="?\/?([^" >]+)/g)].map((m) => m[1])[0];
      expect(first).toMatch(new RegExp(`^${early}\\.[0-9a-f]{8}\\.js$`));
      // Before the script that reads it: an async script may run before the parser gets further.
      expect(meta!.index).toBeLessThan(html.indexOf(first));
      const files = (kind: string) => (new RegExp(`data-${kind}="?([^">]+?)"?(?: data-|>|$)`).exec(meta![1])?.[1] ?? '').split(' ').filter(Boolean).map((f) => f.replace(/^\//, ''));
      const [own, browser] = [files(host), files('browser')];
      // The host's own code (its sign-in, or teams-js); the demo's host and mailbox, which Outlook and Teams never download.
      expect(code(own)).toContain(marker);
      expect(code(own)).not.toContain('partnerzicht.demo.');
      expect(code(browser)).toContain('partnerzicht.demo.');
      // Neither repeats what the page preloads for every host.
      for (const file of [...own, ...browser]) expect(preloads(html)).not.toContain(`/${file}`);
      expect(page(first)).toContain('pz-host-chunks');
      expect(page(first)).not.toMatch(/webpackChunk|__webpack_require__/);
    }
  });

  test('sw.js precaches every content-hashed script, the stylesheet and the surfaces\' pages, under a version that follows the lists', () => {
    if (!built) return;
    const sw = page('sw.js');
    const list = JSON.parse(/PRECACHE ?= ?(\[[^\]]*\])/.exec(sw)?.[1] ?? '[]') as string[];
    const hashed = readdirSync(dist).filter((f) => /\.[0-9a-f]{8}\.(js|css)$/.test(f)).sort();
    expect(list).toEqual(hashed);
    expect(list.some((f) => f.endsWith('.map') || f.endsWith('.html'))).toBe(false);
    expect(/VERSION ?= ?"([0-9a-f]{12})"/.test(sw)).toBe(true);
    // The surfaces' pages too, so that one opened before opens offline (the static pages need no copy).
    const pages = JSON.parse(/PAGES ?= ?(\[[^\]]*\])/.exec(sw)?.[1] ?? '[]') as string[];
    expect(pages).toEqual(['index.html', 'meeting-config.html', 'meeting.html', 'outlook.html', 'overview.html']);
  });
});
