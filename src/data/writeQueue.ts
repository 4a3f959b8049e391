/**
 * The durable write queue: every note, agenda item, partner change, linked domain or decision on a
 * proposed partner is stored locally
 * (IndexedDB) with its client id and its owner *before* it is sent, then sent until the server confirms
 * it. A task pane can close at any moment; the next open resumes what was left.
 *
 * - Transient failures (network, 429, 5xx) are retried with capped exponential backoff, honouring
 *   Retry-After, for as long as it takes; the entry stays `pending` with the last error visible.
 * - After an unclear failure (timeout, connection dropped after sending, 5xx, or a reload while an
 *   entry was `sending`), the next attempt looks the client id up first and creates only if absent
 *   (the repository's `afterUnclearFailure`); the unique clientId column is the last line of defence.
 * - A 412 makes the entry `conflict`, carrying the server's version; a refusal that waiting will not
 *   fix (400, 401, 403, 404, 501, 507, or no sign-in) makes it `failed`. Both wait for the official:
 *   `retry` or `discard`; one failed for want of a sign-in is sent again by the next session.
 * - The queue is opened for one signed-in official and only ever loads and sends that official's
 *   entries, with the repository (and so the token) it was opened with; other owners' entries in the
 *   same database stay untouched.
 * - Without IndexedDB it works in memory and says so (`durable: false`), so the UI can warn.
 */
import type { AgendaItem, DomainLink, Interaction, Partner, ProposalDecision } from '../core/model';
import { newClientId } from '../core/noteDraft';
import { failureCause, GraphRequestError, isTransient, mayHaveCommitted, retryAfterOf, WriteLandedError, type FailureCause } from './graph/errors';
import { DEFAULT_RETRY_POLICY, realSleep, retryDelay, type RetryPolicy, type Sleep } from './graph/retryPolicy';
import { openLocalDatabase, type LocalDatabase, type StoredWriteRecord } from './localDatabase';
import { ConflictError, type PartnerRepository, type ProposalOutcome } from './PartnerRepository';

export type QueuedWrite =
  | { kind: 'interaction'; payload: Interaction }
  | { kind: 'agenda'; payload: AgendaItem }
  | { kind: 'partner'; payload: Partner }
  | { kind: 'domainLink'; payload: DomainLink }
  | { kind: 'proposalDecision'; payload: ProposalDecision };
export type WriteState = 'pending' | 'sending' | 'failed' | 'conflict';

/** What the UI sees of one queued write. */
export type PendingWrite = QueuedWrite & {
  /** The item's client id (a partner: its id; a new partner's id is client-generated). */
  clientId: string;
  owner: string;
  state: WriteState;
  /** The last failure, in words (Graph's technical message), while pending (retrying) or failed. */
  error?: string;
  /** Why it failed, for the translated sentence; absent on entries stored by an earlier release. */
  cause?: FailureCause;
  attempts: number;
  enqueuedAt: string;
  /** For `conflict`: the version now on the server. */
  current?: unknown;
  /**
   * The write itself is stored on the site; what failed is a step after it (its audit trail entry,
   * WriteLandedError). A view keeps showing it as stored, also when the official lets the entry go.
   */
  landed?: boolean;
};

type Entry = PendingWrite & {
  seq: number;
  /**
   * This write as one action of the audit trail: the repository records it under this key, so however
   * often the write is sent (retries, reloads), it is one trail entry. Absent on entries stored by an
   * earlier release: `actionIdOf` derives one.
   */
  actionId?: string;
  /** The action id of `next`. */
  nextActionId?: string;
  /** An earlier attempt may have been carried out: look up before creating. */
  unclear: boolean;
  /** Epoch ms before which a pending entry is not sent again. */
  notBefore: number;
  /** A newer version enqueued while this one was being sent. */
  next?: QueuedWrite;
};

export type QueueEvent =
  | { type: 'changed' }
  | { type: 'confirmed'; clientId: string; kind: QueuedWrite['kind']; result: WriteResult }
  /** The official let a write go: a view that showed it ahead of the server puts the server's version back. */
  | { type: 'discarded'; write: PendingWrite };

/** What the server answered for a write (a decision: the proposal and, for a merge, its target). */
export type WriteResult = Interaction | AgendaItem | Partner | ProposalOutcome;

