/**
 * The audit trail, as the domain sees it: what was done (create, change, removal of a record, an export,
 * an AVG search/export/removal, a Woo gathering, a retention review or destruction), by whom, on which
 * list and item, when, with what result and from which surface. Never the text of a note: `detail`
 * holds counts, periods and ids only (the BIO asks for action, object, result, actor and time).
 *
 * Pure: the data layer stores entries in the AuditTrail list (src/data/auditTrail.ts), the UI shows them.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'withdraw',
  'delete',
  'decide',
  'export',
  'avgSearch',
  'avgExport',
  'avgRemoval',
  'wooGather',
  'retentionReview',
  'destruction',
] as const;
export type AuditActionKind = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['success', 'partial', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** Where the action was taken: the Outlook pane, the Teams meeting panel or the overview tab. */
export const AUDIT_SURFACES = ['outlook', 'meeting', 'overview'] as const;
export type AuditSurface = (typeof AUDIT_SURFACES)[number];

/** The lists an action can be on (the export of several lists names none). */
export const AUDITED_LISTS = ['Partners', 'Interactions', 'Agenda', 'Settings', 'ConfidentialNotes', 'AuditTrail'] as const;

/** What the app records about one action; who and from where are added by the recorder. */
export interface AuditAction {
  /**
   * The action's idempotency key: the same key is one entry, however often it is recorded (a queued
   * write's action id, or one made when a direct action starts).
   */
  key: string;
  action: AuditActionKind;
  list?: string;
  itemId?: string;
  result: AuditResult;
  /** Counts, periods, ids; never a note's text. */
  detail?: string;
  /** When the action was carried out (ISO). */
  occurredAt: string;
}

export interface AuditActor {
  /** The Entra object id where known (SharePoint's createdBy.user.id on a stored entry). */
  id?: string;
  email?: string;
  name: string;
}

/** One entry of the trail as read back. */
export interface AuditEntry extends AuditAction {
  id: string;
  actor: AuditActor;
  surface?: AuditSurface;
  /** When SharePoint stored it (the item's createdDateTime). */
  recordedAt?: string;
  /** Changed after it was written: SharePoint's lastModifiedDateTime is later than its createdDateTime. */
  altered: boolean;
}

/**
 * An item whose last modification is later than its creation was changed after it was written (a trail
 * entry is written once and never updated by the app). The listItem resource documents both properties.
 */
export function isAltered(createdDateTime: string | undefined, lastModifiedDateTime: string | undefined): boolean {
  if (!createdDateTime || !lastModifiedDateTime) return false;
  const created = Date.parse(createdDateTime);
  const modified = Date.parse(lastModifiedDateTime);
  return Number.isFinite(created) && Number.isFinite(modified) && modified > created;
}

/**
 * One entry per action: the lowest id (the first stored) among copies of one key by one official. The
 * recorder removes later copies of a key it raced with (SharePointPartnerRepository.recordAudit); one whose
 * sender vanished mid-flight is left for this to collapse, so the trail shows each action once. Entries of
 * one key by different officials are never copies of each other: an official may change their own entry
 * (WriteSecurity = 2), and giving it a colleague's key must not hide the colleague's entry. Who stored an
 * entry is SharePoint's createdBy, which the app cannot write (its address where an entry has no id).
 */
export function collapseByKey<T extends Pick<AuditEntry, 'id' | 'key' | 'actor'>>(entries: readonly T[]): T[] {
  const copyOf = (e: T) => `${e.key}\n${e.actor.id ?? e.actor.email?.toLowerCase() ?? ''}`;
  const first = new Map<string, T>();
  for (const e of entries) {
    const seen = first.get(copyOf(e));
    if (!seen || Number(e.id) < Number(seen.id)) first.set(copyOf(e), e);
  }
  return entries.filter((e) => first.get(copyOf(e)) === e);
}

export interface AuditFilter {
  /** First day (YYYY-MM-DD, inclusive). */
  from?: string;
  /** Last day (YYYY-MM-DD, inclusive). */
  to?: string;
  /** Matches the actor's name or address, case-insensitively. */
  actor?: string;
  action?: AuditActionKind | '';
  list?: string;
}

/** The entries that match every filter given, newest first. Days are compared on the UTC date of `occurredAt`. */
export function filterAuditTrail(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const actor = filter.actor?.trim().toLowerCase();
  return entries
    .filter((e) => {
      const day = e.occurredAt.slice(0, 10);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      if (filter.action && e.action !== filter.action) return false;
      if (filter.list && e.list !== filter.list) return false;
      if (actor && !`${e.actor.name} ${e.actor.email ?? ''}`.toLowerCase().includes(actor)) return false;
      return true;
    })
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || Number(b.id) - Number(a.id));
}

/** The actors in the trail (for the actor filter), by name. */
export function auditActors(entries: readonly AuditEntry[]): AuditActor[] {
  const byKey = new Map<string, AuditActor>();
  for (const e of entries) byKey.set((e.actor.id ?? e.actor.email ?? e.actor.name).toLowerCase(), e.actor);
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}
