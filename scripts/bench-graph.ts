/**
 * `npm run bench:graph`: how many Graph round trips the data layer needs, counted in the emulator's
 * request log (a `$batch` counts once), at 1,000 partners / 100,000 interactions — and at a tenth of
 * that, to show which counts do not grow with the lists:
 *   - one partner's context (after sign-in, i.e. with the site id known): the target is 1;
 *   - the overview cold (first open: full read through the delta query) and warm (later opens): the
 *     warm target is at most 2.
 * The last line is the summary the issue asks for.
 */
import 'fake-indexeddb/auto';
import { OverviewCache } from '../src/data/overviewCache';
import { ensureSchema } from '../src/data/ensureSchema';
import { GraphTransport } from '../src/data/graph/GraphTransport';
import { SharePointPartnerRepository } from '../src/data/SharePointPartnerRepository';
import { ADMIN_TOKEN_SCOPES, createTestToken, DEFAULT_SITE, startGraphEmulator, type GraphEmulator } from '../src/emulator';
import { INTERACTION_KINDS, PARTNER_CATEGORIES } from '../src/core/model';

const SITE_REF = `${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}`;
const OFFICIAL = { email: 'bench@veenhaven.nl', name: 'Bench' };
const DEPARTMENTS = ['Wonen', 'Economie', 'Zorg', 'Mobiliteit', 'Onderwijs', 'Vastgoed'];
const THEMES = ['wonen', 'energietransitie', 'eenzaamheid', 'zorg', 'mobiliteit', 'economie', 'vastgoed'];

interface Result {
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

    // One partner's context: first use (resolves the site) and after sign-in (site known).
    const repo = new SharePointPartnerRepository({ transport: transport(), siteRef: SITE_REF });
    emulator.clearLog();
    const context = await repo.getPartnerContext(String(partnerCount / 2));
    const contextFirst = trips();
    if (context.interactions.length === 0) throw new Error('bench partner has no interactions');
    emulator.clearLog();
    await repo.getPartnerContext(String(partnerCount / 2 + 1));
    const contextWarm = trips();

    // The overview: cold, warm, and warm after a colleague logged a note.
    const dbName = `bench-${partnerCount}-${interactionCount}`;
    const cache = await OverviewCache.open({ transport: transport(), siteRef: SITE_REF, owner: OFFICIAL.email, dbName });
    emulator.clearLog();
    const started = Date.now();
    const cold = await cache.load();
    const coldSeconds = (Date.now() - started) / 1000;
    const coldTrips = trips();
    if (cold.interactions.length !== interactionCount) throw new Error(`overview has ${cold.interactions.length} interactions`);
    emulator.clearLog();
    await cache.load();
    const warmTrips = trips();
    await repo.saveInteraction({
      id: 'bench-note', clientId: 'bench-note', partnerId: '7', date: new Date().toISOString(), kind: 'call', department: 'Wonen',
      authorEmail: OFFICIAL.email, authorName: OFFICIAL.name, themes: ['wonen'], title: 'Nabellen', summary: 'kort', confidential: false, wooRelevant: false,
    });
    emulator.clearLog();
    const changed = await cache.load();
    const warmAfterChange = trips();
    if (changed.changes < 2) throw new Error('warm load missed the change');
    cache.close();
    return { partners: partnerCount, interactions: interactionCount, context: contextWarm, contextFirst, cold: coldTrips, warm: warmTrips, warmAfterChange, coldSeconds };
  } finally {
    await close();
  }
}

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
  console.log(`graph: context ${large.context} round trips, overview cold ${large.cold}, warm ${large.warm} at ${large.interactions} interactions`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
