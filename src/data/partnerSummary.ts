/**
 * The PartnerSummary list (schema.ts, issue 19): one item per partner with what the overview's first
 * screen needs of its interactions (core/overview/partnerSummary.ts), so that a first-ever open shows
 * the attention headline and the register after reading one item per partner, and reads the
 * interactions behind it with progress.
 *
 * Derived data, never in a note's way. A note is saved when its Interactions item is created; the
 * repository then asks the {@link SummaryKeeper} to recount that partner in the background:
 * - A recount reads the summary item (its ETag) and *then* every interaction of the partner (indexed
 *   `partnerId`), and writes the summary made from them with If-Match on that ETag (or creates it; its
 *   `clientId` is the partner id and unique). Exact under concurrent writers: a recount that read the
 *   interactions before a colleague's note was created either reads the summary before that colleague's
 *   recount wrote it, and then its own write is refused (412) and it counts again, or writes first, and
 *   then the colleague's recount — which reads the ETag after its note exists — is refused and counts
 *   again with every note. The last write to succeed always counted every note created before it read.
 *   (If-Match on list items: https://learn.microsoft.com/graph/api/listitem-update.)
 * - A recount that fails (throttled, offline, refused) is retried with jittered, growing waits for as
 *   long as the page lives; setup (ensureSchema → repairSummaries) brings every summary in step, and the
 *   overview shows its own exact figures as soon as its copy of every interaction has arrived.
 */
import { summarisePartner, sameSummary, type DepartmentDates, type PartnerSummary } from '../core/overview/partnerSummary';
import type { Interaction } from '../core/model';
import type { ReviewMark } from '../core/overview/partnerActivity';
import type { BatchStep, GraphTransport } from './graph/GraphTransport';
import { GraphRequestError } from './graph/errors';
import { fieldFilter, itemQueryString } from './graph/odata';
import { realSleep, retryDelay, type Sleep } from './graph/retryPolicy';
import type { Fields, ListItem } from './listFields';

const PAGE = 5000;
/** How long a new page waits before it takes up recounts an earlier page left. */
const LEFTOVER_DELAY_MS = 10_000;
/** A recount refused because a colleague's recount wrote first is simply done again, this often at once. */
const CONFLICT_ATTEMPTS = 8;
/**
 * Waits between background attempts after a failure: from 1 s growing to 5 min, jittered; after this
 * many failures in a row (about an hour) the partner waits for the next note about it or for setup.
 */
const BACKGROUND_POLICY = { maxRetries: 16, baseDelayMs: 1000, maxDelayMs: 300_000, timeoutMs: 30_000 };

export interface SummaryPaths {
  interactions: string;
  summaries: string;
}

/** The columns of a summary item. */
export function summaryFields(summary: PartnerSummary): Fields {
  return {
    Title: summary.partnerId,
    clientId: summary.partnerId,
    interactionCount: summary.interactionCount,
    lastContact: summary.lastContact ?? null,
    // One text column for the lists: nothing queries them, and it keeps a summary one small item.
    facts: JSON.stringify({ r: summary.reviews.map((r) => [r.id, r.date, r.score]), d: summary.departments.map((d) => [d.department, d.newest ?? '', d.nextAhead ?? '']) }),
    summarisedAt: summary.at,
  };
}

/**
 * A summary item as read back; undefined when it is not one (no partner id). Plain loops: the overview's
 * first screen reads 10,000 of them.
 */
