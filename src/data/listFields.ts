/**
 * Converting between the domain model and list-item `fields`. The only place that knows how a value
 * is stored (multi-valued as newline-separated text, dates as ISO strings, booleans, numbers).
 */
import { dateOnlyFromGraph, dateOnlyToGraph } from './dateOnly';
import { contactsOf, formatContact, parseContact, splitContacts } from '../core/contacts';
import { AUDIT_ACTIONS, AUDIT_SURFACES, isAltered, type AuditAction, type AuditActor, type AuditEntry, type AuditSurface } from '../core/audit';
import { PARTNER_STATUSES, type AgendaItem, type Interaction, type InteractionTexts, type Partner, type Proposal, type ProposalDecisionKind, type RegisterPartner, type Settings } from '../core/model';

export type Fields = Record<string, unknown>;

/** A list item as Graph returns it with `expand=fields(...)`. */
export interface ListItem {
  id: string;
  eTag?: string;
  /** When the item was created (read for Interactions: when a note was logged). */
  createdDateTime?: string;
  /** Read for AuditTrail: a later modification than creation means the entry was changed. */
  lastModifiedDateTime?: string;
  /** Read for AuditTrail: SharePoint's own record of who wrote it (identity: id and displayName). */
  createdBy?: { user?: { id?: string; displayName?: string } };
  fields?: Fields;
  /** Present on delta answers for removed items. */
  deleted?: { state?: string };
}

/** Multi-valued values are stored one per line (see schema.ts for why); line breaks inside a value become spaces. */
export function joinLines(values: readonly string[] | undefined): string {
  return (values ?? [])
    .map((v) => v.replace(/[\r\n]+/g, ' ').trim())
    .filter((v) => v !== '')
    .join('\n');
}

export function splitLines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  // One loop, no regular expression: the overview's first open splits the columns of every partner
  // (10,000 at a large municipality), and most hold one line or none.
  const lines: string[] = [];
  for (let start = 0; start <= value.length; ) {
    let end = value.indexOf('\n', start);
    if (end < 0) end = value.length;
    const line = value.slice(start, end).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const optionalText = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const bool = (v: unknown): boolean => v === true || v === 'true' || v === 1 || v === '1';
/** Dates travel as SharePoint answers them (ISO 8601 UTC, to the second). */
const date = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** Graph rejects `undefined`; clearing a column is `null`. */
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
/**
 * Columns added after a site was set up are written only when they hold something: a site whose lists
 * an administrator has not yet upgraded (ensureSchema) refuses a field it does not have (400), and
 * every other write must go on working there meanwhile.
 */
const ifSet = (fields: Fields): Fields => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));

export function partnerToFields(p: Partner, clientId: string): Fields {
  return {
    Title: p.name,
    clientId,
    category: p.category,
    aliases: joinLines(p.aliases),
    domains: joinLines(p.domains),
    contacts: joinLines(contactsOf(p).map(formatContact)),
    ownerEmail: orNull(p.ownerEmail),
    ownerName: orNull(p.ownerName),
    themes: joinLines(p.themes),
    description: orNull(p.description),
    rhythmDays: orNull(p.rhythmDays),
    status: p.status,
    // Only when chosen: a site whose Partners list has no such column yet still takes partner writes.
    ...ifSet({ ownerNotify: p.ownerNotify }),
    ...proposalToFields(p.proposal),
  };
}

/** The proposal columns of a partner (none for a partner that was never proposed). */
export function proposalToFields(proposal: Proposal | undefined): Fields {
  const d = proposal?.decision;
  return ifSet({
    proposedBy: proposal?.byEmail,
    proposedByName: proposal?.byName,
    proposedAt: proposal?.at,
    decision: d?.kind,
    decidedBy: d?.byEmail,
    decidedByName: d?.byName,
    decidedAt: d?.at,
    decisionReason: d?.reason,
    mergedInto: d?.mergedInto,
  });
}

function proposalFromFields(f: Fields): Proposal | undefined {
  const byEmail = optionalText(f.proposedBy);
  const kind = optionalText(f.decision) as ProposalDecisionKind | undefined;
  // A decision on a partner proposed without these columns (an import, an older pane) has no proposer.
  if (!byEmail && !kind) return undefined;
  const decision = kind
    ? { kind, byEmail: text(f.decidedBy), byName: text(f.decidedByName), at: date(f.decidedAt) ?? '', reason: optionalText(f.decisionReason), mergedInto: optionalText(f.mergedInto) }
    : undefined;
  return { byEmail: byEmail ?? '', byName: text(f.proposedByName), at: date(f.proposedAt) ?? '', decision };
}

function ownerNotifyFromFields(f: Fields): Pick<Partner, 'ownerNotify'> {
  const value = optionalText(f.ownerNotify);
  return value === 'each' || value === 'digest' || value === 'none' ? { ownerNotify: value } : {};
}

