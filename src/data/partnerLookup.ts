/**
 * The PartnerLookup list (schema.ts, issue 19): what lets a pane's cold open ask Graph only about the
 * participants of its item instead of downloading the whole register.
 *
 * - Rows: one item per lookup key (core/detection/lookupKeys.ts: each contact's normalised address,
 *   the registrable domain of each domain) of every partner in the register (status active or
 *   proposed, as `listRegister` reads it), carrying that partner's detection columns. So the items a
 *   participant's keys find are the candidates, whole, and detection over them gives the full
 *   register's participant matches (tests/core/detection/lookup.test.ts, tests/data/partnerLookup.test.ts).
 * - Reads: `$filter` on the indexed `lookupKey` with `or` on that one column (Graph: "When filtering on
 *   indexed fields, the service can only filter one indexed field at a time",
 *   https://learn.microsoft.com/graph/api/listitem-list), LOOKUP_KEYS_PER_REQUEST keys per request, all
 *   requests of one pane open in one `$batch` (https://learn.microsoft.com/graph/json-batching).
 * - Writes: derived data, brought in step with a partner as it now is (`syncPartner`): its rows are read
 *   by the indexed `partnerId`, then what is missing is created, what differs patched, what is extra
 *   deleted. Convergent and idempotent: running it again, or after a failure half-way, or for an old
 *   version followed by the new one, ends in the rows of the version it was last given. The repository
 *   runs it after a partner write has been saved and never lets it fail that write; a sync that fails
 *   is tried again on the repository's next write, and ensureSchema's repair (`repairLookup`) brings
 *   the whole list in step with the register. A change made outside the app leaves rows out of step; a
 *   pane that sees its register detect otherwise than the rows did has those partners' rows rewritten
 *   (`repairLookupFor` in the repository, core/detection lookupOutOfStep).
 */
import { stringHash, TEXT_MAX_CHARS } from '../core/fieldLimits';
import type { partnerLookupKeys } from '../core/detection/lookupKeys';
import type { Partner, RegisterPartner } from '../core/model';
import { batchError, isSuccess, type BatchStep, type GraphTransport } from './graph/GraphTransport';
import { fieldFilter, fieldIn, itemQueryString } from './graph/odata';
import { joinLines, partnerToFields, registerPartnerFromItem, REGISTER_STATUSES, splitLines, type Fields, type ListItem } from './listFields';

/** Keys per `$filter` (an `or` of equalities on one indexed column): keeps each request URL short. */
export const LOOKUP_KEYS_PER_REQUEST = 15;
const PAGE = 5000;
const COLUMNS = ['lookupKey', 'partnerId', 'partnerName', 'aliases', 'domains', 'contacts'] as const;

/** The partner as the register reads it back: what detection sees, and so what its rows must carry. */
export function registerFormOf(partner: Partner, id = partner.id): RegisterPartner {
  // Through the Partners columns and back, so a row holds exactly what listRegister would answer.
  return registerPartnerFromItem({ id, fields: partnerToFields(partner, id) });
}

type LookupKeys = typeof partnerLookupKeys;

/**
 * A partner's keys need the public suffix list (tldts, most of detection's code): loaded by the first
 * write of rows, not with the data layer, whose reads (a pane's first requests) need no partner's keys.
 */
export async function loadLookupKeys(): Promise<LookupKeys> {
  return (await import(/* webpackChunkName: "pane-detection" */ '../core/detection/lookupKeys')).partnerLookupKeys;
}

/** The row fields a register partner should have, one per lookup key. */
function lookupRowFields(partner: RegisterPartner, keysOf: LookupKeys): Fields[] {
  return keysOf(partner).map((key) => ({
    Title: key,
    clientId: rowClientId(partner.id, key),
    lookupKey: key,
    partnerId: partner.id,
    partnerName: partner.name,
    aliases: joinLines(partner.aliases),
    domains: joinLines(partner.domains),
    contacts: joinLines(partner.contacts),
  }));
}

/** The rows a partner (as saved) should have: none when it is not in the register. */
export function wantedRows(partner: Partner, keysOf: LookupKeys, id = partner.id): Fields[] {
  return REGISTER_STATUSES.includes(partner.status) ? lookupRowFields(registerFormOf(partner, id), keysOf) : [];
}

/** The candidates the rows name, each partner once (a key of several partners has a row each). */
export function candidatesFromRows(rows: readonly ListItem[]): RegisterPartner[] {
  const byId = new Map<string, RegisterPartner>();
  for (const row of rows) {
    const f = row.fields ?? {};
    const id = typeof f.partnerId === 'string' ? f.partnerId : '';
    if (!id || byId.has(id)) continue;
    byId.set(id, { id, name: typeof f.partnerName === 'string' ? f.partnerName : '', aliases: splitLines(f.aliases), domains: splitLines(f.domains), contacts: splitLines(f.contacts) });
  }
  return [...byId.values()];
}

