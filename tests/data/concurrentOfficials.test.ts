/**
 * Issue 19: many officials, one partner. 12 officials, each with their own write queue, log 25 notes each
 * about the same two partners at once while 15% of requests fail in every way the emulator knows; half
 * of them reload their page half-way; afterwards each withdraws one note and one note is deleted. Then:
 * every note stored exactly once, no write left failed or in conflict, and the partners' figures as the
 * pane (its context) and the overview (its copy) read them exactly what the notes say.
 *
 * Before issue 19 every note also rewrote the partner's lastContact/interactionCount with If-Match and
 * gave up after a few 412s: 4 officials x 25 notes without any faults already ended with failed writes.
 */
import 'fake-indexeddb/auto';
import type { Interaction } from '../../src/core/model';
import { withdrawnInteraction } from '../../src/core/notes';
import { OverviewCache } from '../../src/data/overviewCache';
import { WriteQueue } from '../../src/data/writeQueue';
import { newInteraction, newPartner } from './fixtures';
import { recordingSleep, SITE_REF, startHarness, type Harness, type Official } from './graphHarness';

const OFFICIALS = 12;
const NOTES_EACH = 25;
const DEPARTMENTS = ['Wonen', 'Zorg', 'Economie', 'Onderwijs'];

describe('concurrent officials on the same partners', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it(`${OFFICIALS} officials x ${NOTES_EACH} notes on 2 partners through 15% faults: none lost, none twice, none failed, figures exact`, async () => {
    const started = Date.now();
    const admin = h.repository();
    const partners = await Promise.all([0, 1].map((n) => admin.savePartner(newPartner({ name: `Ziekenhuis ${n}`, domains: [`zkh${n}.nl`] }))));
    const officials: Official[] = Array.from({ length: OFFICIALS }, (_, n) => ({ email: `official${n}@veenhaven.nl`, name: `Official ${n}` }));
    const open = (o: Official) => WriteQueue.open({ repository: h.repository(o, recordingSleep()), owner: o.email, dbName: `concurrent-${o.email}`, sleep: recordingSleep() });

    h.emulator.clearLog();
    h.emulator.setFaults({ rate: 0.15, kinds: ['429', '503', '504', 'drop', 'commit-then-fail'], seed: 20261202 });
    const notes = new Map<string, Interaction>(); // clientId → note
    let reloads = 0;
    await Promise.all(
      officials.map(async (official, o) => {
        let queue = await open(official);
        const closing: Promise<void>[] = [];
        for (let n = 0; n < NOTES_EACH; n++) {
          // Every official alternates between both partners; dates interleave across officials.
          const partner = partners[(o + n) % 2];
          const note = newInteraction(partner.id, {
            title: `meeting ${o}-${n}`,
            authorEmail: official.email,
            authorName: official.name,
            department: DEPARTMENTS[o % DEPARTMENTS.length],
            date: new Date(Date.parse('2026-11-01T08:00:00Z') + (n * OFFICIALS + o) * 60_000).toISOString().replace('.000Z', 'Z'), // as SharePoint returns it
          });
          notes.set(note.clientId, note);
          await queue.enqueue({ kind: 'interaction', payload: note });
          if (o % 2 === 0 && n === Math.floor(NOTES_EACH / 2)) {
            // A reload half-way: the page closes without waiting for what is on the wire.
            await new Promise((r) => setTimeout(r, 2));
            closing.push(queue.close());
            queue = await open(official);
            reloads++;
          }
        }
        await queue.flush();
        expect(queue.list()).toEqual([]);
        await queue.close();
        await Promise.all(closing);
      }),
    );

    // Each official withdraws their last note (the latest ones move the partners' last contact back).
    const withdrawn = new Set<string>();
    await Promise.all(
      officials.map(async (official) => {
        const mine = [...notes.values()].filter((i) => i.authorEmail === official.email).at(-1)!;
        const saved = (await h.repository(official).findInteractionByClientId(mine.clientId))!;
        const queue = await open(official);
        await queue.enqueue({ kind: 'interaction', payload: withdrawnInteraction(saved, 'Dubbel gelogd', official, new Date('2026-12-01T12:00:00Z')) });
        await queue.flush();
        expect(queue.list()).toEqual([]);
        await queue.close();
        withdrawn.add(mine.clientId);
      }),
    );
    const faults = h.emulator.requestLog.filter((e) => e.fault).length;
    const requests = h.emulator.requestLog.length;
    h.emulator.setFaults(undefined);
    // And one note is deleted outright.
    const deleted = [...notes.values()].find((i) => !withdrawn.has(i.clientId) && i.partnerId === partners[0].id)!;
    await admin.deleteInteraction((await admin.findInteractionByClientId(deleted.clientId))!);

    // Exactly the notes written: none lost, none twice.
    const stored = (await Promise.all(partners.map((p) => admin.listInteractions(p.id)))).flat();
    const copies = new Map<string, number>();
    for (const i of stored) copies.set(i.clientId, (copies.get(i.clientId) ?? 0) + 1);
    expect(stored).toHaveLength(OFFICIALS * NOTES_EACH - 1);
    expect([...copies.values()].filter((c) => c !== 1)).toEqual([]);
    expect([...notes.keys()].filter((id) => id !== deleted.clientId && !copies.has(id))).toEqual([]);
    for (const i of stored) expect(i.partnerId).toBe(notes.get(i.clientId)!.partnerId);
    expect(stored.filter((i) => i.withdrawn).map((i) => i.clientId).sort()).toEqual([...withdrawn].sort());

    // The figures, as the notes say they must be…
    const expected = partners.map((p) => {
      const counted = [...notes.values()].filter((i) => i.partnerId === p.id && !withdrawn.has(i.clientId) && i.clientId !== deleted.clientId);
      return { interactionCount: counted.length, lastContact: counted.map((i) => i.date).sort().at(-1) };
    });
    // …as the overview reads them (a cold copy)…
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'manager@veenhaven.nl', dbName: 'concurrent-overview' });
    const load = await cache.load();
    cache.close();
    for (const [n, p] of partners.entries()) expect(load.partners.find((x) => x.id === p.id)).toMatchObject(expected[n]);
    // …and as a pane reads them (its context: last contact).
    for (const [n, p] of partners.entries()) expect((await h.repository(officials[n]).getPartnerContext(p.id)).partner.lastContact).toBe(expected[n].lastContact);

    console.log(
      `concurrency: ${OFFICIALS} officials x ${NOTES_EACH} notes on 2 partners, ${reloads} reloads, ${requests} requests of which ${faults} faulted (15%), ` +
        `stored ${stored.length} (+1 deleted), duplicates 0, failed 0, withdrawn ${withdrawn.size}, figures ${JSON.stringify(expected)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 60_000);
});
