/**
 * The local copy behind the overview tab (the whole landscape: partners, who talks to them, about
 * what, and the agenda). The first load pages through the three lists with the list-items delta query
 * and reports progress; every later load asks only for what changed since (`/items/delta` with the
 * stored delta link), so opening the overview costs work in proportion to the changes, not to the size
 * of the lists. All three lists travel in one `$batch` per round trip.
 *
 * Kept per official and site in IndexedDB (in memory, `durable: false`, where that is unavailable).
 * The note text of interactions is not copied to the device: the overview does not show it, and a
 * manager's laptop should not hold every note of the municipality.
 */
import type { AgendaItem, Partner } from '../core/model';
import { figuresFromTable, withFigures } from '../core/partnerFigures';
import { figuresFromSummaries, summariesOutOfStep, type PartnerSummary } from '../core/overview/partnerSummary';
import { readAllSummaries } from './partnerSummary';
import { digestListPath, readNewestDigest } from './overviewDigest';
import type { FirstScreenDigest } from '../core/overview/firstScreenDigest';
import { decodeInteractions, encodeInteractions, isInteractionTable, type CompactInteraction, type InteractionTable } from '../core/overview/interactionTable';
import { batchError, isSuccess, type BatchStep, type GraphTransport } from './graph/GraphTransport';
import { GraphRequestError } from './graph/errors';
import { encodeQueryValue } from './graph/odata';
import { agendaFromItem, interactionFromItem, partnerFromItem, type ListItem } from './listFields';
import { openLocalDatabase, type CacheStateRecord, type LocalDatabase } from './localDatabase';
import { allColumns, columnSpec, SCHEMA, type ColumnName, type ListName } from './schema';
import { siteAddress } from './siteRef';

/** An interaction as the overview needs it: who, when, which department and themes — no note text. */
export type OverviewInteraction = CompactInteraction;

export interface OverviewData {
  partners: Partner[];
  interactions: OverviewInteraction[];
  agenda: AgendaItem[];
}

export type OverviewList = 'Partners' | 'Interactions' | 'Agenda';

export interface OverviewProgress {
  list: OverviewList;
  /** Items received for this list in this load. */
  loaded: number;
  done: boolean;
}

export interface OverviewLoad extends OverviewData {
  /** 'cold' when any list had to be read in full (first load, or the server asked for a resync). */
  mode: 'cold' | 'warm';
  /** Items added, changed or removed since the previous load. */
  changes: number;
  /**
   * The interactions as columns, as they are stored: the first screen's figures read these, so that
   * `interactions` (made into objects on first use only) can wait until a view needs them.
   */
  interactionTable: InteractionTable;
  /**
   * After a first screen from the summaries: the partners whose summary the interactions just read
   * contradict (core/overview summariesOutOfStep), for a recount. Absent on every other load.
   */
  summariesOutOfStep?: string[];
}

/**
 * What a first-ever load shows before the interactions have arrived (see `load`): first the site's
 * digest, where there is one, then the partners with their summaries.
 */
export type OverviewFirstScreen = SummariesFirstScreen | { digest: FirstScreenDigest };

export interface SummariesFirstScreen {
  /** With each partner's figures from its summary. */
  partners: Partner[];
  agenda: AgendaItem[];
  summaries: PartnerSummary[];
  /** How many interactions the summaries count: what the read that follows will bring, about. */
  interactions: number;
}

/** Handed the first screen; the read of the interactions waits for the promise it returns (its paint). */
export type FirstScreenListener = (first: OverviewFirstScreen) => void | Promise<void>;