export function summaryFromItem(item: ListItem): PartnerSummary | undefined {
  const f = item.fields ?? {};
  const partnerId = typeof f.clientId === 'string' ? f.clientId : '';
  if (!partnerId) return undefined;
  type Facts = { r?: unknown; d?: unknown } | null;
  let facts: Facts = null;
  try {
    facts = typeof f.facts === 'string' ? (JSON.parse(f.facts) as Facts) : null;
  } catch {
    // Unreadable (edited by hand in SharePoint): the next recount or repair writes it again.
  }
  const reviews: ReviewMark[] = [];
  for (const row of rowsOf(facts?.r)) reviews.push({ id: String(row[0]), date: String(row[1]), score: Number(row[2]) });
  const departments: DepartmentDates[] = [];
  for (const row of rowsOf(facts?.d)) {
    const d: DepartmentDates = { department: String(row[0]) };
    if (typeof row[1] === 'string' && row[1]) d.newest = row[1];
    if (typeof row[2] === 'string' && row[2]) d.nextAhead = row[2];
    departments.push(d);
  }
  return {
    partnerId,
    interactionCount: typeof f.interactionCount === 'number' ? f.interactionCount : Number(f.interactionCount ?? 0) || 0,
    lastContact: typeof f.lastContact === 'string' && f.lastContact ? f.lastContact : undefined,
    reviews,
    departments,
    at: typeof f.summarisedAt === 'string' ? f.summarisedAt : '',
  };
}

const NO_ROWS: unknown[][] = [];
const rowsOf = (value: unknown): unknown[][] => (Array.isArray(value) && value.every(Array.isArray) ? (value as unknown[][]) : NO_ROWS);

/** What a summary is made from: the interactions' counted columns, no note text. */
const COUNTED = ['partnerId', 'date', 'kind', 'department', 'reviewScore', 'withdrawnAt'] as const;

type CountedItem = ListItem & { fields?: Fields };

/** Interaction items as summarisePartner counts them. */
export function countedFromItems(items: readonly CountedItem[]) {
  return items.map((item) => {
    const f = item.fields ?? {};
    return {
      id: String(item.id),
      partnerId: String(f.partnerId ?? ''),
      date: String(f.date ?? ''),
      kind: String(f.kind ?? '') as Interaction['kind'],
      department: typeof f.department === 'string' ? f.department : '',
      reviewScore: typeof f.reviewScore === 'number' ? f.reviewScore : undefined,
      withdrawn: f.withdrawnAt ? true : undefined,
    };
  });
}

const SUMMARY_COLUMNS = ['clientId', 'interactionCount', 'lastContact', 'facts', 'summarisedAt'] as const;

/**
 * Every summary of the site: for setup's repair with their ETags (it writes with If-Match), for the
 * overview's first screen without (`eTag: false`: 10,000 of them are read before it shows).
 */
export async function readAllSummaries(transport: GraphTransport, summariesPath: string, options: { eTag?: boolean } = {}): Promise<Array<{ item: ListItem; summary: PartnerSummary }>> {
  const items = await transport.getAll<ListItem>(`${summariesPath}/items?${itemQueryString('PartnerSummary', { select: SUMMARY_COLUMNS, eTag: options.eTag !== false, top: PAGE })}`);
  return items.flatMap((item) => {
    const summary = summaryFromItem(item);
    return summary ? [{ item, summary }] : [];
  });
}

/**
 * Brings one partner's summary in step with its interactions as they are now. Returns whether it wrote.
 * Throws when Graph refuses or fails (the keeper tries again later).
 */
