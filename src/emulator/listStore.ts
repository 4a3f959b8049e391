import { randomUUID } from 'node:crypto';
import { GraphError, badRequest, notFound } from './errors';
import { ColumnDef, ColumnKind, SYSTEM_FIELDS, coerceValue, columnFromRequest, isoSeconds, patchColumn, titleColumn } from './columns';
import { FilterNode, OrderByTerm, filterFields } from './odataFilter';
import { COMPARE, Holders, Key, addToIndex, holdersOf, keysOf, keysOrNull, literalKey, removeFromIndex, valuesOf } from './valueKeys';
import { decodeSkipToken, encodeSkipToken } from './skipToken';
import { DEFAULT_SITE_TIME_ZONE } from './timeZone';
import type { EmulatorUser } from './types';

/**
 * One SharePoint list in memory: its columns, items, indexes and change history.
 *
 * Built for 100,000+ items: items live in a Map by numeric id (ids only grow, so insertion order
 * is id order) plus an id array for seeking; every indexed column has a Map from normalised
 * value to the ids holding it, so `eq` on an indexed column touches only its matches; inserts
 * are O(1). Results come in id order (SharePoint's default); `$orderby` is not applied (see query()).
 */

/** SharePoint's answer to a write the caller has no rights for (https://learn.microsoft.com/graph/errors). */
const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');

export interface StoredItem {
  id: number;
  /** SharePoint's item unique id; the eTag is `"{guid},{version}"`. */
  guid: string;
  version: number;
  created: string;
  modified: string;
  createdBy: EmulatorUser;
  modifiedBy: EmulatorUser;
  authorLookupId: number;
  editorLookupId: number;
  fields: Record<string, unknown>;
  /** Change sequence number of the last write (for delta). */
  seq: number;
  /**
   * Earlier versions, oldest first (SharePoint's item version history, which lists keep by default):
   * what `GET …/items/{id}/versions` answers beside the current one. Absent on items never changed.
   */
  history?: ItemVersionRecord[];
}

/** One earlier version of an item: its number, when and by whom it was written, and its values then. */
export interface ItemVersionRecord {
  version: number;
  modified: string;
  modifiedBy: EmulatorUser;
  fields: Record<string, unknown>;
}

export interface ListMeta {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  createdBy: EmulatorUser;
  modifiedBy: EmulatorUser;
  /** Changes when the list is (re)created; delta tokens from another generation are refused. */
  generation: string;
  /**
   * SharePoint's item-level permissions (List settings → Advanced settings; REST `ReadSecurity` /
   * `WriteSecurity`). Read: 1 all items, 2 only items the user created. Write: 1 all, 2 only own, 4 none.
   * Absent means 1. Graph can neither read nor set them. Site owners are not bound by them.
   */
  readSecurity?: 1 | 2;
  writeSecurity?: 1 | 2 | 4;
}

/** Who is asking, for SharePoint's item-level permissions. */
export interface Reader {
  user: EmulatorUser;
  /** Site owners (Full Control / Override List Behaviors) read and edit every item. */
  isSiteOwner: boolean;
  /**
   * A member of the site's Visitors group only, permission level Read: "View pages and list items", and
   * add, edit or delete none (https://learn.microsoft.com/sharepoint/understanding-permission-levels).
   */
  readOnly?: boolean;
}

export interface ListSnapshot {
  format: 1;
  meta: ListMeta;
  columns: ColumnDef[];
  nextId: number;
  seq: number;
  items: StoredItem[];
  tombstones: Array<[number, number]>;
}

export type JournalLine =
  | { op: 'list'; meta: ListMeta; columns: ColumnDef[] }
  | { op: 'put'; item: StoredItem }
  | { op: 'del'; id: number; seq: number };

export interface QueryOptions {
  filter?: FilterNode;
  orderBy?: OrderByTerm[];
  top: number;
  skipToken?: string;
  /** The client sent `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. */
  honorNonIndexed: boolean;
  /** Security trimming: only items this reader may read are returned (none given: all). */
  reader?: Reader;
}

export interface QueryResult {
  items: StoredItem[];
  /** Opaque `$skiptoken` for the next page, when there is one. */
  nextSkipToken?: string;
}

