/**
 * `npm run bench:open`: how long an official waits. Headless Debian Chromium (playwright-core) with
 * 4× CPU throttling through the DevTools protocol (`Emulation.setCPUThrottlingRate`), the demo server
 * and the Graph emulator seeded with 1,000 partners and 100,000 interactions. Each figure is the time
 * from navigation start to the element appearing (recorded in the page by a MutationObserver, so
 * polling adds nothing), median of BENCH_RUNS runs (default 15):
 *   - Outlook pane cold (fresh browser context: empty HTTP cache, no service worker, empty IndexedDB)
 *     and warm (the same context once the first open has settled: scripts from the service worker,
 *     register snapshot in IndexedDB), partner context = data-testid="partner-name". A warm open shows
 *     the device's copy of the context first (src/data/contextSnapshots.ts), so for warm opens it also
 *     reports when Graph's answer is on screen (the copy's "context-saved" note gone);
 *   - the meeting panel (cold), same element;
 *   - the overview warm (its data cache filled by one earlier open), interactive = data-testid="overview-table";
 *   - the reference: the minimal Fluent page's first paint (FluentProvider + Button).
 * Then issue 19's overview at scale (10,000 partners, 1,000,000 interactions): first-ever opens on a site whose
 * first-screen digest an earlier open made (docs/overview-digest.md), and the site's very first (no digest yet).
 * Then the long lists: a scripted scroll of the overview's register (1,000 partners), and paging
 * ("show more", ten times) and scrolling through the history of a partner with 10,000 interactions
 * on its overview page, reporting the longest task (PerformanceObserver "longtask"); target < 100 ms.
 * Builds into BENCH_DIST first, unless `npm run bench` has just built there (BENCH_BUILD_FRESH=1). JSON to $BENCH_RESULTS/open.json when set.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';
import { createDemoData } from '../src/demo';
import { OFFICIALS } from '../src/demo/municipality';
import { interactionToFields, partnerToFields } from '../src/data/listFields';
import { DEFAULT_SITE } from '../src/emulator';
import { benchDistDir, buildForBench, hasBenchBuild } from './lib/benchBuild';
import { startDemoServer, type DemoServer } from './lib/demoServer';
import { seedDemoAtScale } from './lib/seedScale';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));
const THROTTLE = 4;
const SCALE = { partners: 1000, interactions: 100_000 };
const LONG_PARTNER = { name: 'Stichting Lange Tijdlijn', domain: 'langetijdlijn.nl', interactions: 10_000 };

/** Records in the page when the first element matching the selector is attached and has a box. */
const WATCH = `(() => {
  const marks = (window.__pzMarks = {});
  try { performance.setResourceTimingBufferSize(5000); } catch {}
  // Bytes on the wire (transferSize: headers and encoded body) of every response complete by now, the page's own included.
  const bytes = (graphOnly) => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .filter((e) => e.responseEnd <= performance.now() && (!graphOnly || e.name.includes('/v1.0/')))
    .reduce((sum, e) => sum + (e.transferSize || 0), 0);
  const all = { context: '[data-testid="partner-name"]', overview: '[data-testid="overview-table"]', headline: '[data-testid="overview-headline"]', reference: '[data-testid="reference-button"]' };
  // Only this page's own marks: every check is a querySelector over the whole document, for each batch of
  // mutations. Looking for the other pages' elements too cost the overview's first screen about 100 ms at
  // 4x (CPU profile), and the reference page, with its few nodes, next to nothing.
  const page = location.pathname.split('/').pop();
  const keys = page === 'reference.html' ? ['reference'] : page === 'overview.html' ? ['overview', 'headline'] : ['context'];
  const selectors = Object.fromEntries(keys.map((key) => [key, all[key]]));
  const check = () => {
    for (const [key, selector] of Object.entries(selectors)) {
      if (marks[key]) continue;
      const el = document.querySelector(selector);
      if (el && el.getClientRects().length > 0) {
        marks[key] = performance.now();
        if (key === 'context') { marks.contextBytes = bytes(false); marks.contextGraphBytes = bytes(true); }
      }
    }
    // The overview's first-ever open: its progress bar shown, then gone once every interaction is in its copy.
    if (page === 'overview.html' && marks.overview && !marks.interactionsLoaded) {
      // The site's digest (a first screen before any list, with its own progress) counts as the bar too.
      const bar = document.querySelector('[data-testid="overview-interactions-progress"], [data-testid="overview-digest"]');
      if (bar) marks.progressShown = marks.progressShown || performance.now();
      else if (marks.progressShown) marks.interactionsLoaded = performance.now();
    }
    // Graph's answer on screen: the partner shown, and no note that it is the device's copy.
    if (selectors.context && marks.context && !marks.fresh && !document.querySelector('[data-testid="context-saved"]')) marks.fresh = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  window.__pzLongest = 0;
  window.__pzLastLongEnd = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__pzLongest = Math.max(window.__pzLongest, e.duration);
        window.__pzLastLongEnd = Math.max(window.__pzLastLongEnd, e.startTime + e.duration);
      }
    }).observe({ type: 'longtask' });
  } catch {}
})()`;

