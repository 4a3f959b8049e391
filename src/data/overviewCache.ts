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
import type { AgendaItem, Interaction, Partner } from '../core/model';
import { batchError, isSuccess, type BatchStep, type GraphTransport } from './graph/GraphTransport';
import { GraphRequestError } from './graph/errors';
import { encodeQueryValue } from './graph/odata';
import { agendaFromItem, interactionFromItem, partnerFromItem, type ListItem } from './listFields';
import { openLocalDatabase, type LocalDatabase } from './localDatabase';
import { allColumns, columnSpec, SCHEMA, type ColumnName, type ListName } from './schema';
import { createSiteResolver } from './siteRef';

/** An interaction as the overview needs it: who, when, which department and themes — no note text. */
export type OverviewInteraction = Omit<Interaction, 'summary' | 'followUps' | 'review' | 'sourceLink'> & {
  /** The relationship review's score (not its texts): the attention list and the reviews tab need only this. */
  reviewScore?: number;
};

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
const INTERACTION_OVERVIEW_COLUMNS: ColumnName<'Interactions'>[] = [
  'Title', 'clientId', 'partnerId', 'date', 'kind', 'department', 'authorEmail', 'authorName', 'themes', 'confidential', 'wooRelevant', 'sourceRef', 'reviewScore',
];

interface MemoryList {
  items: Map<string, unknown>;
  deltaLink?: string;
}

export class OverviewCache {
  private readonly siteId: () => Promise<string>;
  private readonly memory = new Map<OverviewList, MemoryList>();

  private constructor(
    private readonly options: OverviewCacheOptions,
    private readonly db: LocalDatabase | undefined,
  ) {
    this.siteId = createSiteResolver(options.transport, options.siteRef);
  }

  static async open(options: OverviewCacheOptions): Promise<OverviewCache> {
    return new OverviewCache(options, await openLocalDatabase(options.dbName));
  }

  get durable(): boolean {
    return this.db !== undefined;
  }

