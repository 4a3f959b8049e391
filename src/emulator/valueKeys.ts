import { badRequest } from './errors';
import type { ColumnKind } from './columns';
import type { CompareOp, Literal } from './odataFilter';

/**
 * How SharePoint compares field values, reduced to plain `===`/`<` on normalised keys:
 * text case-insensitively, dates as instants, multi-valued fields by any of their values.
 * The same keys serve the column indexes (value → the ids holding it).
 */

export type Key = string | number | boolean;

export const COMPARE: Record<CompareOp, (a: Key | null, b: Key | null) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a !== null && b !== null && a > b,
  ge: (a, b) => a !== null && b !== null && a >= b,
  lt: (a, b) => a !== null && b !== null && a < b,
  le: (a, b) => a !== null && b !== null && a <= b,
};

export function valuesOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** SharePoint compares text case-insensitively and dates as instants; this makes both plain `===`/`<`. */
export function normalise(v: unknown, kind: ColumnKind): Key | null {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return v === true || v === 'true' || v === 1;
    case 'dateTime': {
      const ms = Date.parse(String(v));
      return Number.isNaN(ms) ? null : ms;
    }
    default:
      return typeof v === 'object' ? JSON.stringify(v).toLowerCase() : String(v).toLowerCase();
  }
}

export function keysOf(v: unknown, kind: ColumnKind): Key[] {
  const out: Key[] = [];
  for (const x of valuesOf(v)) {
    const k = normalise(x, kind);
    if (k !== null) out.push(k);
  }
  return out;
}

export function keysOrNull(v: unknown, kind: ColumnKind): Array<Key | null> {
  const keys = keysOf(v, kind);
  return keys.length ? keys : [null];
}

export type Holders = number | Set<number>;

export function holdersOf(h: Holders): number[] {
  return typeof h === 'number' ? [h] : [...h];
}

export function addToIndex(index: Map<Key, Holders>, keys: Key[], id: number): void {
  for (const k of keys) {
    const h = index.get(k);
    if (h === undefined) index.set(k, id);
    else if (typeof h === 'number') {
      if (h !== id) index.set(k, new Set([h, id]));
    } else h.add(id);
  }
}

export function removeFromIndex(index: Map<Key, Holders>, keys: Key[], id: number): void {
  for (const k of keys) {
    const h = index.get(k);
    if (h === undefined) continue;
    if (typeof h === 'number') {
      if (h === id) index.delete(k);
    } else {
      h.delete(id);
      if (h.size === 1) index.set(k, h.values().next().value as number);
      else if (h.size === 0) index.delete(k);
    }
  }
}

/** A filter literal, normalised for comparison with a column of the given kind. */
export function literalKey(lit: Literal, kind: ColumnKind, field: string): Key | null {
  if (lit.type === 'null') return null;
  const bad = () => badRequest(`Invalid filter clause: the value does not fit the type of field '${field}'.`);
  switch (kind) {
    case 'number': {
      const n = lit.type === 'number' ? lit.value : lit.type === 'string' && lit.value.trim() !== '' ? Number(lit.value) : NaN;
      if (!Number.isFinite(n)) throw bad();
      return n;
    }
    case 'boolean':
      if (lit.type === 'boolean') return lit.value;
      if (lit.type === 'number') return lit.value !== 0;
      if (lit.type === 'string' && /^(true|false|0|1)$/i.test(lit.value)) return /^(true|1)$/i.test(lit.value);
      throw bad();
    case 'dateTime': {
      if (lit.type === 'datetime') return lit.value;
      if (lit.type === 'string') {
        const ms = Date.parse(lit.value);
        if (Number.isNaN(ms)) throw bad();
        return ms;
      }
      throw bad();
    }
    default:
      if (lit.type === 'datetime') return lit.raw.toLowerCase();
      return String(lit.value).toLowerCase();
  }
}