/** One answer of a list's delta query. */
interface DeltaPage {
  value?: ListItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface LoadRun {
  scope: string;
  mode: 'cold' | 'warm';
  changed: Set<OverviewList>;
  loaded: Map<OverviewList, number>;
  changes: number;
  onProgress?: (progress: OverviewProgress) => void;
}

export interface OverviewCacheOptions {
  transport: GraphTransport;
  siteRef: string;
  /** The signed-in official: caches are never shared between officials. */
  owner: string;
  dbName?: string;
  /** Items per page on a full read (SharePoint's maximum is 5,000). */
  pageSize?: number;
}

const LISTS: readonly OverviewList[] = ['Partners', 'Interactions', 'Agenda'];
/** The item properties a delta read asks for: the ETag where the overview edits (partners, agenda), else the id. */
const ITEM_PROPERTIES: Record<OverviewList, string> = { Partners: 'id,eTag', Interactions: 'id', Agenda: 'id,eTag' };
const INTERACTION_OVERVIEW_COLUMNS: ColumnName<'Interactions'>[] = [
  'Title', 'clientId', 'partnerId', 'date', 'kind', 'department', 'authorEmail', 'authorName', 'themes', 'confidential', 'wooRelevant', 'sourceRef', 'reviewScore', 'withdrawnAt',
];

/** The columns a list's delta query asks for. */
function deltaColumns(list: OverviewList): string {
  const columns: readonly string[] = list === 'Interactions' ? INTERACTION_OVERVIEW_COLUMNS : allColumns(list);
  return columns.map((c) => columnSpec(list as ListName, c).name).join(',');
}

/**
 * One list in memory. The interactions come out of IndexedDB as a table and become a Map (by id) only
 * when a delta has to be applied to them; while both exist, the Map is the truth and `table` is its
 * encoding, dropped on every change.
 */
interface MemoryList {
  items?: Map<string, unknown>;
  table?: InteractionTable;
  deltaLink?: string;
  /** Items changed since they were read or written: the list itself must be written again. */
  dirty: boolean;
  /** The delta link the stored records hold, to tell whether only the link needs writing. */
  storedLink?: string;
}

/**
 * The stored form of a list: Partners and Agenda as [id, item] pairs in `entries`, Interactions as a
 * `table` (src/core/overview/interactionTable.ts). Beside it, under `<list>#link`, a small record with a
 * newer delta link when only the link moved on since (a delta that brought nothing): rewriting 100,000
 * interactions to store a new link cost more than the whole rest of a warm open.
 */
type StoredList = CacheStateRecord & { table?: InteractionTable };
const linkKey = (list: OverviewList) => `${list}#link`;

export class OverviewCache {
  /** The site in list URLs: a first-ever open asks for its lists at once, not after a round trip for the site's id. */
  private readonly site: string;
  private readonly memory = new Map<OverviewList, MemoryList>();

  private constructor(
    private readonly options: OverviewCacheOptions,
    private readonly db: LocalDatabase | undefined,
  ) {
    this.site = siteAddress(options.siteRef);
  }

  static async open(options: OverviewCacheOptions): Promise<OverviewCache> {
    return new OverviewCache(options, await openLocalDatabase(options.dbName));
  }

  get durable(): boolean {
    return this.db !== undefined;
  }

