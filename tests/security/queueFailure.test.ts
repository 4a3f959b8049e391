/**
 * The write queue's guarantees (nothing lost, nothing duplicated) under the failures the existing
 * suites do not cover with the real stack (tests/data/writeQueue*.test.ts cover reloads under 20%
 * faults, scripted owner separation and the in-memory fallback):
 *
 * - the token expires mid-queue (the emulator answers 401 like Graph): entries wait as `failed`, none
 *   is dropped, and after the token is refreshed a retry stores each exactly once;
 * - the pane closes mid-write, with the connection dropped or the write committed-then-failed, and
 *   opens again: exactly once;
 * - another official signs in on the same device: their queue never sends the first official's notes
 *   (checked on the emulator's request log: every create of A's notes carried A's token), and A's stay;
 * - IndexedDB unavailable: the queue says `durable: false` and still delivers, never silently drops.
 */
import 'fake-indexeddb/auto';
import type { Interaction } from '../../src/core/model';
import { createTestToken } from '../../src/emulator';
import { GraphTransport } from '../../src/data/graph/GraphTransport';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { WriteQueue } from '../../src/data/writeQueue';
import { newInteraction, newPartner } from '../data/fixtures';
import { ANNA, BRAM, recordingSleep, SITE_REF, startHarness, type Harness, type Official } from '../data/graphHarness';
import { recordMeasure } from './results';

let faultsInjected = 0;
let lost = 0;
let duplicated = 0;

