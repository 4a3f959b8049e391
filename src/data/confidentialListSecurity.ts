/**
 * Setup check: is the ConfidentialNotes list protected by SharePoint itself?
 *
 * A confidential summary lives only in ConfidentialNotes, and that list must have SharePoint's
 * item-level read permission set to "read items that were created by the user" (list ReadSecurity = 2;
 * site owners still read everything). What can and cannot be seen from here:
 *
 * - **Microsoft Graph does not expose ReadSecurity** (the `list` resource has no such property, and
 *   Graph cannot set it). SharePoint REST does (`/_api/web/lists/getbytitle('ConfidentialNotes')
 *   ?$select=ReadSecurity,WriteSecurity`), but that needs a SharePoint-audience token the app does not
 *   request (least privilege). So in a tenant the setting itself is **unverified** unless the caller
 *   passes `readItemLevelPermissions` (an administrator's script could, with its own token).
 * - **What Graph does show**: the items the signed-in official can read, with `createdBy`. When that
 *   includes notes created by someone else, the list is either not restricted or the official is a site
 *   owner — either way the check says so (`exposed`). Seeing only one's own notes proves nothing (there
 *   may be no one else's yet).
 * - The local emulator offers the setting under `/_emulator/…` (`emulatorItemLevelPermissions`).
 */
import type { Message } from '../core/overview/types';
import { GraphRequestError } from './graph/errors';
import type { GraphTransport } from './graph/GraphTransport';
import { CONFIDENTIAL_NOTES } from './schema';
import { createSiteResolver } from './siteRef';

export type ConfidentialListStatus =
  /** ReadSecurity = 2 was read from the list. */
  | 'restricted'
  /** ReadSecurity = 1 was read from the list. */
  | 'not-restricted'
  /** The signed-in official reads notes written by others (not restricted, or they are a site owner). */
  | 'exposed'
  /** Nothing says otherwise, but the setting could not be read (Graph cannot). */
  | 'unverified'
  /** The list does not exist yet. */
  | 'missing';

export interface ItemLevelPermissions {
  readSecurity: number;
  writeSecurity?: number;
}

/** Reads a list's item-level permissions where something can (the emulator, an admin's SharePoint REST call). */
export type ItemLevelPermissionReader = (site: { siteId: string; listId: string }) => Promise<ItemLevelPermissions | undefined>;

export interface ConfidentialListSecurityReport {
  list: string;
  status: ConfidentialListStatus;
  readSecurity?: number;
  /** Notes the signed-in official can read that someone else created. */
  foreignItemsVisible: number;
  /** What an administrator should know, as catalogue messages (`setup.manual.*`); empty when the list is verifiably restricted. */
  warnings: Message[];
}

/**
 * The trail's manual step: item-level permissions "Read all items" and "Create items and edit items that
 * were created by the user" (WriteSecurity = 2; docs/audit-trail.md says why authors' own edits still show).
 */
export const AUDIT_TRAIL_STEP: Message = { key: 'setup.manual.auditTrail', params: { list: 'AuditTrail' } };

/** What an administrator does by hand, in the setup tab's language. */
export const MANUAL_STEP: Message = { key: 'setup.manual.permission', params: { list: CONFIDENTIAL_NOTES.displayName } };

const SAMPLE = 500;

export async function checkConfidentialListSecurity(
  transport: GraphTransport,
  siteRef: string,
  options: { readItemLevelPermissions?: ItemLevelPermissionReader; siteId?: string } = {},
): Promise<ConfidentialListSecurityReport> {
  const list = CONFIDENTIAL_NOTES.displayName;
  const siteId = options.siteId ?? (await createSiteResolver(transport, siteRef)());
  const lists = await transport.getAll<{ id: string; displayName: string }>(`/sites/${siteId}/lists?$select=id,displayName`);
  const found = lists.find((l) => l.displayName.toLowerCase() === list.toLowerCase());
  if (!found) return { list, status: 'missing', foreignItemsVisible: 0, warnings: [{ key: 'setup.manual.missing', params: { list } }] };

  let readSecurity: number | undefined;
  if (options.readItemLevelPermissions) readSecurity = (await options.readItemLevelPermissions({ siteId, listId: found.id }))?.readSecurity;

  // What Graph shows: notes written by others that this official can read.
  // Compared on the user's id: an identity documents `id` and `displayName` only (identity resource,
  // https://learn.microsoft.com/en-us/graph/api/resources/identity; the listItem example in "Working with
  // SharePoint sites in Microsoft Graph" shows createdBy.user with exactly those), so an `email` that a tenant
  // may add is never relied on. `/me`'s `id` is the official's Entra object id, the same id.
  const me = await transport.get<{ id?: string }>('/me?$select=id');
  const myId = me.id?.toLowerCase();
  const page = await transport.get<{ value: Array<{ createdBy?: { user?: { id?: string } } }> }>(
    `/sites/${siteId}/lists/${found.id}/items?$select=id,createdBy&$top=${SAMPLE}`,
  );
  const foreignItemsVisible = page.value.filter((i) => {
    const author = i.createdBy?.user?.id?.toLowerCase();
    return author !== undefined && author !== myId;
  }).length;

  const warnings: Message[] = [];
  let status: ConfidentialListStatus;
  if (readSecurity === 1) {
    status = 'not-restricted';
    warnings.push({ key: 'setup.manual.notRestricted', params: { list } }, MANUAL_STEP);
  } else if (foreignItemsVisible > 0) {
    status = 'exposed';
    warnings.push({ key: 'setup.manual.exposed', count: foreignItemsVisible, params: { list } }, MANUAL_STEP);
  } else if (readSecurity === 2) {
    status = 'restricted';
  } else {
    status = 'unverified';
    warnings.push({ key: 'setup.manual.unverified', params: { list } }, MANUAL_STEP);
  }
  return { list, status, readSecurity, foreignItemsVisible, warnings };
}

/** The emulator's item-level permission setting (see src/emulator/README.md); undefined elsewhere. */
export function emulatorItemLevelPermissions(transport: GraphTransport): ItemLevelPermissionReader {
  return async ({ siteId, listId }) => {
    try {
      const body = await transport.get<{ ReadSecurity?: number; WriteSecurity?: number }>(`/_emulator/sites/${siteId}/lists/${listId}/itemLevelPermissions`);
      return typeof body.ReadSecurity === 'number' ? { readSecurity: body.ReadSecurity, writeSecurity: body.WriteSecurity } : undefined;
    } catch (error) {
      if (error instanceof GraphRequestError) return undefined;
      throw error;
    }
  };
}

/** In the emulator, what an administrator sets by hand on the trail: read all, edit only own (WriteSecurity = 2). */
export async function restrictAuditTrailInEmulator(transport: GraphTransport, siteRef: string): Promise<void> {
  const siteId = await createSiteResolver(transport, siteRef)();
  await transport.request('PATCH', `/_emulator/sites/${siteId}/lists/AuditTrail/itemLevelPermissions`, { body: { ReadSecurity: 1, WriteSecurity: 2 } });
}

/** Restricts the list in the emulator (ReadSecurity = 2, WriteSecurity = 2). Needs the list's creator or a site owner. */
export async function restrictConfidentialListInEmulator(transport: GraphTransport, siteRef: string): Promise<void> {
  const siteId = await createSiteResolver(transport, siteRef)();
  await transport.request('PATCH', `/_emulator/sites/${siteId}/lists/${CONFIDENTIAL_NOTES.displayName}/itemLevelPermissions`, {
    body: { ReadSecurity: 2, WriteSecurity: 2 },
  });
}