  /**
   * Brings the local copy up to date and returns it. On a first-ever load (no copy of the interactions
   * yet) and with `onFirstScreen`, the partners and agenda are read first, with every partner's summary
   * (src/data/partnerSummary.ts), and handed to `onFirstScreen` before the interactions are read: the
   * attention headline and the register need not wait for a million interactions. The interactions are
   * read once the promise `onFirstScreen` returns has settled.
   */
  async load(onProgress?: (progress: OverviewProgress) => void, onFirstScreen?: FirstScreenListener): Promise<OverviewLoad> {
    const scope = `${this.options.owner.toLowerCase()}|${this.options.siteRef}`;
    const next = new Map<OverviewList, string>();
    const run: LoadRun = { scope, mode: 'warm', changed: new Set(), loaded: new Map(LISTS.map((l) => [l, 0])), changes: 0, onProgress };
    const lists = await Promise.all(LISTS.map((list) => this.stored(scope, list)));
    for (const [n, list] of LISTS.entries()) {
      const stored = lists[n];
      if (stored.deltaLink) next.set(list, this.options.transport.apiPath(stored.deltaLink));
      else {
        run.mode = 'cold';
        reset(stored); // a full read replaces whatever a broken earlier one left
        next.set(list, this.initialDeltaUrl(list));
      }
    }
    const interactionsUrl = next.get('Interactions');
    let shownSummaries: PartnerSummary[] | undefined;
    if (onFirstScreen && interactionsUrl && !lists[LISTS.indexOf('Interactions')].deltaLink) {
      // With no copy of the partners either, the lists behind the first screen take seconds on a large
      // site: a digest a colleague's overview made is shown before they are asked for, so that their
      // pages do not compete with its paint (one small read; docs/overview-digest.md).
      if (!lists[LISTS.indexOf('Partners')].deltaLink) {
        const digest = await this.digest();
        if (digest) await onFirstScreen({ digest });
      }
      next.delete('Interactions');
      const [summaries] = await Promise.all([this.summaries(), this.drain(run, next)]);
      const [partners, agenda] = await Promise.all([this.stored(scope, 'Partners'), this.stored(scope, 'Agenda')]);
      // None at all beside partners: a list made but never filled (setup cut short), which would show every partner silent.
      if (summaries && (summaries.length > 0 || itemsOf(partners).size === 0)) {
        shownSummaries = summaries;
        const figures = figuresFromSummaries(summaries);
        // The interactions' read waits until the first screen is painted: its pages would compete with that paint.
        await onFirstScreen({
          partners: (valuesOf(partners) as Partner[]).map((p) => withFigures(p, figures.get(p.id))),
          agenda: valuesOf(agenda) as AgendaItem[],
          summaries,
          interactions: summaries.reduce((sum, s) => sum + s.interactionCount, 0),
        });
      }
      next.set('Interactions', interactionsUrl);
    }
    await this.drain(run, next);
    const { changed, mode, changes } = run;
    await this.persist(scope, [...changed]);
    const [partners, interactionList, agenda] = await Promise.all(LISTS.map((list) => this.stored(scope, list)));
    const table = tableOf(interactionList);
    let interactions: OverviewInteraction[] | undefined;
    // The partners' figures from the interactions just brought up to date (derived, never stored: core/partnerFigures.ts).
    const figures = figuresFromTable(table);
    const partnerList = valuesOf(partners) as Partner[];
    return {
      partners: partnerList.map((p) => withFigures(p, figures.get(p.id))),
      agenda: valuesOf(agenda) as AgendaItem[],
      mode,
      changes,
      interactionTable: table,
      ...(shownSummaries ? { summariesOutOfStep: summariesOutOfStep(shownSummaries, table, partnerList.map((p) => p.id)) } : {}),
      // Fresh objects on first use: 100,000 of them are what made a warm open slow.
      get interactions() {
        return (interactions ??= decodeInteractions(table));
      },
    };
  }

  /**
   * Pages through the lists in `next`, all in one `$batch` per round trip, until each has its new delta link.
   * The next round trip goes out before the pages just read are applied: turning 5,000 items into partners
   * takes the client about as long as the server takes to answer the next page (docs/overview-digest.md),
   * and a page's link to the next one is all the next request needs.
   */
  private async drain(run: LoadRun, next: Map<OverviewList, string>): Promise<void> {
    const request = () => {
      const steps: BatchStep[] = [...next].map(([list, url]) => ({ id: list, method: 'GET', url }));
      const answer = this.options.transport.batch(steps);
      // Awaited on the next turn; a failure while this turn's pages are applied must not go unhandled.
      answer.catch(() => undefined);
      return answer;
    };
    let pending = next.size > 0 ? request() : undefined;
    while (pending) {
      const results = await pending;
      const pages: Array<[OverviewList, DeltaPage]> = [];
      for (const list of [...next.keys()]) {
        const result = results.get(list)!;
        if (result.status === 410) {
          // The server cannot say what changed since our token any more: read the list in full.
          run.mode = 'cold';
          reset(await this.stored(run.scope, list));
          run.changed.add(list);
          next.set(list, this.initialDeltaUrl(list));
          continue;
        }
        if (!isSuccess(result.status)) throw batchError(result);
        const page = result.body as DeltaPage;
        const nextLink = page['@odata.nextLink'];
        if (nextLink) next.set(list, this.options.transport.apiPath(nextLink));
        else if (page['@odata.deltaLink']) next.delete(list);
        else throw new GraphRequestError(500, 'invalidDelta', `delta answer for ${list} had neither nextLink nor deltaLink`);
        pages.push([list, page]);
      }
      pending = next.size > 0 ? request() : undefined;
      for (const [list, page] of pages) {
        const value = page.value ?? [];
        this.apply(await this.stored(run.scope, list), list, value, page['@odata.deltaLink']);
        if (value.length > 0 || page['@odata.deltaLink']) run.changed.add(list);
        run.changes += value.length;
        run.loaded.set(list, run.loaded.get(list)! + value.length);
        run.onProgress?.({ list, loaded: run.loaded.get(list)!, done: !next.has(list) });
      }
    }
  }

