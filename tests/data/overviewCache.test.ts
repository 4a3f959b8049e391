import 'fake-indexeddb/auto';
import type { Partner } from '../../src/core/model';
import { OverviewCache, type OverviewProgress } from '../../src/data/overviewCache';
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
    // site lookup + 3 batches (230 interactions at 100 per page); the other lists finish in the first.
    expect(roundTrips()).toBe(4);
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
