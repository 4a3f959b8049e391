/**
 * Building list-item queries. The one place where user data enters a URL: string literals are escaped
 * here (single quotes doubled, per OData ABNF) and every query value is URL-encoded as a whole, so a
 * value like `' or 1 eq 1`, `%27`, `&` or `#` stays inside its literal. Column names come only from
 * the schema whitelist (typed, and checked again at run time for filters and sorting).
 */
import { allColumns, columnSpec, filterableColumn, SCHEMA, type ColumnName, type IndexedColumnName, type ListName, type ListSpec } from '../schema';

export type ODataValue = string | number | boolean;

/** An OData literal: strings quoted with embedded single quotes doubled; numbers and booleans bare. */
export function odataLiteral(value: ODataValue): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('OData number literal must be finite');
    return String(value);
  }
  return value ? 'true' : 'false';
}

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** `fields/<column> <op> <literal>` on an indexed column of list L. */
export function fieldFilter<L extends ListName>(list: L, column: IndexedColumnName<L>, op: ComparisonOperator, value: ODataValue): string {
  return `fields/${filterableColumn(list, column)} ${op} ${odataLiteral(value)}`;
}

/**
 * Several values of one indexed column (`a eq 1 or a eq 2`): Graph filters on one indexed column at a
 * time, so an `or` stays on the same column.
 */
export function fieldIn<L extends ListName>(list: L, column: IndexedColumnName<L>, values: readonly ODataValue[]): string {
  if (values.length === 0) throw new Error('fieldIn needs at least one value');
  return values.map((v) => fieldFilter(list, column, 'eq', v)).join(' or ');
}

export interface ItemQuery<L extends ListName> {
  /** Columns to bring back in `expand=fields(select=…)`; all schema columns when omitted. */
  select?: readonly ColumnName<L>[];
  /** A filter made by `fieldFilter`/`fieldIn` only. */
  filter?: string;
  // No `orderBy`: `$orderby` on list items is not documented (listitem-list lists only $filter and
  // $expand) and has been reported ignored; callers order on the client (listFields.newestFirst).
  top?: number;
  /**
   * The item's ETag and the list's `itemProperties` (default): a read that never leads to an update
   * can leave them out.
   */
  eTag?: boolean;
}

/**
 * The query string (without `?`) for listing or getting items of list L. Each value is URL-encoded
 * once, whole, here; nothing downstream encodes again.
 */
export function itemQueryString<L extends ListName>(list: L, query: ItemQuery<L> = {}): string {
  const columns = (query.select ?? allColumns(list)).map((c) => columnSpec(list, c).name);
  const itemProperties: readonly string[] = (SCHEMA[list] as ListSpec).itemProperties ?? [];
  const params: [string, string][] = [
    ['$select', query.eTag === false ? 'id' : ['id', 'eTag', ...itemProperties].join(',')],
    ['$expand', `fields($select=${columns.join(',')})`],
  ];
  if (query.filter) params.push(['$filter', query.filter]);
  if (query.top !== undefined) params.push(['$top', String(Math.max(1, Math.floor(query.top)))]);
  return params.map(([k, v]) => `${k}=${encodeQueryValue(v)}`).join('&');
}

/** URL-encodes one query value; also encodes the characters encodeURIComponent leaves alone that OData or proxies treat specially. */
export function encodeQueryValue(value: string): string {
  // A lone surrogate (invalid UTF-16, e.g. a cut emoji) would make encodeURIComponent throw: it becomes U+FFFD.
  return encodeURIComponent(wellFormed(value)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Replaces lone surrogates with U+FFFD, as a UTF-8 round trip through SharePoint would. */
export function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