/** The contacts column as the partner's two fields (contactFields over parseContact, in one pass: read for every partner of a register). */
/**
 * The contacts column's lines, one contact each as the app writes them; a line someone typed with several
 * (`a@portaal.nl; b@portaal.nl`, in SharePoint's own list view) is split as the edit form splits what is typed.
 */
function contactLines(value: unknown): string[] {
  const lines = splitLines(value);
  return lines.some((line) => /[;,|]/.test(line)) ? lines.flatMap(splitContacts) : lines;
}

function contactColumns(value: unknown): Pick<Partner, 'contacts' | 'contactNames'> {
  const contacts: string[] = [];
  let contactNames: Record<string, string> | undefined;
  for (const line of contactLines(value)) {
    const contact = parseContact(line);
    contacts.push(contact.address);
    // Keyed by address, every partner's keys unlike any other's: an object without a prototype starts out
    // as a plain dictionary in V8, where `{}` would make a new hidden class per address (measured: reading
    // 10,000 partners' names took twice as long).
    if (contact.name) (contactNames ??= Object.create(null) as Record<string, string>)[contact.address] = contact.name;
  }
  return contactNames ? { contacts, contactNames } : { contacts };
}

export function partnerFromItem(item: ListItem): Partner {
  const f = item.fields ?? {};
  const proposal = proposalFromFields(f);
  return {
    id: String(item.id),
    name: text(f.Title),
    category: (optionalText(f.category) ?? 'overig') as Partner['category'],
    aliases: splitLines(f.aliases),
    domains: splitLines(f.domains),
    ...contactColumns(f.contacts),
    ownerEmail: optionalText(f.ownerEmail),
    ownerName: optionalText(f.ownerName),
    ...ownerNotifyFromFields(f),
    themes: splitLines(f.themes),
    description: optionalText(f.description),
    rhythmDays: num(f.rhythmDays),
    status: partnerStatusOf(f.status),
    // Derived where read (core/partnerFigures.ts); the legacy columns of an older site are not trusted.
    interactionCount: 0,
    etag: item.eTag ?? optionalText(f['@odata.etag']),
    ...(proposal ? { proposal } : {}),
  };
}

/**
 * A stored partner status as the app shows it. SharePoint compares text case-insensitively (the register's
 * `$filter` on status finds "Active"), so the app reads it so too; none, or one it does not know (written by
 * another client), is shown as active, and setup gives a missing one that status.
 */
export function partnerStatusOf(value: unknown): Partner['status'] {
  const status = typeof value === 'string' ? value.toLowerCase() : '';
  return (PARTNER_STATUSES as readonly string[]).includes(status) ? (status as Partner['status']) : 'active';
}

/** The statuses listRegister asks for (its `$filter`): only these partners are in the register, and have lookup rows. */
export const REGISTER_STATUSES: readonly Partner['status'][] = ['active', 'proposed'];

/** Whether the register's read (a `$filter` on the status as stored, compared without case) holds this Partners item. */
export function inRegisterRead(fields: Fields | undefined): boolean {
  const status = fields?.status;
  return typeof status === 'string' && (REGISTER_STATUSES as readonly string[]).includes(status.toLowerCase());
}

/** The Partners columns a `RegisterPartner` is read from: at 1,000 partners, less than half of the response with every column. */
export const REGISTER_COLUMNS = ['Title', 'aliases', 'domains', 'contacts'] as const;

export function registerPartnerFromItem(item: ListItem): RegisterPartner {
  const f = item.fields ?? {};
  return { id: String(item.id), name: text(f.Title), aliases: splitLines(f.aliases), domains: splitLines(f.domains), contacts: contactLines(f.contacts).map((c) => parseContact(c).address) };
}

/**
 * The Interactions item; for a confidential one the text goes to ConfidentialNotes instead (see
 * `confidentialNoteFields`). A correction's and a withdrawal's columns are sent only when set, so a
 * site whose lists have not been upgraded yet still takes new notes.
 */
export function interactionToFields(i: Interaction): Fields {
  const hidden = i.confidential;
  return {
    ...(i.edited ? { editedAt: i.edited.at, editedByName: i.edited.byName, editedByEmail: i.edited.byEmail } : {}),
    ...(i.withdrawn ? withdrawalFields(i.withdrawn) : {}),
    Title: i.title,
    clientId: i.clientId,
    partnerId: i.partnerId,
    date: i.date,
    kind: i.kind,
    department: i.department,
    authorEmail: i.authorEmail,
    authorName: i.authorName,
    themes: joinLines(i.themes),
    summary: hidden ? '' : i.summary,
    followUps: hidden ? null : orNull(i.followUps),
    confidential: i.confidential,
    wooRelevant: i.wooRelevant,
    sourceRef: orNull(i.sourceRef),
    sourceLink: orNull(i.sourceLink),
    reviewGoesWell: hidden ? null : orNull(i.review?.goesWell),
    reviewCouldImprove: hidden ? null : orNull(i.review?.couldImprove),
    reviewScore: orNull(i.review?.score),
  };
}