  /** Brings the local copy up to date and returns it. */
  async load(onProgress?: (progress: OverviewProgress) => void): Promise<OverviewLoad> {
    const scope = `${this.options.owner.toLowerCase()}|${this.options.siteRef}`;
    const next = new Map<OverviewList, string>();
    let mode: 'cold' | 'warm' = 'warm';
    for (const list of LISTS) {
      const stored = await this.stored(scope, list);
      if (stored.deltaLink) next.set(list, this.options.transport.apiPath(stored.deltaLink));
      else {
        mode = 'cold';
        stored.items.clear(); // a full read replaces whatever a broken earlier one left
        next.set(list, await this.initialDeltaUrl(list));
      }
    }
    const changed = new Set<OverviewList>();
    const loaded = new Map<OverviewList, number>(LISTS.map((l) => [l, 0]));
    let changes = 0;
    while (next.size > 0) {
      const steps: BatchStep[] = [...next].map(([list, url]) => ({ id: list, method: 'GET', url }));
      const results = await this.options.transport.batch(steps);
      for (const list of [...next.keys()]) {
        const result = results.get(list)!;
        if (result.status === 410) {
          // The server cannot say what changed since our token any more: read the list in full.
          mode = 'cold';
          (await this.stored(scope, list)).items.clear();
          changed.add(list);
          next.set(list, await this.initialDeltaUrl(list));
          continue;
        }
        if (!isSuccess(result.status)) throw batchError(result);
        const page = result.body as { value?: ListItem[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
        const value = page.value ?? [];
        this.apply(await this.stored(scope, list), list, value, page['@odata.deltaLink']);
        if (value.length > 0 || page['@odata.deltaLink']) changed.add(list);
        changes += value.length;
        loaded.set(list, loaded.get(list)! + value.length);
        const nextLink = page['@odata.nextLink'];
        if (nextLink) next.set(list, this.options.transport.apiPath(nextLink));
        else if (page['@odata.deltaLink']) next.delete(list);
        else throw new GraphRequestError(500, 'invalidDelta', `delta answer for ${list} had neither nextLink nor deltaLink`);
        onProgress?.({ list, loaded: loaded.get(list)!, done: !next.has(list) });
      }
    }
    await this.persist(scope, [...changed]);
    const [partners, interactions, agenda] = await Promise.all(LISTS.map(async (list) => [...(await this.stored(scope, list)).items.values()]));
    return { partners: partners as Partner[], interactions: interactions as OverviewInteraction[], agenda: agenda as AgendaItem[], mode, changes };
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

  private async initialDeltaUrl(list: OverviewList): Promise<string> {
    const columns: readonly string[] = list === 'Interactions' ? INTERACTION_OVERVIEW_COLUMNS : allColumns(list);
    const select = columns.map((c) => columnSpec(list as ListName, c).name).join(',');
    const top = Math.min(5000, this.options.pageSize ?? 5000);
    const listName = SCHEMA[list].displayName;
    return `/sites/${await this.siteId()}/lists/${listName}/items/delta?$expand=${encodeQueryValue(`fields($select=${select})`)}&$top=${top}`;
  }

  // ---- storage ------------------------------------------------------------------------------------

  /**
   * The list as last synchronised, read from IndexedDB once per cache instance. Each list is stored as a
   * single record: reading 100,000 separate records took seconds in Chromium, one record a fraction of that.
   */
  private async stored(scope: string, list: OverviewList): Promise<MemoryList> {
    let memory = this.memory.get(list);
    if (!memory) {
      const record = this.db ? await this.db.get('cacheState', [scope, list]) : undefined;
      memory = { items: new Map(record?.entries ?? []), deltaLink: record?.entries ? record.deltaLink : undefined };
      this.memory.set(list, memory);
    }
    return memory;
  }

  /** One page of delta: upserts and removals, and on the last page the new delta link. */
  private apply(memory: MemoryList, list: OverviewList, items: ListItem[], deltaLink: string | undefined): void {
    const toModel = (item: ListItem): unknown => {
      if (list === 'Partners') return partnerFromItem(item);
      if (list === 'Agenda') return agendaFromItem(item);
      const { summary: _s, followUps: _f, review, sourceLink: _l, ...overview } = interactionFromItem(item);
      return review?.score ? { ...overview, reviewScore: review.score } : overview;
    };
    for (const item of items) {
      if (item.deleted) memory.items.delete(String(item.id));
      else memory.items.set(String(item.id), toModel(item));
    }
    if (deltaLink) memory.deltaLink = deltaLink;
  }

  /**
   * Writes the changed lists once the load is complete, each with its new delta link in the same record,
   * so a copy and its link never disagree; a load cut short is simply read in full again next time.
   */
  private async persist(scope: string, lists: OverviewList[]): Promise<void> {
    if (!this.db || lists.length === 0) return;
    const tx = this.db.transaction('cacheState', 'readwrite');
    const syncedAt = new Date().toISOString();
    const writes = lists.map((list) => {
      const memory = this.memory.get(list);
      return memory?.deltaLink
        ? tx.store.put({ scope, list, deltaLink: memory.deltaLink, syncedAt, entries: [...memory.items] })
        : tx.store.delete([scope, list]);
    });
    await Promise.all([...writes, tx.done]);
  }

  private async clear(scope: string, list: OverviewList): Promise<void> {
    this.memory.delete(list);
    if (!this.db) return;
    const tx = this.db.transaction(['cacheItems', 'cacheState'], 'readwrite');
    // Records of the earlier one-record-per-item layout go too.
    const keys = await tx.objectStore('cacheItems').index('byScopeList').getAllKeys([scope, list]);
    await Promise.all([...keys.map((k) => tx.objectStore('cacheItems').delete(k)), tx.objectStore('cacheState').delete([scope, list]), tx.done]);
  }
}