describe('write queue under failure (emulator)', () => {
  let h: Harness;
  let partnerId: string;
  beforeAll(async () => {
    h = await startHarness();
    partnerId = (await h.repository(ANNA).savePartner(newPartner({ name: 'Queue partner' }))).id;
  });
  afterAll(async () => {
    await h.close();
    recordMeasure('queue', { area: 'queue', label: 'queue faults (401 expiry, drops, reopen, user switch, no IndexedDB)', tried: faultsInjected, ok: faultsInjected, extra: { lost, duplicated } });
  });

  /** A repository whose token source the test controls. */
  function repositoryWith(getToken: () => string): SharePointPartnerRepository {
    const sleep = recordingSleep();
    const transport = GraphTransport.create({ baseUrl: h.url, getAccessToken: async () => getToken(), sleep });
    return new SharePointPartnerRepository({ transport, siteRef: SITE_REF, sleep });
  }

  /** How often each note is stored (read as a site-wide reader: ANNA wrote them all, non-confidential). */
  async function tally(notes: Interaction[]): Promise<{ lost: number; duplicated: number }> {
    const stored = await h.repository(ANNA).listInteractions(partnerId);
    const counts = new Map<string, number>();
    for (const i of stored) counts.set(i.clientId, (counts.get(i.clientId) ?? 0) + 1);
    return {
      lost: notes.filter((n) => !counts.has(n.clientId)).length,
      duplicated: notes.reduce((sum, n) => sum + Math.max(0, (counts.get(n.clientId) ?? 0) - 1), 0),
    };
  }

  it('token expires mid-queue: 401s leave the notes waiting, and after a refresh each is stored once', async () => {
    const valid = (who: Official) => createTestToken({ email: who.email, name: who.name });
    const expired = createTestToken({ email: ANNA.email, name: ANNA.name }, -60);
    let token = valid(ANNA);
    let sent = 0;
    const repository = repositoryWith(() => {
      sent++;
      return token;
    });
    const queue = await WriteQueue.open({ repository, owner: ANNA.email, dbName: 'sec-expiry', sleep: recordingSleep() });
    const notes = Array.from({ length: 6 }, (_, n) => newInteraction(partnerId, { title: `expiry ${n}` }));
    for (const note of notes.slice(0, 2)) await queue.enqueue({ kind: 'interaction', payload: note });
    await queue.flush();
    expect(queue.list()).toEqual([]);
    // The token expires; the next notes meet 401s from "Graph".
    token = expired;
    for (const note of notes.slice(2)) await queue.enqueue({ kind: 'interaction', payload: note });
    await queue.flush();
    const waiting = queue.list();
    expect(waiting).toHaveLength(4);
    expect(waiting.every((w) => w.state === 'failed' && /401/.test(w.error ?? ''))).toBe(true);
    faultsInjected += h.emulator.requestLog.filter((r) => r.status === 401).length;
    // Reopen before the refresh too: failed entries survive the pane closing.
    await queue.close();
    token = valid(ANNA);
    const reopened = await WriteQueue.open({ repository, owner: ANNA.email, dbName: 'sec-expiry', sleep: recordingSleep() });
    expect(reopened.list()).toHaveLength(4);
    for (const w of reopened.list()) await reopened.retry(w.clientId);
    await reopened.flush();
    expect(reopened.list()).toEqual([]);
    await reopened.close();
    const result = await tally(notes);
    lost += result.lost;
    duplicated += result.duplicated;
    expect(result).toEqual({ lost: 0, duplicated: 0 });
    expect(sent).toBeGreaterThan(6);
  });

  it('pane closed mid-write with dropped and committed-then-failed connections: reopened, each note once', async () => {
    const notes = Array.from({ length: 40 }, (_, n) => newInteraction(partnerId, { title: `close ${n}` }));
    const open = () => WriteQueue.open({ repository: h.repository(ANNA, recordingSleep()), owner: ANNA.email, dbName: 'sec-close', sleep: recordingSleep() });
    h.emulator.clearLog();
    h.emulator.setFaults({ rate: 0.3, kinds: ['drop', 'commit-then-fail', '503'], seed: 77, retryAfterSeconds: 0 });
    const closing: Promise<void>[] = [];
    let queue = await open();
    for (let n = 0; n < notes.length; n++) {
      await queue.enqueue({ kind: 'interaction', payload: notes[n] });
      if (n % 8 === 7) {
        await new Promise((r) => setTimeout(r, 3));
        closing.push(queue.close()); // like a pane closing: not waiting for what is on the wire
        faultsInjected++;
        queue = await open();
      }
    }
    await queue.flush();
    expect(queue.list()).toEqual([]);
    await queue.close();
    await Promise.all(closing);
    faultsInjected += h.emulator.requestLog.filter((r) => r.fault).length;
    h.emulator.setFaults(undefined);
    const result = await tally(notes);
    lost += result.lost;
    duplicated += result.duplicated;
    expect(result).toEqual({ lost: 0, duplicated: 0 });
  });

  it("user switch: Bram's queue on the same device never sends Anna's notes, and hers stay until she is back", async () => {
    const dbName = 'sec-switch';
    const anna = await WriteQueue.open({ repository: h.repository(ANNA), owner: ANNA.email, dbName, autoStart: false });
    const annaNotes = Array.from({ length: 3 }, (_, n) => newInteraction(partnerId, { title: `anna ${n}` }));
    for (const note of annaNotes) await anna.enqueue({ kind: 'interaction', payload: note });
    await anna.close(); // signed out before anything was sent
    faultsInjected++;

    h.emulator.clearLog();
    const bram = await WriteQueue.open({ repository: h.repository(BRAM), owner: BRAM.email, dbName, sleep: recordingSleep() });
    expect(bram.list()).toEqual([]);
    const bramNote = newInteraction(partnerId, { title: 'bram 0', authorEmail: BRAM.email, authorName: BRAM.name });
    await bram.enqueue({ kind: 'interaction', payload: bramNote });
    await bram.flush();
    await bram.close();
    const bramCreates = h.emulator.requestLog.filter((r) => r.method === 'POST' && r.url.includes('/items'));
    expect(bramCreates.length).toBeGreaterThan(0);
    expect(bramCreates.every((r) => r.user === BRAM.email)).toBe(true);
    // Not one of Anna's notes travelled with Bram's token.
    const stored = await h.repository(ANNA).listInteractions(partnerId);
    expect(stored.filter((i) => i.title.startsWith('anna '))).toEqual([]);

    h.emulator.clearLog();
    const annaBack = await WriteQueue.open({ repository: h.repository(ANNA), owner: ANNA.email, dbName, sleep: recordingSleep() });
    expect(annaBack.list()).toHaveLength(3);
    await annaBack.flush();
    await annaBack.close();
    const annaCreates = h.emulator.requestLog.filter((r) => r.method === 'POST' && r.url.includes('/items'));
    expect(annaCreates.every((r) => r.user === ANNA.email)).toBe(true);
    const after = await h.repository(ANNA).listInteractions(partnerId);
    const annaStored = after.filter((i) => i.title.startsWith('anna '));
    expect(annaStored.every((i) => i.authorEmail === ANNA.email)).toBe(true);
    const result = await tally(annaNotes);
    lost += result.lost;
    duplicated += result.duplicated;
    expect(result).toEqual({ lost: 0, duplicated: 0 });
  });

  it('IndexedDB unavailable: durable is false (the UI warns), and every note is still delivered once', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB (private mode, blocked storage)
    delete globalThis.indexedDB;
    try {
      const queue = await WriteQueue.open({ repository: h.repository(ANNA), owner: ANNA.email, sleep: recordingSleep() });
      faultsInjected++;
      expect(queue.durable).toBe(false);
      const notes = Array.from({ length: 5 }, (_, n) => newInteraction(partnerId, { title: `memory ${n}` }));
      for (const note of notes) await queue.enqueue({ kind: 'interaction', payload: note });
      // Pending entries are visible (not dropped) until confirmed.
      expect(queue.list().length).toBeGreaterThan(0);
      await queue.flush();
      expect(queue.list()).toEqual([]);
      await queue.close();
      const result = await tally(notes);
      lost += result.lost;
      duplicated += result.duplicated;
      expect(result).toEqual({ lost: 0, duplicated: 0 });
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
