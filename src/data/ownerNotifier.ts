/**
 * Tells a partner's relationship owner in their Teams activity feed what a colleague did (core/ownerNotice.ts
 * decides whether and what): `POST /users/{owner}/teamwork/sendActivityNotification`
 * ("userTeamwork: sendActivityNotification", https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification;
 * delegated `TeamsActivity.Send`, the only delegated permission it documents; 204 on success), sent from the
 * colleague's own client — Partnerzicht has no server.
 *
 * - After the note is saved (the write queue's confirmation), never before and never in its way: every failure
 *   here is reported as an outcome, never thrown at the note. The transport repeats the POST after 429, 5xx and
 *   dropped connections (`safeToRepeat`): a repeat is at worst the same notice twice in a feed, and a digest
 *   notice carries a `chainId`, which makes a repeat replace the earlier one ("chainId … Use the same chainId in
 *   subsequent requests to override the previous notification").
 * - The recipient is addressed by user principal name (`/users/{userId | user-principal-name}`): the owner's
 *   address as the register holds it, which in most tenants is the UPN (only a tenant can show where it is not).
 * - The app must be installed for the recipient ("Requirements for using the activity feed notification APIs",
 *   https://learn.microsoft.com/graph/teams-send-activityfeednotifications). Graph documents no status for a
 *   recipient without it; 403 and 404 both count as `not-installed`. The owner then still sees the note in their
 *   overview's "nieuw sinds je laatste bezoek", which is derived from the notes themselves.
 * - A confidential note never travels: no title, no text; the preview says only that there is a confidential note.
 * - The topic links to the partner's page in the overview tab (`partnerLink`: a Teams deep link, hosts/deepLinks.ts).
 */
import { ACTIVITY_TYPES } from '../config/appIdentity';
import type { Interaction, PartnerContext } from '../core/model';
import { noticeForNote, noticesForOverdue, type OwnerNotice } from '../core/ownerNotice';
import type { Translate } from '../i18n';
import { GraphRequestError } from './graph/errors';
import type { GraphTransport } from './graph/GraphTransport';

/** Teams shows the first 150 characters of the preview. */
export const PREVIEW_LIMIT = 150;

export interface ActivityRequest {
  path: string;
  body: {
    activityType: string;
    topic: { source: 'text'; value: string; webUrl: string };
    previewText: { content: string };
    templateParameters: Array<{ name: string; value: string }>;
    chainId?: number;
  };
}

export type NotifyOutcome =
  | { status: 'sent'; notice: OwnerNotice; request: ActivityRequest }
  | { status: 'not-installed'; notice: OwnerNotice }
  /** The sender's token lacks TeamsActivity.Send (no consent): the owner is not told this way either. */
  | { status: 'not-allowed'; notice: OwnerNotice }
  | { status: 'failed'; notice: OwnerNotice; error: unknown };

const clip = (text: string) => (text.length <= PREVIEW_LIMIT ? text : `${text.slice(0, PREVIEW_LIMIT - 1)}…`);

/** A positive 31-bit number from text (FNV-1a): the same partner and day give the same digest chain. */
export function chainIdOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0x7fffffff) || 1;
}

/** The Graph request for a notice; `t` says it in the municipality's language (the preview is not localised by Teams). */
export function activityRequest(notice: OwnerNotice, t: Translate, partnerLink: PartnerLink): ActivityRequest {
  const webUrl = partnerLink(notice.partnerId, notice.partnerName);
  const topic = { source: 'text' as const, value: notice.partnerName, webUrl };
  const templateParameters = [{ name: 'partner', value: notice.partnerName }];
  const path = `/users/${encodeURIComponent(notice.ownerEmail)}/teamwork/sendActivityNotification`;
  if (notice.kind === 'overdue') {
    return {
      path,
      body: { activityType: ACTIVITY_TYPES.agendaOverdue, topic, previewText: { content: clip(t('notify.preview.overdue', { topic: notice.topic })) }, templateParameters, chainId: chainIdOf(`overdue:${notice.agendaItemId}`) },
    };
  }
  const preview = notice.confidential || notice.title === undefined ? t('notify.preview.confidential', { department: notice.department }) : t('notify.preview.note', { department: notice.department, title: notice.title });
  return {
    path,
    body: {
      activityType: notice.digest ? ACTIVITY_TYPES.notesToday : ACTIVITY_TYPES.noteLogged,
      topic,
      previewText: { content: clip(notice.digest ? t('notify.preview.digest', { preview }) : preview) },
      templateParameters,
      ...(notice.digest ? { chainId: chainIdOf(`digest:${notice.partnerId}:${notice.day}`) } : {}),
    },
  };
}

