/**
 * `npm run bench:graph`: how many Graph round trips the data layer needs, counted in the emulator's
 * request log (a `$batch` counts once), at 1,000 partners / 100,000 interactions — and at a tenth of
 * that, to show which counts do not grow with the lists:
 *   - one partner's context (after sign-in, i.e. with the site id known): the target is 1;
 *   - the overview cold (first open: full read through the delta query) and warm (later opens): the
 *     warm target is at most 2.
 * Per action it prints the Graph requests (each request of a `$batch` counted) and the SharePoint resource
 * units they cost at Microsoft's published prices (src/emulator/resourceUnits.ts, docs/throttling.md).
 * Then issue 19's concurrency rows: 12 officials x 25 notes on 2 partners through 15% faults (the scenario
 * tests/data/concurrentOfficials.test.ts asserts on), and 50 officials opening the same partner's pane within a
 * minute against the app 1-minute limit of a 5,000-licence tenant: the units it costs, how many pane opens a
 * minute that limit allows, and how many the emulator's budget actually answered before its first 429.
 * The last line is the summary `npm run bench` reads.
 */
import 'fake-indexeddb/auto';
import { OverviewCache } from '../src/data/overviewCache';
import { ensureSchema } from '../src/data/ensureSchema';
import { GraphTransport } from '../src/data/graph/GraphTransport';
import { SharePointPartnerRepository } from '../src/data/SharePointPartnerRepository';
import { ADMIN_TOKEN_SCOPES, createTestToken, DEFAULT_SITE, startGraphEmulator, type GraphEmulator, type LoggedRequest } from '../src/emulator';
import { appLimitsFor, tenantLimitPer5MinutesFor } from '../src/emulator/resourceUnits';
import { INTERACTION_KINDS, PARTNER_CATEGORIES } from '../src/core/model';
import { runConcurrentOfficials } from '../tests/data/concurrentScenario';
import { startHarness } from '../tests/data/graphHarness';
import type { SiteIdMemo } from '../src/data/siteRef';

const SITE_REF = `${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}`;
const OFFICIAL = { email: 'bench@veenhaven.nl', name: 'Bench' };
const DEPARTMENTS = ['Wonen', 'Economie', 'Zorg', 'Mobiliteit', 'Onderwijs', 'Vastgoed'];
const THEMES = ['wonen', 'energietransitie', 'eenzaamheid', 'zorg', 'mobiliteit', 'economie', 'vastgoed'];

/** One user action: round trips (a `$batch` once), Graph requests (each in a batch), SharePoint resource units. */
interface Cost {
  trips: number;
  requests: number;
  units: number;
}

function costOf(log: readonly LoggedRequest[]): Cost {
  return {
    trips: log.filter((e) => !e.inBatch).length,
    requests: log.filter((e) => e.inBatch || !/\/\$batch(\?|$)/.test(e.url)).length,
    units: log.reduce((sum, e) => sum + e.resourceUnits, 0),
  };
}

interface Result {
  actions: Array<[string, Cost]>;
  partners: number;
  interactions: number;
  context: number;
  contextFirst: number;
  cold: number;
  warm: number;
  warmAfterChange: number;
  coldSeconds: number;
}