async function throttledPage(context: BrowserContext, rate = THROTTLE): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

async function newContext(browser: Browser, demoState?: Record<string, unknown>): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 800 } });
  await context.addInitScript(WATCH);
  if (demoState) {
    await context.addInitScript(({ key, value }) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    }, { key: 'partnerzicht.demo.email-meeting', value: JSON.stringify(demoState) });
  }
  return context;
}

async function timeTo(page: Page, url: string, mark: 'context' | 'overview' | 'reference', timeoutMs = 60_000): Promise<number> {
  await page.goto(url);
  return markOf(page, mark, timeoutMs);
}

/** When the page recorded `mark` (waiting for it), ms since navigation. */
async function markOf(page: Page, mark: 'context' | 'fresh' | 'overview' | 'reference' | 'interactionsLoaded', timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction((key) => (window as unknown as { __pzMarks: Record<string, number> }).__pzMarks[key], mark, { timeout: timeoutMs, polling: 50 });
  return Number(await handle.jsonValue());
}

/** Waits (at most 15 s) until the page's service worker is active, then lets pending writes finish. */
async function settle(page: Page): Promise<void> {
  await page
    .evaluate(() => Promise.race([navigator.serviceWorker?.ready.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]))
    .catch(() => false);
  await page.waitForTimeout(500);
}

/** The pane's User Timing marks (src/ui/pane/paneTiming.ts) of the last open, ms since navigation. */
async function paneSteps(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('pz:')).map((m) => [m.name.slice(3), m.startTime])));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Waits until the page has gone a second without a long task (at most 20 s): the open's own
 * background work (delta sync, decoding in idle time) is then done, and what a scroll measures is
 * the scroll's.
 */
async function quiet(page: Page): Promise<void> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const sinceLong = await page.evaluate(() => performance.now() - (window as unknown as { __pzLastLongEnd: number }).__pzLastLongEnd);
    if (sinceLong > 1000) return;
    await page.waitForTimeout(250);
  }
}

/**
 * Scrolls the page (and any scrollable element inside) top to bottom in steps of 400 px, one per frame.
 * Answers the longest task since `reset` in ms (0: none; the long-task observer reports tasks of 50 ms
 * and more) and how many steps scrolled, so that a 0 cannot hide a list that was not there.
 */