  /**
   * Every partner's summary, for the first screen; undefined where the site has none to give (not set up
   * for them yet, or unreadable): then the first screen waits for the interactions, as before.
   */
  private async summaries(): Promise<PartnerSummary[] | undefined> {
    try {
      return (await readAllSummaries(this.options.transport, `/sites/${this.site}/lists/${SCHEMA.PartnerSummary.displayName}`, { eTag: false })).map((s) => s.summary);
    } catch {
      return undefined;
    }
  }

  /** The site's newest digest; undefined where there is none to show, or it cannot be read. */
  private async digest(): Promise<FirstScreenDigest | undefined> {
    try {
      return await readNewestDigest(this.options.transport, digestListPath(this.options.siteRef), new Date());
    } catch {
      return undefined;
    }
  }

  /** Forgets this official's copy (e.g. on sign-out). */
  async forget(): Promise<void> {
    const scope = `${this.options.owner.toLowerCase()}|${this.options.siteRef}`;
    for (const list of LISTS) await this.clear(scope, list);
  }

  close(): void {
    this.db?.close();
  }

  // ---- Graph --------------------------------------------------------------------------------------

  private initialDeltaUrl(list: OverviewList): string {
    const select = deltaColumns(list);
    const top = Math.min(5000, this.options.pageSize ?? 5000);
    const listName = SCHEMA[list].displayName;
    // Only what the copy keeps of each item beside its fields: the delta page documents `$select`
    // (https://learn.microsoft.com/graph/api/listitem-delta), and without it every item carries its
    // creator, editor, web address, parent and content type, most of a page at 10,000 partners.
    return `/sites/${this.site}/lists/${listName}/items/delta?$select=${ITEM_PROPERTIES[list]}&$expand=${encodeQueryValue(`fields($select=${select})`)}&$top=${top}`;
  }

  // ---- storage ------------------------------------------------------------------------------------

  /**
   * The list as last synchronised, read from IndexedDB once per cache instance. Each list is stored as a
   * single record: reading 100,000 separate records took seconds in Chromium, one record a fraction of that.
   */
  private async stored(scope: string, list: OverviewList): Promise<MemoryList> {
    let memory = this.memory.get(list);
    if (!memory) {
      const [record, link] = this.db
        ? await Promise.all([this.db.get('cacheState', [scope, list]) as Promise<StoredList | undefined>, this.db.get('cacheState', [scope, linkKey(list)])])
        : [undefined, undefined];
      if (record && record.columns !== deltaColumns(list)) {
        // Made with other columns (an upgrade added one): a delta link keeps asking for the columns of the
        // query that began it (Graph encodes the first request's options in its state token, see
        // learn.microsoft.com/graph/delta-query-overview), so the list is read in full once more.
        memory = { items: new Map(), dirty: false };
      } else if (list === 'Interactions' && isInteractionTable(record?.table)) {
        memory = { table: record.table, deltaLink: record.deltaLink, dirty: false };
      } else if (record?.entries) {
        // Interactions in the earlier [id, item] layout are written once more as a table.
        memory = { items: new Map(record.entries), deltaLink: record.deltaLink, dirty: list === 'Interactions' };
      } else {
        memory = { items: new Map(), dirty: false };
      }
      // A link record is only ever written for the copy beside it, so it may stand in for that copy's link.
      if (memory.deltaLink && link?.deltaLink) memory.deltaLink = link.deltaLink;
      memory.storedLink = memory.deltaLink;
      this.memory.set(list, memory);
    }
    return memory;
  }

