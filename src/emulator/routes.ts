import { GraphError } from './errors';
import type { RouteDefinition, RouteHandler } from './types';

/**
 * A small route table: `{name}` segments capture, literal segments match case-insensitively
 * (Graph's URLs are), and the most specific match wins (so `items/delta` beats `items/{itemId}`);
 * between equally specific routes the one added last wins (tests can override a built-in answer).
 * Later work adds answers such as `/chats/{chatId}` with `addRoute` instead of editing a switch.
 *
 * Site addresses in the path-based form (`/sites/host:/sites/path:/lists`) hold slashes; they are
 * folded into one segment before matching, so routes can say `/sites/{siteId}/lists`.
 */

interface CompiledRoute {
  method: string;
  pattern: string;
  segments: string[];
  literalCount: number;
  handler: RouteHandler;
  policy: Pick<RouteDefinition, 'query' | 'prefer' | 'conditional'>;
}

export interface RouteMatch {
  handler: RouteHandler;
  /** The pattern the route was added with (the key of its permission, permissions.ts). */
  pattern: string;
  params: Record<string, string>;
  /** What the route declares it implements (query options, preferences, conditional headers). */
  policy: Pick<RouteDefinition, 'query' | 'prefer' | 'conditional'>;
}

export class RouteTable {
  private readonly routes: CompiledRoute[] = [];

  add(method: string, pattern: string, handler: RouteHandler, policy: Pick<RouteDefinition, 'query' | 'prefer' | 'conditional'> = {}): void {
    const segments = splitSegments(pattern);
    this.routes.push({
      method: method.toUpperCase(),
      pattern,
      segments,
      literalCount: segments.filter((s) => !isParam(s)).length,
      handler,
      policy,
    });
  }

  /** Every route, as method and pattern (tests check each has its documented permission). */
  list(): Array<{ method: string; pattern: string }> {
    return this.routes.map((r) => ({ method: r.method, pattern: r.pattern }));
  }

  addAll(defs: RouteDefinition[]): void {
    for (const d of defs) this.add(d.method, d.pattern, d.handler, { query: d.query, prefer: d.prefer, conditional: d.conditional });
  }

  /** Finds the handler for a request path (after the version segment); throws Graph's 400/405. */
  match(method: string, path: string): RouteMatch {
    const segments = splitSegments(foldSiteAddress(path));
    let best: { route: CompiledRoute; params: Record<string, string> } | undefined;
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      // more literal segments wins; on a tie the route added last wins, so a test can override a built-in answer
      if (!best || route.literalCount >= best.route.literalCount) best = { route, params };
    }
    if (best) return { handler: best.route.handler, pattern: best.route.pattern, params: best.params, policy: best.route.policy };
    if (pathMatched) throw new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`);
  }
}

const isParam = (s: string) => s.startsWith('{') && s.endsWith('}');

function splitSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => (s.endsWith('()') ? s.slice(0, -2) : s)); // `delta()` is the same function as `delta`
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (isParam(p)) {
      let value: string;
      try {
        value = decodeURIComponent(segments[i]);
      } catch {
        return undefined;
      }
      params[p.slice(1, -1)] = value;
    } else if (p.toLowerCase() !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

/**
 * `/sites/host:/sites/a/b:/lists/x` → `/sites/host%3A%2Fsites%2Fa%2Fb/lists/x` (one segment for the
 * site; the trailing `:` is optional when nothing follows). Other paths are returned unchanged.
 */
export function foldSiteAddress(path: string): string {
  const m = /^(.*?\/sites\/)([^/]*)(\/.*)?$/i.exec(path.replace(/%3A/gi, ':'));
  if (!m || !m[2].includes(':')) return path;
  const rest = m[2] + (m[3] ?? '');
  const first = rest.indexOf(':');
  const second = rest.indexOf(':', first + 1);
  const ref = second < 0 ? rest : rest.slice(0, second);
  const remainder = second < 0 ? '' : rest.slice(second + 1);
  return `${m[1]}${encodeURIComponent(ref.replace(/\/+$/, ''))}${remainder && !remainder.startsWith('/') ? '/' : ''}${remainder}`;
}
