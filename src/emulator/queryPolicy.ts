import { GraphError } from './errors';
import type { RequestContext, RouteDefinition } from './types';

/**
 * The emulator never silently ignores what a request asks for. Each built-in route declares the
 * query options, `Prefer` preferences and conditional headers it implements; anything else in a
 * request to it is refused with 400 in Graph's error shape, so no test can pass on an option the
 * emulator does not apply (a `$filter` that would return everything, a `$orderby` that would keep
 * id order, a `$select` that would return every property). Graph itself answers many of these with
 * 400 too ("Query option 'X' is not allowed", "Could not find a property named …"); where Graph is
 * documented to ignore an option (for example `$orderby` on list items: see sharepointRoutes.ts), the
 * emulator still refuses it, so the app cannot come to depend on it.
 *
 * Routes added with `addRoute` without a `query` declaration are not checked (a test's own answer).
 */

/** OData system query options, by their name without `$` (Graph accepts them with and without). */
const SYSTEM_OPTIONS = new Set(['select', 'expand', 'filter', 'orderby', 'top', 'skip', 'search', 'count', 'format', 'skiptoken', 'deltatoken', 'apply', 'compute', 'levels', 'index', 'schemaversion', 'id']);

const OPTION_NAME: Record<string, string> = { orderby: 'OrderBy', skiptoken: 'SkipToken', deltatoken: 'DeltaToken' };

/** Throws 400 for a query option, preference or conditional header the route does not implement. */
export function checkRequestAgainstRoute(route: Pick<RouteDefinition, 'query' | 'prefer' | 'conditional'>, ctx: RequestContext): void {
  if (route.query) {
    const allowed = new Set(route.query.map((q) => q.toLowerCase().replace(/^\$/, '')));
    for (const raw of new Set(ctx.query.keys())) {
      const name = raw.toLowerCase().replace(/^\$/, '');
      if (allowed.has(name)) continue;
      if (SYSTEM_OPTIONS.has(name) || raw.startsWith('$')) {
        const label = OPTION_NAME[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
        throw new GraphError(400, 'BadRequest', `Query option '${label}' is not allowed for this request (${ctx.method} ${routeLabel(ctx)}). The emulator refuses what it does not implement rather than ignore it.`);
      }
      throw new GraphError(400, 'BadRequest', `Unrecognized query parameter '${raw}' for ${ctx.method} ${routeLabel(ctx)}.`);
    }
  }
  if (route.prefer) {
    const known = new Set(route.prefer.map((p) => p.toLowerCase()));
    for (const pref of preferences(ctx.headers.prefer)) {
      if (!known.has(pref.toLowerCase())) {
        throw new GraphError(400, 'BadRequest', `The preference '${pref}' in the Prefer header is not supported for ${ctx.method} ${routeLabel(ctx)}.`);
      }
    }
  }
  if (route.conditional) {
    const known = new Set(route.conditional.map((h) => h.toLowerCase()));
    for (const h of ['if-match', 'if-none-match']) {
      if (ctx.headers[h] !== undefined && !known.has(h)) {
        throw new GraphError(400, 'BadRequest', `The '${h}' header is not supported for ${ctx.method} ${routeLabel(ctx)}.`);
      }
    }
  }
}

/** `odata.maxpagesize=5, return=minimal` → ['odata.maxpagesize', 'return']. */
export function preferences(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((p) => p.split(/[=;]/)[0].trim())
    .filter(Boolean);
}

function routeLabel(ctx: RequestContext): string {
  return ctx.path.length > 120 ? `${ctx.path.slice(0, 117)}…` : ctx.path;
}

/** Throws 400 for `$select`/`$expand` names the resource does not have (Graph's message). */
export function checkNames(kind: 'select' | 'expand', names: readonly string[] | undefined, known: readonly string[], type: string): void {
  for (const n of names ?? []) {
    if (!known.some((k) => k.toLowerCase() === n.toLowerCase())) {
      throw new GraphError(400, 'BadRequest', kind === 'select' ? `Could not find a property named '${n}' on type '${type}'.` : `Could not find a navigation property named '${n}' on type '${type}'.`);
    }
  }
}

/** Keeps the named properties (case-insensitively) of a JSON object, plus its `@odata.*` annotations. */
export function selectProperties(body: Record<string, unknown>, names: readonly string[] | undefined): Record<string, unknown> {
  if (!names?.length) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (k.startsWith('@odata') || names.some((n) => n.toLowerCase() === k.toLowerCase())) out[k] = v;
  return out;
}
