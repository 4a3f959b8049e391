/**
 * Classic Outlook on Windows runs the event handlers in a JavaScript-only runtime without
 * localStorage (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes), so there the pane
 * also keeps the compose hints in the add-in's roaming settings, which every runtime of the add-in
 * reads from the official's mailbox
 * (https://learn.microsoft.com/office/dev/add-ins/outlook/manage-state-and-settings-outlook).
 * Roaming settings hold at most 32 KB per add-in (https://learn.microsoft.com/javascript/api/outlook/office.roamingsettings),
 * so hints larger than `ROAMING_MAX_CHARS` keep only the partners with figures, most recently
 * contacted first, as many as fit; the other clients read localStorage and are not bound by this.
 */
import { parseComposeHints } from '../../data/composeHintStore';
import { COMPOSE_HINTS_ROAMING_KEY } from '../../events/roamingKey';
import type { ComposeHints } from '../../core/composeHint';

/** Below the 32 KB limit, leaving room for the add-in's other settings (it has none today). */
export const ROAMING_MAX_CHARS = 30_000;

/** The hints bounded to `max` characters of JSON. */
export function boundedHints(json: string, max = ROAMING_MAX_CHARS): string | undefined {
  if (json.length <= max) return json;
  let hints: ComposeHints | undefined;
  try {
    const value = JSON.parse(json) as ComposeHints;
    hints = parseComposeHints(json, value.owner);
  } catch {
    return undefined;
  }
  if (!hints) return undefined;
  const ranked = hints.partners.filter((p) => p.departments !== undefined).sort((a, b) => (b.lastContact ?? '').localeCompare(a.lastContact ?? ''));
  const kept: ComposeHints = { ...hints, partners: [] };
  let size = JSON.stringify(kept).length;
  for (const partner of ranked) {
    const add = JSON.stringify(partner).length + 1;
    if (size + add > max) break;
    kept.partners.push(partner);
    size += add;
  }
  return JSON.stringify(kept);
}

/** Classic Outlook on Windows: `Office.context.diagnostics.platform` is PC and the host is not new Outlook. */
export function isClassicOutlookOnWindows(office: typeof Office): boolean {
  try {
    const platform = String(office.context.diagnostics?.platform ?? office.context.platform ?? '');
    const hostName = office.context.mailbox?.diagnostics?.hostName;
    return platform === 'PC' && hostName !== 'newOutlookWindows';
  } catch {
    return false;
  }
}

/** Saves the (bounded) hints in the roaming settings when they changed; a failed save only costs the next compose its notification. */
export function saveHintsToRoaming(office: typeof Office, json: string): void {
  const settings = office.context.roamingSettings;
  if (!settings) return;
  const value = boundedHints(json);
  if (!value) return;
  try {
    const previous = settings.get(COMPOSE_HINTS_ROAMING_KEY) as unknown;
    // The savedAt stamp changes on every write; compare what the handler reads.
    if (typeof previous === 'string' && withoutStamp(previous) === withoutStamp(value)) return;
    settings.set(COMPOSE_HINTS_ROAMING_KEY, value);
    settings.saveAsync(() => undefined);
  } catch {
    // a mailbox that refuses the setting: nothing else depends on it
  }
}

function withoutStamp(json: string): string {
  return json.replace(/"savedAt":"[^"]*"/, '');
}