async function measure(partnerCount: number, interactionCount: number): Promise<Result> {
  const { url, emulator, close } = await startGraphEmulator({ port: 0 });
  try {
    const transport = () => GraphTransport.create({ baseUrl: url, getAccessToken: async () => createTestToken(OFFICIAL) });
    await ensureSchema(GraphTransport.create({ baseUrl: url, getAccessToken: async () => createTestToken({ ...OFFICIAL, scopes: ADMIN_TOKEN_SCOPES }) }), SITE_REF);
    seed(emulator, partnerCount, interactionCount);
    const trips = () => emulator.requestLog.filter((e) => !e.inBatch).length;
    const actions: Array<[string, Cost]> = [];
    const record = (name: string) => actions.push([name, costOf(emulator.requestLog)]);

    // One partner's context: first use (resolves the site) and after sign-in (site known).
    const repo = new SharePointPartnerRepository({ transport: transport(), siteRef: SITE_REF });
    emulator.clearLog();
    const context = await repo.getPartnerContext(String(partnerCount / 2));
    const contextFirst = trips();
    record('pane open, first use (resolves the site)');
    if (context.interactions.length === 0) throw new Error('bench partner has no interactions');
    emulator.clearLog();
    await repo.getPartnerContext(String(partnerCount / 2 + 1));
    const contextWarm = trips();
    record('pane open, next item (site id known)');
    // A new page with the site id remembered (localStorage): the context, and the site checked again in the background.
    const memo = new Map<string, string>([[SITE_REF, await repo.resolveSiteId()]]);
    const siteIdMemo: SiteIdMemo = { get: (ref) => memo.get(ref), set: (ref, id) => memo.set(ref, id) };
    emulator.clearLog();
    await new SharePointPartnerRepository({ transport: transport(), siteRef: SITE_REF, siteIdMemo }).getPartnerContext(String(partnerCount / 2 + 2));
    await settle();
    record('pane open, new page (site id remembered)');

    // The overview: cold, warm, and warm after a colleague logged a note.
    const dbName = `bench-${partnerCount}-${interactionCount}`;
    const cache = await OverviewCache.open({ transport: transport(), siteRef: SITE_REF, owner: OFFICIAL.email, dbName });
    emulator.clearLog();
    const started = Date.now();
    const cold = await cache.load();
    const coldSeconds = (Date.now() - started) / 1000;
    const coldTrips = trips();
    record('overview open, cold (full delta read)');
    if (cold.interactions.length !== interactionCount) throw new Error(`overview has ${cold.interactions.length} interactions`);
    emulator.clearLog();
    await cache.load();
    const warmTrips = trips();
    record('overview open, warm (delta with token)');
    emulator.clearLog();
    await repo.saveInteraction({
      id: 'bench-note', clientId: 'bench-note', partnerId: '7', date: new Date().toISOString(), kind: 'call', department: 'Wonen',
      authorEmail: OFFICIAL.email, authorName: OFFICIAL.name, themes: ['wonen'], title: 'Nabellen', summary: 'kort', confidential: false, wooRelevant: false,
    });
    record('note save');
    // Beside the note nothing is written in its way; the partner's summary is recounted after it, in the background.
    emulator.clearLog();
    await repo.summaries?.settled();
    record("the note's partner summary, recounted in the background (partner, ETag, interactions, If-Match)");
    emulator.clearLog();
    const changed = await cache.load();
    const warmAfterChange = trips();
    record('overview open, warm after a colleague\'s note');
    // The note is the one change: since issue 19 a note save writes nothing beside its item.
    if (changed.changes < 1) throw new Error('warm load missed the change');
    cache.close();
    return { actions, partners: partnerCount, interactions: interactionCount, context: contextWarm, contextFirst, cold: coldTrips, warm: warmTrips, warmAfterChange, coldSeconds };
  } finally {
    await close();
  }
}

/** Lets a background request (the remembered site id's check) reach the log. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Straight into the emulator's store (no HTTP): the bench measures reading, not seeding. */
function seed(emulator: GraphEmulator, partnerCount: number, interactionCount: number): void {
  const base = Date.parse('2024-01-01T00:00:00Z');
  emulator.seedItems(
    'Partners',
    Array.from({ length: partnerCount }, (_, n) => ({
      Title: `Partner ${n + 1}`,
      clientId: `p-${n + 1}`,
      category: PARTNER_CATEGORIES[n % PARTNER_CATEGORIES.length],
      domains: `partner${n + 1}.nl`,
      status: 'active',
      themes: THEMES.slice(n % 3, (n % 3) + 2).join('\n'),
      interactionCount: Math.floor(interactionCount / partnerCount),
      lastContact: new Date(base + n * 60_000).toISOString(),
    })),
  );
  const batch = 10_000;
  for (let start = 0; start < interactionCount; start += batch) {
    emulator.seedItems(
      'Interactions',
      Array.from({ length: Math.min(batch, interactionCount - start) }, (_, k) => {
        const n = start + k;
        return {
          Title: `Contact ${n}`,
          clientId: `i-${n}`,
          partnerId: String((n % partnerCount) + 1),
          date: new Date(base + n * 600_000).toISOString(),
          kind: INTERACTION_KINDS[n % INTERACTION_KINDS.length],
          department: DEPARTMENTS[n % DEPARTMENTS.length],
          authorEmail: `official${n % 40}@veenhaven.nl`,
          themes: THEMES[n % THEMES.length],
          summary: 'Korte samenvatting van het gesprek.',
        };
      }),
    );
  }
  emulator.seedItems(
    'Agenda',
    Array.from({ length: partnerCount * 2 }, (_, n) => ({ Title: `Afspraak ${n}`, clientId: `a-${n}`, partnerId: String((n % partnerCount) + 1), status: n % 3 === 0 ? 'done' : 'open', direction: 'samen' })),
  );
}