export interface DeltaPage {
  items: StoredItem[];
  deleted: number[];
  /** `$skiptoken` for the next page, or undefined on the last page. */
  nextSkipToken?: string;
  /** The token for the delta link (only on the last page). */
  deltaToken?: string;
}

/** SharePoint's list view threshold: past this many items, queries on non-indexed columns fail. */
export const LIST_VIEW_THRESHOLD = 5000;

const NON_INDEXED_MESSAGE = (field: string) =>
  `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`;

export class ListStore {
  meta: ListMeta;
  columns: ColumnDef[];
  private readonly items = new Map<number, StoredItem>();
  /** Ascending ids; may hold deleted ids (skipped, compacted when they pile up). */
  private order: number[] = [];
  private holes = 0;
  private nextId = 1;
  private seq = 0;
  private readonly tombstones = new Map<number, number>();
  /** Per indexed column: normalised value → the id holding it, or a Set when several do (most keys of a unique column hold one id, and 100,000 Sets would be costly). */
  private readonly indexes = new Map<string, Map<Key, Holders>>();
  /** The site's time zone (its regional settings), for date-only columns; set by the site. */
  timeZone = DEFAULT_SITE_TIME_ZONE;
  /** Items the last query looked at — lets tests prove an indexed filter does not scan the list. */
  lastQueryExamined = 0;
  /** Called after every change with what to journal (set by the persistence layer). */
  onChange?: (change: { kind: 'meta' } | { kind: 'item'; id: number }) => void;

  constructor(meta: ListMeta, columns: ColumnDef[]) {
    this.meta = meta;
    this.columns = columns;
    this.rebuildIndexes();
  }

  static create(body: { displayName: string; name?: string; description?: string; template?: string; columns?: unknown[] }, user: EmulatorUser): ListStore {
    const now = isoSeconds(Date.now());
    const columns: ColumnDef[] = [titleColumn()];
    for (const c of body.columns ?? []) {
      const col = columnFromRequest(c);
      if (columns.some((x) => x.name.toLowerCase() === col.name.toLowerCase())) {
        throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${col.name}" was found.`);
      }
      columns.push(col);
    }
    return new ListStore(
      {
        id: randomUUID(),
        name: body.name ?? body.displayName.replace(/[^A-Za-z0-9]/g, ''),
        displayName: body.displayName,
        description: body.description ?? '',
        template: body.template ?? 'genericList',
        created: now,
        modified: now,
        createdBy: user,
        modifiedBy: user,
        generation: randomUUID(),
      },
      columns,
    );
  }

  static fromSnapshot(snap: ListSnapshot | undefined, journal: JournalLine[]): ListStore | undefined {
    let store: ListStore | undefined;
    if (snap) {
      store = new ListStore(snap.meta, snap.columns);
      store.seq = snap.seq;
      store.nextId = snap.nextId;
      for (const item of snap.items) store.putLoaded(item);
      for (const [id, seq] of snap.tombstones) store.tombstones.set(id, seq);
    }
    for (const line of journal) {
      if (line.op === 'list') {
        if (!store) store = new ListStore(line.meta, line.columns);
        else {
          store.meta = line.meta;
          store.columns = line.columns;
        }
        continue;
      }
      if (!store) continue;
      if (line.op === 'put') {
        const old = store.items.get(line.item.id);
        if (old && old.seq >= line.item.seq) continue; // already in the snapshot
        if (old) store.items.delete(old.id);
        store.putLoaded(line.item);
      } else if (line.op === 'del') {
        if (store.items.delete(line.id)) store.holes++;
        store.tombstones.set(line.id, line.seq);
        store.seq = Math.max(store.seq, line.seq);
        store.nextId = Math.max(store.nextId, line.id + 1);
      }
    }
    if (store) {
      store.order = [...store.items.keys()].sort((a, b) => a - b);
      store.holes = 0;
      store.rebuildIndexes();
    }
    return store;
  }

  private putLoaded(item: StoredItem): void {
    this.items.set(item.id, item);
    this.seq = Math.max(this.seq, item.seq);
    this.nextId = Math.max(this.nextId, item.id + 1);
  }

