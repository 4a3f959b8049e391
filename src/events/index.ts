/**
 * The event runtime's one script (webpack entry `events`, built as `events.js` under a fixed name,
 * with no chunks and no imports at run time: classic Outlook on Windows loads exactly this file in its
 * JavaScript-only runtime, which supports no imports and runs no Office.onReady
 * (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch, "Event-based add-ins in
 * classic Outlook on Windows")). The other clients load events.html, which loads Office.js and this.
 *
 * Registers the manifests' function names with Office.actions.associate; a client without event-based
 * activation never runs this file, and one that runs it without `Office.actions` (too old) gets nothing.
 */
import { OUTLOOK_IDS } from '../config/outlookIds';
import { parseComposeHints, readComposeHints } from '../data/composeHintStore';
import type { ComposeHints } from '../core/composeHint';
import { handleRecipientsChanged, type MailboxEventLike, type OfficeLike } from './composeNotification';
import { COMPOSE_HINTS_ROAMING_KEY } from './roamingKey';

declare const Office: (OfficeLike & { actions?: { associate(name: string, handler: (event: MailboxEventLike) => void): void } }) | undefined;

function localStorageOrUndefined(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** localStorage where the runtime has it (browser runtimes), else the roaming settings (classic Outlook on Windows). */
function hintsFor(office: OfficeLike): (owner: string) => ComposeHints | undefined {
  return (owner) => {
    const local = readComposeHints(localStorageOrUndefined(), owner);
    if (local) return local;
    try {
      const roaming = (office.context as { roamingSettings?: { get(name: string): unknown } }).roamingSettings;
      return roaming ? parseComposeHints(roaming.get(COMPOSE_HINTS_ROAMING_KEY), owner) : undefined;
    } catch {
      return undefined;
    }
  };
}

if (typeof Office !== 'undefined' && Office && Office.actions && typeof Office.actions.associate === 'function') {
  const office = Office;
  const handler = (event: MailboxEventLike) => handleRecipientsChanged(office, event, { hints: hintsFor(office) });
  Office.actions.associate(OUTLOOK_IDS.recipientsChanged, handler);
  Office.actions.associate(OUTLOOK_IDS.attendeesChanged, handler);
}
