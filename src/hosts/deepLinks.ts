import { APP_ID, TEAMS_TAB_IDS } from '../config/appIdentity';

/**
 * Teams deep links to the overview tab's partner page. Teams opens
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId": …}` in the app's
 * personal tab and hands `subEntityId` to the tab as `context.page.subPageId`. No teams-js import:
 * the Outlook pane builds these links too, and its bundle must not carry teams-js.
 */

const TEAMS_ENTITY_BASE = 'https://teams.microsoft.com/l/entity';

export interface OverviewLinkOptions {
  appId?: string;
  entityId?: string;
  /** Tab label Teams shows while opening (optional). */
  label?: string;
  /** Fallback page for clients that cannot open the tab (optional). */
  webUrl?: string;
}

/** "Open in overview": the overview tab, opened on one partner's page. */
export function overviewPartnerDeepLink(partnerId: string, options: OverviewLinkOptions = {}): string {
  if (!partnerId) throw new Error('A partner id is required for an overview deep link.');
  const appId = options.appId ?? APP_ID;
  const entityId = options.entityId ?? TEAMS_TAB_IDS.overview;
  const params = new URLSearchParams();
  if (options.webUrl) params.set('webUrl', options.webUrl);
  if (options.label) params.set('label', options.label);
  params.set('context', JSON.stringify({ subEntityId: partnerId }));
  // URLSearchParams encodes spaces as '+'; Teams documents percent-encoding, so use %20 throughout.
  return `${TEAMS_ENTITY_BASE}/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?${params.toString().replace(/\+/g, '%20')}`;
}

export interface ParsedEntityLink {
  appId: string;
  entityId: string;
  subEntityId?: string;
}

/** Reads a Teams entity deep link back (used to check links, and by the browser demo to follow them). */
export function parseEntityDeepLink(link: string): ParsedEntityLink | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const match = /^\/l\/entity\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
  if (url.hostname !== 'teams.microsoft.com' || !match) return undefined;
  let subEntityId: string | undefined;
  const context = url.searchParams.get('context');
  if (context) {
    try {
      const parsed: unknown = JSON.parse(context);
      const value = (parsed as { subEntityId?: unknown })?.subEntityId;
      subEntityId = typeof value === 'string' && value ? value : undefined;
    } catch {
      subEntityId = undefined;
    }
  }
  return { appId: decodeURIComponent(match[1]), entityId: decodeURIComponent(match[2]), subEntityId };
}

/**
 * The partner the overview was opened on: `page.subPageId` in teams-js v2 contexts, `subEntityId` in
 * the v1 shape some hosts still send; in the browser demo the `?partner=` query parameter.
 */
export function partnerIdFromOverviewContext(context: { page?: { subPageId?: string }; subEntityId?: string } | undefined, search?: string): string | undefined {
  const fromContext = context?.page?.subPageId || context?.subEntityId;
  if (fromContext) return fromContext;
  if (search) return new URLSearchParams(search).get('partner') || undefined;
  return undefined;
}