  toSnapshot(): ListSnapshot {
    return {
      format: 1,
      meta: this.meta,
      columns: this.columns,
      nextId: this.nextId,
      seq: this.seq,
      items: [...this.items.values()],
      tombstones: [...this.tombstones.entries()],
    };
  }

  /** The journal line that records the current state of one item (a put, or a delete). */
  journalLineFor(id: number): JournalLine | undefined {
    const item = this.items.get(id);
    if (item) return { op: 'put', item };
    const seq = this.tombstones.get(id);
    return seq === undefined ? undefined : { op: 'del', id, seq };
  }

  get size(): number {
    return this.items.size;
  }

  // ---- columns -------------------------------------------------------------------------------

  column(name: string): ColumnDef | undefined {
    return this.columns.find((c) => c.name === name) ?? this.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  }

  addColumn(body: unknown): ColumnDef {
    const col = columnFromRequest(body);
    if (this.column(col.name)) throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${col.name}" was found.`);
    if (col.enforceUniqueValues) this.assertUniqueAllowed(col.name);
    this.columns = [...this.columns, col];
    this.touchMeta();
    if (col.indexed) this.buildIndex(col);
    return col;
  }

  updateColumn(idOrName: string, body: unknown): ColumnDef {
    const col = this.columns.find((c) => c.id === idOrName) ?? this.column(idOrName);
    if (!col) throw notFound(`Column '${idOrName}' does not exist.`);
    const next = patchColumn(col, body);
    if (next.enforceUniqueValues && !col.enforceUniqueValues) this.assertUniqueAllowed(col.name);
    if (next.indexed) this.buildIndex(next);
    else this.indexes.delete(next.name);
    if (next.enforceUniqueValues && !col.enforceUniqueValues) {
      for (const ids of this.indexes.get(next.name)?.values() ?? []) {
        if (typeof ids !== 'number') {
          this.indexes.delete(next.name);
          if (col.indexed) this.buildIndex(col);
          throw badRequest(`The column '${col.name}' holds duplicate values, so it cannot enforce unique values.`);
        }
      }
    }
    this.columns = this.columns.map((c) => (c === col ? next : c));
    this.touchMeta();
    return next;
  }

  private touchMeta(): void {
    this.meta = { ...this.meta, modified: isoSeconds(Date.now()) };
        this.onChange?.({ kind: 'meta' });
  }

  // ---- item-level permissions -----------------------------------------------------------------

  /** Sets SharePoint's list ReadSecurity (1 or 2) and WriteSecurity (1, 2 or 4). */
  setItemLevelPermissions(settings: { readSecurity?: unknown; writeSecurity?: unknown }): void {
    const read = settings.readSecurity ?? this.meta.readSecurity ?? 1;
    const write = settings.writeSecurity ?? this.meta.writeSecurity ?? 1;
    if (read !== 1 && read !== 2) throw badRequest('ReadSecurity must be 1 (all items) or 2 (only items created by the user).');
    if (write !== 1 && write !== 2 && write !== 4) throw badRequest('WriteSecurity must be 1 (all items), 2 (only own items) or 4 (none).');
    const unique = this.columns.find((c) => c.enforceUniqueValues);
    if (unique && (read !== 1 || write !== 1)) {
      throw badRequest(`Item-level permissions cannot be set on a list whose column '${unique.name}' enforces unique values.`);
    }
    this.meta = { ...this.meta, readSecurity: read, writeSecurity: write };
    this.touchMeta();
  }

  /**
   * SharePoint does not enforce unique values on a list with item-level permissions, nor set those
   * permissions on a list with a unique column ("when list item permissions is set to 'Read items that
   * were created by the user', setting unique values on a column is not possible and vice-versa":
   * https://www.formsandflows.nl/2023/10/23/item-level-permissions/; SharePoint 2010's unique column
   * constraints list item-level permissions among their limitations). Graph documents neither; the
   * emulator refuses both ways with 400, so a schema that relies on the combination fails here first.
   */
  private assertUniqueAllowed(column: string): void {
    if ((this.meta.readSecurity ?? 1) !== 1 || (this.meta.writeSecurity ?? 1) !== 1) {
      throw badRequest(`The column '${column}' cannot enforce unique values: the list has item-level permissions.`);
    }
  }

