/**
 * The browser-side IndexedDB database (through `idb`) shared by the write queue, the note drafts and
 * the overview cache. One database, one place for its schema and version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DEFAULT_DB_NAME = 'partnerzicht';
const VERSION = 2;

/** A write waiting for the server; see writeQueue.ts. `key` is [owner, clientId]. */
export interface StoredWriteRecord {
  owner: string;
  clientId: string;
  [field: string]: unknown;
}

export interface DraftRecord {
  owner: string;
  key: string;
  value: unknown;
  savedAt: string;
}

/** One cached list item of the overview; `scope` is owner + site, so officials never share a cache. */
export interface CacheItemRecord {
  scope: string;
  list: string;
  id: string;
  value: unknown;
}

/**
 * One cached list of the overview. `list` may also be `<list>#link`: only a newer delta link, so an
 * open that changed nothing does not rewrite the whole list (see overviewCache.ts).
 */
export interface CacheStateRecord {
  scope: string;
  list: string;
  deltaLink: string;
  /** The columns the delta link asks for (see overviewCache.ts); a list cached with other columns is read in full. */
  columns?: string;
  syncedAt: string;
  /** The whole list as [id, item] pairs: one record reads far faster than 100,000 (see overviewCache.ts). */
  entries?: Array<[string, unknown]>;
  /** Interactions as columns (src/core/overview/interactionTable.ts), which read back faster still. */
  table?: unknown;
}

/** A whole-value snapshot (e.g. the partner register the panes detect with); `scope` is owner + site. */
export interface SnapshotRecord {
  scope: string;
  name: string;
  value: unknown;
  savedAt: string;
}

export interface PartnerzichtDB extends DBSchema {
  writes: { key: [string, string]; value: StoredWriteRecord; indexes: { byOwner: string } };
  drafts: { key: [string, string]; value: DraftRecord; indexes: { byOwner: string } };
  cacheItems: { key: [string, string, string]; value: CacheItemRecord; indexes: { byScopeList: [string, string] } };
  cacheState: { key: [string, string]; value: CacheStateRecord };
  snapshots: { key: [string, string]; value: SnapshotRecord };
}

export type LocalDatabase = IDBPDatabase<PartnerzichtDB>;

/**
 * Opens (and creates or upgrades) the database, or answers undefined where IndexedDB is missing or
 * refused (some private modes, locked-down webviews): callers then keep things in memory and say so.
 */
export async function openLocalDatabase(name: string = DEFAULT_DB_NAME): Promise<LocalDatabase | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    return await openDB<PartnerzichtDB>(name, VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('writes')) {
          db.createObjectStore('writes', { keyPath: ['owner', 'clientId'] }).createIndex('byOwner', 'owner');
        }
        if (!db.objectStoreNames.contains('drafts')) {
          db.createObjectStore('drafts', { keyPath: ['owner', 'key'] }).createIndex('byOwner', 'owner');
        }
        if (!db.objectStoreNames.contains('cacheItems')) {
          db.createObjectStore('cacheItems', { keyPath: ['scope', 'list', 'id'] }).createIndex('byScopeList', ['scope', 'list']);
        }
        if (!db.objectStoreNames.contains('cacheState')) {
          db.createObjectStore('cacheState', { keyPath: ['scope', 'list'] });
        }
        if (!db.objectStoreNames.contains('snapshots')) {
          db.createObjectStore('snapshots', { keyPath: ['scope', 'name'] });
        }
      },
      // Another tab wants a newer schema: let it, this tab's next open gets the new version.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase | null)?.close();
      },
    });
  } catch {
    return undefined;
  }
}
