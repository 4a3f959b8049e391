import 'fake-indexeddb/auto';
import { domainLink, proposalDecision, type AgendaItem, type DomainLink, type Interaction, type Partner, type ProposalDecision } from '../../src/core/model';
import { DraftStore } from '../../src/data/draftStore';
import { GraphRequestError, UnclearOutcomeError, WriteLandedError } from '../../src/data/graph/errors';
import { ConflictError, type SaveOptions } from '../../src/data/PartnerRepository';
import { WriteQueue, type PendingWrite, type QueueEvent, type WriteTarget } from '../../src/data/writeQueue';
import type { DraftPort, WriteQueuePort } from '../../src/ui/services';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';
import { recordingSleep } from './graphHarness';

let dbCounter = 0;
const freshDb = () => `queue-test-${dbCounter++}`;

type Call = { kind: string; clientId: string; options?: SaveOptions; payload: unknown };

/** A repository whose answers the test scripts: each call takes the next outcome (default: success). */
function scriptedRepository(outcomes: Array<'ok' | Error | (() => Promise<never>)> = []) {
  const calls: Call[] = [];
  const answer = async <T extends { id: string }>(kind: string, clientId: string, payload: T, options?: SaveOptions): Promise<T> => {
    calls.push({ kind, clientId, options, payload });
    const outcome = outcomes.shift() ?? 'ok';
    if (typeof outcome === 'function') return outcome();
    if (outcome instanceof Error) throw outcome;
    return { ...payload, id: kind === 'partner' ? `srv-${clientId}` : `srv-${clientId}`, etag: `"${calls.length}"` };
  };
  const repository: WriteTarget = {
    saveInteraction: (i: Interaction, o?: SaveOptions) => answer('interaction', i.clientId, i, o),
    saveAgendaItem: (a: AgendaItem, o?: SaveOptions) => answer('agenda', a.clientId, a, o),
    savePartner: (p: Partner, o?: SaveOptions) => answer('partner', p.id, p, o),
    linkDomain: async (link: DomainLink) => ({ ...(await answer('domainLink', link.clientId, { ...newPartner({ id: link.partnerId }), domains: [link.domain] })), id: link.partnerId }),
    decideProposal: async (d: ProposalDecision) => ({ proposal: { ...(await answer('proposalDecision', d.clientId, newPartner({ id: d.partnerId }))), id: d.partnerId } }),
  };
  return { repository, calls };
}

const never = () => new Promise<never>(() => undefined);

