/**
 * Issue 19's many-officials scenario, shared by tests/data/concurrentOfficials.test.ts (which asserts on it) and
 * `npm run bench:graph` (which prints it): N officials, each with their own write queue, log notes about the same
 * two partners at once through the real repository while a share of requests fail in every way the emulator knows;
 * every other official reloads their page half-way; afterwards each withdraws their last note and one note is
 * deleted. The result says what was stored against what was written, and the partners' figures as the overview
 * (a cold copy), a pane (its context) and the partners' summaries (after their background recounts) read them
 * against what the notes say.
 */
import 'fake-indexeddb/auto';
import type { Interaction } from '../../src/core/model';
import { withdrawnInteraction } from '../../src/core/notes';
import { OverviewCache } from '../../src/data/overviewCache';
import { readAllSummaries } from '../../src/data/partnerSummary';
import type { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { WriteQueue } from '../../src/data/writeQueue';
import { isTransient } from '../../src/data/graph/errors';
import type { FaultKind } from '../../src/emulator';
import { newInteraction, newPartner } from './fixtures';
import { recordingSleep, SITE_REF, type Harness, type Official } from './graphHarness';

const DEPARTMENTS = ['Wonen', 'Zorg', 'Economie', 'Onderwijs'];

export interface ConcurrentOptions {
  officials: number;
  notesEach: number;
  faultRate: number;
  seed?: number;
  faultKinds?: FaultKind[];
}

export interface Figures {
  interactionCount: number;
  lastContact?: string;
}

export interface ConcurrentResult {
  officials: number;
  notesEach: number;
  reloads: number;
  /** Requests while the faults were on (inside batches too), those that faulted, and their resource units. */
  requests: number;
  faults: number;
  resourceUnits: number;
  /** Notes written, and stored afterwards (one was deleted on purpose). */
  written: number;
  stored: number;
  /** Client ids written but not stored (the deleted one excluded), and stored more than once. */
  lost: string[];
  duplicated: string[];
  /** Stored notes whose partner is not the one written. */
  wrongPartner: number;
  /** Writes still in an official's queue after flushing: pending, failed or in conflict. */
  leftInQueues: number;
  failedOrConflict: number;
  withdrawnWritten: string[];
  withdrawnStored: string[];
  expected: Figures[];
  overview: Figures[];
  /** As the PartnerSummary list holds them once the background recounts have ended. */
  summaries: Figures[];
  /** The last contact a pane shows for each partner. */
  pane: Array<string | undefined>;
  figuresExact: boolean;
  seconds: number;
}

export async function runConcurrentOfficials(h: Harness, options: ConcurrentOptions): Promise<ConcurrentResult> {
  const started = Date.now();
  const { officials: count, notesEach } = options;
  // As in the app, every repository recounts the summaries of the partners its notes are about, in the background.
  const repositories: SharePointPartnerRepository[] = [];
  const repository = (o?: Official) => {
    const r = h.repository(o, recordingSleep(), { keepSummaries: true });
    repositories.push(r);
    return r;
  };
  const admin = repository();
  const run = Math.random().toString(36).slice(2, 8);
  const partners = await Promise.all([0, 1].map((n) => admin.savePartner(newPartner({ name: `Ziekenhuis ${n} ${run}`, domains: [`zkh${n}-${run}.nl`] }))));
  const officials: Official[] = Array.from({ length: count }, (_, n) => ({ email: `official${n}@veenhaven.nl`, name: `Official ${n}` }));
  const open = (o: Official) => WriteQueue.open({ repository: repository(o), owner: o.email, dbName: `concurrent-${run}-${o.email}`, sleep: recordingSleep() });
  let leftInQueues = 0;
  let failedOrConflict = 0;
  const settle = async (queue: WriteQueue) => {
    await queue.flush();
    const left = queue.list();
    leftInQueues += left.length;
    failedOrConflict += left.filter((w) => w.state === 'failed' || w.state === 'conflict').length;
    await queue.close();
  };

  h.emulator.clearLog();
  h.emulator.setFaults({ rate: options.faultRate, kinds: options.faultKinds ?? ['429', '503', '504', 'drop', 'commit-then-fail'], seed: options.seed ?? 20261202 });
  const notes = new Map<string, Interaction>(); // clientId → note
  let reloads = 0;
  try {
    await Promise.all(
      officials.map(async (official, o) => {
        let queue = await open(official);
        const closing: Promise<void>[] = [];
        for (let n = 0; n < notesEach; n++) {
          // Every official alternates between both partners; dates interleave across officials.
          const partner = partners[(o + n) % 2];
          const note = newInteraction(partner.id, {
            title: `meeting ${o}-${n}`,
            authorEmail: official.email,
            authorName: official.name,
            department: DEPARTMENTS[o % DEPARTMENTS.length],
            date: new Date(Date.parse('2026-11-01T08:00:00Z') + (n * count + o) * 60_000).toISOString().replace('.000Z', 'Z'), // as SharePoint returns it
          });
          notes.set(note.clientId, note);
          await queue.enqueue({ kind: 'interaction', payload: note });
          if (o % 2 === 0 && n === Math.floor(notesEach / 2)) {
            // A reload half-way: the page closes without waiting for what is on the wire.
            await new Promise((r) => setTimeout(r, 2));
            closing.push(queue.close());
            queue = await open(official);
            reloads++;
          }
        }
        await settle(queue);
        await Promise.all(closing);
      }),
    );

    // Each official withdraws their last note (the latest ones move the partners' last contact back).
    const withdrawn = new Set<string>();
    await Promise.all(
      officials.map(async (official) => {
        const mine = [...notes.values()].filter((i) => i.authorEmail === official.email).at(-1)!;
        // Read while the faults are still on: a 500 to a GET is not retried by the transport (the SDK retries
        // 429, 503 and 504), so the official reads again, as they would with the pane's retry button.
        const saved = await readAgainOnServerError(() => repository(official).findInteractionByClientId(mine.clientId));
        if (!saved) return; // lost: counted below
        const queue = await open(official);
        await queue.enqueue({ kind: 'interaction', payload: withdrawnInteraction(saved, 'Dubbel gelogd', official, new Date('2026-12-01T12:00:00Z')) });
        await settle(queue);
        withdrawn.add(mine.clientId);
      }),
    );
    const log = h.emulator.requestLog;
    const faults = log.filter((e) => e.fault).length;
    const requests = log.filter((e) => e.inBatch || !e.url.includes('$batch')).length;
    const resourceUnits = log.reduce((sum, e) => sum + e.resourceUnits, 0);
    h.emulator.setFaults(undefined);

    // And one note is deleted outright.
    const deleted = [...notes.values()].find((i) => !withdrawn.has(i.clientId) && i.partnerId === partners[0].id)!;
    const toDelete = await admin.findInteractionByClientId(deleted.clientId);
    if (toDelete) await admin.deleteInteraction(toDelete);

    const stored = (await Promise.all(partners.map((p) => admin.listInteractions(p.id)))).flat();
    const copies = new Map<string, number>();
    for (const i of stored) copies.set(i.clientId, (copies.get(i.clientId) ?? 0) + 1);

    // The figures, as the notes say they must be…
    const expected: Figures[] = partners.map((p) => {
      const counted = [...notes.values()].filter((i) => i.partnerId === p.id && !withdrawn.has(i.clientId) && i.clientId !== deleted.clientId);
      return { interactionCount: counted.length, lastContact: counted.map((i) => i.date).sort().at(-1) };
    });
    // …as the summaries say once every background recount has ended (the overview's first screen)…
    await Promise.all(repositories.map((r) => r.summaries?.settled()));
    const summaryList = (await readAllSummaries(h.transport(), `/sites/${await admin.resolveSiteId()}/lists/PartnerSummary`)).map((x) => x.summary);
    const summaries: Figures[] = partners.map((p) => {
      const s = summaryList.find((x) => x.partnerId === p.id);
      return { interactionCount: s?.interactionCount ?? 0, lastContact: s?.lastContact };
    });
    // …as the overview reads them (a cold copy)…
    const cache = await OverviewCache.open({ transport: h.transport(), siteRef: SITE_REF, owner: 'manager@veenhaven.nl', dbName: `concurrent-overview-${run}` });
    const load = await cache.load();
    cache.close();
    const overview: Figures[] = partners.map((p) => {
      const row = load.partners.find((x) => x.id === p.id);
      return { interactionCount: row?.interactionCount ?? 0, lastContact: row?.lastContact };
    });
    // …and as a pane reads them (its context: last contact).
    const pane: Array<string | undefined> = [];
    for (const [n, p] of partners.entries()) pane.push((await h.repository(officials[n % officials.length]).getPartnerContext(p.id)).partner.lastContact);

    const figuresExact = partners.every(
      (_, n) =>
        [overview[n], summaries[n]].every((f) => f.interactionCount === expected[n].interactionCount && f.lastContact === expected[n].lastContact) && pane[n] === expected[n].lastContact,
    );
    return {
      officials: count,
      notesEach,
      reloads,
      requests,
      faults,
      resourceUnits,
      written: notes.size,
      stored: stored.length,
      lost: [...notes.keys()].filter((id) => id !== deleted.clientId && !copies.has(id)),
      duplicated: [...copies.entries()].filter(([, c]) => c > 1).map(([id]) => id),
      wrongPartner: stored.filter((i) => i.partnerId !== notes.get(i.clientId)?.partnerId).length,
      leftInQueues,
      failedOrConflict,
      withdrawnWritten: [...withdrawn].sort(),
      withdrawnStored: stored.filter((i) => i.withdrawn).map((i) => i.clientId).sort(),
      expected,
      overview,
      summaries,
      pane,
      figuresExact,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    h.emulator.setFaults(undefined);
  }
}

/** `read`, again after a transient failure (at most 10 times). */
async function readAgainOnServerError<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 10 || !isTransient(error)) throw error;
    }
  }
}
