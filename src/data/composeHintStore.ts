/**
 * Where the pane leaves the compose hints (src/core/composeHint.ts) for the event runtime (src/events).
 *
 * The two run in different runtimes and share no memory
 * (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes, "Share data across runtimes"):
 * - Outlook on the web, on Mac and new Outlook on Windows run event handlers in a browser runtime on
 *   the add-in's origin, so `localStorage` is shared with the pane (the same page notes that a
 *   browser's third-party storage partitioning can separate them: then the handler finds nothing and
 *   shows nothing);
 * - classic Outlook on Windows runs them in a JavaScript-only runtime without `localStorage`; there
 *   the pane also keeps the hints in the add-in's roaming settings (Office.context.roamingSettings,
 *   stored in the official's mailbox: https://learn.microsoft.com/office/dev/add-ins/outlook/manage-state-and-settings-outlook),
 *   within a size bound (src/hosts/outlook/composeHintsRoaming.ts).
 *
 * Small: the event runtime bundles this file.
 */
import { isComposeHints, type ComposeHints } from '../core/composeHint';

export const COMPOSE_HINTS_KEY = 'partnerzicht.composeHints';

type Reader = { getItem(key: string): string | null };
type Writer = { setItem(key: string, value: string): void };

/** The hints for `owner`, or undefined (none, another official's, unreadable). */
export function parseComposeHints(raw: unknown, owner: string): ComposeHints | undefined {
  if (typeof raw !== 'string' || !raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isComposeHints(value) && value.owner === owner.trim().toLowerCase() ? value : undefined;
  } catch {
    return undefined;
  }
}

export function readComposeHints(storage: Reader | undefined, owner: string): ComposeHints | undefined {
  if (!storage) return undefined;
  try {
    return parseComposeHints(storage.getItem(COMPOSE_HINTS_KEY), owner);
  } catch {
    return undefined;
  }
}

/** Stores the hints; a full or refusing storage only costs the next compose its notification. */
export function writeComposeHints(storage: Writer | undefined, hints: ComposeHints): string {
  const json = JSON.stringify(hints);
  try {
    storage?.setItem(COMPOSE_HINTS_KEY, json);
  } catch {
    // quota or a refused storage: nothing else depends on it
  }
  return json;
}
