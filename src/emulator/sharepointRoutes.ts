import { GraphError, badRequest } from './errors';
import { columnJson } from './columns';
import { ListStore, type Reader } from './listStore';
import { parseFilter, parseOrderBy } from './odataFilter';
import { expandOption, linkWith, listOption, option, topOption } from './queryOptions';
import { checkNames, selectProperties } from './queryPolicy';
import { fieldsJson, itemJson, listJson, type ItemShape } from './representation';
import type { SiteRegistry } from './siteStore';
import type { GraphResponse, RequestContext, RouteDefinition } from './types';

/**
 * The Graph v1.0 endpoints for SharePoint sites, lists, columns and list items.
 * Each is a plain handler in the route table; transport concerns (auth, faults, batch, CORS,
 * logging) are the adapter's, so these answer the same whether called directly or in a batch.
 */

/** Graph's default page size for list items, and the largest `$top` it honours. */
const DEFAULT_PAGE = 200;
const MAX_PAGE = 5000;
const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';

/** Properties of the site, list and listItem resources the emulator answers (what `$select` may name). */
const SITE_PROPERTIES = ['id', 'createdDateTime', 'description', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'root', 'siteCollection'];
const LIST_PROPERTIES = ['id', 'createdDateTime', 'description', 'eTag', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'createdBy', 'lastModifiedBy', 'parentReference', 'list', 'columns'];
const LIST_ITEM_PROPERTIES = ['id', 'createdDateTime', 'eTag', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'contentType', 'fields'];

const ok = (body: unknown, status = 200, headers?: Record<string, string>): GraphResponse => ({ status, body, headers });

/**
 * What a list create may leave out, as reported against Graph: "Custom columns do not get created when
 * creating list" (https://github.com/microsoftgraph/microsoft-graph-docs/issues/11966). Off by default;
 * tests switch it on (`GraphEmulator.setListCreateQuirk`) to show that setup checks a new list's columns.
 */
export interface ListCreateQuirk {
  /** Column names left out of the created list (`true`: all the body's columns). */
  dropColumns?: readonly string[] | true;
  /** Columns are created without `indexed` and `enforceUniqueValues`. */
  dropIndexes?: boolean;
}

function applyQuirk(body: unknown, quirk: ListCreateQuirk | undefined): unknown {
  if (!quirk || !body || typeof body !== 'object' || !Array.isArray((body as { columns?: unknown }).columns)) return body;
  const drop = quirk.dropColumns;
  const columns = ((body as { columns: Array<Record<string, unknown>> }).columns)
    .filter((c) => drop !== true && !(drop ?? []).includes(String(c?.name)))
    .map((c) => (quirk.dropIndexes ? { ...c, indexed: false, enforceUniqueValues: false } : c));
  return { ...body, columns };
}

/**
 * `$orderby` on list items is not a documented capability: the "List items" page (listitem-list,
 * https://learn.microsoft.com/en-us/graph/api/listitem-list) documents only `$filter` and `$expand`, and
 * tenants have been reported to ignore it without an error (microsoftgraph/microsoft-graph-docs issues
 * #14191 and #3962: the order does not change). The app therefore never sends it (it orders on the
 * client). The emulator refuses it by default (`'refuse'`, 400) so that no code can come to depend on
 * it, or, with `'ignore'`, checks it like a filter (existing, indexed columns) and answers in id order,
 * as such a tenant does.
 */
export type ListItemOrderBy = 'refuse' | 'ignore';