/** The link the owner clicks: the partner's page (in Teams, a deep link into the overview tab). */
export type PartnerLink = (partnerId: string, partnerName: string) => string;

export interface OwnerNotifierOptions {
  partnerLink: PartnerLink;
  transport: Pick<GraphTransport, 'request'>;
  /** The partner's context as Graph has it now (read after the save, so it holds the note). */
  readContext(partnerId: string): Promise<PartnerContext>;
  /** The signed-in official's address. */
  official(): Promise<string>;
  translate: Translate;
  now?: () => Date;
  /** This device's memory of the overdue items it told owners about (localStorage in the browser). */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  onOutcome?(outcome: NotifyOutcome): void;
}

const TOLD_KEY = 'partnerzicht.ownerNotice.overdue';

export class OwnerNotifier {
  constructor(private readonly options: OwnerNotifierOptions) {}

  /** After a note was saved: tell its partner's owner when core/ownerNotice.ts says so. Never throws. */
  async noteSaved(note: Interaction): Promise<NotifyOutcome | undefined> {
    let notice: OwnerNotice | undefined;
    try {
      const context = await this.options.readContext(note.partnerId);
      notice = noticeForNote(context, note, this.now());
    } catch {
      // The note is saved; without its context nobody is told, and the owner's overview still shows it.
      return undefined;
    }
    return notice ? this.send(notice) : undefined;
  }

  /** After a partner's context was read by an official who is not its owner: tell the owner of overdue agenda items, once per item from this device. */
  async contextRead(context: PartnerContext): Promise<NotifyOutcome[]> {
    let viewer: string;
    try {
      viewer = await this.options.official();
    } catch {
      return [];
    }
    const told = this.told();
    const outcomes: NotifyOutcome[] = [];
    for (const notice of noticesForOverdue(context, viewer, this.now(), (id) => told.has(id))) {
      const outcome = await this.send(notice);
      // Told, or the owner cannot be told this way: not again from this device. A failure is tried on a later read.
      if (outcome.status !== 'failed' && notice.kind === 'overdue') told.add(notice.agendaItemId);
      outcomes.push(outcome);
    }
    if (outcomes.length) this.remember(told);
    return outcomes;
  }

  private async send(notice: OwnerNotice): Promise<NotifyOutcome> {
    const request = activityRequest(notice, this.options.translate, this.options.partnerLink);
    let outcome: NotifyOutcome;
    try {
      await this.options.transport.request('POST', request.path, { body: request.body, safeToRepeat: true });
      outcome = { status: 'sent', notice, request };
    } catch (error) {
      const status = error instanceof GraphRequestError ? error.status : (error as { status?: number })?.status;
      const code = error instanceof GraphRequestError ? error.code : undefined;
      // Graph's own "no permission" (https://learn.microsoft.com/graph/errors: 403 accessDenied) is the sender's
      // consent; any other 403 or 404 is the recipient's side (no app installed, unknown user).
      outcome =
        status === 403 && code === 'accessDenied'
          ? { status: 'not-allowed', notice }
          : status === 403 || status === 404
            ? { status: 'not-installed', notice }
            : { status: 'failed', notice, error };
    }
    this.options.onOutcome?.(outcome);
    return outcome;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private told(): Set<string> {
    try {
      const stored: unknown = JSON.parse(this.options.storage?.getItem(TOLD_KEY) ?? '[]');
      return new Set(Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : []);
    } catch {
      return new Set();
    }
  }

  private remember(told: Set<string>): void {
    try {
      // The newest 500 are plenty: an item overdue long ago is not told again only because it was forgotten here.
      this.options.storage?.setItem(TOLD_KEY, JSON.stringify([...told].slice(-500)));
    } catch {
      // Storage full or blocked: at worst an owner is told again from this device.
    }
  }
}