async function scrollLongestTask(page: Page, reset = true): Promise<{ longest: number; steps: number }> {
  if (reset) await page.evaluate(() => ((window as unknown as { __pzLongest: number }).__pzLongest = 0));
  const steps = await page.evaluate(async () => {
    let count = 0;
    const scrollers = [document.scrollingElement as HTMLElement, ...Array.from(document.querySelectorAll<HTMLElement>('*')).filter((e) => e.scrollHeight > e.clientHeight + 50 && /(auto|scroll)/.test(getComputedStyle(e).overflowY))];
    for (const el of scrollers) {
      for (let y = 0; y <= el.scrollHeight; y += 400) {
        const before = el.scrollTop;
        el.scrollTop = y;
        if (el.scrollTop !== before) count++;
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
    }
    return count;
  });
  await page.waitForTimeout(300);
  return { longest: await page.evaluate(() => (window as unknown as { __pzLongest: number }).__pzLongest), steps };
}

/**
 * Issue 19: the cold pane at registers of every size. Per size a fresh demo server and emulator,
 * seeded in-process (the lookup rows as the repository keeps them: scripts/lib/seedScale.ts), all up at
 * once and measured in turn, run by run; the reference page measured by each size's server in the same
 * run, so each ratio is to its own runs' reference. Cold: a fresh browser context (no cache, no service worker, no snapshot), time to the
 * partner's context and the bytes of every response complete by then.
 */
const SCALES = (process.env.BENCH_SCALES ?? '100,1000,10000,50000').split(',').map(Number).filter((n) => n > 0);
const SCALE_RUNS = Math.max(1, Number(process.env.BENCH_SCALE_RUNS ?? 7));
/** 100 per partner, at most 100,000 in all: the big sizes hold 100,000 interactions. */
const interactionsAt = (partners: number) => Math.min(100_000, partners * 100);

interface ScaleRow {
  partners: number;
  interactions: number;
  lookupRows: number;
  cold: number;
  /** The next open of the same pane once the register is on the device (its snapshot written). */
  warm: number;
  reference: number;
  ratio: number;
  bytes: number;
  graphBytes: number;
  seedSeconds: number;
  samples: { cold: number[]; warm: number[]; reference: number[] };
}

/** One size's server and what its runs measured. */
interface SizeRuns {
  server: DemoServer;
  seeded: Awaited<ReturnType<typeof seedDemoAtScale>>;
  seedSeconds: number;
  cold: number[];
  warm: number[];
  reference: number[];
  bytes: number[];
  graphBytes: number[];
}

async function paneAtScale(browser: Browser, outDir: string): Promise<ScaleRow[]> {
  // Every size's server at once, and the runs interleaved (one run at every size, then the next), so that
  // a slow stretch of this machine falls on every size alike: the "50,000 vs 100 partners" rows then
  // compare like with like, as an A/B does, instead of one loop's speed with another's.
  const sizes: SizeRuns[] = [];
  try {
    for (const partners of SCALES) {
      const server = await startDemoServer({ port: 0, distDir: outDir, emulator: {} });
      const started = Date.now();
      const seeded = await seedDemoAtScale(server.url, server.emulator, { partners, interactions: interactionsAt(partners) });
      sizes.push({ server, seeded, seedSeconds: (Date.now() - started) / 1000, cold: [], warm: [], reference: [], bytes: [], graphBytes: [] });
      // Warm-up of this server (JIT, emulator indexes); not counted.
      const context = await newContext(browser);
      await timeTo(await throttledPage(context), `${server.url}/outlook.html`, 'context');
      await context.close();
    }
    for (let run = 0; run < SCALE_RUNS; run++) {
      for (const size of sizes) {
        const url = (page: string) => `${size.server.url}/${page}`;
        const context = await newContext(browser);
        const page = await throttledPage(context);
        size.cold.push(await timeTo(page, url('outlook.html'), 'context'));
        const marks = await page.evaluate(() => (window as unknown as { __pzMarks: Record<string, number> }).__pzMarks);
        size.bytes.push(marks.contextBytes ?? 0);
        size.graphBytes.push(marks.contextGraphBytes ?? 0);
        // Warm: once the background register read has left its snapshot on the device (a register of
        // 50,000 partners takes a few seconds), the next open of the same pane.
        await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('partnerzicht.register-snapshot.')), undefined, { timeout: 120_000, polling: 250 });
        await settle(page);
        size.warm.push(await timeTo(page, url('outlook.html'), 'context'));
        await context.close();
        const ref = await newContext(browser);
        size.reference.push(await timeTo(await throttledPage(ref), url('reference/reference.html'), 'reference'));
        await ref.close();
      }
    }
  } finally {
    for (const size of sizes) await size.server.close();
  }
  // One reference for every size: the same page, served by the same process, in the same interleaved
  // runs. Each size's own few reference samples would only add their noise to its ratio (a run's
  // slowest reference once decided the "50,000 vs 100" row).
  const pooledReference = median(sizes.flatMap((size) => size.reference));
  return sizes.map(({ seeded, seedSeconds, cold, warm, reference, bytes, graphBytes }) => {
    const row: ScaleRow = {
      partners: seeded.partners,
      interactions: seeded.interactions,
      lookupRows: seeded.lookupRows,
      cold: Math.round(median(cold)),
      warm: Math.round(median(warm)),
      reference: Math.round(pooledReference),
      ratio: median(cold) / pooledReference,
      bytes: Math.round(median(bytes)),
      graphBytes: Math.round(median(graphBytes)),
      seedSeconds,
      samples: { cold: cold.map(Math.round), warm: warm.map(Math.round), reference: reference.map(Math.round) },
    };
    console.log(`pane cold at ${row.partners} partners: median ${row.cold} ms, reference ${row.reference} ms (${row.ratio.toFixed(2)}x; this size's own reference runs ${Math.round(median(reference))} ms); ${kb(row.bytes)} before the context (Graph ${kb(row.graphBytes)}); warm ${row.warm} ms; seeded in ${seedSeconds.toFixed(0)} s`);
    return row;
  });
}

