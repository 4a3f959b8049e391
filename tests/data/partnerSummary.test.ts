/**
 * The PartnerSummary list against the emulator (issue 19): recounted in the background after every note
 * a repository writes, never in a note's way, exact when two recounts race (If-Match), filled and repaired
 * by ensureSchema, and read by the overview's first-ever open before the interactions.
 */
import 'fake-indexeddb/auto';
import { summarisePartner, type PartnerSummary } from '../../src/core/overview/partnerSummary';
import { ensureSchema } from '../../src/data/ensureSchema';
import type { GraphTransport } from '../../src/data/graph/GraphTransport';
import { GraphRequestError } from '../../src/data/graph/errors';
import { countedFromItems, readAllSummaries, recountPartner, type SummaryPaths } from '../../src/data/partnerSummary';
import { interactionToFields, type ListItem } from '../../src/data/listFields';
import { OverviewCache, type SummariesFirstScreen } from '../../src/data/overviewCache';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, BRAM, recordingSleep, SITE_REF, startHarness, type Harness } from './graphHarness';

describe('PartnerSummary', () => {
  let h: Harness;
  let paths: SummaryPaths;
  beforeAll(async () => {
    h = await startHarness();
    const site = `/sites/${await h.repository().resolveSiteId()}/lists`;
    paths = { interactions: `${site}/Interactions`, summaries: `${site}/PartnerSummary` };
  });
  afterAll(() => h.close());

  const summaryOf = async (partnerId: string): Promise<PartnerSummary | undefined> => (await readAllSummaries(h.transport(), paths.summaries)).find((s) => s.summary.partnerId === partnerId)?.summary;
  /** What a recount from the interactions as stored now gives. */
  const truth = async (partnerId: string) => {
    const items = await h.transport().getAll<ListItem>(`${paths.interactions}/items?$expand=fields`);
    return summarisePartner(partnerId, countedFromItems(items), new Date());
  };
  const facts = (s?: PartnerSummary) => s && { interactionCount: s.interactionCount, lastContact: s.lastContact, reviews: s.reviews, departments: s.departments };

  it('is recounted after a note is saved, changed, withdrawn or deleted, without holding the note up', async () => {
    const repo = h.repository(ANNA, recordingSleep(), { keepSummaries: true });
    const partner = await repo.savePartner(newPartner({ name: 'Ziekenhuis Zuid', domains: ['zkh-zuid.nl'] }));
    const a = await repo.saveInteraction(newInteraction(partner.id, { date: '2026-10-01T09:00:00Z', department: 'Zorg' }));
    const b = await repo.saveInteraction(newInteraction(partner.id, { date: '2026-11-01T09:00:00Z', kind: 'review', review: { goesWell: '', couldImprove: '', score: 4 } }));
    await repo.summaries!.settled();
    expect(facts(await summaryOf(partner.id))).toEqual(facts(await truth(partner.id)));
    expect((await summaryOf(partner.id))?.interactionCount).toBe(2);

    await repo.saveInteraction({ ...b, date: '2026-11-15T09:00:00Z' });
    await repo.deleteInteraction(a);
    await repo.summaries!.settled();
    expect(await summaryOf(partner.id)).toMatchObject({ interactionCount: 1, lastContact: '2026-11-15T09:00:00Z', reviews: [{ id: b.id, score: 4 }] });
    expect(repo.summaries!.pending()).toEqual([]);
  });

  it('stays exact when a colleague’s recount writes between another recount’s read and its write (If-Match)', async () => {
    const anna = h.repository(ANNA);
    const partner = await anna.savePartner(newPartner({ name: 'Zorggroep Race', domains: ['race.nl'] }));
    await recountPartner(h.transport(), paths, partner.id); // a summary of no notes yet
    await anna.saveInteraction(newInteraction(partner.id, { date: '2026-10-01T09:00:00Z' }));
    // Anna's recount (of her note) stops right after reading the interactions…
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused = false;
    const base = h.transport(ANNA);
    const slow = new Proxy(base, {
      get(target, name, receiver) {
        if (name !== 'getAll') return Reflect.get(target, name, receiver);
        return async (path: string, onPage?: (n: number) => void) => {
          const result = await target.getAll(path, onPage);
          if (!paused && path.includes('/Interactions/')) {
            paused = true;
            await gate;
          }
          return result;
        };
      },
    }) as GraphTransport;
    const annaRecount = recountPartner(slow, paths, partner.id);
    while (!paused) await new Promise((r) => setTimeout(r, 5));
    // …while Bram saves a note and his recount writes the summary.
    const bram = h.repository(BRAM);
    await bram.saveInteraction(newInteraction(partner.id, { date: '2026-11-20T09:00:00Z', authorEmail: BRAM.email, authorName: BRAM.name }));
    await recountPartner(h.transport(BRAM), paths, partner.id);
    release();
    await annaRecount;
    // Anna's write was refused (412) and she counted again: both notes.
    expect(await summaryOf(partner.id)).toMatchObject({ interactionCount: 2, lastContact: '2026-11-20T09:00:00Z' });
  });

  it('a note is saved whatever happens to its recount, and the recount is tried again until it gets through', async () => {
    const repo = h.repository(ANNA, recordingSleep(), { keepSummaries: true });
    const partner = await repo.savePartner(newPartner({ name: 'Faultbedrijf', domains: ['fault.nl'] }));
    await repo.summaries!.settled();
    h.emulator.setFaults({ rate: 0.5, kinds: ['429', '503', 'drop'], seed: 7 });
    try {
      for (let n = 0; n < 5; n++) await repo.saveInteraction(newInteraction(partner.id, { date: `2026-11-0${n + 1}T09:00:00Z` }));
    } finally {
      // Faults off while the background recount still runs: its retries get through.
      h.emulator.setFaults(undefined);
    }
    await repo.summaries!.settled();
    expect(await summaryOf(partner.id)).toMatchObject({ interactionCount: 5, lastContact: '2026-11-05T09:00:00Z' });
  });

  it('a recount the page did not get to before it closed is done by the next page', async () => {
    const storage = new Map<string, string>();
    const device = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const partner = await h.repository().savePartner(newPartner({ name: 'Herlaadbedrijf', domains: ['herlaad.nl'] }));
    // The first page saves its note, but every recount read fails and its wait never ends: then it is closed.
    const failing = new Proxy(h.transport(), {
      get(target, name, receiver) {
        if (name === 'getAll') return async () => Promise.reject(new GraphRequestError(503, 'serviceNotAvailable', 'down'));
        return Reflect.get(target, name, receiver);
      },
    }) as GraphTransport;
    const closing = new SharePointPartnerRepository({ transport: failing, siteRef: SITE_REF, sleep: () => new Promise<void>(() => undefined), deviceStorage: device, createAttempts: 1 });
    await closing.saveInteraction(newInteraction(partner.id, { date: '2026-11-04T09:00:00Z' }));
    await new Promise((r) => setTimeout(r, 20));
    expect([...storage.values()].join()).toContain(partner.id);
    expect(await summaryOf(partner.id)).toBeUndefined();
    // The next page takes it up (after its first screen: here at once).
    const next = new SharePointPartnerRepository({ transport: h.transport(), siteRef: SITE_REF, sleep: recordingSleep(), deviceStorage: device });
    await new Promise((r) => setTimeout(r, 20));
    await next.summaries!.settled();
    expect(await summaryOf(partner.id)).toMatchObject({ interactionCount: 1, lastContact: '2026-11-04T09:00:00Z' });
    expect(storage.size).toBe(0);
  });

  it('setup fills missing summaries, repairs wrong ones and removes those of partners gone; a second run changes nothing', async () => {
    const repo = h.repository();
    const partner = await repo.savePartner(newPartner({ name: 'Scholengroep Repair', domains: ['repair.nl'] }));
    await repo.saveInteraction(newInteraction(partner.id, { date: '2026-09-09T09:00:00Z' }));
    const admin = h.adminTransport();
    // A wrong one (hand-edited), and one for a partner that never existed.
    const wrong = await recountPartner(admin, paths, partner.id).then(() => readAllSummaries(admin, paths.summaries));
    const mine = wrong.find((s) => s.summary.partnerId === partner.id)!;
    await admin.request('PATCH', `${paths.summaries}/items/${mine.item.id}/fields`, { body: { interactionCount: 99 } });
    await admin.request('POST', `${paths.summaries}/items`, { body: { fields: { Title: 'ghost', clientId: 'ghost-partner', interactionCount: 3 } } });
    const first = await ensureSchema(admin, SITE_REF);
    expect(first.summaryChanges).toBeGreaterThanOrEqual(2);
    expect((await summaryOf(partner.id))?.interactionCount).toBe(1);
    expect(await summaryOf('ghost-partner')).toBeUndefined();
    expect((await ensureSchema(admin, SITE_REF)).summaryChanges).toBe(0);
  });

  it('a first-ever overview open hands over the register with the summaries’ figures before it reads the interactions', async () => {
    await ensureSchema(h.adminTransport(), SITE_REF);
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'first@veenhaven.nl', dbName: 'summary-first', pageSize: 2 });
    const order: string[] = [];
    let first: SummariesFirstScreen | undefined;
    const load = await cache.load(
      (p) => order.push(`${p.list}:${p.loaded}`),
      (f) => {
        // No overview has made a digest on this site yet.
        if ('digest' in f) throw new Error('a digest on a site without one');
        first = f;
        order.push('first screen');
      },
    );
    cache.close();
    expect(first).toBeDefined();
    // Nothing of the interactions read before the first screen, all of them after.
    expect(order.findIndex((o) => o.startsWith('Interactions'))).toBeGreaterThan(order.indexOf('first screen'));
    expect(first!.partners.map((p) => [p.id, p.interactionCount, p.lastContact]).sort()).toEqual(load.partners.map((p) => [p.id, p.interactionCount, p.lastContact]).sort());
    expect(first!.interactions).toBe(load.interactionTable.length);
    // Summaries and interactions agree: nothing to recount.
    expect(load.summariesOutOfStep).toEqual([]);
    // A warm open has its copy: no first screen, no summaries read.
    const again = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'first@veenhaven.nl', dbName: 'summary-first' });
    let second = false;
    const warm = await again.load(undefined, () => {
      second = true;
    });
    again.close();
    expect(second).toBe(false);
    expect(warm.summariesOutOfStep).toBeUndefined();
  });

  it('a note written outside the app (no recount): the first-ever overview open names its partner, and the recount it asks for makes the summary exact', async () => {
    const repo = h.repository(ANNA, recordingSleep(), { keepSummaries: true });
    const partner = await repo.savePartner(newPartner({ name: 'Zorggroep Noord', domains: ['zorggroep-noord.nl'] }));
    await repo.saveInteraction(newInteraction(partner.id, { date: '2026-10-01T09:00:00Z', department: 'Zorg' }));
    await ensureSchema(h.adminTransport(), SITE_REF);
    // A flow adds a note straight into the list: the app's keeper never hears of it.
    await h.adminTransport().request('POST', `${paths.interactions}/items`, { body: { fields: interactionToFields(newInteraction(partner.id, { date: '2026-11-20T09:00:00Z', department: 'Wonen' })) } });
    expect((await summaryOf(partner.id))?.interactionCount).toBe(1);
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'outside@veenhaven.nl', dbName: 'summary-outside' });
    const load = await cache.load(undefined, () => undefined);
    cache.close();
    expect(load.summariesOutOfStep).toEqual([partner.id]);
    repo.summaries!.touch(load.summariesOutOfStep!);
    await repo.summaries!.settled();
    expect(facts(await summaryOf(partner.id))).toEqual(facts(await truth(partner.id)));
    expect((await summaryOf(partner.id))?.interactionCount).toBe(2);
  });

  it('a note moved to another department outside the app (same count, same last contact): the first-ever open names its partner too', async () => {
    const repo = h.repository(ANNA, recordingSleep(), { keepSummaries: true });
    const partner = await repo.savePartner(newPartner({ name: 'Zorggroep Zuid', domains: ['zorggroep-zuid.nl'] }));
    const note = await repo.saveInteraction(newInteraction(partner.id, { date: '2026-10-01T09:00:00Z', department: 'Zorg' }));
    await repo.summaries!.settled();
    await ensureSchema(h.adminTransport(), SITE_REF);
    // SharePoint's own list view: someone corrects the department of the note.
    await h.adminTransport().request('PATCH', `${paths.interactions}/items/${note.id}/fields`, { body: { department: 'Wonen' } });
    expect((await summaryOf(partner.id))?.departments.map((d) => d.department)).toEqual(['Zorg']);
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'moved@veenhaven.nl', dbName: 'summary-moved' });
    const load = await cache.load(undefined, () => undefined);
    cache.close();
    expect(load.summariesOutOfStep).toEqual([partner.id]);
    repo.summaries!.touch(load.summariesOutOfStep!);
    await repo.summaries!.settled();
    expect((await summaryOf(partner.id))?.departments.map((d) => d.department)).toEqual(['Wonen']);
  });
  it('a note without a date (SharePoint\'s form does not require one): counted, nobody\'s last contact, in the overview, the summary and setup alike', async () => {
    const repo = h.repository(ANNA, recordingSleep(), { keepSummaries: true });
    const partner = await repo.savePartner(newPartner({ name: 'Datumloos', domains: ['datumloos.nl'] }));
    // Added outside the app before the app's own notes, so it comes first in the list's order.
    await h.adminTransport().request('POST', `${paths.interactions}/items`, { body: { fields: { Title: 'Via een flow', partnerId: partner.id, department: 'Zorg' } } });
    await repo.saveInteraction(newInteraction(partner.id, { date: '2026-11-01T10:00:00Z', department: 'Zorg' }));
    const last = await repo.saveInteraction(newInteraction(partner.id, { date: '2026-11-03T10:00:00Z', department: 'Wonen' }));
    await repo.summaries!.settled();
    expect(repo.summaries!.pending()).toEqual([]);
    expect(await summaryOf(partner.id)).toMatchObject({ interactionCount: 3, lastContact: '2026-11-03T10:00:00Z' });
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'datumloos@veenhaven.nl', dbName: 'summary-dateless' });
    const load = await cache.load(undefined, () => undefined);
    cache.close();
    expect(load.partners.find((p) => p.id === partner.id)).toMatchObject({ interactionCount: 3, lastContact: '2026-11-03T10:00:00Z' });
    expect(load.summariesOutOfStep).toEqual([]);

    // Its date cleared outside the app on the newest note: setup brings the summary in step and finishes.
    await h.adminTransport().request('PATCH', `${paths.interactions}/items/${last.id}/fields`, { body: { date: null } });
    const report = await ensureSchema(h.adminTransport(), SITE_REF);
    expect(report.summaryChanges).toBeGreaterThanOrEqual(1);
    expect(facts(await summaryOf(partner.id))).toEqual(facts(await truth(partner.id)));
    expect(await summaryOf(partner.id)).toMatchObject({ interactionCount: 3, lastContact: '2026-11-01T10:00:00Z' });
    expect((await ensureSchema(h.adminTransport(), SITE_REF)).summaryChanges).toBe(0);
  });
});