export async function recountPartner(transport: GraphTransport, paths: SummaryPaths, partnerId: string, now: () => Date = () => new Date()): Promise<boolean> {
  let refusedCreate: GraphRequestError | undefined;
  for (let attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
    // The ETag first, then the interactions: see the module comment for why this order keeps it exact.
    const [current] = await transport.getAll<ListItem>(`${paths.summaries}/items?${itemQueryString('PartnerSummary', { select: SUMMARY_COLUMNS, filter: fieldFilter('PartnerSummary', 'clientId', 'eq', partnerId), top: 1 })}`);
    const items = await transport.getAll<CountedItem>(`${paths.interactions}/items?${itemQueryString('Interactions', { select: [...COUNTED], eTag: false, filter: fieldFilter('Interactions', 'partnerId', 'eq', partnerId), top: PAGE })}`);
    const wanted = summarisePartner(partnerId, countedFromItems(items), now());
    // A create refused although no summary exists: not a colleague's create but a value refused; asking again would not help.
    if (refusedCreate && !current) throw refusedCreate;
    const stored = current && summaryFromItem(current);
    if (stored && sameSummary(stored, wanted)) return false;
    try {
      if (current) {
        const { clientId: _key, ...fields } = summaryFields(wanted);
        await transport.request('PATCH', `${paths.summaries}/items/${encodeURIComponent(current.id)}/fields`, { body: fields, headers: current.eTag ? { 'If-Match': current.eTag } : {} });
      } else {
        await transport.request('POST', `${paths.summaries}/items`, { body: { fields: summaryFields(wanted) } });
      }
      return true;
    } catch (error) {
      // 412: a colleague's recount wrote since we read; 409/400: a colleague created it first (unique clientId),
      // which the next read shows (Graph documents no status for a unique-value violation; src/data/README.md).
      if (!(error instanceof GraphRequestError && (error.status === 412 || error.status === 409 || error.status === 400))) throw error;
      if (!current && error.status !== 412) refusedCreate = error;
    }
  }
  throw new GraphRequestError(412, 'preconditionFailed', `the summary of ${partnerId} kept changing while it was recounted`);
}

export interface SummaryKeeperOptions {
  transport: GraphTransport;
  /**
   * Where the partners still to recount are kept over a reload (the device's localStorage in the app),
   * under `storageKey`; without it they are kept in memory only.
   */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  storageKey?: string;
  paths: () => Promise<SummaryPaths>;
  sleep?: Sleep;
  now?: () => Date;
  random?: () => number;
  /**
   * Called before a partner is recounted: when its notes belong to another partner now (a proposal merged
   * into it while notes about it were being written), moves them there and answers that partner, which is
   * then recounted too. Without it, notes stay where they were written.
   */
  forward?: (partnerId: string) => Promise<string | undefined>;
}

/**
 * Recounts partners in the background, one at a time, each as often as needed and at most once per
 * request burst (asking again while one waits changes nothing). Never throws at its caller.
 */
export class SummaryKeeper {
  private readonly stale = new Set<string>();
  private running?: Promise<void>;
  /** The site has no PartnerSummary list (not upgraded by setup yet): nothing to keep until it has. */
  private missing = false;
  /** Stopped after many failures in a row; the next touch starts again. */
  private gaveUp = false;

  constructor(private readonly options: SummaryKeeperOptions) {
    // Recounts a page left undone when it closed are taken up by the next page, once its first screen is up.
    const left = this.read();
    if (left.length > 0) void (options.sleep ?? realSleep)(LEFTOVER_DELAY_MS).then(() => this.touch(left));
  }