/**
 * Issue 19: the overview's first-ever open at a large register (default 10,000 partners, 1,000,000
 * interactions; BENCH_OVERVIEW_SCALE=partners:interactions, 0 to skip), on a server of its own, at
 * 4× like the rest: an empty cache, time to the attention headline and to the register, and the
 * reference page measured by the same server just before. BENCH_OVERVIEW_RUNS of the runs (default 1)
 * wait until every interaction is in the cache, minutes at this size.
 */
const OVERVIEW_SCALE = (process.env.BENCH_OVERVIEW_SCALE ?? '10000:1000000').split(':').map(Number);
const OVERVIEW_RUNS = Math.max(1, Number(process.env.BENCH_OVERVIEW_RUNS ?? 1));
/**
 * Runs to the first screen only (the tab closed once the register shows), the first `OVERVIEW_RUNS` of
 * them also until every interaction is in: the first screen's median is over these. One run alone
 * measured whatever the machine did in those seconds (4.3 to 6.7 s on the same server, one after another).
 */
const OVERVIEW_FIRST_RUNS = Math.max(OVERVIEW_RUNS, Number(process.env.BENCH_OVERVIEW_FIRST_RUNS ?? 5));
const OVERVIEW_TIMEOUT_MS = 10 * 60_000;

interface OverviewScaleRow {
  partners: number;
  interactions: number;
  /** Median ms to the register on screen on the site's very first open: no digest yet, the summaries' first screen. */
  withoutDigest?: number;
  /** Median ms to the register on screen; undefined when it did not show within the timeout. */
  firstScreen?: number;
  headline?: number;
  /** Median ms until every interaction was in the copy (its progress bar gone), where the first screen showed one. */
  allLoaded?: number;
  reference: number;
  samples: number[];
}