/** What a withdrawal changes, and all it changes: the note's text stays as it was. */
export function withdrawalFields(withdrawn: NonNullable<Interaction['withdrawn']>): Fields {
  return { withdrawnAt: withdrawn.at, withdrawnByName: withdrawn.byName, withdrawnByEmail: withdrawn.byEmail, withdrawnReason: withdrawn.reason };
}

export function confidentialNoteFields(i: Interaction): Fields {
  return {
    Title: i.title,
    clientId: i.clientId,
    partnerId: i.partnerId,
    summary: i.summary,
    followUps: orNull(i.followUps),
    reviewGoesWell: orNull(i.review?.goesWell),
    reviewCouldImprove: orNull(i.review?.couldImprove),
  };
}

/** The Interactions item, with the text of its confidential note when the reader may see it. */
export function interactionFromItem(item: ListItem, note?: ListItem): Interaction {
  const f = item.fields ?? {};
  const n = note?.fields;
  const source = n ?? f;
  const score = num(f.reviewScore);
  const goesWell = optionalText(source.reviewGoesWell);
  const couldImprove = optionalText(source.reviewCouldImprove);
  return {
    id: String(item.id),
    clientId: text(f.clientId),
    partnerId: text(f.partnerId),
    date: date(f.date) ?? '',
    kind: (optionalText(f.kind) ?? 'note') as Interaction['kind'],
    department: text(f.department),
    authorEmail: text(f.authorEmail),
    authorName: text(f.authorName),
    themes: splitLines(f.themes),
    title: text(f.Title),
    summary: text(source.summary),
    followUps: optionalText(source.followUps),
    confidential: bool(f.confidential),
    wooRelevant: bool(f.wooRelevant),
    sourceRef: optionalText(f.sourceRef),
    sourceLink: optionalText(f.sourceLink),
    review: score !== undefined || goesWell || couldImprove ? { goesWell: goesWell ?? '', couldImprove: couldImprove ?? '', score: score ?? 0 } : undefined,
    loggedAt: date(item.createdDateTime) ?? date(f.Created),
    edited: mark(f.editedAt, f.editedByName, f.editedByEmail),
    withdrawn: withdrawal(f),
    etag: item.eTag ?? optionalText(f['@odata.etag']),
  };
}

/** The text columns `listInteractionTexts` reads (`followUps`, `reviewGoesWell`, `reviewCouldImprove`). */
export function interactionTextsFromItem(item: ListItem): InteractionTexts {
  const f = item.fields ?? {};
  const goesWell = optionalText(f.reviewGoesWell);
  const couldImprove = optionalText(f.reviewCouldImprove);
  return { id: String(item.id), followUps: optionalText(f.followUps), review: goesWell || couldImprove ? { goesWell: goesWell ?? '', couldImprove: couldImprove ?? '' } : undefined };
}

function mark(at: unknown, byName: unknown, byEmail: unknown): Interaction['edited'] {
  const when = date(at);
  return when ? { at: when, byName: text(byName), byEmail: text(byEmail) } : undefined;
}

function withdrawal(f: Fields): Interaction['withdrawn'] {
  const by = mark(f.withdrawnAt, f.withdrawnByName, f.withdrawnByEmail);
  return by && { ...by, reason: text(f.withdrawnReason) };
}

export function agendaToFields(a: AgendaItem): Fields {
  return {
    Title: a.topic,
    clientId: a.clientId,
    partnerId: a.partnerId,
    direction: a.direction,
    owner: a.owner,
    // Sent only with a value: an item without a name still saves on a site whose list predates the column.
    ...(a.ownerName !== undefined ? { ownerName: a.ownerName } : {}),
    status: a.status,
    dueDate: dateOnlyToGraph(a.dueDate), // a date-only column: see dateOnly.ts
    nextStep: orNull(a.nextStep),
  };
}

export function agendaFromItem(item: ListItem): AgendaItem {
  const f = item.fields ?? {};
  return {
    id: String(item.id),
    clientId: text(f.clientId),
    partnerId: text(f.partnerId),
    topic: text(f.Title),
    direction: (optionalText(f.direction) ?? 'samen') as AgendaItem['direction'],
    owner: text(f.owner),
    ownerName: optionalText(f.ownerName),
    status: (optionalText(f.status) ?? 'open') as AgendaItem['status'],
    dueDate: dateOnlyFromGraph(f.dueDate), // midnight in the site's time zone → the day (dateOnly.ts)
    nextStep: optionalText(f.nextStep),
    etag: item.eTag ?? optionalText(f['@odata.etag']),
  };
}