/** The `$batch` steps that read the rows of these keys (ids `lookup-0`, `lookup-1`, …). */
export function lookupReadSteps(listPath: string, keys: readonly string[]): BatchStep[] {
  const steps: BatchStep[] = [];
  for (let start = 0; start < keys.length; start += LOOKUP_KEYS_PER_REQUEST) {
    const filter = fieldIn('PartnerLookup', 'lookupKey', keys.slice(start, start + LOOKUP_KEYS_PER_REQUEST));
    steps.push({ id: `lookup-${steps.length}`, method: 'GET', url: `${listPath}/items?${itemQueryString('PartnerLookup', { select: COLUMNS, eTag: false, filter, top: PAGE })}` });
  }
  return steps;
}

const SAME_COLUMNS = ['Title', 'lookupKey', 'partnerId', 'partnerName', 'aliases', 'domains', 'contacts'] as const;
const norm = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * The writes that turn `existing` rows into `wanted` ones: create the missing, patch the changed,
 * delete the extra (and any second row of a key: two syncs at once may both have created one).
 */
export function lookupChanges(listPath: string, wanted: readonly Fields[], existing: readonly ListItem[]): BatchStep[] {
  const byClientId = new Map<string, ListItem>();
  const steps: BatchStep[] = [];
  const remove = (item: ListItem) => steps.push({ id: `del-${item.id}`, method: 'DELETE', url: `${listPath}/items/${encodeURIComponent(item.id)}` });
  for (const item of existing) {
    const clientId = norm(item.fields?.clientId);
    if (byClientId.has(clientId)) remove(item);
    else byClientId.set(clientId, item);
  }
  const kept = new Set<string>();
  for (const fields of wanted) {
    const clientId = String(fields.clientId);
    kept.add(clientId);
    const item = byClientId.get(clientId);
    if (!item) {
      // No query options on a create (the listitem-create page documents none).
      steps.push({ id: `new-${steps.length}`, method: 'POST', url: `${listPath}/items`, body: { fields } });
    } else if (SAME_COLUMNS.some((c) => norm(item.fields?.[c]) !== norm(fields[c]))) {
      const { clientId: _unchanged, ...patch } = fields;
      steps.push({ id: `set-${item.id}`, method: 'PATCH', url: `${listPath}/items/${encodeURIComponent(item.id)}/fields`, body: patch });
    }
  }
  for (const [clientId, item] of byClientId) if (!kept.has(clientId)) remove(item);
  return steps;
}

/** Sends the changes; a create refused as a duplicate (another sync was first) or a delete of a gone item is done. */
export async function applyLookupChanges(transport: GraphTransport, steps: BatchStep[]): Promise<number> {
  if (steps.length === 0) return 0;
  for (const result of (await transport.batch(steps)).values()) {
    const done = isSuccess(result.status) || (result.id.startsWith('del-') && result.status === 404) || (result.id.startsWith('new-') && (result.status === 409 || result.status === 400));
    if (!done) throw batchError(result);
  }
  return steps.length;
}

/** Brings one partner's rows in step with the partner as saved (undefined: gone, no rows). */
export async function syncPartnerLookup(transport: GraphTransport, listPath: string, partnerId: string, partner: Partner | undefined): Promise<number> {
  const existing = await transport.getAll<ListItem>(`${listPath}/items?${itemQueryString('PartnerLookup', { select: ['clientId', ...COLUMNS, 'Title'], eTag: false, filter: fieldFilter('PartnerLookup', 'partnerId', 'eq', partnerId), top: PAGE })}`);
  return applyLookupChanges(transport, lookupChanges(listPath, partner ? wantedRows(partner, await loadLookupKeys(), partnerId) : [], existing));
}

/**
 * The whole list in step with the register (ensureSchema's backfill and repair): every row read
 * (paged), compared with the rows the register's partners should have; only the differences are
 * written. `register` is every Partners item with its status (not only the register's).
 */
export async function repairLookup(transport: GraphTransport, listPath: string, partners: readonly Partner[]): Promise<number> {
  const existing = await transport.getAll<ListItem>(`${listPath}/items?${itemQueryString('PartnerLookup', { select: ['clientId', ...COLUMNS, 'Title'], eTag: false, top: PAGE })}`);
  const keysOf = await loadLookupKeys();
  return applyLookupChanges(transport, lookupChanges(listPath, partners.flatMap((p) => wantedRows(p, keysOf)), existing));
}

/** `partnerId|key`, or a hash of it when longer than a text column holds (255). */
export function rowClientId(partnerId: string, key: string): string {
  const plain = `${partnerId}|${key}`;
  return plain.length <= TEXT_MAX_CHARS ? plain : `${partnerId.slice(0, 100)}|#${stringHash(plain)}`;
}