/** Prints rows as a fixed-width table. */
function table(header: string[], rows: Array<Array<string | number>>): void {
  // Columns of numbers right-aligned, the others left.
  const text = (c: string | number) => (typeof c === 'number' ? c.toLocaleString('en-US') : c);
  const widths = header.map((_, n) => Math.max(...[header, ...rows].map((r) => text(r[n]).length)));
  const numeric = header.map((_, n) => rows.every((r) => typeof r[n] === 'number'));
  const line = (r: Array<string | number>) => r.map((c, n) => (numeric[n] ? text(c).padStart(widths[n]) : text(c).padEnd(widths[n]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const LICENCES = 5_000;
const PANE_OFFICIALS = 50;

interface PaneStorm {
  opens: number;
  cost: Cost;
  perOpen: number;
  throttled: number;
  /** Pane opens the app 1-minute limit allows, from the published limit and the measured cost per open. */
  perMinute: number;
  perDay: number;
  tenantPer5Minutes: number;
  /** Pane opens the emulator's budget (that limit) answered in one window before its first 429. */
  measuredBeforeThrottle: number;
}

/**
 * 50 officials open the pane of the same partner (200 interactions, 12 agenda items) at once, each a new page with
 * the site id remembered, against the app 1-minute budget of a 5,000-licence tenant. Then more pane opens, in the
 * same window and without waiting for RateLimit headers, until the budget answers 429: the measured reference for
 * the capacity computed from the published limit.
 */
async function paneStorm(): Promise<PaneStorm> {
  const h = await startHarness();
  try {
    const admin = h.repository();
    const partner = await admin.savePartner({
      id: 'storm', name: 'Ziekenhuis Veenhaven', category: 'zorg', aliases: [], domains: ['zkh-veenhaven.nl'], contacts: [], themes: ['zorg'], status: 'active', interactionCount: 0,
    } as Parameters<typeof admin.savePartner>[0]);
    const base = Date.parse('2026-01-05T09:00:00Z');
    h.emulator.seedItems('Interactions', Array.from({ length: 200 }, (_, n) => ({ Title: `Overleg ${n}`, clientId: `storm-i-${n}`, partnerId: partner.id, date: new Date(base + n * 86_400_000).toISOString(), kind: 'meeting', department: DEPARTMENTS[n % DEPARTMENTS.length], authorEmail: `official${n % 50}@veenhaven.nl`, summary: 'Kort verslag.' })));
    h.emulator.seedItems('Agenda', Array.from({ length: 12 }, (_, n) => ({ Title: `Afspraak ${n}`, clientId: `storm-a-${n}`, partnerId: partner.id, status: 'open', direction: 'samen' })));
    const memo = new Map<string, string>([[SITE_REF, await admin.resolveSiteId()]]);
    const siteIdMemo: SiteIdMemo = { get: (ref) => memo.get(ref), set: (ref, id) => memo.set(ref, id) };
    const open = (n: number, honour = true) =>
      new SharePointPartnerRepository({
        transport: GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => createTestToken({ email: `official${n}@veenhaven.nl`, name: `Official ${n}` }), rateLimit: { honour }, retry: { maxRetries: 0 } }),
        siteRef: SITE_REF,
        siteIdMemo,
      }).getPartnerContext(partner.id);

    const limits = appLimitsFor(LICENCES);
    h.emulator.setResourceUnitLimit({ licences: LICENCES });
    h.emulator.clearLog();
    const contexts = await Promise.all(Array.from({ length: PANE_OFFICIALS }, (_, n) => open(n)));
    await settle();
    if (contexts.some((c) => c.interactions.length === 0)) throw new Error('a pane read no interactions');
    const cost = costOf(h.emulator.requestLog);
    const throttled = h.emulator.requestLog.filter((e) => e.status === 429).length;
    const perOpen = Math.round((cost.units / PANE_OFFICIALS) * 10) / 10;

    // The reference: keep opening panes in the same window, not slowing down, until the first 429.
    let opens = PANE_OFFICIALS;
    const started = Date.now();
    while (!h.emulator.requestLog.some((e) => e.status === 429) && Date.now() - started < 50_000) {
      await open(opens % PANE_OFFICIALS, false).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 5)); // the background site check
      opens++;
    }
    const firstThrottled = h.emulator.requestLog.some((e) => e.status === 429) ? opens - 1 : Number.NaN;
    return {
      opens: PANE_OFFICIALS,
      cost,
      perOpen,
      throttled,
      perMinute: Math.floor(limits.perMinute / perOpen),
      perDay: Math.floor(limits.per24Hours / perOpen),
      tenantPer5Minutes: Math.floor(tenantLimitPer5MinutesFor(LICENCES) / perOpen),
      measuredBeforeThrottle: firstThrottled,
    };
  } finally {
    h.emulator.setResourceUnitLimit(undefined);
    await h.close();
  }
}