  /** Whether the reader may see this item under the list's ReadSecurity. */
  canRead(item: StoredItem, reader: Reader | undefined): boolean {
    if (!reader || reader.isSiteOwner || (this.meta.readSecurity ?? 1) === 1) return true;
    return item.createdBy.email.toLowerCase() === reader.user.email.toLowerCase();
  }

  /** Whether the reader may change or delete this item under the list's WriteSecurity. */
  canWrite(item: StoredItem, reader: Reader | undefined): boolean {
    if (!reader) return true;
    if (reader.readOnly) return false;
    if (reader.isSiteOwner) return true;
    const write = this.meta.writeSecurity ?? 1;
    if (write === 4) return false;
    if (write === 2 && item.createdBy.email.toLowerCase() !== reader.user.email.toLowerCase()) return false;
    return this.canRead(item, reader);
  }

  /**
   * An item as this reader may see it: one they may not read does not exist for them (SharePoint
   * trims it from every answer, so a guessed id gives the same 404 as a missing one).
   */
  getFor(id: string | number, reader: Reader | undefined): StoredItem {
    const item = this.get(id);
    if (!this.canRead(item, reader)) throw notFound('Item not found');
    return item;
  }

  /**
   * Throws 403 accessDenied when this reader may add no items: a reader with Read only, or anyone but the
   * site's owners on a list whose write security is 4, "Write no items (read-only list)"
   * (https://learn.microsoft.com/previous-versions/office/developer/sharepoint2003/dd587023(v=office.11)).
   */
  checkCreate(reader: Reader | undefined): void {
    if (reader?.readOnly || (reader && !reader.isSiteOwner && this.meta.writeSecurity === 4)) throw accessDenied();
  }

  /** Throws 403 accessDenied when the reader may see but not change this item. */
  checkWrite(id: string | number, reader: Reader | undefined): void {
    const item = this.getFor(id, reader);
    if (!this.canWrite(item, reader)) throw accessDenied();
  }

  // ---- items -----------------------------------------------------------------------------------

  get(id: string | number): StoredItem {
    const n = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : NaN;
    const item = this.items.get(n);
    if (!item) throw notFound('Item not found');
    return item;
  }

  create(fields: unknown, user: EmulatorUser, lookupId: number): StoredItem {
    const values = this.validateFields(fields);
    // A column's default value goes into an item created without that field; a value given (also an empty
    // one) is kept. As SharePoint's own form does; whether Graph's create does too only a tenant can tell
    // (docs/graph-rules.md), and nothing the app writes depends on it.
    for (const col of this.columns) if (col.defaultValue !== undefined && !(col.name in values)) values[col.name] = coerceValue(col, col.defaultValue, this.timeZone);
    const id = this.nextId;
    this.checkUnique(values, id);
    const now = isoSeconds(Date.now());
    const item: StoredItem = {
      id,
      guid: randomUUID(),
      version: 1,
      created: now,
      modified: now,
      createdBy: user,
      modifiedBy: user,
      authorLookupId: lookupId,
      editorLookupId: lookupId,
      fields: values,
      seq: ++this.seq,
    };
    this.nextId++;
    this.items.set(id, item);
    this.order.push(id);
    this.indexItem(item, +1);
        this.onChange?.({ kind: 'item', id });
    return item;
  }

  updateFields(idText: string, fields: unknown, user: EmulatorUser, lookupId: number, ifMatch?: string): StoredItem {
    const item = this.get(idText);
    this.checkETag(item, ifMatch);
    const changes = this.validateFields(fields);
    const merged = { ...item.fields };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    this.checkUnique(merged, item.id);
    this.indexItem(item, -1);
    const updated: StoredItem = {
      ...item,
      fields: merged,
      version: item.version + 1,
      modified: isoSeconds(Date.now()),
      modifiedBy: user,
      history: [...(item.history ?? []), { version: item.version, modified: item.modified, modifiedBy: item.modifiedBy, fields: item.fields }],
      editorLookupId: lookupId,
      seq: ++this.seq,
    };
    this.items.set(item.id, updated);
    this.indexItem(updated, +1);
        this.onChange?.({ kind: 'item', id: item.id });
    return updated;
  }