export function sharepointRoutes(
  sites: SiteRegistry,
  settings: { quirks?: { listCreate?: ListCreateQuirk }; listItemOrderBy: () => ListItemOrderBy } = { listItemOrderBy: () => 'refuse' },
): RouteDefinition[] {
  const quirks = settings.quirks ?? {};
  const ctxSite = (ctx: RequestContext) => sites.resolve(ctx.params.siteId);
  const ctxList = (ctx: RequestContext) => {
    const site = ctxSite(ctx);
    return { site, list: site.list(ctx.params.listId) };
  };
  /** The caller, for the list's item-level permissions (ReadSecurity/WriteSecurity). */
  const readerOf = (ctx: RequestContext): Reader => {
    const site = ctxSite(ctx);
    const isSiteOwner = site.isOwner(ctx.user);
    return { user: ctx.user, isSiteOwner, readOnly: !isSiteOwner && site.isVisitor(ctx.user) };
  };
  const context = (ctx: RequestContext, suffix: string) => `${ctx.origin}/${ctx.version}/$metadata#${suffix}`;

  const itemShape = (ctx: RequestContext, fieldsByDefault: boolean): ItemShape => {
    const expands = expandOption(ctx.query);
    checkNames('expand', expands.map((e) => e.name), ['fields'], 'microsoft.graph.listItem');
    const expand = expands.find((e) => e.name.toLowerCase() === 'fields');
    const select = listOption(ctx.query, 'select');
    checkNames('select', select, LIST_ITEM_PROPERTIES, 'microsoft.graph.listItem');
    return {
      select,
      fields: expand ? expand.select ?? true : fieldsByDefault,
    };
  };
  /** `$expand=columns` on a list or the lists collection (the only expansion the emulator implements there). */
  const listExpand = (ctx: RequestContext): boolean => {
    const expands = expandOption(ctx.query);
    checkNames('expand', expands.map((e) => e.name), ['columns'], 'microsoft.graph.list');
    for (const e of expands) if (e.select) throw badRequest(`The emulator does not implement options inside $expand=${e.name}(…).`, 'BadRequest');
    return expands.length > 0;
  };
  const listSelect = (ctx: RequestContext, withColumns: boolean): string[] | undefined => {
    const select = listOption(ctx.query, 'select');
    checkNames('select', select, LIST_PROPERTIES, 'microsoft.graph.list');
    return select && withColumns ? [...select, 'columns'] : select;
  };

  return [
    // ---- sites --------------------------------------------------------------------------------
    {
      method: 'GET',
      pattern: '/sites/{siteId}',
      query: ['select'],
      handler: (ctx) => {
        const select = listOption(ctx.query, 'select');
        checkNames('select', select, SITE_PROPERTIES, 'microsoft.graph.site');
        return ok({ '@odata.context': context(ctx, 'sites/$entity'), ...selectProperties(ctxSite(ctx).json(), select) });
      },
    },

    // ---- lists --------------------------------------------------------------------------------
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists',
      query: ['select', 'expand'],
      handler: (ctx) => {
        const site = ctxSite(ctx);
        const withColumns = listExpand(ctx);
        const select = listSelect(ctx, withColumns);
        return ok({
          '@odata.context': context(ctx, `sites('${site.id}')/lists`),
          value: [...site.lists.values()].map((l) => selectProperties(listJson(site, l, withColumns), select)),
        });
      },
    },
    {
      method: 'POST',
      pattern: '/sites/{siteId}/lists',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const site = ctxSite(ctx);
        const list = site.createList(applyQuirk(ctx.body, quirks.listCreate), ctx.user);
        return ok({ '@odata.context': context(ctx, `sites('${site.id}')/lists/$entity`), ...listJson(site, list) }, 201);
      },
    },
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}',
      query: ['select', 'expand'],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const withColumns = listExpand(ctx);
        return ok({ '@odata.context': context(ctx, `sites('${site.id}')/lists/$entity`), ...selectProperties(listJson(site, list, withColumns), listSelect(ctx, withColumns)) });
      },
    },
    {
      method: 'DELETE',
      pattern: '/sites/{siteId}/lists/{listId}',
      query: [],
      conditional: [],
      handler: (ctx) => {
        ctxSite(ctx).deleteList(ctx.params.listId);
        return { status: 204 };
      },
    },

    // ---- item-level permissions (not Graph: SharePoint REST's ReadSecurity/WriteSecurity) ----------
    // Graph cannot read or set these; in a tenant they are set in List settings → Advanced settings or
    // through SharePoint REST (`/_api/web/lists/getbytitle('…')`, properties ReadSecurity/WriteSecurity).
    // The emulator offers them under `/_emulator/…` so tests and the demo can restrict a list. Changing
    // them needs Manage Lists: here a site owner or the list's creator.
    {
      method: 'GET',
      pattern: '/_emulator/sites/{siteId}/lists/{listId}/itemLevelPermissions',
      query: [],
      handler: (ctx) => {
        const { list } = ctxList(ctx);
        return ok({ ReadSecurity: list.meta.readSecurity ?? 1, WriteSecurity: list.meta.writeSecurity ?? 1 });
      },
    },
    {
      method: 'PATCH',
      pattern: '/_emulator/sites/{siteId}/lists/{listId}/itemLevelPermissions',
      query: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const mayManage = site.isOwner(ctx.user) || list.meta.createdBy.email.toLowerCase() === ctx.user.email.toLowerCase();
        if (!mayManage) throw new GraphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
        if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) throw badRequest('The body must be a JSON object.');
        const body = ctx.body as { ReadSecurity?: unknown; WriteSecurity?: unknown };
        list.setItemLevelPermissions({ readSecurity: body.ReadSecurity, writeSecurity: body.WriteSecurity });
        return ok({ ReadSecurity: list.meta.readSecurity ?? 1, WriteSecurity: list.meta.writeSecurity ?? 1 });
      },
    },

    // ---- columns ------------------------------------------------------------------------------
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/columns',
      query: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        return ok({
          '@odata.context': context(ctx, `sites('${site.id}')/lists('${list.meta.id}')/columns`),
          value: list.columns.map(columnJson),
        });
      },
    },
    {
      method: 'POST',
      pattern: '/sites/{siteId}/lists/{listId}/columns',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const { list } = ctxList(ctx);
        return ok(columnJson(list.addColumn(ctx.body)), 201);
      },
    },
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/columns/{columnId}',
      query: [],
      handler: (ctx) => {
        const { list } = ctxList(ctx);
        const col = list.columns.find((c) => c.id === ctx.params.columnId) ?? list.column(ctx.params.columnId);
        if (!col) throw new GraphError(404, 'itemNotFound', `Column '${ctx.params.columnId}' does not exist.`);
        return ok(columnJson(col));
      },
    },
    {
      method: 'PATCH',
      pattern: '/sites/{siteId}/lists/{listId}/columns/{columnId}',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => ok(columnJson(ctxList(ctx).list.updateColumn(ctx.params.columnId, ctx.body))),
    },

    // ---- items --------------------------------------------------------------------------------
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/items',
      query: ['select', 'expand', 'filter', 'orderby', 'top', 'skiptoken'],
      prefer: [PREFER_NON_INDEXED],
      conditional: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const filterText = option(ctx.query, 'filter');
        const orderText = option(ctx.query, 'orderby');
        if (orderText !== undefined && settings.listItemOrderBy() === 'refuse') {
          throw new GraphError(400, 'BadRequest', "Query option 'OrderBy' is not supported on list items: the listitem-list page documents only $filter and $expand, and tenants have been reported to ignore it. Order on the client.");
        }
        const result = list.query({
          filter: filterText ? parseFilter(filterText) : undefined,
          orderBy: orderText ? parseOrderBy(orderText) : undefined,
          top: topOption(ctx.query, DEFAULT_PAGE, MAX_PAGE),
          skipToken: option(ctx.query, 'skiptoken'),
          honorNonIndexed: (ctx.headers.prefer ?? '').toLowerCase().includes(PREFER_NON_INDEXED),
          reader: readerOf(ctx),
        });
        const shape = itemShape(ctx, false);
        return ok({
          '@odata.context': context(ctx, `sites('${site.id}')/lists('${list.meta.id}')/items`),
          value: result.items.map((i) => itemJson(site, list, i, shape)),
          ...(result.nextSkipToken ? { '@odata.nextLink': linkWith(ctx, { $skiptoken: result.nextSkipToken }) } : {}),
        });
      },
    },
    {
      method: 'POST',
      pattern: '/sites/{siteId}/lists/{listId}/items',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const body = ctx.body;
        if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
          throw badRequest('The list item must be a JSON object.');
        }
        list.checkCreate(readerOf(ctx));
        const item = list.create((body as { fields?: unknown } | undefined)?.fields, ctx.user, site.lookupId(ctx.user));
        const json = itemJson(site, list, item, { fields: true });
        return ok({ '@odata.context': context(ctx, `sites('${site.id}')/lists('${list.meta.id}')/items/$entity`), ...json }, 201, {
          ETag: ListStore.eTag(item),
          Location: `${ctx.origin}/${ctx.version}/sites/${site.id}/lists/${list.meta.id}/items/${item.id}`,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/items/delta',
      query: ['select', 'expand', 'top', 'skiptoken', 'token', 'deltatoken'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const token = option(ctx.query, 'token') ?? option(ctx.query, 'deltatoken');
        const page = list.delta(token, topOption(ctx.query, DEFAULT_PAGE, MAX_PAGE), option(ctx.query, 'skiptoken'), readerOf(ctx));
        const shape = itemShape(ctx, true);
        const value: unknown[] = page.items.map((i) => itemJson(site, list, i, shape));
        for (const id of page.deleted) value.push({ id: String(id), deleted: { state: 'deleted' } });
        const links = page.deltaToken
          ? { '@odata.deltaLink': linkWith(ctx, { token: page.deltaToken }, ['$skiptoken', '$deltatoken']) }
          : { '@odata.nextLink': linkWith(ctx, { $skiptoken: page.nextSkipToken! }) };
        return ok({ '@odata.context': context(ctx, `Collection(microsoft.graph.listItem)`), value, ...links });
      },
    },
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/items/{itemId}',
      query: ['select', 'expand'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const item = list.getFor(ctx.params.itemId, readerOf(ctx));
        return ok(
          { '@odata.context': context(ctx, `sites('${site.id}')/lists('${list.meta.id}')/items/$entity`), ...itemJson(site, list, item, itemShape(ctx, true)) },
          200,
          { ETag: ListStore.eTag(item) },
        );
      },
    },
    {
      method: 'DELETE',
      pattern: '/sites/{siteId}/lists/{listId}/items/{itemId}',
      query: [],
      prefer: [],
      conditional: ['if-match'],
      handler: (ctx) => {
        const { list } = ctxList(ctx);
        list.checkWrite(ctx.params.itemId, readerOf(ctx));
        list.delete(ctx.params.itemId, ctx.headers['if-match']);
        return { status: 204 };
      },
    },
    {
      // listitem-list-versions (v1.0, Sites.Read.All): the item's versions, newest (the current one) first,
      // each with id ("2.0"), lastModifiedDateTime and lastModifiedBy. Its page documents no query options.
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/items/{itemId}/versions',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        const item = list.getFor(ctx.params.itemId, readerOf(ctx));
        const versions = [...(item.history ?? []), { version: item.version, modified: item.modified, modifiedBy: item.modifiedBy, fields: item.fields }].reverse();
        const identity = (u: { id: string; displayName: string }) => ({ user: { id: u.id, displayName: u.displayName } });
        return ok({
          '@odata.context': context(ctx, `sites('${site.id}')/lists('${list.meta.id}')/items('${item.id}')/versions`),
          value: versions.map((v) => ({ id: `${v.version}.0`, lastModifiedDateTime: v.modified, lastModifiedBy: identity(v.modifiedBy) })),
        });
      },
    },
    {
      method: 'GET',
      pattern: '/sites/{siteId}/lists/{listId}/items/{itemId}/fields',
      query: ['select'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const { list } = ctxList(ctx);
        const item = list.getFor(ctx.params.itemId, readerOf(ctx));
        return ok(fieldsJson(list, item, listOption(ctx.query, 'select')), 200, { ETag: ListStore.eTag(item) });
      },
    },
    {
      method: 'PATCH',
      pattern: '/sites/{siteId}/lists/{listId}/items/{itemId}/fields',
      query: [],
      prefer: [],
      conditional: ['if-match'],
      handler: (ctx) => {
        const { site, list } = ctxList(ctx);
        if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) throw badRequest('The fields must be a JSON object.');
        list.checkWrite(ctx.params.itemId, readerOf(ctx));
        const item = list.updateFields(ctx.params.itemId, ctx.body, ctx.user, site.lookupId(ctx.user), ctx.headers['if-match']);
        return ok(
          { '@odata.context': context(ctx, `sites('${site.id}')/lists('${list.meta.id}')/items('${item.id}')/fields/$entity`), ...fieldsJson(list, item) },
          200,
          { ETag: ListStore.eTag(item) },
        );
      },
    },
  ];
}