describe('WriteQueue', () => {
  it('fits the port the UI codes against', async () => {
    const queue = await WriteQueue.open({ repository: scriptedRepository().repository, owner: 'a@x.nl', dbName: freshDb(), autoStart: false });
    const port: WriteQueuePort = queue;
    const drafts: DraftPort = await DraftStore.open({ owner: 'a@x.nl', dbName: freshDb() });
    expect(port.durable).toBe(true);
    expect(drafts).toBeDefined();
    await queue.close();
  });

  it('stores a write before sending it, and resumes it after a reload as "may have arrived"', async () => {
    const dbName = freshDb();
    const first = scriptedRepository([never]);
    const queue = await WriteQueue.open({ repository: first.repository, owner: 'anna@veenhaven.nl', dbName, sleep: recordingSleep() });
    const note = newInteraction('p1');
    await queue.enqueue({ kind: 'interaction', payload: note });
    await new Promise((r) => setTimeout(r, 20));
    expect(queue.list().map((w) => w.state)).toEqual(['sending']);
    void queue.close(); // the page goes away while the request is on the wire

    const second = scriptedRepository();
    const reopened = await WriteQueue.open({ repository: second.repository, owner: 'anna@veenhaven.nl', dbName, sleep: recordingSleep() });
    await reopened.flush();
    expect(second.calls).toEqual([expect.objectContaining({ clientId: note.clientId, options: expect.objectContaining({ afterUnclearFailure: true, actionId: expect.any(String) }) })]);
    expect(reopened.list()).toEqual([]);
    await reopened.close();
  });

  it('retries transient failures with backoff until confirmed, showing each state', async () => {
    const sleep = recordingSleep();
    const { repository, calls } = scriptedRepository([
      new GraphRequestError(429, 'activityLimitReached', 'throttled', 5000),
      new UnclearOutcomeError(new Error('socket hang up')),
      new GraphRequestError(503, 'serviceNotAvailable', 'later'),
    ]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep, autoStart: false });
    const states: string[] = [];
    queue.subscribe(() => states.push(queue.list().map((w) => `${w.state}${w.error ? '!' : ''}`).join(',') || 'empty'));
    const note = newInteraction('p1');
    await queue.enqueue({ kind: 'interaction', payload: note });
    await queue.flush();
    expect(calls.map((c) => c.options?.afterUnclearFailure)).toEqual([false, false, true, true]);
    expect(sleep.waits[0]).toBeGreaterThan(4900); // Retry-After honoured
    expect(states[0]).toBe('pending');
    expect(states).toContain('pending!');
    expect(states.at(-1)).toBe('empty');
    await queue.close();
  });

  it('sends at once when the connection returns instead of waiting out a long backoff', async () => {
    const { repository, calls } = scriptedRepository([new GraphRequestError(503, 'serviceNotAvailable', 'offline')]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), retry: { baseDelayMs: 600_000, maxDelayMs: 600_000 } });
    await queue.enqueue({ kind: 'interaction', payload: newInteraction('p1') });
    while (calls.length < 1 || queue.list()[0]?.state !== 'pending') await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    queue.resumeNow();
    await queue.flush();
    expect(calls).toHaveLength(2);
    expect(queue.list()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000); // not the ten-minute backoff
    await queue.close();
  });

  it('shows a conflict with the server version, and sends "keep mine" with the current ETag', async () => {
    const item = { ...newAgendaItem('p1'), id: '12', etag: '"old"' };
    const serverVersion = { ...item, status: 'done' as const, etag: '"new"' };
    const { repository, calls } = scriptedRepository([new ConflictError(serverVersion)]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep() });
    await queue.enqueue({ kind: 'agenda', payload: item });
    await queue.flush();
    expect(queue.list()).toEqual([expect.objectContaining({ state: 'conflict', current: serverVersion, clientId: item.clientId })]);
    await queue.retry(item.clientId, { keepMine: true });
    await queue.flush();
    expect((calls[1].payload as AgendaItem).etag).toBe('"new"');
    expect(queue.list()).toEqual([]);
    await queue.close();
  });

  it('a write the official was no longer signed in for fails with that cause, and is sent again by the next session (signed in again)', async () => {
    const dbName = freshDb();
    const signedOut = Object.assign(new Error('Sign-in required'), { name: 'SignInRequiredError' });
    const first = scriptedRepository([signedOut]);
    const queue = await WriteQueue.open({ repository: first.repository, owner: 'anna@veenhaven.nl', dbName, sleep: recordingSleep() });
    const note = newInteraction('p1');
    await queue.enqueue({ kind: 'interaction', payload: note });
    await queue.flush();
    expect(queue.list()).toEqual([expect.objectContaining({ state: 'failed', cause: 'signIn' })]);
    expect(first.calls).toHaveLength(1);
    await queue.close();

    const second = scriptedRepository();
    const reopened = await WriteQueue.open({ repository: second.repository, owner: 'anna@veenhaven.nl', dbName, sleep: recordingSleep() });
    await reopened.flush();
    expect(second.calls.map((c) => c.clientId)).toEqual([note.clientId]);
    expect(reopened.list()).toEqual([]);
    await reopened.close();
  });

  it('waits as long as a 503 to a create asks (Retry-After), not the queue’s own short backoff', async () => {
    const sleep = recordingSleep();
    const { repository, calls } = scriptedRepository([new UnclearOutcomeError(new GraphRequestError(503, 'serviceNotAvailable', 'busy', 50_000))]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep, autoStart: false });
    const states: string[] = [];
    queue.subscribe(() => states.push(queue.list().map((w) => `${w.state}:${w.cause ?? ''}`).join(',') || 'empty'));
    await queue.enqueue({ kind: 'interaction', payload: newInteraction('p1') });
    await queue.flush();
    expect(calls).toHaveLength(2);
    expect(sleep.waits[0]).toBeGreaterThan(49_000);
    expect(states).toContain('pending:busy');
    await queue.close();
  });

  it('a write the device cannot keep (its storage full) is refused, left out of the queue and never sent; one that cannot be marked as sending waits', async () => {
    const store = (globalThis as unknown as { IDBObjectStore: { prototype: { put: (...args: unknown[]) => unknown } } }).IDBObjectStore.prototype;
    const put = store.put;
    let full = false;
    store.put = function (this: unknown, ...args: unknown[]) {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const { repository, calls } = scriptedRepository();
      const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep(), autoStart: false });
      full = true;
      await expect(queue.enqueue({ kind: 'interaction', payload: newInteraction('p1') })).rejects.toThrow(/quota/);
      expect(queue.list()).toEqual([]);
      await queue.flush();
      expect(calls).toHaveLength(0);

      await queue.close();

      full = false;
      const second = scriptedRepository();
      // Waits that take a moment (not none): its retries while the device is full leave the test's timer room to run.
      const waiting = await WriteQueue.open({ repository: second.repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: () => new Promise((r) => setTimeout(r, 1)), autoStart: false });
      const note = newInteraction('p1');
      await waiting.enqueue({ kind: 'interaction', payload: note });
      full = true;
      const flushed = waiting.flush();
      await new Promise((r) => setTimeout(r, 30));
      expect(second.calls).toHaveLength(0);
      expect(waiting.list()).toEqual([expect.objectContaining({ clientId: note.clientId, state: 'pending' })]);
      full = false;
      await flushed;
      expect(second.calls.map((c) => c.clientId)).toEqual([note.clientId]);
      expect(waiting.list()).toEqual([]);
      await waiting.close();
    } finally {
      store.put = put;
    }
  });

  it('a write that landed but whose audit entry was refused fails as landed, with the refusal’s cause; its retry looks up before it creates', async () => {
    const { repository, calls } = scriptedRepository([new WriteLandedError(new GraphRequestError(403, 'accessDenied', 'no rights on AuditTrail'))]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep() });
    const note = newInteraction('p1');
    await queue.enqueue({ kind: 'interaction', payload: note });
    await queue.flush();
    expect(queue.list()).toEqual([expect.objectContaining({ state: 'failed', cause: 'forbidden', landed: true })]);
    await queue.retry(note.clientId);
    await queue.flush();
    expect(calls.map((c) => c.options?.afterUnclearFailure)).toEqual([false, true]);
    expect(queue.list()).toEqual([]);
    await queue.close();
  });

  it('a new partner that is let go after it failed takes its queued note with it into failed, never sent for a partner that does not exist', async () => {
    const { repository, calls } = scriptedRepository([new GraphRequestError(400, 'invalidRequest', "Field 'proposedBy' is not recognized")]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep() });
    const partner = newPartner({ id: 'new-partner-1' });
    const note = newInteraction(partner.id);
    await queue.enqueue({ kind: 'partner', payload: partner });
    await queue.enqueue({ kind: 'interaction', payload: note });
    await queue.flush();
    expect(queue.list().map((w) => [w.kind, w.state])).toEqual([['partner', 'failed'], ['interaction', 'pending']]);
    await queue.discard(partner.id);
    await queue.flush();
    expect(calls.map((c) => c.kind)).toEqual(['partner']);
    expect(queue.list()).toEqual([expect.objectContaining({ kind: 'interaction', clientId: note.clientId, state: 'failed', cause: 'notFound', payload: note })]);
    await queue.close();
  });

  it('marks a refusal that waiting will not fix as failed until the official retries or discards it', async () => {
    const { repository, calls } = scriptedRepository([new GraphRequestError(403, 'accessDenied', 'no rights')]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep() });
    const a = newInteraction('p1');
    await queue.enqueue({ kind: 'interaction', payload: a });
    await queue.flush();
    expect(queue.list()).toEqual([expect.objectContaining({ state: 'failed', error: expect.stringContaining('403'), cause: 'forbidden' })]);
    await queue.retry(a.clientId);
    await queue.flush();
    expect(calls).toHaveLength(2);
    expect(queue.list()).toEqual([]);

    const b = newInteraction('p1');
    const failing = scriptedRepository([new GraphRequestError(400, 'invalidRequest', 'bad')]);
    const q2 = await WriteQueue.open({ repository: failing.repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep() });
    await q2.enqueue({ kind: 'interaction', payload: b });
    await q2.flush();
    const events: QueueEvent[] = [];
    q2.subscribe((event) => events.push(event));
    await q2.discard(b.clientId);
    expect(q2.list()).toEqual([]);
    // A view that showed the note ahead of the server is told which write it was, to put the server's version back.
    expect(events.at(-1)).toEqual({ type: 'discarded', write: expect.objectContaining({ kind: 'interaction', clientId: b.clientId, payload: b, state: 'failed' }) });
    await Promise.all([queue.close(), q2.close()]);
  });

  it("never loads or sends another official's writes, and leaves them in place", async () => {
    const dbName = freshDb();
    const anna = scriptedRepository();
    const annaQueue = await WriteQueue.open({ repository: anna.repository, owner: 'anna@veenhaven.nl', dbName, autoStart: false });
    await annaQueue.enqueue({ kind: 'interaction', payload: newInteraction('p1') });
    await annaQueue.close();

    const bram = scriptedRepository();
    const bramQueue = await WriteQueue.open({ repository: bram.repository, owner: 'bram@veenhaven.nl', dbName, sleep: recordingSleep() });
    await bramQueue.enqueue({ kind: 'interaction', payload: newInteraction('p2') });
    await bramQueue.flush();
    expect(bram.calls.map((c) => (c.payload as Interaction).partnerId)).toEqual(['p2']);
    expect(bramQueue.list()).toEqual([]);
    await bramQueue.close();

    const annaAgain = await WriteQueue.open({ repository: anna.repository, owner: 'anna@veenhaven.nl', dbName, sleep: recordingSleep() });
    expect(annaAgain.list()).toHaveLength(1);
    await annaAgain.flush();
    expect(anna.calls.map((c) => (c.payload as Interaction).partnerId)).toEqual(['p1']);
    await annaAgain.close();
  });

  it('works in memory and says so when IndexedDB is unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const { repository, calls } = scriptedRepository();
      const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', sleep: recordingSleep() });
      expect(queue.durable).toBe(false);
      await queue.enqueue({ kind: 'interaction', payload: newInteraction('p1') });
      await queue.flush();
      expect(calls).toHaveLength(1);
      const drafts = await DraftStore.open({ owner: 'anna@veenhaven.nl' });
      expect(drafts.durable).toBe(false);
      await drafts.save('mail-1', { summary: 'x' });
      expect(await drafts.load('mail-1')).toEqual({ summary: 'x' });
      await queue.close();
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  /** A queue whose first agenda save waits for `release`, so a test can enqueue while it is on the wire. */
  async function gatedAgendaQueue() {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls: AgendaItem[] = [];
    const repository: WriteTarget = {
      saveInteraction: async (i) => i,
      savePartner: async (p) => p,
      linkDomain: async () => newPartner(),
      decideProposal: async (d) => ({ proposal: newPartner({ id: d.partnerId }) }),
      saveAgendaItem: async (a) => {
        calls.push(a);
        if (calls.length === 1) await gate;
        return { ...a, id: '40', etag: `"v${calls.length}"` };
      },
    };
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep() });
    return { queue, calls, release };
  }

  it('sends a change made while the previous version was on the wire afterwards, on the new ETag', async () => {
    const { queue, calls, release } = await gatedAgendaQueue();
    const item = newAgendaItem('p1');
    await queue.enqueue({ kind: 'agenda', payload: item });
    await new Promise((r) => setTimeout(r, 10));
    await queue.enqueue({ kind: 'agenda', payload: { ...item, status: 'in-progress' } });
    release();
    await queue.flush();
    expect(calls.map((c) => [c.status, c.id, c.etag])).toEqual([
      ['open', item.clientId, undefined],
      ['in-progress', '40', '"v1"'],
    ]);
    await queue.close();
  });

  it('never loses a change enqueued at any moment of the previous version being stored and sent', async () => {
    for (let ticks = 0; ticks < 25; ticks++) {
      const { queue, calls, release } = await gatedAgendaQueue();
      const item = newAgendaItem('p1');
      await queue.enqueue({ kind: 'agenda', payload: item });
      for (let t = 0; t < ticks; t++) await new Promise((r) => setImmediate(r));
      await queue.enqueue({ kind: 'agenda', payload: { ...item, status: 'in-progress' } });
      release();
      await queue.flush();
      expect({ ticks, last: calls[calls.length - 1]?.status }).toEqual({ ticks, last: 'in-progress' });
      await queue.close();
    }
  });

  it('says a write was confirmed before any listener can see it gone from the list', async () => {
    // A pane that saw the note leave the queue before hearing it was saved would show it as never logged.
    const { repository } = scriptedRepository();
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep(), autoStart: false });
    const first = newInteraction('p1');
    const second = newInteraction('p1');
    const saveFirst = repository.saveInteraction;
    // The official logs a second note at the moment the first one's answer comes in.
    repository.saveInteraction = async (note, options) => {
      if (note.clientId === first.clientId) void queue.enqueue({ kind: 'interaction', payload: second });
      return saveFirst(note, options);
    };
    const listed = new Set<string>();
    const vanished: string[] = [];
    queue.subscribe((event) => {
      if (event.type === 'confirmed') listed.delete(event.clientId);
      const now = new Set(queue.list().map((w) => w.clientId));
      for (const id of listed) if (!now.has(id)) vanished.push(id);
      listed.clear();
      for (const id of now) listed.add(id);
    });
    await queue.enqueue({ kind: 'interaction', payload: first });
    await queue.flush();
    expect(queue.list()).toEqual([]);
    expect(vanished).toEqual([]);
    await queue.close();
  });

  it('holds notes for a new partner until the partner exists, then points them at its server id', async () => {
    const { repository, calls } = scriptedRepository([new GraphRequestError(503, 'x', 'later')]);
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep(), autoStart: false });
    const partner = newPartner();
    await queue.enqueue({ kind: 'partner', payload: partner });
    await queue.enqueue({ kind: 'interaction', payload: newInteraction(partner.id) });
    const confirmed: string[] = [];
    queue.subscribe((e) => e.type === 'confirmed' && confirmed.push(e.kind));
    await queue.flush();
    expect(calls.map((c) => c.kind)).toEqual(['partner', 'partner', 'interaction']);
    expect((calls[2].payload as Interaction).partnerId).toBe(`srv-${partner.id}`);
    expect(confirmed).toEqual(['partner', 'interaction']);
    await queue.close();
  });

  it('links a domain to a new partner once the partner exists, and linking the same domain twice is one write', async () => {
    const { repository, calls } = scriptedRepository();
    const queue = await WriteQueue.open({ repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep(), autoStart: false });
    const partner = newPartner();
    await queue.enqueue({ kind: 'domainLink', payload: domainLink(partner.id, 'buurtkracht.nl') });
    await queue.enqueue({ kind: 'partner', payload: partner });
    await queue.enqueue({ kind: 'domainLink', payload: domainLink(partner.id, 'buurtkracht.nl') });
    expect(queue.list().map((w) => w.kind)).toEqual(['domainLink', 'partner']);
    await queue.flush();
    expect(calls.map((c) => c.kind)).toEqual(['partner', 'domainLink']);
    expect(calls[1].payload).toEqual(expect.objectContaining({ id: `srv-${partner.id}`, domains: ['buurtkracht.nl'] }));
    expect(queue.list()).toEqual([]);
    await queue.close();
  });

  it('sends a decision on a proposal once, after the proposal itself, and again "may have arrived" after an unclear failure', async () => {
    const { repository, calls } = scriptedRepository(['ok', new UnclearOutcomeError(new Error('dropped'))]);
    const queue = await WriteQueue.open({ repository, owner: 'jeroen@veenhaven.nl', dbName: freshDb(), sleep: recordingSleep(), autoStart: false });
    const proposal = newPartner({ status: 'proposed' });
    const decide = () => proposalDecision({ partnerId: proposal.id, kind: 'rejected', reason: 'Geen strategische partner', byEmail: 'jeroen@veenhaven.nl', byName: 'Jeroen', at: '2026-11-26T12:00:00Z' });
    await queue.enqueue({ kind: 'proposalDecision', payload: decide() });
    await queue.enqueue({ kind: 'partner', payload: proposal });
    await queue.enqueue({ kind: 'proposalDecision', payload: decide() });
    expect(queue.list().map((w) => [w.kind, w.clientId])).toEqual([['proposalDecision', `decision:${proposal.id}`], ['partner', proposal.id]]);
    const confirmed: string[] = [];
    queue.subscribe((e) => e.type === 'confirmed' && confirmed.push(e.kind));
    await queue.flush();
    expect(calls.map((c) => [c.kind, (c.payload as Partner).id])).toEqual([['partner', proposal.id], ['proposalDecision', `srv-${proposal.id}`], ['proposalDecision', `srv-${proposal.id}`]]);
    expect(confirmed).toEqual(['partner', 'proposalDecision']);
    expect(queue.list()).toEqual([]);
    await queue.close();
  });

  it('lists writes oldest first with what the UI needs', async () => {
    const queue = await WriteQueue.open({ repository: scriptedRepository().repository, owner: 'anna@veenhaven.nl', dbName: freshDb(), autoStart: false });
    const a = newInteraction('p1');
    const b = newAgendaItem('p1');
    await queue.enqueue({ kind: 'interaction', payload: a });
    await queue.enqueue({ kind: 'agenda', payload: b });
    const list: PendingWrite[] = queue.list();
    expect(list.map((w) => [w.kind, w.clientId, w.state, w.owner])).toEqual([
      ['interaction', a.clientId, 'pending', 'anna@veenhaven.nl'],
      ['agenda', b.clientId, 'pending', 'anna@veenhaven.nl'],
    ]);
    expect(queue.list()).toBe(list); // stable until something changes (React's useSyncExternalStore)
    await queue.close();
  });
});

describe('DraftStore', () => {
  it('keeps drafts per email or meeting and per official, across reopening', async () => {
    const dbName = freshDb();
    const anna = await DraftStore.open({ owner: 'anna@veenhaven.nl', dbName });
    await anna.save('AAMkAD=', { summary: 'half af' });
    await anna.save('meeting-19:abc', { summary: 'agenda' });
    anna.close();
    const bram = await DraftStore.open({ owner: 'bram@veenhaven.nl', dbName });
    expect(await bram.load('AAMkAD=')).toBeUndefined();
    expect(await bram.list()).toEqual([]);
    bram.close();
    const again = await DraftStore.open({ owner: 'anna@veenhaven.nl', dbName });
    expect(await again.load('AAMkAD=')).toEqual({ summary: 'half af' });
    await again.remove('AAMkAD=');
    expect((await again.list()).map((d) => d.key)).toEqual(['meeting-19:abc']);
    again.close();
  });
});