  delete(idText: string, ifMatch?: string): void {
    const item = this.get(idText);
    this.checkETag(item, ifMatch);
    this.indexItem(item, -1);
    this.items.delete(item.id);
    this.tombstones.set(item.id, ++this.seq);
    this.holes++;
    if (this.holes > 1000 && this.holes > this.order.length / 4) {
      this.order = this.order.filter((id) => this.items.has(id));
      this.holes = 0;
    }
        this.onChange?.({ kind: 'item', id: item.id });
  }

  static eTag(item: StoredItem): string {
    return `"${item.guid},${item.version}"`;
  }

  private checkETag(item: StoredItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '*') return;
    const norm = (s: string) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
    const current = ListStore.eTag(item);
    const accepted = ifMatch.split(',').length > 1 && !ifMatch.includes('"') ? [ifMatch] : splitETags(ifMatch);
    if (!accepted.some((t) => norm(t) === norm(current))) {
      throw new GraphError(412, 'preconditionFailed', `The request ETag value '${ifMatch}' does not match the object's ETag value '${current}'.`);
    }
  }

  /** Checks and coerces `fields` from a create or update; unknown and read-only fields are refused. */
  private validateFields(fields: unknown): Record<string, unknown> {
    if (fields === undefined || fields === null) return {};
    if (typeof fields !== 'object' || Array.isArray(fields)) throw badRequest('fields must be a JSON object.');
    const input = fields as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) {
      if (name.includes('@')) continue; // annotations such as `Themes@odata.type`
      const lookup = /^(.+)LookupId$/.exec(name);
      const col = this.column(name) ?? (lookup ? this.column(lookup[1]) : undefined);
      if (!col) {
        if (SYSTEM_FIELDS[name]) throw badRequest(`Field '${name}' is read-only`);
        throw badRequest(`Field '${name}' is not recognized`);
      }
      if (Array.isArray(value) && typeof input[`${name}@odata.type`] !== 'string') {
        throw badRequest(
          'A value without a type name was found and no expected type is available. When the model is specified, each value in the payload must have a type which can be either specified in the payload, explicitly by the caller or implicitly inferred from the parent value.',
        );
      }
      const key = lookup && col.name !== name ? `${col.name}LookupId` : col.name;
      out[key] = key === col.name ? coerceValue(col, value, this.timeZone) : value;
    }
    return out;
  }

  private checkUnique(values: Record<string, unknown>, selfId: number): void {
    for (const col of this.columns) {
      if (!col.enforceUniqueValues) continue;
      const index = this.indexes.get(col.name);
      for (const key of keysOf(values[col.name], col.kind)) {
        const holders = index?.get(key);
        if (holders !== undefined && holdersOf(holders).some((id) => id !== selfId)) {
          throw new GraphError(
            409,
            'nameAlreadyExists',
            `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${col.name}].`,
          );
        }
      }
    }
  }

  // ---- indexes ---------------------------------------------------------------------------------

  private rebuildIndexes(): void {
    this.indexes.clear();
    for (const col of this.columns) if (col.indexed) this.buildIndex(col);
  }

  private buildIndex(col: ColumnDef): void {
    const index = new Map<Key, Holders>();
    this.indexes.set(col.name, index);
    for (const item of this.items.values()) addToIndex(index, keysOf(item.fields[col.name], col.kind), item.id);
  }

  private indexItem(item: StoredItem, sign: 1 | -1): void {
    for (const [name, index] of this.indexes) {
      const kind = this.column(name)?.kind ?? 'text';
      const keys = keysOf(item.fields[name], kind);
      if (sign > 0) addToIndex(index, keys, item.id);
      else removeFromIndex(index, keys, item.id);
    }
  }

  // ---- queries ---------------------------------------------------------------------------------

  /**
   * Runs a `$filter`/`$top`/`$skiptoken` query the way SharePoint would, always in id order. `orderBy`
   * terms are only checked (their columns must exist and be indexed) and never sort: `$orderby` on list
   * items is not a documented capability (see sharepointRoutes.ts), so the emulator either refuses it or,
   * when told to (`listItemOrderBy: 'ignore'`), ignores it as tenants have been reported to.
   */
  query(opts: QueryOptions): QueryResult {
    const referenced = new Set<string>();
    if (opts.filter) filterFields(opts.filter, referenced);
    for (const t of opts.orderBy ?? []) referenced.add(t.field);
    const resolved = new Map<string, FieldInfo>();
    for (const name of referenced) resolved.set(name, this.fieldInfo(name));
    for (const [name, info] of resolved) {
      if (info.indexed) continue;
      if (!opts.honorNonIndexed) throw new GraphError(400, 'invalidRequest', NON_INDEXED_MESSAGE(name));
      if (this.items.size > LIST_VIEW_THRESHOLD) {
        throw new GraphError(
          500,
          'generalException',
          'The attempted operation is prohibited because it exceeds the list view threshold.',
        );
      }
    }
    const filtered = opts.filter ? this.compile(opts.filter, resolved) : undefined;
    const reader = opts.reader;
    const trimmed = reader && !reader.isSiteOwner && (this.meta.readSecurity ?? 1) === 2;
    const compiled = trimmed
      ? (item: StoredItem) => this.canRead(item, reader) && (!filtered || filtered(item))
      : filtered;
    this.lastQueryExamined = 0;
    const predicate = compiled
      ? (item: StoredItem) => {
          this.lastQueryExamined++;
          return compiled(item);
        }
      : undefined;
    const top = opts.top;

    // id order: seek past the last id of the previous page
    const afterId = decodeSkipToken(opts.skipToken).afterId ?? 0;
    const plan = opts.filter ? this.plan(opts.filter, resolved) : undefined;
    const source = plan ?? this.order;
    let i = lowerBound(source, afterId + 1);
    const page: StoredItem[] = [];
    let more = false;
    for (; i < source.length; i++) {
      const item = this.items.get(source[i]);
      if (!item || (predicate && !predicate(item))) continue;
      if (page.length === top) {
        more = true;
        break;
      }
      page.push(item);
    }
    const last = page[page.length - 1];
    return { items: page, nextSkipToken: more && last ? encodeSkipToken({ afterId: last.id }) : undefined };
  }

  /**
   * The delta feed: without a token, every current item (paged); with one, the items changed and
   * deleted since. The token is the change sequence number at the start of the enumeration.
   */
  delta(token: string | undefined, top: number, skipToken: string | undefined, reader?: Reader): DeltaPage {
    const st = decodeSkipToken(skipToken);
    let since: number;
    let until: number;
    /** A first enumeration lists what exists; a call with a token also reports deletions. */
    let full: boolean;
    if (st.since !== undefined && st.until !== undefined) {
      since = st.since;
      until = st.until;
      full = st.full === 1;
    } else {
      until = this.seq;
      full = token === undefined;
      if (token === undefined) since = 0;
      else if (token === 'latest') return { items: [], deleted: [], deltaToken: this.deltaToken(this.seq) };
      else since = this.readDeltaToken(token);
    }
    const afterId = st.afterId ?? 0;
    const items: StoredItem[] = [];
    const deleted: number[] = [];
    // Changed items in id order, then deletions (only on an incremental call).
    let i = lowerBound(this.order, afterId + 1);
    let more = false;
    let lastId = afterId;
    for (; i < this.order.length; i++) {
      const item = this.items.get(this.order[i]);
      if (!item || item.seq <= since || !this.canRead(item, reader)) continue;
      if (items.length === top) {
        more = true;
        break;
      }
      items.push(item);
      lastId = item.id;
    }
    if (more) return { items, deleted, nextSkipToken: encodeSkipToken({ since, until, afterId: lastId, full: full ? 1 : 0 }) };
    if (!full) for (const [id, seq] of this.tombstones) if (seq > since) deleted.push(id);
    return { items, deleted, deltaToken: this.deltaToken(until) };
  }

  private deltaToken(seq: number): string {
    return Buffer.from(`${this.meta.generation}:${seq}`).toString('base64url');
  }

  private readDeltaToken(token: string): number {
    const m = /^([0-9a-f-]{36}):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m || m[1] !== this.meta.generation || Number(m[2]) > this.seq) {
      throw new GraphError(410, 'resyncRequired', 'Resync required. Replace any local items with the server\'s version (including deletes) if you\'re sure that the service was up to date with your local changes when you last sync\'d. Upload any local changes that the server doesn\'t know about.');
    }
    return Number(m[2]);
  }

  private fieldInfo(name: string): FieldInfo {
    const sys = SYSTEM_FIELDS[name];
    if (sys && (name === 'ID' || name === 'id' || name === 'Created' || name === 'Modified')) {
      return { name, kind: sys.kind, indexed: true, get: systemGetter(name) };
    }
    const col = this.column(name);
    if (!col) throw badRequest(`Column '${name}' does not exist. It may have been deleted by another user.`);
    const colName = col.name;
    return { name: colName, kind: col.kind, indexed: col.indexed, get: (item) => item.fields[colName] };
  }

  /** Narrows a filter to candidate ids (ascending) using indexes; undefined means "scan everything". */
  private plan(node: FilterNode, fields: Map<string, FieldInfo>): number[] | undefined {
    switch (node.kind) {
      case 'compare': {
        if (node.op !== 'eq' || node.value.type === 'null') return undefined;
        const info = fields.get(node.field)!;
        if (info.name === 'ID' || info.name === 'id') {
          const key = literalKey(node.value, 'number', node.field);
          return typeof key === 'number' && this.items.has(key) ? [key] : [];
        }
        const index = this.indexes.get(info.name);
        if (!index) return undefined;
        const key = literalKey(node.value, info.kind, node.field);
        if (key === null) return undefined;
        const holders = index.get(key);
        return holders === undefined ? [] : holdersOf(holders).sort((a, b) => a - b);
      }
      case 'and': {
        const l = this.plan(node.left, fields);
        const r = this.plan(node.right, fields);
        if (!l) return r;
        if (!r) return l;
        return l.length <= r.length ? l : r;
      }
      case 'or': {
        const l = this.plan(node.left, fields);
        const r = this.plan(node.right, fields);
        if (!l || !r) return undefined;
        return [...new Set([...l, ...r])].sort((a, b) => a - b);
      }
      default:
        return undefined;
    }
  }

  private compile(node: FilterNode, fields: Map<string, FieldInfo>): (item: StoredItem) => boolean {
    switch (node.kind) {
      case 'and': {
        const l = this.compile(node.left, fields);
        const r = this.compile(node.right, fields);
        return (i) => l(i) && r(i);
      }
      case 'or': {
        const l = this.compile(node.left, fields);
        const r = this.compile(node.right, fields);
        return (i) => l(i) || r(i);
      }
      case 'not': {
        const o = this.compile(node.operand, fields);
        return (i) => !o(i);
      }
      case 'startswith': {
        const info = fields.get(node.field)!;
        const prefix = node.value.toLowerCase();
        return (i) => valuesOf(info.get(i)).some((v) => v !== null && String(v).toLowerCase().startsWith(prefix));
      }
      case 'compare': {
        const info = fields.get(node.field)!;
        const lit = literalKey(node.value, info.kind, node.field);
        const test = COMPARE[node.op];
        if (node.op === 'ne') return (i) => !keysOrNull(info.get(i), info.kind).some((k) => COMPARE.eq(k, lit));
        return (i) => keysOrNull(info.get(i), info.kind).some((k) => test(k, lit));
      }
    }
  }
}

interface FieldInfo {
  name: string;
  kind: ColumnKind;
  indexed: boolean;
  get: (item: StoredItem) => unknown;
}

function systemGetter(name: string): (item: StoredItem) => unknown {
  if (name === 'ID' || name === 'id') return (i) => i.id;
  if (name === 'Created') return (i) => i.created;
  return (i) => i.modified;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function splitETags(header: string): string[] {
  return header.match(/(W\/)?"[^"]*"|[^,\s]+/g) ?? [header];
}
