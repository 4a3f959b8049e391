import 'fake-indexeddb/auto';
import type { Partner } from '../../src/core/model';
import { OverviewCache, type OverviewProgress } from '../../src/data/overviewCache';
import { tableIds } from '../../src/core/overview/interactionTable';
import { openLocalDatabase } from '../../src/data/localDatabase';
import { ensureSchema } from '../../src/data/ensureSchema';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';
import { ANNA, BRAM, SITE_REF, startHarness, type Harness } from './graphHarness';

describe('OverviewCache against the emulator', () => {
  let h: Harness;
  const roundTrips = () => h.emulator.requestLog.filter((e) => !e.inBatch).length;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('reads everything once with progress, then only what changed, in one round trip', async () => {
    const repo = h.repository();
    const partners: Partner[] = [];
    for (let n = 0; n < 3; n++) partners.push(await repo.savePartner(newPartner({ name: `Overview ${n}` })));
    const rows = Array.from({ length: 230 }, (_, n) => ({ Title: `o ${n}`, clientId: `ov-${n}`, partnerId: partners[n % 3].id, date: '2026-05-01T10:00:00Z', kind: 'call', department: 'Economie', summary: 'geheim', themes: 'economie\nmobiliteit' }));
    h.emulator.seedItems('Interactions', rows);
    await repo.saveAgendaItem(newAgendaItem(partners[0].id));

    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName: 'overview-1', pageSize: 100 });
    expect(cache.durable).toBe(true);
    const progress: OverviewProgress[] = [];
    h.emulator.clearLog();
    const cold = await cache.load((p) => progress.push(p));
    expect(cold.mode).toBe('cold');
    expect(cold.partners).toHaveLength(3);
    expect(cold.interactions).toHaveLength(230);
    expect(cold.agenda).toHaveLength(1);
    expect(cold.interactions[0]).toMatchObject({ department: 'Economie', themes: ['economie', 'mobiliteit'], kind: 'call' });
    expect(cold.interactions[0]).not.toHaveProperty('summary');
    // 3 batches (230 interactions at 100 per page); the other lists finish in the first. No site lookup:
    // the lists are addressed through the site's path.
    expect(roundTrips()).toBe(3);
    expect(progress.filter((p) => p.list === 'Interactions').map((p) => p.loaded)).toEqual([100, 200, 230]);
    expect(progress.filter((p) => p.done).map((p) => p.list).sort()).toEqual(['Agenda', 'Interactions', 'Partners']);

    // Changes by a colleague: a new note (which also updates the partner), and a deleted one.
    const bram = h.repository(BRAM);
    const note = await bram.saveInteraction(newInteraction(partners[1].id, { date: '2026-11-25T10:00:00Z' }));
    const gone = cold.interactions.find((i) => i.clientId === 'ov-7')!;
    await bram.deleteInteraction({ ...gone, summary: '' });

    h.emulator.clearLog();
    const warm = await cache.load();
    expect(roundTrips()).toBe(1);
    expect(warm.mode).toBe('warm');
    expect(warm.changes).toBeLessThanOrEqual(5);
    expect(warm.interactions).toHaveLength(230);
    expect(warm.interactions.some((i) => i.id === note.id)).toBe(true);
    expect(warm.interactions.some((i) => i.clientId === 'ov-7')).toBe(false);
    expect(warm.partners.find((p) => p.id === partners[1].id)?.lastContact).toBe('2026-11-25T10:00:00Z');
    cache.close();

    // Reopened (a new session): still warm.
    const reopened = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName: 'overview-1' });
    h.emulator.clearLog();
    const again = await reopened.load();
    expect(again).toMatchObject({ mode: 'warm', changes: 0 });
    expect(again.interactions).toHaveLength(230);
    expect(roundTrips()).toBe(1); // the stored delta links need no site lookup

    // Another official on the same device starts from nothing.
    const other = await OverviewCache.open({ transport: h.transport(BRAM), siteRef: SITE_REF, owner: BRAM.email, dbName: 'overview-1' });
    expect((await other.load()).mode).toBe('cold');
    reopened.close();
    other.close();
  });

  it('stores the interactions as columns, and after a delta that brought nothing only a new link', async () => {
    const repo = h.repository();
    const p = await repo.savePartner(newPartner({ name: 'Kolommen' }));
    h.emulator.seedItems('Interactions', Array.from({ length: 40 }, (_, n) => ({ Title: `k ${n}`, clientId: `k-${n}`, partnerId: p.id, date: '2026-05-01T10:00:00Z', kind: n % 2 ? 'review' : 'call', reviewScore: n % 2 ? 3 : undefined, department: 'Wonen', themes: 'wonen' })));
    const dbName = 'overview-columns';
    const scope = `${ANNA.email}|${SITE_REF}`;
    const db = (await openLocalDatabase(dbName))!;
    const record = (list: string) => db.get('cacheState', [scope, list]) as Promise<Record<string, unknown> | undefined>;
    const open = () => OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName });

    const first = await open();
    const cold = await first.load();
    first.close();
    const stored = await record('Interactions');
    expect(stored).toHaveProperty('table');
    expect(stored).not.toHaveProperty('entries');
    expect(cold.interactions.filter((i) => i.reviewScore === 3)).toHaveLength(cold.interactions.filter((i) => i.kind === 'review').length);
    expect(cold.interactionTable.length).toBe(cold.interactions.length);

    // Nothing changed: the lists are not written again (a newer link, if the server gives one, goes in a small record beside).
    const second = await open();
    const warm = await second.load();
    second.close();
    expect(warm).toMatchObject({ mode: 'warm', changes: 0 });
    expect(warm.interactions).toEqual(cold.interactions);
    expect((await record('Interactions'))!.syncedAt).toBe(stored!.syncedAt);
    const link = await record('Interactions#link');
    if (link) expect(link).not.toHaveProperty('table');

    // The next session starts from that newer link, and a change rewrites the list (and drops the link record).
    await repo.saveInteraction(newInteraction(p.id, { date: '2026-11-25T10:00:00Z' }));
    const third = await open();
    h.emulator.clearLog();
    const changed = await third.load();
    third.close();
    expect(changed.mode).toBe('warm');
    expect(changed.interactions).toHaveLength(cold.interactions.length + 1);
    expect(tableIds(changed.interactionTable)).toEqual(changed.interactions.map((i) => i.id));
    expect((await record('Interactions'))!.syncedAt).not.toBe(stored!.syncedAt);
    expect(await record('Interactions#link')).toBeUndefined();

    const fourth = await open();
    expect(await fourth.load()).toMatchObject({ mode: 'warm', changes: 0 });
    fourth.close();
    db.close();
  });

  it('reads interactions stored in the earlier [id, item] layout and writes them back as columns', async () => {
    const dbName = 'overview-upgrade';
    const first = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName });
    const cold = await first.load();
    first.close();
    const scope = `${ANNA.email}|${SITE_REF}`;
    const db = (await openLocalDatabase(dbName))!;
    const stored = (await db.get('cacheState', [scope, 'Interactions']))!;
    await db.put('cacheState', { scope, list: 'Interactions', deltaLink: stored.deltaLink, columns: stored.columns, syncedAt: stored.syncedAt, entries: cold.interactions.map((i) => [i.id, i]) });
    await db.delete('cacheState', [scope, 'Interactions#link']);

    const again = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName });
    const warm = await again.load();
    again.close();
    expect(warm.mode).toBe('warm');
    expect(warm.interactions).toEqual(cold.interactions);
    const upgraded = (await db.get('cacheState', [scope, 'Interactions'])) as unknown as Record<string, unknown>;
    expect(upgraded).toHaveProperty('table');
    expect(upgraded).not.toHaveProperty('entries');
    db.close();
  });

  it('leaves withdrawn notes out, also when a copy made before withdrawals existed is brought up to date', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner({ name: 'Ingetrokken' }));
    const kept = await repo.saveInteraction(newInteraction(partner.id, { title: 'blijft' }));
    const later = await repo.saveInteraction(newInteraction(partner.id, { title: 'wordt ingetrokken' }));
    const dbName = 'overview-withdrawn';
    const first = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName });
    expect((await first.load()).interactions.filter((i) => i.partnerId === partner.id)).toHaveLength(2);
    first.close();
    // The copy as a release before withdrawals stored it: a delta link asking for columns without withdrawnAt.
    const scope = `${ANNA.email}|${SITE_REF}`;
    const db = (await openLocalDatabase(dbName))!;
    const stored = (await db.get('cacheState', [scope, 'Interactions']))!;
    const { columns: _columns, ...older } = stored;
    await db.put('cacheState', { ...older, deltaLink: stored.deltaLink.replace(encodeURIComponent(',withdrawnAt'), '') });

    await repo.saveInteraction({ ...later, withdrawn: { at: '2026-12-03T09:00:00.000Z', byName: ANNA.name, byEmail: ANNA.email, reason: 'Dubbel' } });
    const again = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName });
    const load = await again.load();
    expect(load.mode).toBe('cold');
    expect(load.interactions.filter((i) => i.partnerId === partner.id).map((i) => i.id)).toEqual([kept.id]);
    expect(load.partners.find((p) => p.id === partner.id)?.interactionCount).toBe(1);
    // And a withdrawal arriving by delta removes the note from a current copy.
    await repo.saveInteraction({ ...kept, etag: (await repo.findInteractionByClientId(kept.clientId))!.etag, withdrawn: { at: '2026-12-03T09:05:00.000Z', byName: ANNA.name, byEmail: ANNA.email, reason: 'Ook dubbel' } });
    const warm = await again.load();
    expect(warm.mode).toBe('warm');
    expect(warm.interactions.filter((i) => i.partnerId === partner.id)).toEqual([]);
    again.close();
    db.close();
  });

  it('asks for the next page before it applies the page it has', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner({ name: 'Paged' }));
    h.emulator.seedItems('Interactions', Array.from({ length: 250 }, (_, n) => ({ Title: `p ${n}`, clientId: `pg-${n}`, partnerId: partner.id, date: '2026-05-01T10:00:00Z', kind: 'call', department: 'Economie' })));
    const transport = h.transport();
    let batches = 0;
    const batch = transport.batch.bind(transport);
    transport.batch = (steps) => {
      batches += 1;
      return batch(steps);
    };
    const cache = await OverviewCache.open({ transport, siteRef: SITE_REF, owner: ANNA.email, dbName: 'overview-paged', pageSize: 100 });
    // When a page's progress is reported (after it is applied), the request for the page after it is out already.
    const requestsAtProgress: Array<[number, number]> = [];
    const load = await cache.load((p) => p.list === 'Interactions' && requestsAtProgress.push([p.loaded, batches]));
    expect(requestsAtProgress.slice(0, 2)).toEqual([
      [100, 2],
      [200, 3],
    ]);
    expect(load.interactions.filter((i) => i.partnerId === partner.id)).toHaveLength(250);
    cache.close();
  });

  it('reads a list in full again when Graph no longer knows its delta link (410)', async () => {
    const repo = h.repository();
    await repo.savePartner(newPartner({ name: 'Before the reset' }));
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email, dbName: 'overview-410' });
    expect((await cache.load()).partners.some((p) => p.name === 'Before the reset')).toBe(true);
    // The lists made again from nothing: every stored delta link now answers 410 resyncRequired
    // (https://learn.microsoft.com/graph/delta-query-overview, "Synchronization reset").
    await h.emulator.reset();
    await ensureSchema(h.adminTransport(), SITE_REF);
    await h.repository().savePartner(newPartner({ name: 'After the reset' }));
    h.emulator.clearLog();
    const again = await cache.load();
    expect(h.emulator.requestLog.some((e) => e.status === 410)).toBe(true);
    expect(again.mode).toBe('cold');
    expect(again.partners.map((p) => p.name)).toEqual(['After the reset']);
    cache.close();
  });

  it('keeps working in memory without IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: ANNA.email });
      expect(cache.durable).toBe(false);
      expect((await cache.load()).mode).toBe('cold');
      expect((await cache.load()).mode).toBe('warm');
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
