/**
 * Soak: 1,000 notes through the durable write queue against the emulator while 20% of requests fail
 * in every way the emulator knows (429, 503, 504, dropped connections, committed-then-failed), with the
 * page "reloaded" every 100 notes (the queue closed mid-flight and opened again on the same
 * IndexedDB). Afterwards the list holds exactly the 1,000 notes — none lost, none twice — and every
 * partner's count agrees.
 */
import 'fake-indexeddb/auto';
import { ALL_FAULT_KINDS } from '../../src/emulator';
import { WriteQueue } from '../../src/data/writeQueue';
import { newInteraction, newPartner } from './fixtures';
import { ANNA, recordingSleep, startHarness, type Harness } from './graphHarness';

const NOTES = 1000;
const RELOAD_EVERY = 100;

describe('write queue soak', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it(`writes ${NOTES} notes exactly once through 20% faults and a reload every ${RELOAD_EVERY}`, async () => {
    const started = Date.now();
    const setupRepo = h.repository();
    const partners = await Promise.all(Array.from({ length: 5 }, (_, n) => setupRepo.savePartner(newPartner({ name: `Soak partner ${n}` }))));
    const dbName = 'soak-queue';
    const open = () => WriteQueue.open({ repository: h.repository(ANNA, recordingSleep()), owner: ANNA.email, dbName, sleep: recordingSleep() });

    h.emulator.clearLog();
    h.emulator.setFaults({ rate: 0.2, kinds: ['429', '503', '504', 'drop', 'commit-then-fail'], seed: 20261126 });
    const expected = new Map<string, string>(); // clientId → partnerId
    const closing: Promise<void>[] = [];
    let queue = await open();
    let reloads = 0;
    for (let n = 0; n < NOTES; n++) {
      const partner = partners[n % partners.length];
      const note = newInteraction(partner.id, { title: `soak ${n}`, date: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 60_000).toISOString() });
      expected.set(note.clientId, partner.id);
      await queue.enqueue({ kind: 'interaction', payload: note });
      if ((n + 1) % RELOAD_EVERY === 0) {
        // Give it a moment to get writes on the wire, then close like a page does: without waiting.
        await new Promise((r) => setTimeout(r, 5));
        closing.push(queue.close());
        queue = await open();
        reloads++;
      }
    }
    await queue.flush();
    expect(queue.list()).toEqual([]);
    await queue.close();
    await Promise.all(closing);
    const log = [...h.emulator.requestLog];
    h.emulator.setFaults(undefined);

    // Exactly the notes we wrote: none lost, none duplicated.
    const repo = h.repository();
    const stored = (await Promise.all(partners.map((p) => repo.listInteractions(p.id)))).flat().filter((i) => i.title.startsWith('soak '));
    const counts = new Map<string, number>();
    for (const i of stored) counts.set(i.clientId, (counts.get(i.clientId) ?? 0) + 1);
    expect(stored).toHaveLength(NOTES);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect([...expected.keys()].filter((id) => !counts.has(id))).toEqual([]);
    for (const i of stored) expect(i.partnerId).toBe(expected.get(i.clientId));
    // The partners' figures (derived where read) agree.
    for (const p of partners) expect((await repo.getPartnerContext(p.id, { interactionLimit: 5000 })).partner.interactionCount).toBe(NOTES / partners.length);

    const faults = Object.fromEntries(ALL_FAULT_KINDS.map((k) => [k, log.filter((e) => e.fault === k).length]));
    const createLog = log.filter((e) => e.method === 'POST' && e.url.includes('/lists/Interactions/items'));
    const creates = createLog.length;
    const created = createLog.filter((e) => e.status === 201).length;
    const duplicatesRefused = createLog.filter((e) => e.status === 409).length;
    const lookups = log.filter((e) => e.method === 'GET' && e.url.includes('/lists/Interactions/items') && e.url.includes('clientId')).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // The figures for the closing note.
    console.log(
      `soak: ${NOTES} notes, ${reloads} reloads, ${log.length} requests, faults ${JSON.stringify(faults)}, ` +
        `create POSTs sent ${creates} (answered 201: ${created}, refused 409 by the unique clientId: ${duplicatesRefused}), client-id lookups ${lookups}, ` +
        `stored ${stored.length}, unique ${counts.size}, ${seconds} s`,
    );
    expect(Object.values(faults).every((n) => n > 0)).toBe(true);
  }, 90_000);
});
