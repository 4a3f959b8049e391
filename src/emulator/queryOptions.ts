import { badRequest } from './errors';

/**
 * Reading Graph's OData query options from a URL: `$select`, `$expand` (incl. the nested
 * `fields(select=…)`), `$top`, `$skiptoken`. Graph accepts these with and without the `$`.
 * (`$filter`/`$orderby` go through the OData parser in odataFilter.ts.)
 */

export function option(query: URLSearchParams, name: string): string | undefined {
  return query.get(`$${name}`) ?? query.get(name) ?? undefined;
}

export function listOption(query: URLSearchParams, name: string): string[] | undefined {
  const v = option(query, name);
  if (v === undefined) return undefined;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export interface ExpandItem {
  name: string;
  select?: string[];
}

/** `fields(select=a,b),columns` → [{name:'fields', select:['a','b']}, {name:'columns'}]. */
export function expandOption(query: URLSearchParams): ExpandItem[] {
  const v = option(query, 'expand');
  if (!v) return [];
  const out: ExpandItem[] = [];
  for (const part of splitTopLevel(v, ',')) {
    const m = /^\s*([A-Za-z_][\w]*)\s*(?:\((.*)\))?\s*$/.exec(part);
    if (!m) throw badRequest(`Invalid expand clause: '${part}'`);
    const item: ExpandItem = { name: m[1] };
    for (const opt of m[2] ? splitTopLevel(m[2], ';') : []) {
      const om = /^\s*\$?(\w+)\s*=\s*(.*)$/.exec(opt);
      if (!om) throw badRequest(`Invalid expand clause: '${part}'`);
      if (om[1].toLowerCase() === 'select') item.select = om[2].split(',').map((s) => s.trim()).filter(Boolean);
    }
    out.push(item);
  }
  return out;
}

export function topOption(query: URLSearchParams, fallback: number, max: number): number {
  const v = option(query, 'top');
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v.trim())) throw badRequest(`Invalid value '${v}' for $top; it must be a non-negative integer.`);
  return Math.min(Number(v), max);
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.filter((p) => p.trim().length > 0);
}

/** Absolute link to the same resource with another `$skiptoken` (or other extra parameters). */
export function linkWith(ctx: { origin: string; version: string; rawUrl: string }, replace: Record<string, string>, drop: string[] = []): string {
  const q = ctx.rawUrl.indexOf('?');
  const pathPart = q < 0 ? ctx.rawUrl : ctx.rawUrl.slice(0, q);
  const queryPart = q < 0 ? '' : ctx.rawUrl.slice(q + 1);
  const names = new Set([...Object.keys(replace), ...drop].flatMap((k) => [k, k.replace(/^\$/, '')]).map((k) => k.toLowerCase()));
  const kept = queryPart
    .split('&')
    .filter((p) => p && !names.has(safeDecode(p.split('=')[0]).toLowerCase()));
  for (const [k, v] of Object.entries(replace)) kept.push(`${k}=${encodeURIComponent(v)}`);
  const href = `${ctx.origin}/${ctx.version}${pathPart}${kept.length ? `?${kept.join('&')}` : ''}`;
  return new URL(href).href; // normalises what a batch body may carry unencoded (spaces)
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
