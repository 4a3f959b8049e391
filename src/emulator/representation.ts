import { columnJson } from './columns';
import { badRequest } from './errors';
import { ListStore, StoredItem } from './listStore';
import type { Site } from './siteStore';
import type { EmulatorUser } from './types';

/**
 * The JSON shapes Graph answers for sites, lists, list items and their `fields`
 * (including the system fields SharePoint adds, and `$select`/`expand=fields(select=…)`).
 */

export interface ItemShape {
  /** Top-level properties to keep (`$select`); undefined keeps all. */
  select?: string[];
  /** Include `fields`: true for all, a list for `fields(select=…)`, false to leave them out. */
  fields: boolean | string[];
}

/**
 * An identitySet as Graph documents it: `user` with `id` (the Entra object id) and `displayName` only
 * (identity resource, https://learn.microsoft.com/en-us/graph/api/resources/identity; the listItem example in
 * "Working with SharePoint sites in Microsoft Graph"). Tenants have been seen to add `email`; the emulator
 * leaves it out so that no code can rely on it.
 */
const identity = (u: EmulatorUser) => ({ user: { id: u.id, displayName: u.displayName } });

export function listWebUrl(site: Site, list: ListStore): string {
  return `${site.webUrl}/Lists/${encodeURIComponent(list.meta.name)}`;
}

export function listJson(site: Site, list: ListStore, withColumns = false): Record<string, unknown> {
  const m = list.meta;
  return {
    '@odata.etag': `"${m.id},${list.columns.length}"`,
    createdDateTime: m.created,
    description: m.description,
    eTag: `"${m.id},${list.columns.length}"`,
    id: m.id,
    lastModifiedDateTime: m.modified,
    name: m.name,
    webUrl: listWebUrl(site, list),
    displayName: m.displayName,
    createdBy: identity(m.createdBy),
    lastModifiedBy: identity(m.modifiedBy),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: m.template },
    ...(withColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}

export function itemJson(site: Site, list: ListStore, item: StoredItem, shape: ItemShape): Record<string, unknown> {
  const eTag = ListStore.eTag(item);
  const all: Record<string, unknown> = {
    '@odata.etag': eTag,
    createdDateTime: item.created,
    eTag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(site, list)}/${item.id}_.000`,
    createdBy: identity(item.createdBy),
    lastModifiedBy: identity(item.modifiedBy),
    parentReference: { id: list.meta.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  let out = all;
  if (shape.select) {
    out = { '@odata.etag': eTag };
    for (const s of shape.select) {
      const key = Object.keys(all).find((k) => k.toLowerCase() === s.toLowerCase());
      if (key) out[key] = all[key];
    }
  }
  if (shape.fields) out.fields = fieldsJson(list, item, shape.fields === true ? undefined : shape.fields);
  return out;
}

/** The `fields` (fieldValueSet) of an item; with `select`, only those (plus `@odata.etag`). */
export function fieldsJson(list: ListStore, item: StoredItem, select?: string[]): Record<string, unknown> {
  const title = item.fields.Title;
  const system: Record<string, unknown> = {
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: String(item.authorLookupId),
    EditorLookupId: String(item.editorLookupId),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title ?? '',
    LinkTitle: title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  };
  const out: Record<string, unknown> = { '@odata.etag': ListStore.eTag(item) };
  const put = (name: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) out[`${name}@odata.type`] = collectionType(value);
    out[name] = value;
  };
  if (!select) {
    for (const [k, v] of Object.entries(item.fields)) put(k, v);
    for (const [k, v] of Object.entries(system)) put(k, v);
    return out;
  }
  for (const raw of select) {
    const name = raw.trim();
    if (!name) continue;
    if (name === 'ID' || name === 'id') {
      out.id = String(item.id);
      continue;
    }
    const sys = Object.keys(system).find((k) => k.toLowerCase() === name.toLowerCase());
    if (sys) {
      put(sys, system[sys]);
      continue;
    }
    const col = list.column(name);
    // Not silently ignored: a name that is no column of the list is refused (see queryPolicy.ts).
    if (!col) throw badRequest(`Column '${name}' does not exist. It may have been deleted by another user.`, 'BadRequest');
    put(col.name, item.fields[col.name]);
    if (item.fields[`${col.name}LookupId`] !== undefined) put(`${col.name}LookupId`, item.fields[`${col.name}LookupId`]);
  }
  return out;
}

function collectionType(values: unknown[]): string {
  if (values.every((v) => typeof v === 'number')) return 'Collection(Edm.Double)';
  if (values.every((v) => typeof v === 'string')) return 'Collection(Edm.String)';
  return 'Collection(Edm.Untyped)';
}