/** The repository calls the queue needs (any PartnerRepository has them). */
export type WriteTarget = Pick<PartnerRepository, 'saveInteraction' | 'saveAgendaItem' | 'savePartner' | 'linkDomain' | 'decideProposal'>;

export interface WriteQueueOptions {
  repository: WriteTarget;
  /** The signed-in official's address: entries carry it, and only theirs are loaded and sent. */
  owner: string;
  dbName?: string;
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  now?: () => number;
  /** Writes on the wire at once (default 4), never two for the same partner. */
  concurrency?: number;
  /** Start sending at once (default). When false, nothing is sent before the first `flush()`. */
  autoStart?: boolean;
}

export function writeKey(write: QueuedWrite): string {
  return write.kind === 'partner' ? write.payload.id : write.payload.clientId;
}

export class WriteQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(event: QueueEvent) => void>();
  private snapshot: PendingWrite[] | undefined;
  private seq = 0;
  private closed = false;
  private running: Promise<void> | undefined;
  private again = false;
  private started: boolean;
  private wake: (() => void) | undefined;
  private readonly sleep: Sleep;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly concurrency: number;

  private constructor(
    private readonly options: WriteQueueOptions,
    private readonly db: LocalDatabase | undefined,
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.policy = { ...DEFAULT_RETRY_POLICY, maxDelayMs: 60_000, ...options.retry };
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.started = options.autoStart !== false;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /** Opens the queue of one official, resuming what an earlier session left. */
  static async open(opened: WriteQueueOptions): Promise<WriteQueue> {
    // One official, however the host spells their address.
    const options = { ...opened, owner: opened.owner.trim().toLowerCase() };
    const db = await openLocalDatabase(options.dbName);
    const queue = new WriteQueue(options, db);
    if (db) {
      const stored = (await db.getAllFromIndex('writes', 'byOwner', options.owner)) as unknown as Entry[];
      for (const entry of stored) {
        if (entry.owner !== options.owner) continue;
        // Closed while sending: it may have arrived. Never create it again without looking first.
        if (entry.state === 'sending') Object.assign(entry, { state: 'pending', unclear: true, notBefore: 0 });
        // Failed because the official was no longer signed in: this session has signed in again.
        else if (entry.state === 'failed' && entry.cause === 'signIn') Object.assign(entry, { state: 'pending', notBefore: 0 });
        queue.entries.set(entry.clientId, entry);
        queue.seq = Math.max(queue.seq, entry.seq);
      }
    }
    if (options.autoStart !== false) queue.kick();
    return queue;
  }

  /** False when IndexedDB was unavailable: writes then live only as long as this page. */
  get durable(): boolean {
    return this.db !== undefined;
  }

  /** This official's queued writes, oldest first. The same array until something changes. */
  list(): PendingWrite[] {
    this.snapshot ??= [...this.entries.values()]
      .sort((a, b) => a.seq - b.seq)
      .map(({ seq: _seq, unclear: _unclear, notBefore: _notBefore, next: _next, actionId: _a, nextActionId: _n, ...visible }) => ({ ...visible }) as PendingWrite);
    return this.snapshot;
  }

  /** Called on every change of `list()`: with `confirmed` when the change is the server confirming a write. */
  subscribe(listener: (event: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Stores the write (durably when possible) and returns; sending happens in the background. A write
   * for an item that is still queued replaces the queued version (the newest wins).
   */
  async enqueue(write: QueuedWrite): Promise<void> {
    if (this.closed) throw new Error('write queue is closed');
    const clientId = writeKey(write);
    const existing = this.entries.get(clientId);
    let entry: Entry;
    if (existing?.state === 'sending') {
      // A newer version while one is on the wire: sent after it, as an action of its own.
      entry = { ...existing, next: write, nextActionId: newClientId() };
    } else if (existing) {
      // Replaces a version not yet confirmed: still that one action (it may have landed unseen).
      entry = { ...existing, ...write, state: 'pending', error: undefined, cause: undefined, current: undefined, attempts: 0, notBefore: 0 } as Entry;
    } else {
      entry = {
        ...write,
        clientId,
        owner: this.options.owner,
        state: 'pending',
        attempts: 0,
        enqueuedAt: new Date(this.now()).toISOString(),
        seq: ++this.seq,
        actionId: newClientId(),
        unclear: false,
        notBefore: 0,
      } as Entry;
    }
    await this.store(entry);
    this.kick();
  }

  /**
   * Sends a failed or conflicting write again now. For a conflict, `keepMine` sends this version over
   * the server's (its ETag becomes the server's current one); otherwise it is simply tried again.
   */
  async retry(clientId: string, options: { keepMine?: boolean } = {}): Promise<void> {
    const entry = this.entries.get(clientId);
    if (!entry || entry.state === 'sending') return;
    const next: Entry = { ...entry, state: 'pending', error: undefined, cause: undefined, notBefore: 0, attempts: 0 };
    const currentEtag = (entry.current as { etag?: string } | undefined)?.etag;
    // Only updates conflict (they carry an ETag); creates are idempotent by client id instead.
    if (entry.state === 'conflict' && options.keepMine && currentEtag && (next.kind === 'agenda' || next.kind === 'partner' || next.kind === 'interaction')) {
      next.payload = { ...next.payload, etag: currentEtag } as AgendaItem & Partner & Interaction;
    }
    next.current = undefined;
    await this.store(next);
    this.kick();
  }

  /**
   * The connection is back (the browser's `online` event): what waits out a backoff is sent now,
   * instead of minutes later when its timer runs out.
   */
  resumeNow(): void {
    for (const entry of this.entries.values()) if (entry.state === 'pending') entry.notBefore = 0;
    this.kick();
  }

  /**
   * Drops a queued write (the official chose the server's version, or gave up). A new partner that is
   * let go takes nothing with it: the notes, agenda items and domain links queued for it would be sent
   * for a partner that does not exist, so they fail instead (cause notFound), each still there to read,
   * copy and let go of in its turn.
   */
  async discard(clientId: string): Promise<void> {
    const entry = this.entries.get(clientId);
    if (!entry || entry.state === 'sending') return;
    const write = this.list().find((w) => w.clientId === clientId)!;
    await this.remove(entry);
    if (entry.kind === 'partner' && !entry.payload.etag) {
      for (const dependent of [...this.entries.values()]) {
        if (dependent.kind !== 'partner' && dependent.payload.partnerId === clientId && dependent.state !== 'sending') {
          await this.store({ ...dependent, state: 'failed', cause: 'notFound', error: `the new partner ${clientId} was let go before it was created` });
        }
      }
    }
    if (!this.closed) this.emit({ type: 'discarded', write });
  }

  /** Resolves when nothing is left to send now or later: all confirmed, failed or in conflict. */
  async flush(): Promise<void> {
    this.started = true;
    while (!this.closed) {
      this.kick();
      await this.running;
      if (![...this.entries.values()].some((e) => this.canProgress(e))) return;
    }
  }

  /**
   * Stops sending and lets go of the database. A send already on the wire runs to its end, but its
   * outcome is no longer recorded here — like a page that is closed; the returned promise settles
   * when it has.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    this.listeners.clear();
    await this.running?.catch(() => undefined);
    this.db?.close();
  }

  // ---- sending -------------------------------------------------------------------------------

  private kick(): void {
    if (this.closed || !this.started) return;
    if (this.running) {
      this.again = true;
      this.wake?.();
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /**
   * Sends what is due, up to `concurrency` at once but one at a time per partner (its notes all update
   * the same denormalised figures; in parallel they would only conflict), and waits out backoffs.
   */
  private async drain(): Promise<void> {
    const inFlight = new Map<string, Promise<void>>();
    do {
      this.again = false;
      while (!this.closed) {
        for (const entry of this.readyEntries()) {
          if (inFlight.size >= this.concurrency) break;
          const lane = laneOf(entry);
          if (inFlight.has(lane)) continue;
          inFlight.set(
            lane,
            this.send(entry).finally(() => inFlight.delete(lane)),
          );
        }
        if (inFlight.size > 0) {
          await Promise.race([...inFlight.values(), new Promise<void>((resolve) => (this.wake = resolve))]);
          this.wake = undefined;
          continue;
        }
        // Entries held for a queued partner go when it does; the rest wait for their backoff.
        const waiting = [...this.entries.values()].filter((e) => e.state === 'pending' && !this.heldForPartner(e));
        if (waiting.length === 0) break;
        const due = Math.min(...waiting.map((e) => e.notBefore));
        if ((await this.pause(Math.max(0, due - this.now()))) === 'slept') {
          // The wait is over (also when an injected sleep returned at once): what was due by then is due now.
          for (const e of this.entries.values()) if (e.notBefore <= due) e.notBefore = 0;
        }
      }
    } while (this.again && !this.closed);
    await Promise.all(inFlight.values());
  }

  /** Pending entries due now, oldest first; one that refers to a partner still queued waits for it. */
  private readyEntries(): Entry[] {
    const now = this.now();
    return [...this.entries.values()]
      .filter((e) => e.state === 'pending' && e.notBefore <= now)
      .filter((e) => !this.heldForPartner(e))
      .sort((a, b) => a.seq - b.seq);
  }

  /** A note, agenda item or linked domain for a partner whose creation is still queued. */
  private heldForPartner(entry: Entry): boolean {
    if (entry.kind === 'partner') return false;
    const partner = this.entries.get(entry.payload.partnerId);
    return partner?.kind === 'partner' && !partner.payload.etag;
  }

  /** Sending, or pending and not stuck behind a new partner that failed or is in conflict. */
  private canProgress(entry: Entry): boolean {
    if (entry.state === 'sending') return true;
    if (entry.state !== 'pending') return false;
    if (entry.kind === 'partner') return true;
    const partner = this.entries.get(entry.payload.partnerId);
    return !(partner?.kind === 'partner' && !partner.payload.etag && (partner.state === 'failed' || partner.state === 'conflict'));
  }

  /** Waits, but wakes early for a new write or close. */
  private async pause(ms: number): Promise<'slept' | 'woken'> {
    const outcome = await Promise.race([
      this.sleep(ms).then(() => 'slept' as const),
      new Promise<'woken'>((resolve) => (this.wake = () => resolve('woken'))),
    ]);
    this.wake = undefined;
    return outcome;
  }

  private async send(entry: Entry): Promise<void> {
    const sending: Entry = { ...entry, state: 'sending', attempts: entry.attempts + 1 };
    try {
      await this.store(sending);
    } catch {
      // It cannot be marked as on the wire, so it is not sent (a reload would create it again without
      // looking first); tried again after a while, as after a failed send.
      this.entries.set(entry.clientId, { ...entry, notBefore: this.now() + retryDelay(this.policy, Math.min(entry.attempts, 20), undefined, this.random) });
      return;
    }
    if (this.closed) return;
    let result: WriteResult;
    try {
      const options = { afterUnclearFailure: sending.unclear, actionId: actionIdOf(sending) };
      const { repository } = this.options;
      result =
        sending.kind === 'interaction'
          ? await repository.saveInteraction(sending.payload, options)
          : sending.kind === 'agenda'
            ? await repository.saveAgendaItem(sending.payload, options)
            : sending.kind === 'partner'
              ? await repository.savePartner(sending.payload, options)
              : // These two read the partner before they write, so they need no look-up after an unclear failure.
                sending.kind === 'domainLink'
                ? await repository.linkDomain(sending.payload, options)
                : await repository.decideProposal(sending.payload, options);
    } catch (error) {
      if (this.closed) return;
      // Its new state not kept on the device: the entry stays as it is in memory, and is sent again later.
      await this.failed(this.entries.get(sending.clientId) ?? sending, error).catch(() => undefined);
      return;
    }
    if (this.closed) return;
    await this.confirmed(this.entries.get(sending.clientId) ?? sending, result);
  }

  /**
   * The confirmation is told in the same step that takes the write out of `list()`: another change
   * emitted while the database catches up (a note logged meanwhile) must not show listeners the write
   * gone before they hear it was saved, or the pane would briefly show the note as never logged.
   */
  private async confirmed(entry: Entry, result: WriteResult): Promise<void> {
    if (entry.kind === 'partner' && (result as Partner).id !== entry.clientId) await this.repointPartner(entry.clientId, (result as Partner).id);
    if (this.closed) return;
    let following: Entry | undefined;
    if (entry.next) {
      // The next version goes on the ETag (and server id) this write got; a decision carries neither.
      const payload = entry.next.kind === 'proposalDecision' ? entry.next.payload : { ...entry.next.payload, id: (result as Partner).id, etag: (result as { etag?: string }).etag };
      const clientId = writeKey({ kind: entry.next.kind, payload } as QueuedWrite);
      following = { ...entry, ...entry.next, payload, clientId, actionId: entry.nextActionId ?? newClientId(), nextActionId: undefined, next: undefined, state: 'pending', attempts: 0, unclear: false, notBefore: 0, error: undefined, cause: undefined } as Entry;
    }
    // Same key: overwritten in place, so no enqueue meanwhile finds the key missing and starts afresh.
    if (following?.clientId !== entry.clientId) this.entries.delete(entry.clientId);
    if (following) this.entries.set(following.clientId, following);
    this.emit({ type: 'confirmed', clientId: entry.clientId, kind: entry.kind, result });
    if (!this.db || this.closed) return;
    if (following?.clientId !== entry.clientId) await this.db.delete('writes', [entry.owner, entry.clientId]);
    if (following) await this.db.put('writes', following as unknown as StoredWriteRecord);
  }

  private async failed(sent: Entry, error: unknown): Promise<void> {
    const unclear = sent.unclear || mayHaveCommitted(error);
    // A newer version enqueued meanwhile replaces the one that failed.
    // It keeps the failed one's action id: that attempt may have landed (and been recorded) unseen.
    const merged: Entry = sent.next ? ({ ...sent, ...sent.next, next: undefined, nextActionId: undefined } as Entry) : sent;
    const entry: Entry = error instanceof WriteLandedError && !sent.next ? { ...merged, landed: true } : merged;
    if (error instanceof ConflictError) {
      await this.store({ ...entry, state: 'conflict', unclear, current: error.current, error: 'conflict' });
    } else if (isTransient(error)) {
      const delay = retryDelay(this.policy, Math.min(entry.attempts - 1, 20), retryAfterOf(error), this.random);
      await this.store({ ...entry, state: 'pending', unclear, notBefore: this.now() + delay, error: describe(error), cause: failureCause(error) });
    } else {
      await this.store({ ...entry, state: 'failed', unclear, error: describe(error), cause: failureCause(error) });
    }
  }

  /** A new partner got its server id: queued notes, agenda items and linked domains for it now point there. */
  private async repointPartner(clientId: string, serverId: string): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      if (entry.kind !== 'partner' && entry.payload.partnerId === clientId) {
        await this.store({ ...entry, payload: { ...entry.payload, partnerId: serverId } } as Entry);
      }
    }
  }

  // ---- storage -------------------------------------------------------------------------------

  /**
   * The in-memory entry changes at once, before the database write is awaited: an enqueue that arrives
   * while a send is storing its 'sending' state must see that state (and become its `next`), or the
   * send's confirmation would remove the newer version with it. IndexedDB runs the puts in the order
   * they were made, so the stored copy ends the same.
   */
  private async store(entry: Entry): Promise<void> {
    if (this.closed) return;
    const before = this.entries.get(entry.clientId);
    this.entries.set(entry.clientId, entry);
    if (this.db) {
      try {
        await this.db.put('writes', entry as unknown as StoredWriteRecord);
      } catch (error) {
        // Not kept on the device (its quota is full, the connection was closed under it): as if never
        // asked, so that nothing is sent that a reload would not know about, and the caller can say so.
        if (this.entries.get(entry.clientId) === entry) {
          if (before) this.entries.set(entry.clientId, before);
          else this.entries.delete(entry.clientId);
        }
        throw error;
      }
    }
    if (this.closed) return;
    this.emit({ type: 'changed' });
  }

  private async remove(entry: Entry): Promise<void> {
    if (this.closed) return;
    this.entries.delete(entry.clientId);
    if (this.db) await this.db.delete('writes', [entry.owner, entry.clientId]);
    this.emit({ type: 'changed' });
  }

  private emit(event: QueueEvent): void {
    this.snapshot = undefined;
    for (const listener of this.listeners) listener(event);
  }
}

/** The entry's action id; entries stored before action ids existed get one from what they already hold. */
function actionIdOf(entry: Entry): string {
  return entry.actionId ?? `${entry.clientId}@${entry.enqueuedAt}`;
}

/** Writes in one lane go one after another. */
function laneOf(entry: QueuedWrite): string {
  return `partner:${entry.kind === 'partner' ? entry.payload.id : entry.payload.partnerId}`;
}

function describe(error: unknown): string {
  if (error instanceof GraphRequestError) return `${error.status}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