  private read(): string[] {
    try {
      const value: unknown = JSON.parse(this.options.storage?.getItem(this.key()) ?? '[]');
      return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(): void {
    try {
      if (this.stale.size > 0) this.options.storage?.setItem(this.key(), JSON.stringify([...this.stale]));
      else this.options.storage?.removeItem(this.key());
    } catch {
      // Storage full or refused: kept in memory; setup repairs what a reload loses.
    }
  }

  private key(): string {
    return this.options.storageKey ?? 'partnerzicht.summaries.pending';
  }

  /** Asks for these partners to be recounted (after a note about them was saved, changed or removed). */
  touch(partnerIds: Iterable<string>): void {
    if (this.missing) return;
    for (const id of partnerIds) if (id) this.stale.add(id);
    this.remember();
    this.gaveUp = false;
    this.kick();
  }

  private kick(): void {
    if (this.running || this.stale.size === 0 || this.missing || this.gaveUp) return;
    // Started again when a touch came after the loop's last look but before it ended.
    this.running = this.work().finally(() => {
      this.running = undefined;
      this.kick();
    });
  }

  /** Resolves when every partner asked for has been recounted (tests, and the bench). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Partners not yet recounted (also those given up on after many failures: the next touch tries them again). */
  pending(): string[] {
    return [...this.stale];
  }

  private async work(): Promise<void> {
    const sleep = this.options.sleep ?? realSleep;
    let failures = 0;
    while (this.stale.size > 0 && !this.missing) {
      const [id] = this.stale;
      // Taken off before the recount reads: a note saved meanwhile asks again and is counted by the next round.
      this.stale.delete(id);
      try {
        const movedTo = await this.options.forward?.(id);
        await recountPartner(this.options.transport, await this.options.paths(), id, this.options.now);
        if (movedTo) this.stale.add(movedTo);
        failures = 0;
        this.remember();
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404 && /list/i.test(error.message)) {
          this.missing = true;
          this.stale.clear();
          this.remember();
          return;
        }
        this.stale.add(id);
        if (++failures > BACKGROUND_POLICY.maxRetries) {
          this.gaveUp = true;
          return;
        }
        await sleep(retryDelay(BACKGROUND_POLICY, failures - 1, undefined, this.options.random));
      }
    }
  }
}

/**
 * Every partner's summary in step with the interactions (setup's backfill and repair): the interactions
 * are read once, paged; only summaries that differ are written, missing ones created, those of partners
 * with no interactions left and no partner either removed. Returns the number of writes.
 */
export async function repairSummaries(transport: GraphTransport, paths: SummaryPaths, partnerIds: readonly string[], now: Date = new Date()): Promise<number> {
  const [items, existing] = await Promise.all([
    transport.getAll<CountedItem>(`${paths.interactions}/items?${itemQueryString('Interactions', { select: [...COUNTED], eTag: false, top: PAGE })}`),
    readAllSummaries(transport, paths.summaries),
  ]);
  const byPartner = new Map<string, ReturnType<typeof countedFromItems>>();
  for (const row of countedFromItems(items)) {
    const list = byPartner.get(row.partnerId);
    if (list) list.push(row);
    else byPartner.set(row.partnerId, [row]);
  }
  const ids = new Set([...partnerIds, ...byPartner.keys()]);
  const stored = new Map(existing.map((e) => [e.summary.partnerId, e]));
  const steps: BatchStep[] = [];
  for (const id of ids) {
    if (!id) continue;
    const wanted = summarisePartner(id, byPartner.get(id) ?? [], now);
    const have = stored.get(id);
    if (have && sameSummary(have.summary, wanted)) continue;
    if (have) {
      const { clientId: _key, ...fields } = summaryFields(wanted);
      steps.push({ id: `set-${have.item.id}`, method: 'PATCH', url: `${paths.summaries}/items/${encodeURIComponent(have.item.id)}/fields`, body: fields, headers: have.item.eTag ? { 'If-Match': have.item.eTag } : undefined });
    } else steps.push({ id: `new-${id}`, method: 'POST', url: `${paths.summaries}/items`, body: { fields: summaryFields(wanted) } });
  }
  for (const [id, e] of stored) if (!ids.has(id)) steps.push({ id: `del-${e.item.id}`, method: 'DELETE', url: `${paths.summaries}/items/${encodeURIComponent(e.item.id)}` });
  if (steps.length === 0) return 0;
  const failed: string[] = [];
  const refusedCreates = new Map<string, string>();
  for (const result of (await transport.batch(steps)).values()) {
    // A summary a colleague's recount wrote meanwhile (412, or 409/400 on a create) is theirs, and as exact.
    if (result.id.startsWith('new-') && (result.status === 409 || result.status === 400)) refusedCreates.set(result.id.slice(4), `${result.id}: ${result.status}`);
    else if (!(result.status < 300 || result.status === 412 || (result.id.startsWith('del-') && result.status === 404))) failed.push(`${result.id}: ${result.status}`);
  }
  // A refused create is a colleague's only where that summary now exists; otherwise a value was refused.
  if (refusedCreates.size > 0) {
    const written = new Set((await readAllSummaries(transport, paths.summaries, { eTag: false })).map((e) => e.summary.partnerId));
    for (const [id, step] of refusedCreates) if (!written.has(id)) failed.push(step);
  }
  if (failed.length > 0) throw new GraphRequestError(500, 'generalException', `summaries not written: ${failed.slice(0, 5).join(', ')}`);
  return steps.length;
}
