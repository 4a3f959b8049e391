import type { TagResult } from '../Host';
import { officeAsync, OfficeAsyncError } from './officeAsync';

/** The custom property holding the link to the interaction logged for this item. */
export const LOGGED_LINK_PROPERTY = 'partnerzichtLoggedLink';

/** `Partner: ` + `Portaal` → `Partner: Portaal`; Outlook compares category names case-insensitively. */
export function partnerCategoryName(prefix: string, partnerName: string): string {
  return `${prefix}${partnerName.trim()}`.slice(0, 255);
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** A stable preset colour per partner, so a partner's mail looks the same in every mailbox. */
function presetColour(name: string): string {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `Preset${hash % 25}`;
}

/** Errors meaning "this add-in may not write the master list" (read/write item permission, or a delegate). */
function isPermissionError(error: unknown): boolean {
  const code = error instanceof OfficeAsyncError ? error.code : (error as { name?: string })?.name ?? '';
  return /permission|accessdenied|notallowed|9000|9017/i.test(code) || /permission/i.test(String((error as Error)?.message ?? ''));
}

/** A tag result, and whether this mailbox refused to extend its master list (read/write item permission). */
type TagOutcome = TagResult & { permissionDenied?: boolean };

/**
 * Tags the item with the partner's category. Outlook only sets categories that exist in the
 * mailbox's master list, so the category is added there first (needs read/write mailbox); when that
 * is refused the item is tagged only if the category already exists, and the result says so.
 * `sharedOwner`: the item is in that shared or delegated mailbox, whose master list a delegate may
 * read but not extend (https://learn.microsoft.com/office/dev/add-ins/outlook/delegate-access,
 * "Limitations"), so no category is added there.
 */
export async function tagOutlookItem(
  mailbox: Office.Mailbox,
  item: { categories: Office.Categories },
  category: string,
  sharedOwner?: string,
): Promise<TagOutcome> {
  const onItem = (await officeAsync<Office.CategoryDetails[] | null>((cb) => item.categories.getAsync(cb))) ?? [];
  const present = onItem.find((c) => sameName(c.displayName, category));
  if (present) return { status: 'already-tagged', category: present.displayName };
  const missing = (): TagOutcome =>
    sharedOwner ? { status: 'shared-category-missing', category, mailbox: sharedOwner } : { status: 'category-missing', category, permissionDenied: true };

  let name = category;
  let createdCategory = false;
  let master: Office.CategoryDetails[] = [];
  try {
    master = (await officeAsync<Office.CategoryDetails[]>((cb) => mailbox.masterCategories.getAsync(cb))) ?? [];
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    // Without the master list we cannot tell whether the category exists: try the item and see.
    return addToItem(item, category, false, () => missing());
  }
  const existing = master.find((c) => sameName(c.displayName, category));
  if (existing) name = existing.displayName;
  else if (sharedOwner) return missing();
  else {
    try {
      const details = [{ displayName: category, color: presetColour(category) }] as unknown as Office.CategoryDetails[];
      await officeAsync<void>((cb) => mailbox.masterCategories.addAsync(details, cb));
      createdCategory = true;
    } catch (error) {
      // Another pane (or the official) may have added it a moment ago.
      if (error instanceof OfficeAsyncError && /duplicate/i.test(error.code)) createdCategory = false;
      else if (isPermissionError(error)) return missing();
      else throw error;
    }
  }
  return addToItem(item, name, createdCategory);
}

/** `ifRefused`: what a refusal means when the master list could not be read; without it a refusal is an error. */
async function addToItem(
  item: { categories: Office.Categories },
  name: string,
  createdCategory: boolean,
  ifRefused?: () => TagOutcome,
): Promise<TagOutcome> {
  try {
    await officeAsync<void>((cb) => item.categories.addAsync([name], cb));
    return { status: 'tagged', category: name, createdCategory };
  } catch (error) {
    if (ifRefused) return ifRefused();
    throw error;
  }
}

type CustomPropertiesItem = { loadCustomPropertiesAsync(callback: (result: Office.AsyncResult<Office.CustomProperties>) => void): void };

/** Stores the link to the logged interaction on the item, so the pane can say "already logged" next time. */
export async function storeLoggedLink(item: CustomPropertiesItem, link: string): Promise<void> {
  const properties = await officeAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  properties.set(LOGGED_LINK_PROPERTY, link);
  await officeAsync<void>((cb) => properties.saveAsync(cb));
}

export async function readLoggedLink(item: CustomPropertiesItem): Promise<string | undefined> {
  const properties = await officeAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  const value: unknown = properties.get(LOGGED_LINK_PROPERTY);
  return typeof value === 'string' && value ? value : undefined;
}