async function main(): Promise<void> {
  const results: Result[] = [];
  for (const [partners, interactions] of [
    [100, 10_000],
    [1000, 100_000],
  ]) {
    const r = await measure(partners, interactions);
    results.push(r);
    console.log(
      `${r.partners} partners / ${r.interactions} interactions: context ${r.context} (first use ${r.contextFirst}, resolving the site), ` +
        `overview cold ${r.cold} (${r.coldSeconds.toFixed(1)} s), warm ${r.warm}, warm after a change ${r.warmAfterChange}`,
    );
  }
  const [small, large] = results;
  if (small.context !== large.context || small.warm !== large.warm) console.log('WARNING: context or warm counts grow with list size');

  console.log(`\nSharePoint resource units per action (Microsoft's published costs; ${small.interactions.toLocaleString('en-US')} | ${large.interactions.toLocaleString('en-US')} interactions):`);
  table(
    ['action', 'round trips', 'requests', 'resource units', 'round trips', 'requests', 'resource units'],
    large.actions.map(([name, c], n) => {
      const s = small.actions[n][1];
      return [name, s.trips, s.requests, s.units, c.trips, c.requests, c.units];
    }),
  );

  console.log('\nConcurrency (issue 19), through the real repository and write queues:');
  const h = await startHarness();
  let concurrency;
  try {
    concurrency = await runConcurrentOfficials(h, { officials: 12, notesEach: 25, faultRate: 0.15 });
  } finally {
    await h.close();
  }
  const c = concurrency;
  const storm = await paneStorm();
  const limits = appLimitsFor(LICENCES);
  table(
    ['scenario', 'figure'],
    [
      [`${c.officials} officials x ${c.notesEach} notes on 2 partners, 15% faults, ${c.reloads} reloads`, `${c.requests.toLocaleString('en-US')} requests, ${c.faults} faulted, ${c.resourceUnits.toLocaleString('en-US')} resource units, ${c.seconds.toFixed(1)} s`],
      ['  notes written / stored (one deleted on purpose)', `${c.written} / ${c.stored}`],
      ['  lost', c.lost.length],
      ['  duplicated', c.duplicated.length],
      ['  writes left failed or in conflict (left in queues)', `${c.failedOrConflict} (${c.leftInQueues})`],
      ['  figures (overview, pane and summaries) exact', c.figuresExact ? `yes ${JSON.stringify(c.expected)}` : `NO: expected ${JSON.stringify(c.expected)}, overview ${JSON.stringify(c.overview)}, pane ${JSON.stringify(c.pane)}, summaries ${JSON.stringify(c.summaries)}`],
      [`${storm.opens} officials open the same partner's pane within a minute`, `${storm.cost.trips} round trips, ${storm.cost.requests} requests, ${storm.cost.units.toLocaleString('en-US')} resource units (${storm.perOpen} per open), ${storm.throttled} throttled`],
      [`  app limit, ${LICENCES.toLocaleString('en-US')}-licence tenant (per app per tenant)`, `${limits.perMinute.toLocaleString('en-US')} units / 1 min, ${limits.per24Hours.toLocaleString('en-US')} / 24 h`],
      ['  pane opens a minute before throttling (computed)', storm.perMinute],
      ['  pane opens the emulator answered before its first 429 (measured)', Number.isNaN(storm.measuredBeforeThrottle) ? 'not reached' : storm.measuredBeforeThrottle],
      ['  pane opens a day (24 h limit)', storm.perDay],
      [`  pane opens per 5 min, whole tenant (all apps share ${tenantLimitPer5MinutesFor(LICENCES).toLocaleString('en-US')} units)`, storm.tenantPer5Minutes],
    ],
  );

  console.log(
    `graph: context ${large.context} round trips, overview cold ${large.cold}, warm ${large.warm} at ${large.interactions} interactions; ` +
      `pane open ${storm.perOpen} RU (new page), ${storm.perMinute} pane opens a minute (${LICENCES}-licence tenant); ` +
      `concurrency lost ${c.lost.length} duplicated ${c.duplicated.length} failed ${c.failedOrConflict} figures ${c.figuresExact ? 'exact' : 'WRONG'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