  /** One page of delta: upserts and removals, and on the last page the new delta link. */
  private apply(memory: MemoryList, list: OverviewList, items: ListItem[], deltaLink: string | undefined): void {
    const toModel = (item: ListItem): unknown => {
      if (list === 'Partners') return partnerFromItem(item);
      if (list === 'Agenda') return agendaFromItem(item);
      const { summary: _s, followUps: _f, review, sourceLink: _l, etag: _e, loggedAt: _a, edited: _c, withdrawn: _w, ...overview } = interactionFromItem(item);
      return review?.score ? { ...overview, reviewScore: review.score } : overview;
    };
    if (items.length > 0) {
      const map = itemsOf(memory);
      for (const item of items) {
        // A withdrawn note stays on record but counts nowhere in the overview: as if removed.
        // Removed: the `deleted` facet, or (should a tenant leave the facet out under `$select`) no fields at all,
        // which an item that is there always has with `$expand=fields`.
        if (item.deleted || !item.fields || (list === 'Interactions' && item.fields.withdrawnAt)) map.delete(String(item.id));
        else map.set(String(item.id), toModel(item));
      }
      memory.table = undefined;
      memory.dirty = true;
    }
    if (deltaLink) memory.deltaLink = deltaLink;
  }

  /**
   * Writes the changed lists once the load is complete, each with its new delta link in the same record,
   * so a copy and its link never disagree; a load cut short is simply read in full again next time.
   */
  private async persist(scope: string, lists: OverviewList[]): Promise<void> {
    const pending = LISTS.filter((list) => {
      const memory = this.memory.get(list);
      return memory && (memory.deltaLink ? memory.dirty || memory.deltaLink !== memory.storedLink : lists.includes(list));
    });
    if (!this.db || pending.length === 0) return;
    const tx = this.db.transaction('cacheState', 'readwrite');
    const syncedAt = new Date().toISOString();
    const writes: Array<Promise<unknown>> = [];
    for (const list of pending) {
      const memory = this.memory.get(list)!;
      if (!memory.deltaLink) {
        writes.push(tx.store.delete([scope, list]), tx.store.delete([scope, linkKey(list)]));
      } else if (memory.dirty) {
        const record: StoredList =
          list === 'Interactions'
            ? { scope, list, deltaLink: memory.deltaLink, columns: deltaColumns(list), syncedAt, table: tableOf(memory) }
            : { scope, list, deltaLink: memory.deltaLink, columns: deltaColumns(list), syncedAt, entries: [...itemsOf(memory)] };
        writes.push(tx.store.put(record), tx.store.delete([scope, linkKey(list)]));
      } else if (memory.deltaLink !== memory.storedLink) {
        writes.push(tx.store.put({ scope, list: linkKey(list), deltaLink: memory.deltaLink, syncedAt }));
      }
    }
    await Promise.all([...writes, tx.done]);
    for (const list of pending) {
      const memory = this.memory.get(list)!;
      memory.dirty = false;
      memory.storedLink = memory.deltaLink;
    }
  }

  private async clear(scope: string, list: OverviewList): Promise<void> {
    this.memory.delete(list);
    if (!this.db) return;
    const tx = this.db.transaction(['cacheItems', 'cacheState'], 'readwrite');
    // Records of the earlier one-record-per-item layout go too.
    const keys = await tx.objectStore('cacheItems').index('byScopeList').getAllKeys([scope, list]);
    await Promise.all([
      ...keys.map((k) => tx.objectStore('cacheItems').delete(k)),
      tx.objectStore('cacheState').delete([scope, list]),
      tx.objectStore('cacheState').delete([scope, linkKey(list)]),
      tx.done,
    ]);
  }
}

function reset(memory: MemoryList): void {
  memory.items = new Map();
  memory.table = undefined;
  memory.dirty = true;
}

function itemsOf(memory: MemoryList): Map<string, unknown> {
  if (!memory.items) {
    const rows = memory.table ? decodeInteractions(memory.table) : [];
    memory.items = new Map(rows.map((row) => [row.id, row]));
  }
  return memory.items;
}

function tableOf(memory: MemoryList): InteractionTable {
  return (memory.table ??= encodeInteractions([...itemsOf(memory).values()] as CompactInteraction[]));
}

function valuesOf(memory: MemoryList): unknown[] {
  return [...itemsOf(memory).values()];
}
