import { ACTIVITY_TYPES } from '../config/appIdentity';
import { GraphError, badRequest } from './errors';
import type { RouteDefinition } from './types';

/**
 * Teams activity-feed notifications for the emulator: `POST /users/{userId | userPrincipalName}/teamwork/sendActivityNotification`
 * ("userTeamwork: sendActivityNotification", https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification),
 * with what Graph documents:
 * - delegated `TeamsActivity.Send` (permissions.ts); success is 204 No Content;
 * - `activityType` must be declared in the app manifest (`activities.activityTypes`), except the reserved `systemDefault`;
 * - `topic` ("teamworkActivityTopic", https://learn.microsoft.com/graph/api/resources/teamworkactivitytopic): `source` is
 *   `entityUrl` or `text`; with `text`, `value` is plain text and `webUrl` (the link the user clicks) is required;
 * - `previewText` is an itemBody (`{ content }`); Teams shows its first 150 characters;
 * - the app must be installed for the recipient ("Requirements for using the activity feed notification APIs",
 *   https://learn.microsoft.com/graph/teams-send-activityfeednotifications). Graph's pages name no status for a
 *   recipient without the app; the emulator answers 403 `Forbidden` (what callers report), and the app treats any
 *   403 or 404 of this call as "not delivered" (src/data/ownerNotifier.ts), so either answer gives the same result.
 * Every notification accepted is kept (`emulator.activity.sent`) so tests can read exactly what was sent.
 */

export interface SentActivityNotification {
  /** The `{userId}` of the path, as sent (decoded, lower-case). */
  recipient: string;
  /** Who sent it: the signed-in user of the delegated token. */
  sender: string;
  body: {
    activityType: string;
    topic: { source: string; value: string; webUrl?: string };
    previewText?: { content: string };
    templateParameters?: Array<{ name: string; value: string }>;
    chainId?: number;
    [key: string]: unknown;
  };
  at: string;
}

const DECLARED = new Set<string>([...Object.values(ACTIVITY_TYPES), 'systemDefault']);
const KNOWN_PROPERTIES = new Set(['activityType', 'topic', 'previewText', 'templateParameters', 'chainId', 'iconId', 'teamsAppId', 'recipient']);

export class ActivityFeed {
  readonly sent: SentActivityNotification[] = [];
  private readonly withoutApp = new Set<string>();

  /** Whether the Teams app is installed for `recipient` (default: yes, for everyone). */
  setAppInstalled(recipient: string, installed: boolean): void {
    if (installed) this.withoutApp.delete(recipient.toLowerCase());
    else this.withoutApp.add(recipient.toLowerCase());
  }

  hasApp(recipient: string): boolean {
    return !this.withoutApp.has(recipient.toLowerCase());
  }

  clear(): void {
    this.sent.length = 0;
  }
}

function checkBody(body: unknown): SentActivityNotification['body'] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object.', 'BadRequest');
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) if (!KNOWN_PROPERTIES.has(key)) throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.sendActivityNotification'.`, 'BadRequest');
  if (typeof b.activityType !== 'string' || !b.activityType) throw badRequest('activityType is required.', 'BadRequest');
  if (!DECLARED.has(b.activityType)) throw badRequest(`The activity type '${b.activityType}' is not declared in the app manifest.`, 'BadRequest');
  const topic = b.topic as Record<string, unknown> | undefined;
  if (!topic || typeof topic !== 'object') throw badRequest('topic is required.', 'BadRequest');
  if (topic.source !== 'text' && topic.source !== 'entityUrl') throw badRequest(`Invalid topic source '${String(topic.source)}'.`, 'BadRequest');
  if (typeof topic.value !== 'string' || !topic.value) throw badRequest('topic.value is required.', 'BadRequest');
  if (topic.source === 'text' && (typeof topic.webUrl !== 'string' || !/^https:\/\//.test(topic.webUrl))) throw badRequest('topic.webUrl is required when the topic source is text.', 'BadRequest');
  if (b.previewText !== undefined && (typeof b.previewText !== 'object' || typeof (b.previewText as { content?: unknown }).content !== 'string')) {
    throw badRequest('previewText must be an itemBody with content.', 'BadRequest');
  }
  if (b.templateParameters !== undefined) {
    if (!Array.isArray(b.templateParameters) || b.templateParameters.some((p) => typeof p?.name !== 'string' || typeof p?.value !== 'string')) {
      throw badRequest('templateParameters must be a collection of keyValuePair.', 'BadRequest');
    }
  }
  if (b.chainId !== undefined && !Number.isSafeInteger(b.chainId)) throw badRequest('chainId must be an Int64.', 'BadRequest');
  return b as SentActivityNotification['body'];
}

export function activityRoutes(feed: ActivityFeed): RouteDefinition[] {
  return [
    {
      method: 'POST',
      pattern: '/users/{userId}/teamwork/sendActivityNotification',
      query: [],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const body = checkBody(ctx.body);
        const recipient = ctx.params.userId.toLowerCase();
        if (!feed.hasApp(recipient)) throw new GraphError(403, 'Forbidden', `The Teams app is not installed for the recipient '${recipient}'.`);
        feed.sent.push({ recipient, sender: ctx.user.email, body, at: new Date().toISOString() });
        return { status: 204 };
      },
    },
  ];
}