export const SETTINGS_CLIENT_ID = 'settings';

/**
 * The Settings item's columns for the settings given (all of them for a full Settings). A list given empty
 * is written empty (cleared); a setting not given is no column at all, so a partial save leaves it as the
 * server has it, and a site not yet upgraded keeps accepting a save that does not touch a newer column.
 */
export function settingsToFields(s: Partial<Settings>): Fields {
  const lines = (values: readonly string[] | undefined) => (values === undefined ? undefined : joinLines(values));
  const columns: Fields = {
    internalDomains: lines(s.internalDomains),
    ignoredAddresses: lines(s.ignoredAddresses),
    departments: lines(s.departments),
    themes: lines(s.themes),
    registerOwners: lines(s.registerOwners),
    retentionNotesYears: s.retention?.notes,
    retentionAgendaYears: s.retention?.agenda,
    retentionReviewsYears: s.retention?.reviews,
    retentionAuditYears: s.retention?.audit,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** The Settings item as it is created: its fixed title and clientId with the settings given. */
export function newSettingsFields(s: Partial<Settings>): Fields {
  return { Title: 'Partnerzicht', clientId: SETTINGS_CLIENT_ID, ...settingsToFields(s) };
}

function retentionFromFields(f: Fields): Pick<Settings, 'retention'> {
  const retention = { notes: num(f.retentionNotesYears), agenda: num(f.retentionAgendaYears), reviews: num(f.retentionReviewsYears), audit: num(f.retentionAuditYears) };
  const set = Object.fromEntries(Object.entries(retention).filter(([, v]) => v !== undefined));
  return Object.keys(set).length > 0 ? { retention: set } : {};
}

export function settingsFromItem(item: ListItem | undefined): Settings {
  const f = item?.fields ?? {};
  return {
    internalDomains: splitLines(f.internalDomains),
    ignoredAddresses: splitLines(f.ignoredAddresses),
    departments: splitLines(f.departments),
    themes: splitLines(f.themes),
    registerOwners: splitLines(f.registerOwners).map((a) => a.toLowerCase()),
    ...retentionFromFields(f),
  };
}

/**
 * Interactions newest first by their `date` column, later-created first on an equal date; items without
 * a readable date last. Graph does not document `$orderby` on list items (listitem-list documents only
 * `$filter` and `$expand`; tenants have been reported to ignore it), so the order is made here, over
 * everything a filter read, never taken from the server.
 */
export function newestFirst(items: readonly ListItem[]): ListItem[] {
  const when = (i: ListItem) => {
    const ms = typeof i.fields?.date === 'string' ? Date.parse(i.fields.date) : NaN;
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  const id = (i: ListItem) => Number(i.id) || 0;
  return [...items].sort((a, b) => when(b) - when(a) || id(b) - id(a));
}

/** An audit trail entry as list-item fields: never a note's text (the action carries none). */
export function auditToFields(action: AuditAction, actor: AuditActor, surface: AuditSurface | undefined): Fields {
  return {
    Title: `${action.action} ${action.list ?? ''} ${action.itemId ?? ''}`.replace(/\s+/g, ' ').trim().slice(0, 255),
    clientId: action.key,
    action: action.action,
    ...ifSet({ targetList: action.list, targetId: action.itemId, actorEmail: actor.email?.toLowerCase(), surface, detail: action.detail }),
    actorName: actor.name.slice(0, 255),
    occurredAt: action.occurredAt,
    result: action.result,
  };
}

export function auditFromItem(item: ListItem): AuditEntry {
  const f = item.fields ?? {};
  const action = text(f.action) as AuditEntry['action'];
  const surface = optionalText(f.surface);
  const by = item.createdBy?.user;
  return {
    id: String(item.id),
    key: text(f.clientId),
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : 'update',
    list: optionalText(f.targetList),
    itemId: optionalText(f.targetId),
    result: (optionalText(f.result) ?? 'success') as AuditEntry['result'],
    detail: optionalText(f.detail),
    occurredAt: date(f.occurredAt) ?? item.createdDateTime ?? '',
    // Who wrote it is SharePoint's createdBy (set by the server); the columns are what the app wrote.
    actor: { id: by?.id, name: by?.displayName ?? text(f.actorName), email: optionalText(f.actorEmail) },
    surface: surface && (AUDIT_SURFACES as readonly string[]).includes(surface) ? (surface as AuditSurface) : undefined,
    recordedAt: item.createdDateTime,
    altered: isAltered(item.createdDateTime, item.lastModifiedDateTime),
  };
}