async function overviewAtScale(browser: Browser, outDir: string): Promise<OverviewScaleRow | undefined> {
  const [partners, interactions] = OVERVIEW_SCALE;
  if (!(partners > 0) || !(interactions > 0)) return undefined;
  const server = await startDemoServer({ port: 0, distDir: outDir, emulator: {} });
  try {
    const started = Date.now();
    const seeded = await seedDemoAtScale(server.url, server.emulator, { partners, interactions });
    console.log(`overview at scale: seeded ${seeded.partners} partners, ${seeded.interactions} interactions in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const firstScreen: number[] = [];
    const headline: number[] = [];
    const allLoaded: number[] = [];
    const reference: number[] = [];
    // Warm-up to the first screen, not counted, as for the pane at scale: the server has just seeded a
    // million items, and a municipality's SharePoint is not meeting its first request.
    // It stays until the site's first-screen digest is written (docs/overview-digest.md): the opens below
    // are first-ever opens on a site where a colleague has opened the overview before.
    const warmUp = await newContext(browser);
    const warmPage = await throttledPage(warmUp);
    const digestWritten = warmPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/lists/OverviewDigest/items'), { timeout: OVERVIEW_TIMEOUT_MS });
    await timeTo(warmPage, `${server.url}/overview.html`, 'overview', OVERVIEW_TIMEOUT_MS).catch(() => undefined);
    await digestWritten.catch(() => console.error('overview at scale: the warm-up open wrote no digest'));
    await warmUp.close();
    // And the site's very first open, as before any overview made a digest: its read answered 404, as on a
    // site whose setup has not made the list yet.
    const withoutDigest: number[] = [];
    for (let run = 0; run < OVERVIEW_FIRST_RUNS; run++) {
      const context = await newContext(browser);
      const page = await throttledPage(context);
      await page.route(/\/lists\/OverviewDigest\//, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'itemNotFound', message: 'The specified list was not found' } }) }));
      withoutDigest.push(await timeTo(page, `${server.url}/overview.html`, 'overview', OVERVIEW_TIMEOUT_MS).catch(() => Number.NaN));
      await context.close();
    }
    for (let run = 0; run < OVERVIEW_FIRST_RUNS; run++) {
      const ref = await newContext(browser);
      reference.push(await timeTo(await throttledPage(ref), `${server.url}/reference/reference.html`, 'reference'));
      await ref.close();
      const context = await newContext(browser);
      const page = await throttledPage(context);
      try {
        firstScreen.push(await timeTo(page, `${server.url}/overview.html`, 'overview', OVERVIEW_TIMEOUT_MS));
        const at = await page.evaluate(() => (window as unknown as { __pzMarks: Record<string, number | undefined> }).__pzMarks.headline);
        if (at !== undefined) headline.push(at);
        // The rest behind the first screen, with progress: until every interaction is in the copy.
        const shown = await page.evaluate(() => (window as unknown as { __pzMarks: Record<string, number | undefined> }).__pzMarks.progressShown);
        if (shown !== undefined && run < OVERVIEW_RUNS) allLoaded.push(await markOf(page, 'interactionsLoaded', OVERVIEW_TIMEOUT_MS));
      } catch (error) {
        console.error(`overview at scale, run ${run + 1}: the register did not show within ${OVERVIEW_TIMEOUT_MS / 60_000} min`, String(error).split('\n')[0]);
      }
      await context.close();
    }
    const row: OverviewScaleRow = {
      partners: seeded.partners,
      interactions: seeded.interactions,
      firstScreen: firstScreen.length ? Math.round(median(firstScreen)) : undefined,
      headline: headline.length ? Math.round(median(headline)) : undefined,
      withoutDigest: withoutDigest.some(Number.isFinite) ? Math.round(median(withoutDigest.filter(Number.isFinite))) : undefined,
      allLoaded: allLoaded.length ? Math.round(median(allLoaded)) : undefined,
      reference: Math.round(median(reference)),
      samples: firstScreen.map(Math.round),
    };
    console.log(`overview first-ever open at ${row.partners} partners / ${row.interactions} interactions: attention headline ${row.headline ?? '—'} ms, register on screen ${row.firstScreen ?? 'not within the timeout'} ms (the site's very first open, no digest yet: ${row.withoutDigest ?? '—'} ms), every interaction in the copy (progress bar gone) ${row.allLoaded === undefined ? '—' : `${(row.allLoaded / 1000).toFixed(0)} s`}, reference ${row.reference} ms`);
    return row;
  } finally {
    await server.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The issue-19 table: one row per figure, its target, and whether it is met. */
function printScaleTable(rows: ScaleRow[], warm: { pane: number; later: number; reference: number }, overview?: OverviewScaleRow): void {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const table: string[][] = [['figure', 'measured', 'reference (same run)', 'ratio', 'target', 'bytes before context', '']];
  for (const r of rows) {
    table.push([`pane context cold, ${r.partners.toLocaleString('en')} partners / ${r.interactions.toLocaleString('en')} interactions`, `${r.cold} ms`, `${r.reference} ms`, `${r.ratio.toFixed(2)}x`, '<= 1.6x', `${kb(r.bytes)} (Graph ${kb(r.graphBytes)})`, met(r.ratio <= 1.6)]);
  }
  const small = rows.find((r) => r.partners === Math.min(...rows.map((x) => x.partners)));
  const big = rows.find((r) => r.partners === Math.max(...rows.map((x) => x.partners)));
  if (small && big && small !== big) {
    // The figures themselves, measured in the same interleaved runs (they share the reference above).
    const spread = big.cold / small.cold - 1;
    table.push([`pane cold, ${big.partners.toLocaleString('en')} vs ${small.partners.toLocaleString('en')} partners (${big.cold} vs ${small.cold} ms)`, `${(spread * 100).toFixed(1)}%`, '', '', 'within 10%', '', met(Math.abs(spread) <= 0.1)]);
    // Not one of the issue's rows, but its title: as fast at 50,000 partners as at 100, also on every later open.
    const warmSpread = big.warm / small.warm - 1;
    table.push([`pane warm, ${big.partners.toLocaleString('en')} vs ${small.partners.toLocaleString('en')} partners (${big.warm} vs ${small.warm} ms)`, `${(warmSpread * 100).toFixed(1)}%`, '', '', 'within 10%', '', met(Math.abs(warmSpread) <= 0.1)]);
  }
  const warmRatio = warm.pane / warm.reference;
  table.push([`pane warm, ${SCALE.partners.toLocaleString('en')} partners (snapshot on the device), the second open`, `${warm.pane} ms`, `${warm.reference} ms`, `${warmRatio.toFixed(2)}x`, '<= 1.0x', '', met(warmRatio <= 1.0)]);
  const laterRatio = warm.later / warm.reference;
  table.push([`pane warm, ${SCALE.partners.toLocaleString('en')} partners, every open after the second`, `${warm.later} ms`, `${warm.reference} ms`, `${laterRatio.toFixed(2)}x`, '<= 1.0x', '', met(laterRatio <= 1.0)]);
  const overviewName = `overview first screen (register), first-ever open (site's digest), ${(overview?.partners ?? OVERVIEW_SCALE[0] ?? 0).toLocaleString('en')} partners / ${(overview?.interactions ?? OVERVIEW_SCALE[1] ?? 0).toLocaleString('en')} interactions`;
  const skipped = !(OVERVIEW_SCALE[0] > 0);
  if (!overview) table.push([skipped ? 'overview first screen (register), first-ever open' : overviewName, skipped ? 'not measured (BENCH_OVERVIEW_SCALE=0)' : 'not measured (failed, see above)', '', '', '<= 3x', '', '']);
  else if (overview.firstScreen === undefined) table.push([overviewName, `not within ${OVERVIEW_TIMEOUT_MS / 60_000} min`, `${overview.reference} ms`, '', '<= 3x', '', met(false)]);
  else table.push([overviewName, `${overview.firstScreen} ms`, `${overview.reference} ms`, `${(overview.firstScreen / overview.reference).toFixed(2)}x`, '<= 3x', '', met(overview.firstScreen / overview.reference <= 3)]);
  if (overview?.withoutDigest !== undefined) table.push(['  the site\'s very first open (no digest yet: from the summaries)', `${overview.withoutDigest} ms`, `${overview.reference} ms`, `${(overview.withoutDigest / overview.reference).toFixed(2)}x`, '<= 3x', '', met(overview.withoutDigest / overview.reference <= 3)]);
  if (overview?.firstScreen !== undefined) table.push(['  then every interaction behind it (progress bar until done)', overview.allLoaded === undefined ? 'no progress bar seen' : `${(overview.allLoaded / 1000).toFixed(0)} s`, '', '', 'with progress', '', overview.allLoaded === undefined ? 'NOT met' : 'met']);
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
}

async function main(): Promise<void> {
  const outDir = benchDistDir();
  // `npm run bench` has just built (bench:size) and says so; alone, always build: a build left in the
  // temp dir may be older than the source.
  if (process.env.BENCH_BUILD_FRESH !== '1' || !hasBenchBuild(outDir)) {
    console.log(`building into ${outDir} …`);
    await buildForBench(outDir);
  }
  const server = await startDemoServer({ port: 0, distDir: outDir, emulator: {} });
  const started = Date.now();
  const seeded = await seedDemoAtScale(`${server.url}`, server.emulator, SCALE);
  // One partner with a 10,000-interaction timeline, for the long-list scroll.
  const [longId] = server.emulator.seedItems('Partners', [
    partnerToFields({ ...createDemoData({ scale: { partners: 1, interactions: 0 } }).partners[0], id: 'long', name: LONG_PARTNER.name, aliases: [], domains: [LONG_PARTNER.domain], contacts: [], interactionCount: LONG_PARTNER.interactions, lastContact: new Date().toISOString() }, 'p-long'),
  ], { site: DEFAULT_SITE });
  const base = Date.now() - LONG_PARTNER.interactions * 3_600_000;
  server.emulator.seedItems('Interactions', Array.from({ length: LONG_PARTNER.interactions }, (_, n) => interactionToFields({
    id: `long-${n}`, clientId: `long-${n}`, partnerId: longId, date: new Date(base + n * 3_600_000).toISOString(), kind: 'call', department: 'Wonen',
    authorEmail: OFFICIALS[n % OFFICIALS.length].email, authorName: OFFICIALS[n % OFFICIALS.length].name, themes: ['wonen'], title: `Gesprek ${n}`, summary: 'Korte samenvatting.', confidential: false, wooRelevant: false,
  })), { site: DEFAULT_SITE });
  console.log(`seeded ${seeded.partners} partners, ${seeded.interactions + LONG_PARTNER.interactions} interactions in ${((Date.now() - started) / 1000).toFixed(0)} s; ${RUNS} runs, CPU ${THROTTLE}× throttled`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const url = (page: string) => `${server.url}/${page}`;
  const results = { paneCold: [] as number[], paneWarm: [] as number[], paneWarmFresh: [] as number[], paneLater: [] as number[], meeting: [] as number[], overview: [] as number[], reference: [] as number[] };
  let overviewFirst = 0;
  const steps = { cold: [] as Array<Record<string, number>>, warm: [] as Array<Record<string, number>> };
  let scaleRows: ScaleRow[] = [];
  let overviewScale: OverviewScaleRow | undefined;
  const longTasks = { register: -1, registerSteps: 0, timeline: -1, timelineSteps: 0, timelineItems: 0 };
  try {
    // Warm-up (first JIT of the server, emulator indexes); not counted.
    {
      const context = await newContext(browser);
      await timeTo(await throttledPage(context), url('outlook.html'), 'context');
      await context.close();
    }
    for (let run = 0; run < RUNS; run++) {
      const context = await newContext(browser);
      const page = await throttledPage(context);
      results.paneCold.push(await timeTo(page, url('outlook.html'), 'context'));
      steps.cold.push(await paneSteps(page));
      // Warm is the next open after the pane has settled: the service worker installed (it installs when
      // the browser is idle after the first open) and the register snapshot written, as between two emails.
      await settle(page);
      results.paneWarm.push(await timeTo(page, url('outlook.html'), 'context'));
      results.paneWarmFresh.push(await markOf(page, 'fresh'));
      steps.warm.push(await paneSteps(page));
      // And the open after that, as every later email of the day, measured apart from the second, not instead
      // of it: a probe found it about 100 ms sooner at 4x. Chrome's code caching (v8.dev/blog/code-caching-for-devs)
      // is a likely cause, not one confirmed here.
      await settle(page);
      results.paneLater.push(await timeTo(page, url('outlook.html'), 'context'));
      await context.close();

      const meeting = await newContext(browser);
      results.meeting.push(await timeTo(await throttledPage(meeting), url('meeting.html'), 'context'));
      await meeting.close();

      const ref = await newContext(browser);
      results.reference.push(await timeTo(await throttledPage(ref), url('reference/reference.html'), 'reference'));
      await ref.close();
    }
    // The overview: one context; the first open fills its cache (100,000 interactions), then warm opens.
    {
      // The first open reads all 100,000 interactions into the local cache: unthrottled, not a measured figure.
      const context = await newContext(browser);
      const first = await throttledPage(context, 1);
      overviewFirst = await timeTo(first, url('overview.html'), 'overview', 300_000);
      // A first-ever open shows its first screen from the summaries and reads the interactions behind it:
      // the copy is complete (and stored) once its progress bar has gone.
      if (await first.evaluate(() => (window as unknown as { __pzMarks: Record<string, number | undefined> }).__pzMarks.progressShown !== undefined)) await markOf(first, 'interactionsLoaded', 300_000);
      // Let the first open finish writing its cache (and install the service worker).
      await settle(first);
      await first.waitForTimeout(1500);
      await first.close();
      const page = await throttledPage(context);
      for (let run = 0; run < RUNS; run++) results.overview.push(await timeTo(page, url('overview.html'), 'overview', 120_000));
      // Long list 1: scroll the register (1,000 partners) of the warm overview, once the last open has
      // settled (its delta sync and idle-time decoding are the open's cost, measured above, not scrolling's).
      await quiet(page);
      const registerScroll = await scrollLongestTask(page).catch((error: unknown) => (console.error('register scroll:', error), { longest: -1, steps: 0 }));
      longTasks.register = registerScroll.longest;
      longTasks.registerSteps = registerScroll.steps;
      // Long list 2: the full history of the partner with 10,000 interactions, on its page in the same
      // warm overview (paged: "show more" adds rows). Measured once the page has settled: paging and scrolling.
      try {
        await page.getByRole('textbox', { name: 'Zoek op naam, alias of domein' }).fill(LONG_PARTNER.domain);
        await page.getByTestId('overview-table').getByRole('button', { name: LONG_PARTNER.name }).click();
        await page.getByTestId('partner-page').getByTestId('timeline-item').first().waitFor({ timeout: 180_000 });
        await quiet(page);
        await page.evaluate(() => ((window as unknown as { __pzLongest: number }).__pzLongest = 0));
        const more = page.getByTestId('partner-page').getByRole('button', { name: /Meer tonen/ });
        for (let i = 0; i < 10 && (await more.count()) > 0; i++) await more.click();
        const timelineScroll = await scrollLongestTask(page, false);
        longTasks.timeline = timelineScroll.longest;
        longTasks.timelineSteps = timelineScroll.steps;
        longTasks.timelineItems = await page.getByTestId('partner-page').getByTestId('timeline-item').count();
      } catch (error) {
        console.error('timeline scroll not measured:', error);
      }
      await context.close();
    }
    // The register at every size (issue 19), with this browser; each size on its own server.
    scaleRows = await paneAtScale(browser, outDir);
    // At this size a run can fail (the tab out of memory): the rest of the table is printed regardless.
    overviewScale = await overviewAtScale(browser, outDir).catch((error: unknown) => (console.error('overview at scale not measured:', error), undefined));
  } finally {
    await browser.close().catch(() => undefined);
  }

  const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(median(v))])) as Record<keyof typeof results, number>;
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  console.log(`pane (Outlook demo) cold: median ${m.paneCold} ms (runs ${results.paneCold.map(Math.round).join(', ')})`);
  console.log(`pane (Outlook demo) warm: median ${m.paneWarm} ms (runs ${results.paneWarm.map(Math.round).join(', ')}); Graph's answer on screen: median ${m.paneWarmFresh} ms; the open after that: median ${m.paneLater} ms (runs ${results.paneLater.map(Math.round).join(', ')})`);
  const stepLine = (runs: Array<Record<string, number>>) =>
    ['context-requested', 'context-received']
      .map((step) => {
        const at = runs.map((r) => r[step]).filter((v): v is number => typeof v === 'number');
        return `${step} ${at.length ? Math.round(median(at)) : '—'} ms`;
      })
      .join(', ');
  console.log(`pane steps (median, since navigation): cold ${stepLine(steps.cold)}; warm ${stepLine(steps.warm)}`);
  console.log(`meeting panel cold:       median ${m.meeting} ms`);
  console.log(`overview warm:            median ${m.overview} ms (first open with an empty cache, unthrottled: ${Math.round(overviewFirst)} ms)`);
  console.log(`reference first paint:    median ${m.reference} ms`);
  console.log(`long lists at ${THROTTLE}×: longest task scrolling the register ${Math.round(longTasks.register)} ms (${longTasks.registerSteps} scroll steps; 0 ms: no task of 50 ms or more), paging and scrolling a 10,000-interaction history ${Math.round(longTasks.timeline)} ms (${longTasks.timelineItems} rows rendered, ${longTasks.timelineSteps} scroll steps); target < 100 ms ${ok(longTasks.register < 100 && longTasks.timeline < 100)}`);
  console.log(`targets at ${THROTTLE}×: pane warm < 1000 ms ${ok(m.paneWarm < 1000)}; pane cold < 1800 ms ${ok(m.paneCold < 1800)}; overview warm < 2500 ms ${ok(m.overview < 2500)}`);
  printScaleTable(scaleRows, { pane: m.paneWarm, later: m.paneLater, reference: m.reference }, overviewScale);
  const result = { runs: RUNS, throttle: THROTTLE, medians: m, scale: scaleRows, overviewScale, overviewFirst: Math.round(overviewFirst), longTasks: { ...longTasks, register: Math.round(longTasks.register), timeline: Math.round(longTasks.timeline) }, samples: results };
  if (process.env.BENCH_RESULTS) writeFileSync(`${process.env.BENCH_RESULTS}/open.json`, JSON.stringify(result, null, 1));
  await server.close();
  console.log(`open: pane ${m.paneWarm} ms warm, ${m.paneCold} ms cold, overview ${m.overview} ms, reference ${m.reference} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
