/**
 * PartnerRepository on SharePoint lists through Microsoft Graph, with the official's delegated token.
 *
 * Every `$filter` is on an indexed column (built through graph/odata.ts from the schema; no `$orderby`, which
 * Graph does not document on list items: order is made on the client), so
 * no query depends on the `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` opt-out, which also
 * stops working past 5,000 items. Creates are idempotent by the unique, indexed `clientId` column;
 * updates carry the item's ETag in If-Match and a 412 becomes a ConflictError with the current version.
 */
import type { AgendaItem, DomainLink, Interaction, InteractionTexts, Partner, PartnerContext, ProposalDecision, RegisterPartner, Settings } from '../core/model';
import { figuresByPartner, withFigures } from '../core/partnerFigures';
import { decidedProposal, mergedIdentifiers } from '../core/proposals';
import { createGraphClient, type GraphClientOptions } from './graph/createGraphClient';
import { GraphRequestError, retryAfterOf, UnclearOutcomeError } from './graph/errors';
import { batchError, GraphTransport, isSuccess, MAX_BATCH_SIZE, type BatchStep } from './graph/GraphTransport';
import { fieldFilter, fieldIn, itemQueryString, type ItemQuery } from './graph/odata';
import { DEFAULT_RETRY_POLICY, realSleep, retryDelay, type Sleep } from './graph/retryPolicy';
import { collapseByKey, type AuditAction, type AuditActor, type AuditEntry, type AuditSurface } from '../core/audit';
import {
  agendaFromItem,
  auditFromItem,
  auditToFields,
  agendaToFields,
  confidentialNoteFields,
  interactionFromItem,
  interactionTextsFromItem,
  interactionToFields,
  newestFirst,
  inRegisterRead,
  partnerFromItem,
  partnerToFields,
  registerPartnerFromItem,
  REGISTER_COLUMNS,
  REGISTER_STATUSES,
  settingsFromItem,
  newSettingsFields,
  settingsToFields,
  SETTINGS_CLIENT_ID,
  withdrawalFields,
  type Fields,
  type ListItem,
} from './listFields';
import { ConflictError, SettingsConflictError, type ListOptions, type PartnerRepository, type ProposalOutcome, type SaveOptions } from './PartnerRepository';
import { sameDateOnly } from './dateOnly';
import { candidatesFromRows, lookupReadSteps, syncPartnerLookup } from './partnerLookup';
import { SummaryKeeper } from './partnerSummary';
import { SCHEMA, type ColumnSpec, type ListName } from './schema';
import { createSiteResolver, siteAddressByPath, type SiteIdMemo, type SiteResolver } from './siteRef';

/** SharePoint answers at most 5,000 list items per page. */
export const LIST_PAGE_SIZE = 5000;
export const DEFAULT_INTERACTION_LIMIT = 50;
/** How long a device leaves lookup repairs alone after SharePoint refused its account one. */
export const LOOKUP_REPAIR_PAUSE_MS = 24 * 60 * 60 * 1000;

export interface SharePointRepositoryOptions {
  transport: GraphTransport;
  /** A Graph site id or `hostname:/sites/path` (resolved once, then cached). */
  siteRef: string;
  /** Remembers the resolved site id between page opens. */
  siteIdMemo?: SiteIdMemo;
  /** How often a create whose outcome stayed unclear is checked and tried again before giving up. */
  createAttempts?: number;
  sleep?: Sleep;
  /**
   * The signed-in official's address. With it, a confidential interaction of theirs whose note is not
   * under the same partner (the interaction was moved by a merge, which could not move a note only its
   * author may read) is still shown with its text, and the note follows it.
   */
  official?: () => Promise<string>;
  /**
   * Recount a partner's summary (PartnerSummary, src/data/partnerSummary.ts) in the background after a
   * note about it was written (default true). The demo's seeding turns it off and repairs once at the end.
   */
  keepSummaries?: boolean;
  /**
   * What this repository keeps on the device over a reload (the app passes localStorage): partners still
   * to recount, and when SharePoint last refused this account a lookup repair.
   */
  deviceStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

type Created = { item: ListItem; created: boolean };

/** One version of a list item as SharePoint keeps it: its label ("2.0"), when and by whom. */
export interface ItemVersion {
  id: string;
  modifiedAt?: string;
  modifiedBy: { id?: string; name: string };
}

/** A lookup to rewrite from the partner as the Partners list now holds it (repairLookupFor). */
const OUT_OF_STEP = Symbol('out of step');

export class SharePointPartnerRepository implements PartnerRepository {
  readonly transport: GraphTransport;
  private readonly siteId: SiteResolver;
  private readonly siteRef: string;
  private readonly createAttempts: number;
  private readonly sleep: Sleep;
  private readonly official?: () => Promise<string>;
  /**
   * Partners whose lookup rows a sync could not bring in step yet, tried again on the next partner write:
   * the version last written, or OUT_OF_STEP (read the partner as it now is).
   */
  private readonly staleLookups = new Map<string, Partner | typeof OUT_OF_STEP>();
  /** The site has no PartnerLookup list (not upgraded by setup yet): no syncs until ensureSchema fills it. */
  private lookupMissing = false;
  private readonly deviceStorage?: SharePointRepositoryOptions['deviceStorage'];
  /** Recounts the summaries of partners whose notes this repository wrote (undefined: not kept). */
  readonly summaries?: SummaryKeeper;

  constructor(options: SharePointRepositoryOptions) {
    this.transport = options.transport;
    this.siteRef = options.siteRef;
    this.siteId = createSiteResolver(options.transport, options.siteRef, options.siteIdMemo);
    this.createAttempts = options.createAttempts ?? 4;
    this.sleep = options.sleep ?? realSleep;
    this.official = options.official;
    this.deviceStorage = options.deviceStorage;
    if (options.keepSummaries !== false) {
      this.summaries = new SummaryKeeper({
        transport: this.transport,
        sleep: this.sleep,
        paths: async () => ({ interactions: await this.listPath('Interactions'), summaries: await this.listPath('PartnerSummary') }),
        storage: options.deviceStorage,
        storageKey: `partnerzicht.summaries.pending|${options.siteRef}`,
        forward: (partnerId) => this.forwardToMergedPartner(partnerId),
      });
    }
  }

  /** The usual way to make one: a Graph client for `baseUrl` with the given token source. */
  static create(options: GraphClientOptions & Omit<SharePointRepositoryOptions, 'transport'>): SharePointPartnerRepository {
    const transport = new GraphTransport(createGraphClient(options), options);
    return new SharePointPartnerRepository({ ...options, transport });
  }

  /** The Graph id of the site (resolves `hostname:/path` once). */
  resolveSiteId(): Promise<string> {
    return this.siteId();
  }

  // ---- reads ---------------------------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    return settingsFromItem(await this.findItem('Settings', SETTINGS_CLIENT_ID));
  }

  async listRegister(options: ListOptions = {}): Promise<RegisterPartner[]> {
    const url = await this.itemsUrl('Partners', { select: REGISTER_COLUMNS, eTag: false, filter: fieldIn('Partners', 'status', REGISTER_STATUSES), top: LIST_PAGE_SIZE });
    const items = await this.transport.getAll<ListItem>(url, options.onProgress);
    return items.map(registerPartnerFromItem);
  }

  /**
   * What a cold pane detects with (issue 19): the settings and the register partners that the lookup
   * finds for these participant keys (core/detection messageLookupKeys), in one `$batch` round trip,
   * instead of the whole register. Detection over them gives the register's participant matches
   * (src/data/partnerLookup.ts). Throws when the site has no lookup yet: the pane reads the register.
   */
  async readDetectionCandidates(keys: readonly string[]): Promise<{ partners: RegisterPartner[]; settings: Settings }> {
    const steps: BatchStep[] = [
      { id: 'settings', method: 'GET', url: await this.itemsUrl('Settings', { filter: fieldFilter('Settings', 'clientId', 'eq', SETTINGS_CLIENT_ID), top: 1 }) },
      ...lookupReadSteps(await this.listPath('PartnerLookup'), [...new Set(keys)]),
    ];
    const results = await this.transport.batch(steps);
    const rows: ListItem[] = [];
    for (const step of steps.slice(1)) {
      const result = results.get(step.id)!;
      if (!isSuccess(result.status)) throw batchError(result);
      const body = result.body as { value?: ListItem[]; '@odata.nextLink'?: string };
      rows.push(...(body.value ?? []));
      if (body['@odata.nextLink']) rows.push(...(await this.transport.getAll<ListItem>(body['@odata.nextLink'])));
    }
    const settings = results.get('settings')!;
    if (!isSuccess(settings.status)) throw batchError(settings);
    return { partners: candidatesFromRows(rows), settings: settingsFromItem((settings.body as { value?: ListItem[] }).value?.[0]) };
  }

  /**
   * One `$batch` round trip: the partner, its interactions (filter on indexed partnerId; the newest
   * `interactionLimit` are chosen here, since Graph does not document `$orderby` on list items), its
   * agenda, and the signed-in official's readable confidential notes for the partner (SharePoint returns
   * only their own). Only a partner with more than 5,000 interactions, agenda items or notes costs more
   * requests.
   */
  async getPartnerContext(partnerId: string, options: { interactionLimit?: number } = {}): Promise<PartnerContext> {
    const limit = options.interactionLimit ?? DEFAULT_INTERACTION_LIMIT;
    const steps: BatchStep[] = [
      { id: 'partner', method: 'GET', url: await this.itemUrl('Partners', partnerId) },
      {
        id: 'interactions',
        method: 'GET',
        url: await this.itemsUrl('Interactions', { filter: fieldFilter('Interactions', 'partnerId', 'eq', partnerId), top: LIST_PAGE_SIZE }),
      },
      { id: 'agenda', method: 'GET', url: await this.itemsUrl('Agenda', { filter: fieldFilter('Agenda', 'partnerId', 'eq', partnerId), top: LIST_PAGE_SIZE }) },
      { id: 'notes', method: 'GET', url: await this.itemsUrl('ConfidentialNotes', { filter: fieldFilter('ConfidentialNotes', 'partnerId', 'eq', partnerId), top: LIST_PAGE_SIZE }) },
    ];
    const results = await this.transport.batch(steps);
    const partner = results.get('partner')!;
    if (!isSuccess(partner.status)) throw batchError(partner);
    const collection = async (id: string, optional = false): Promise<ListItem[]> => {
      const result = results.get(id)!;
      if (!isSuccess(result.status)) {
        if (optional) return [];
        throw batchError(result);
      }
      const body = result.body as { value?: ListItem[]; '@odata.nextLink'?: string };
      const items = [...(body.value ?? [])];
      if (body['@odata.nextLink']) items.push(...(await this.transport.getAll<ListItem>(body['@odata.nextLink'])));
      return items;
    };
    const [allInteractions, agenda, notes] = await Promise.all([collection('interactions'), collection('agenda'), collection('notes', true)]);
    const newest = newestFirst(allInteractions);
    const interactions = newest.slice(0, Math.max(0, limit));
    const notesByClientId = await this.withOwnNotes(partnerId, interactions, notes);
    const read = interactions.map((i) => interactionFromItem(i, notesByClientId.get(String(i.fields?.clientId ?? ''))));
    // The figures from every interaction this read fetched (all pages: it orders on the client), not only
    // the most recent it shows: see core/partnerFigures.ts.
    const figures = figuresByPartner(newest.map((i) => interactionFromItem(i))).get(partnerId);
    return {
      partner: withFigures(partnerFromItem(partner.body as ListItem), figures),
      interactions: read,
      agenda: agenda.map(agendaFromItem).filter((a) => a.status !== 'done'),
    };
  }

  async findInteractionsBySource(sourceRefs: readonly string[]): Promise<Interaction[]> {
    const refs = [...new Set(sourceRefs.filter(Boolean))];
    if (refs.length === 0) return [];
    const items = await this.listAll('Interactions', { filter: fieldIn('Interactions', 'sourceRef', refs), top: LIST_PAGE_SIZE });
    return Promise.all(items.map((item) => this.withNote(item)));
  }

  async listInteractions(partnerId: string, options: ListOptions = {}): Promise<Interaction[]> {
    const [items, notes] = await Promise.all([
      this.listAll('Interactions', { filter: fieldFilter('Interactions', 'partnerId', 'eq', partnerId), top: LIST_PAGE_SIZE }, options.onProgress).then(newestFirst),
      this.listAll('ConfidentialNotes', { filter: fieldFilter('ConfidentialNotes', 'partnerId', 'eq', partnerId), top: LIST_PAGE_SIZE }).catch(() => []),
    ]);
    const byClientId = await this.withOwnNotes(partnerId, items, notes);
    return items.map((i) => interactionFromItem(i, byClientId.get(String(i.fields?.clientId ?? ''))));
  }

  /** Three text columns of every item, paged at 5,000: the rest of each interaction the export has already. */
  async listInteractionTexts(options: ListOptions = {}): Promise<InteractionTexts[]> {
    const items = await this.listAll('Interactions', { select: ['followUps', 'reviewGoesWell', 'reviewCouldImprove'], eTag: false, top: LIST_PAGE_SIZE }, options.onProgress);
    return items.map(interactionTextsFromItem);
  }

  /**
   * The partner's readable notes by client id, plus the official's own notes that are filed under
   * another partner (only after a merge: one extra request then, none otherwise). Such a note is moved
   * to this partner on the way, so the next read finds it in its batch.
   */
  private async withOwnNotes(partnerId: string, interactions: ListItem[], notes: ListItem[]): Promise<Map<string, ListItem>> {
    const byClientId = firstCopies(notes);
    const me = await this.signedInAddress();
    if (!me) return byClientId;
    const missing = interactions
      .filter((i) => i.fields?.confidential === true && String(i.fields.authorEmail ?? '').toLowerCase() === me && !byClientId.has(String(i.fields.clientId ?? '')))
      .map((i) => String(i.fields?.clientId ?? ''));
    for (let start = 0; start < missing.length; start += MAX_BATCH_SIZE) {
      const found = await this.listAll('ConfidentialNotes', { filter: fieldIn('ConfidentialNotes', 'clientId', missing.slice(start, start + MAX_BATCH_SIZE)), top: LIST_PAGE_SIZE }).catch(() => []);
      for (const note of firstCopies(found).values()) {
        byClientId.set(String(note.fields?.clientId ?? ''), note);
        if (note.fields?.partnerId !== partnerId) await this.patchFields('ConfidentialNotes', note.id, { partnerId }, undefined).catch(() => undefined);
      }
    }
    return byClientId;
  }

  async listAgenda(partnerId: string): Promise<AgendaItem[]> {
    return (await this.listAll('Agenda', { filter: fieldFilter('Agenda', 'partnerId', 'eq', partnerId), top: LIST_PAGE_SIZE })).map(agendaFromItem);
  }

  async findInteractionByClientId(clientId: string): Promise<Interaction | undefined> {
    const item = await this.findItem('Interactions', clientId);
    return item ? this.withNote(item) : undefined;
  }

  async findAgendaItemByClientId(clientId: string): Promise<AgendaItem | undefined> {
    const item = await this.findItem('Agenda', clientId);
    return item ? agendaFromItem(item) : undefined;
  }

  async findPartnerByClientId(clientId: string): Promise<Partner | undefined> {
    const item = await this.findItem('Partners', clientId);
    return item ? partnerFromItem(item) : undefined;
  }

  async getPartner(partnerId: string): Promise<Partner> {
    return partnerFromItem(await this.transport.get<ListItem>(await this.itemUrl('Partners', partnerId)));
  }

  async listProposalsBy(email: string): Promise<Partner[]> {
    return (await this.listAll('Partners', { filter: fieldFilter('Partners', 'proposedBy', 'eq', email.trim().toLowerCase()), top: LIST_PAGE_SIZE })).map(partnerFromItem);
  }

  // ---- writes --------------------------------------------------------------------------------

  /**
   * Creates the interaction once, whatever happens to the connection; a confidential one puts its text
   * in ConfidentialNotes (readable by its author only) first, so the text never sits in Interactions.
   * Saved once its item exists: nothing shared is written beside it (the partner's figures are derived
   * where they are read, core/partnerFigures.ts), so concurrent officials never conflict.
   */
  async saveInteraction(interaction: Interaction, options: SaveOptions = {}): Promise<Interaction> {
    if (interaction.etag) return this.updateInteraction(interaction, options.afterUnclearFailure);
    let note: ListItem | undefined;
    if (interaction.confidential) {
      const created = await this.createOnce('ConfidentialNotes', confidentialNoteFields(interaction), interaction.clientId, options.afterUnclearFailure);
      // Sent twice at once (two surfaces sharing the queue, a reload while on the wire), both can find none and create.
      note = created.created ? await this.keepFirstCopy('ConfidentialNotes', interaction.clientId, created.item) : created.item;
    }
    const { item } = await this.createOnce('Interactions', interactionToFields(interaction), interaction.clientId, options.afterUnclearFailure);
    this.summaries?.touch([interaction.partnerId]);
    return interactionFromItem(item, note);
  }

  /**
   * The author's correction or withdrawal, with If-Match on the ETag they edited: the Interactions item
   * first (so a conflict changes nothing), then a confidential note's text in ConfidentialNotes (or
   * its removal when the note is no longer confidential). The partner's figures follow on their next
   * read (a withdrawn note no longer counts, a moved date moves them). A withdrawal writes only its own
   * columns. Sent again after a failure half-way, the first step finds its own earlier write and
   * counts it as done (see updateItem), so the rest still happens.
   */
  private async updateInteraction(interaction: Interaction, afterUnclearFailure = false): Promise<Interaction> {
    const withdrawing = interaction.withdrawn !== undefined;
    const fields = withdrawing ? withdrawalFields(interaction.withdrawn!) : interactionToFields(interaction);
    delete fields.clientId; // never changes; keeps the unique index out of the update
    const item = await this.updateItem('Interactions', interaction.id, fields, interaction.etag!, (current) => this.withNote(current), afterUnclearFailure);
    let note: ListItem | undefined;
    if (!withdrawing) {
      const existing = await this.findItem('ConfidentialNotes', interaction.clientId).catch((error: unknown) => {
        // A site without the list (or that hides it) has no note to remove; a confidential one must go there.
        if (interaction.confidential || !(error instanceof GraphRequestError && (error.status === 404 || error.status === 403))) throw error;
        return undefined;
      });
      if (interaction.confidential) {
        const { clientId: _unchanged, ...noteFields } = confidentialNoteFields(interaction);
        note = existing ? await this.patchFields('ConfidentialNotes', existing.id, noteFields, undefined) : (await this.createOnce('ConfidentialNotes', confidentialNoteFields(interaction), interaction.clientId)).item;
      } else if (existing) {
        await this.deleteItem('ConfidentialNotes', existing.id);
      }
    }
    const saved = interactionFromItem({ ...item, createdDateTime: item.createdDateTime ?? interaction.loggedAt }, note);
    this.summaries?.touch([interaction.partnerId, saved.partnerId]);
    // A withdrawal leaves a confidential note's text (which the Interactions item does not hold) as it was.
    return withdrawing && interaction.confidential ? { ...saved, summary: interaction.summary, followUps: interaction.followUps, review: interaction.review } : saved;
  }

  /**
   * Deletes the interaction and, for a confidential one, its text in ConfidentialNotes. That text is
   * readable only by its author and the site's owners (ReadSecurity = 2, confidentialListSecurity.ts): when
   * someone else cannot see it, nothing is deleted and the refusal says so (403), because deleting the
   * Interactions item alone would leave the text on the site with nothing left to find it by.
   */
  async deleteInteraction(interaction: Interaction): Promise<void> {
    let note: ListItem | undefined;
    if (interaction.confidential) {
      note = await this.findItem('ConfidentialNotes', interaction.clientId);
      const me = await this.signedInAddress();
      if (!note && me !== (interaction.authorEmail ?? '').trim().toLowerCase()) {
        throw new GraphRequestError(403, 'confidentialTextNotVisible', 'The text of this confidential note can be removed only by its author or a site owner.');
      }
    }
    const item = interaction.id !== interaction.clientId ? { id: interaction.id } : await this.findItem('Interactions', interaction.clientId);
    if (item) await this.deleteItem('Interactions', item.id);
    // Its partner's summary is recounted (retention names the partner; a note without one is found again by setup's repair).
    if (interaction.partnerId) this.summaries?.touch([interaction.partnerId]);
    if (note) await this.deleteItem('ConfidentialNotes', note.id);
  }

  async saveAgendaItem(item: AgendaItem, options: SaveOptions = {}): Promise<AgendaItem> {
    if (!item.etag) return agendaFromItem((await this.createOnce('Agenda', agendaToFields(item), item.clientId, options.afterUnclearFailure)).item);
    const fields = agendaToFields(item);
    delete fields.clientId; // never changes; keeps the unique index out of the update
    return agendaFromItem(await this.updateItem('Agenda', item.id, fields, item.etag, agendaFromItem, options.afterUnclearFailure));
  }

  async savePartner(partner: Partner, options: SaveOptions = {}): Promise<Partner> {
    if (!partner.etag) {
      const created = partnerFromItem((await this.createOnce('Partners', partnerToFields(partner, partner.id), partner.id, options.afterUnclearFailure)).item);
      await this.keepLookup(created);
      return created;
    }
    const fields = partnerToFields(partner, partner.id);
    delete fields.clientId;
    const updated = await this.updateItem('Partners', partner.id, fields, partner.etag, partnerFromItem, options.afterUnclearFailure);
    // The rows follow what was written (the answer of a PATCH need not hold every column).
    await this.keepLookup({ ...partner, etag: updated.eTag ?? partner.etag });
    return partnerFromItem(updated);
  }

  /**
   * Brings the partner's lookup rows in step after its write was saved, and any whose earlier sync
   * failed. Never throws: the lookup is derived data, and a saved partner change is never reported as
   * a failed write because of it. A failed sync is tried again on the next partner write, and setup's
   * repair (ensureSchema) brings the whole lookup in step; meanwhile a pane's background register read
   * corrects its detection (src/ui/pane/paneReads.ts).
   */
  private async keepLookup(partner: Partner): Promise<void> {
    if (this.lookupMissing) return;
    this.staleLookups.set(partner.id, partner);
    await this.syncStaleLookups(partner);
  }

  /**
   * Rewrites the lookup rows of these partners from the Partners list as it now is. A pane asks for it
   * when the register, read after a cold open, detects otherwise than the rows it found did
   * (core/detection lookupOutOfStep): a partner added, changed or removed by something other than the
   * app (SharePoint's list view, a flow, another Graph client), whose rows the app could not keep in step.
   * Never throws; what fails is tried again on the next partner write.
   */
  async repairLookupFor(partnerIds: readonly string[]): Promise<void> {
    if (this.lookupMissing || (await this.lookupRepairRefusedRecently())) return;
    for (const id of partnerIds) this.staleLookups.set(id, OUT_OF_STEP);
    await this.syncStaleLookups();
  }

  /**
   * An official who may read the register but not change it (the site gives them read on PartnerLookup)
   * would have every pane open that finds rows out of step try the same repair, and be refused each time.
   * After SharePoint's 403 this account leaves repairs on this device to others (an administrator's setup,
   * a colleague with edit rights, also one signed in on the same device) for a day; a lookup sync of this
   * account that succeeds ends that at once.
   */
  private async lookupRepairRefusedRecently(): Promise<boolean> {
    const key = await this.lookupRefusalKey();
    try {
      const since = Number(this.deviceStorage?.getItem(key) ?? NaN);
      return Date.now() - since < LOOKUP_REPAIR_PAUSE_MS;
    } catch {
      return false;
    }
  }

  private async rememberLookupRefusal(refused: boolean): Promise<void> {
    const key = await this.lookupRefusalKey();
    try {
      if (refused) this.deviceStorage?.setItem(key, String(Date.now()));
      else this.deviceStorage?.removeItem(key);
    } catch {
      // Then the next open tries the repair again.
    }
  }

  /** The signed-in official's address, lower case; undefined where the repository was made without one or it cannot be told. */
  private async signedInAddress(): Promise<string | undefined> {
    return (await this.official?.().catch(() => undefined))?.trim().toLowerCase();
  }

  private async lookupRefusalKey(): Promise<string> {
    const me = (await this.signedInAddress()) ?? '';
    return `partnerzicht.lookupRepair.refused|${this.siteRef}|${me}`;
  }

  /** Syncs every partner in `staleLookups`: `written` from itself, the others as the Partners list now holds them. */
  private async syncStaleLookups(written?: Partner): Promise<void> {
    const path = await this.listPath('PartnerLookup').catch(() => undefined);
    if (!path) return;
    for (const [id, version] of [...this.staleLookups]) {
      try {
        // An earlier failure is retried from the partner as it is now: the version remembered then may be
        // older than a colleague's write since (a partner gone has no rows).
        const current = version === written ? written : await this.registerPartnerForLookup(id);
        const wrote = await syncPartnerLookup(this.transport, path, id, current);
        if (this.staleLookups.get(id) === version) this.staleLookups.delete(id);
        if (wrote) await this.rememberLookupRefusal(false);
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404 && /list/i.test(error.message)) {
          this.lookupMissing = true;
          this.staleLookups.clear();
          return;
        }
        if (error instanceof GraphRequestError && error.status === 403) {
          // The other partners' rows would be refused the same way: they stay stale, for whoever may write them.
          await this.rememberLookupRefusal(true);
          return;
        }
        // Stays stale; the next write tries again.
      }
    }
  }

  /**
   * The partner as the register's read would hold it, for its rows: undefined when gone, or when its status as
   * stored is not one the register asks for (none, or text of another client's): rows then would find a
   * partner the register does not, at every cold open (setup gives a partner without a status `active`).
   */
  private async registerPartnerForLookup(id: string): Promise<Partner | undefined> {
    const item = await this.partnerItemIfAny(id);
    return item && inRegisterRead(item.fields) ? partnerFromItem(item) : undefined;
  }

  /** The Partners item as stored; undefined when it is gone (404). */
  private async partnerItemIfAny(id: string): Promise<ListItem | undefined> {
    try {
      return await this.transport.get<ListItem>(await this.itemUrl('Partners', id));
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Partner ids whose lookup rows are not known to be in step (for tests and diagnostics). */
  pendingLookupSyncs(): string[] {
    return [...this.staleLookups.keys()];
  }

  async deleteAgendaItem(item: Pick<AgendaItem, 'id' | 'clientId'>): Promise<void> {
    const found = item.id && item.id !== item.clientId ? { id: item.id } : await this.findItem('Agenda', item.clientId);
    if (found) await this.deleteItem('Agenda', found.id);
  }

  // ---- audit trail ---------------------------------------------------------------------------

  /**
   * Records one action in the AuditTrail list, once per key: the list has item-level permissions, so its
   * clientId cannot be unique and is looked up before every create (createOnce), as in ConfidentialNotes.
   * Who recorded it is also SharePoint's own createdBy, which the app cannot set.
   */
  async recordAudit(action: AuditAction, actor: AuditActor, surface?: AuditSurface): Promise<void> {
    const { item } = await this.createOnce('AuditTrail', auditToFields(action, actor, surface), action.key);
    await this.keepFirstCopy('AuditTrail', action.key, item);
  }

  /**
   * Two senders of one write in a list without a unique clientId (item-level permissions rule it out:
   * AuditTrail, ConfidentialNotes) can both find no item and both create one; nothing on the server stops
   * that. So the writer reads the client id back and keeps the lowest id, removing later copies (its own:
   * the same official's write, which WriteSecurity = 2 lets them remove), and every reader takes the lowest
   * id too (firstCopies, auditTrail.collapseByKey), so a copy that lands after every check changes nothing.
   */
  private async keepFirstCopy(list: 'AuditTrail' | 'ConfidentialNotes', clientId: string, created: ListItem): Promise<ListItem> {
    const copies = await this.listAll(list, { filter: fieldFilter(list, 'clientId', 'eq', clientId), top: LIST_PAGE_SIZE });
    const first = copies.reduce<ListItem>((keep, copy) => (Number(copy.id) < Number(keep.id) ? copy : keep), created);
    for (const copy of copies) if (copy.id !== first.id) await this.deleteItem(list, copy.id);
    return first;
  }

  /** Every trail entry (paged at 5,000), with SharePoint's createdBy and whether it was changed later. */
  async listAuditTrail(options: ListOptions = {}): Promise<AuditEntry[]> {
    return collapseByKey((await this.listAll('AuditTrail', { top: LIST_PAGE_SIZE }, options.onProgress)).map(auditFromItem));
  }

  /**
   * Removes trail entries past their period (a reviewed destruction). Officials cannot (WriteSecurity = 2
   * lets only an entry's author and list administrators change it): a refusal is answered per entry.
   */
  async deleteAuditEntry(id: string): Promise<void> {
    await this.deleteItem('AuditTrail', id);
  }

  /**
   * SharePoint's own version history of an item: who changed it when (listitem-list-versions, v1.0,
   * Sites.Read.All; https://learn.microsoft.com/graph/api/listitem-list-versions). Versions may be kept
   * for a limited time by the site's settings, so the oldest can be missing.
   */
  async listItemVersions(list: 'Partners' | 'Interactions' | 'Agenda' | 'AuditTrail', id: string): Promise<ItemVersion[]> {
    const url = `${await this.listPath(list)}/items/${encodeURIComponent(id)}/versions`;
    const versions = await this.transport.getAll<{ id: string; lastModifiedDateTime?: string; lastModifiedBy?: { user?: { id?: string; displayName?: string } } }>(url);
    return versions.map((v) => ({ id: v.id, modifiedAt: v.lastModifiedDateTime, modifiedBy: { id: v.lastModifiedBy?.user?.id, name: v.lastModifiedBy?.user?.displayName ?? '' } }));
  }

  async linkDomain(link: DomainLink): Promise<Partner> {
    // Also what makes a retry after an unclear failure safe: the earlier attempt's domain is there.
    return this.changePartner(link.partnerId, (current) => (current.domains.includes(link.domain) ? undefined : { domains: [...current.domains, link.domain] }));
  }

  async decideProposal(decision: ProposalDecision): Promise<ProposalOutcome> {
    for (let attempt = 0; ; attempt++) {
      const proposal = await this.getPartner(decision.partnerId);
      const decided = proposal.proposal?.decision;
      // Decided before: by an earlier attempt of ours (finish it), or otherwise by someone else (say so).
      if (decided ? decided.kind !== decision.kind || decided.mergedInto !== decision.targetId : proposal.status !== 'proposed') throw new ConflictError<Partner>(proposal);
      const target = decision.kind === 'merged' ? await this.mergeProposal(proposal, decision.targetId ?? '') : undefined;
      let result = proposal;
      if (!decided) {
        try {
          result = await this.patchPartner(proposal, decidedProposal(proposal, decision));
        } catch (error) {
          // Changed since it was read (a domain linked to it meanwhile): read it again, and merge that too.
          if (error instanceof GraphRequestError && error.status === 412 && attempt < 4) continue;
          throw error;
        }
      }
      if (target) {
        // Notes written while the merge moved the others (their create was under way) are moved too, now that
        // the decision is stored; one created after this is moved by its writer's recount (forwardToMergedPartner).
        await this.moveMergedItems(proposal.id, target.id);
        result = await this.getPartner(proposal.id);
      }
      return { proposal: result, target };
    }
  }

  /**
   * A proposal merged into an existing partner: its domains, aliases and contacts are added to the
   * target as the server has it now, then its interactions, agenda items and the confidential notes
   * this official can read are moved there (the figures follow on the next read). Each step finds its
   * work done when it is repeated.
   */
  private async mergeProposal(proposal: Partner, targetId: string): Promise<Partner> {
    if (!targetId || targetId === proposal.id) throw new GraphRequestError(400, 'invalidRequest', 'a proposal is merged into another, existing partner');
    await this.changePartner(targetId, (target) => mergedIdentifiers(target, proposal));
    await this.moveMergedItems(proposal.id, targetId);
    return this.getPartner(targetId);
  }

  /** A merged proposal's interactions, agenda items and the confidential notes this official can read, moved to the partner it became. */
  private async moveMergedItems(fromId: string, toId: string, options: { recount: boolean } = { recount: true }): Promise<void> {
    for (const list of ['Interactions', 'Agenda', 'ConfidentialNotes'] as const) await this.movePartnerItems(list, fromId, toId);
    if (options.recount) this.summaries?.touch([fromId, toId]);
  }

  /**
   * Before a recount (SummaryKeeper's `forward`): a note about a proposal that was merged meanwhile (its create
   * landed after the merge had moved the others) is moved to the partner the proposal became. Answers that
   * partner's id; undefined for any partner not merged (or gone).
   */
  private async forwardToMergedPartner(partnerId: string): Promise<string | undefined> {
    const item = await this.partnerItemIfAny(partnerId);
    const decision = item && partnerFromItem(item).proposal?.decision;
    if (decision?.kind !== 'merged' || !decision.mergedInto || decision.mergedInto === partnerId) return undefined;
    // The keeper recounts both itself.
    await this.moveMergedItems(partnerId, decision.mergedInto, { recount: false });
    return decision.mergedInto;
  }

  /**
   * Points every item of one partner in `list` at another partner, in batches. ConfidentialNotes
   * answers only the notes this official may read; those of others keep their partner id (their
   * interaction moves all the same, so nothing is lost).
   */
  private async movePartnerItems(list: 'Interactions' | 'Agenda' | 'ConfidentialNotes', fromId: string, toId: string): Promise<void> {
    const items = await this.listAll(list, { select: ['clientId'], eTag: false, filter: fieldFilter(list, 'partnerId', 'eq', fromId), top: LIST_PAGE_SIZE });
    const path = await this.listPath(list);
    const steps: BatchStep[] = items.map((item) => ({ id: String(item.id), method: 'PATCH', url: `${path}/items/${encodeURIComponent(item.id)}/fields`, body: { partnerId: toId } }));
    for (const result of (await this.transport.batch(steps)).values()) {
      // Gone meanwhile (deleted): nothing to move.
      if (!isSuccess(result.status) && result.status !== 404) throw batchError(result);
    }
  }

  /**
   * Writes the settings given (one item, clientId 'settings') and leaves every other as the server has it:
   * only their columns are patched, so an administrator saving retention periods never writes back a list
   * of departments another one has just changed. With `base`, a setting a colleague saved since the editor
   * began is not overwritten either (SettingsConflictError); without it, the later save stands.
   */
  async saveSettings(change: Partial<Settings>, options: { base?: Partial<Settings> } = {}): Promise<Settings> {
    for (let attempt = 0; ; attempt++) {
      const existing = await this.findItem('Settings', SETTINGS_CLIENT_ID);
      if (!existing) return settingsFromItem((await this.createOnce('Settings', newSettingsFields(change), SETTINGS_CLIENT_ID, false)).item);
      // Checked against the version read here and written with its ETag: a save in between makes a 412,
      // and the check runs again on what that save stored.
      const current = settingsFromItem(existing);
      const overtaken = Object.keys(options.base ?? {}).filter((list) => {
        const key = list as keyof Settings;
        return !sameSetting(current[key], options.base![key]) && !sameSetting(current[key], change[key]);
      });
      if (overtaken.length > 0) throw new SettingsConflictError(current, overtaken);
      try {
        await this.updateItem('Settings', existing.id, settingsToFields(change), existing.eTag ?? '*', (i) => i);
        // What was read with what was written: Graph documents the PATCH's answer as the updated fieldValueSet,
        // but nothing here depends on it holding the columns that were not written.
        return { ...settingsFromItem(existing), ...change };
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 2) throw error;
      }
    }
  }

  /**
   * Changes a partner as the server has it now: `change` gets the current version and returns what to
   * change (or nothing when it is done already); only the columns that change are written, with
   * If-Match, and the current version is read again when someone else was first.
   */
  private async changePartner(partnerId: string, change: (current: Partner) => Partial<Partner> | undefined): Promise<Partner> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.getPartner(partnerId);
      const patch = change(current);
      if (!patch) return current;
      try {
        return await this.patchPartner(current, { ...current, ...patch });
      } catch (error) {
        if (!(error instanceof GraphRequestError && error.status === 412) || attempt >= 4) throw error;
      }
    }
  }

  /** Writes the columns in which `next` differs from `current`, with If-Match on current's ETag. */
  private async patchPartner(current: Partner, next: Partner): Promise<Partner> {
    const before = partnerToFields(current, current.id);
    const fields = Object.fromEntries(Object.entries(partnerToFields(next, current.id)).filter(([column, value]) => value !== before[column]));
    const patched = await this.patchFields('Partners', current.id, fields, current.etag);
    const saved = { ...next, etag: patched.eTag ?? current.etag };
    await this.keepLookup(saved);
    return saved;
  }

  // ---- list-item plumbing ----------------------------------------------------------------------

  private async listPath(list: ListName): Promise<string> {
    // Graph accepts a list's display name where its id goes; ours are fixed ASCII names.
    return `/sites/${this.siteAddress()}/lists/${SCHEMA[list].displayName}`;
  }

  /**
   * The site's id once known (remembered on this device or resolved), else its path: a first open does
   * not wait a round trip for the id before its first read (issue 19). The id is resolved meanwhile.
   */
  private siteAddress(): string {
    // Starts the resolution (once; with a remembered id it only checks it in the background).
    this.siteId().catch(() => undefined);
    return this.siteId.known() ?? siteAddressByPath(this.siteRef);
  }

  private async itemsUrl<L extends ListName>(list: L, query: ItemQuery<L>): Promise<string> {
    return `${await this.listPath(list)}/items?${itemQueryString(list, query)}`;
  }

  private async itemUrl<L extends ListName>(list: L, id: string, query: ItemQuery<L> = {}): Promise<string> {
    return `${await this.listPath(list)}/items/${encodeURIComponent(id)}?${itemQueryString(list, query)}`;
  }

  private async listAll<L extends ListName>(list: L, query: ItemQuery<L>, onProgress?: (n: number) => void): Promise<ListItem[]> {
    return this.transport.getAll<ListItem>(await this.itemsUrl(list, query), onProgress);
  }

  /** Looks an item up by the unique, indexed clientId column. */
  private async findItem(list: ListName, clientId: string): Promise<ListItem | undefined> {
    const url = await this.itemsUrl(list, { filter: fieldFilter(list, 'clientId', 'eq', clientId), top: 1 });
    return (await this.transport.get<{ value: ListItem[] }>(url)).value[0];
  }

  private async withNote(item: ListItem): Promise<Interaction> {
    if (item.fields?.confidential !== true) return interactionFromItem(item);
    const note = await this.findItem('ConfidentialNotes', String(item.fields.clientId ?? '')).catch(() => undefined);
    return interactionFromItem(item, note);
  }

  /**
   * Creates an item at most once. A POST is never repeated blindly: after an unclear outcome (timeout,
   * dropped connection, 5xx) the clientId is looked up first, and the create is sent again only if it
   * is absent. Where the clientId column is not unique (ConfidentialNotes: item-level permissions rule
   * it out) it is looked up before every create. A refused create (409, or 400: Graph documents no status
   * for a unique-value violation; SharePoint says "duplicate values were found") is looked up too, and
   * the item found is the answer.
   */
  private async createOnce(list: ListName, fields: Fields, clientId: string, afterUnclearFailure = false): Promise<Created> {
    const uniqueClientId = (SCHEMA[list].columns as readonly ColumnSpec[]).some((c) => c.name === 'clientId' && c.unique === true);
    let unclear = afterUnclearFailure || !uniqueClientId;
    let lastError: unknown;
    for (let attempt = 0; attempt < this.createAttempts; attempt++) {
      if (unclear) {
        const existing = await this.findItem(list, clientId);
        if (existing) return { item: existing, created: false };
      }
      try {
        // No query options: the create-item page documents none (the emulator refuses them, see queryPolicy.ts);
        // Graph answers the created listItem with its fields.
        const url = `${await this.listPath(list)}/items`;
        const { body } = await this.transport.request<ListItem>('POST', url, { body: { fields } });
        return { item: body, created: true };
      } catch (error) {
        lastError = error;
        if (error instanceof GraphRequestError && (error.status === 409 || error.status === 400)) {
          const existing = await this.findItem(list, clientId);
          if (existing) return { item: existing, created: false };
          throw error;
        }
        if (!(error instanceof UnclearOutcomeError)) throw error;
        unclear = true;
        await this.sleep(retryDelay(DEFAULT_RETRY_POLICY, attempt, retryAfterOf(error)));
      }
    }
    throw lastError instanceof UnclearOutcomeError ? lastError : new UnclearOutcomeError(lastError);
  }

  /**
   * PATCH with If-Match. On 412 the current version is read: when it already holds exactly what we
   * wrote (our own earlier attempt landed before its answer was lost) that counts as success, otherwise
   * a ConflictError carries the other version for the UI to show.
   *
   * After an unclear failure (the pane closed while the PATCH was on the wire, a timeout, a 5xx) the
   * item is read first instead: an attempt that landed moved the item past `etag`, so a PATCH on it
   * would be refused with 412 (https://learn.microsoft.com/graph/api/listitem-update, `if-match`) —
   * a request known to fail, which the browser logs as an error. What the read shows decides: our
   * values already there (done), another version (a conflict), or still ours (the PATCH goes).
   */
  private async updateItem<T>(list: ListName, id: string, fields: Fields, etag: string, toModel: (item: ListItem) => T | Promise<T>, afterUnclearFailure = false): Promise<ListItem> {
    if (afterUnclearFailure) {
      const current = await this.transport.get<ListItem>(await this.itemUrl(list, id));
      if (sameValues(list, fields, current.fields ?? {})) return current;
      if (current.eTag && !sameETag(current.eTag, etag)) throw new ConflictError<T>(await toModel(current));
    }
    try {
      return await this.patchFields(list, id, fields, etag);
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 412)) throw error;
      const current = await this.transport.get<ListItem>(await this.itemUrl(list, id));
      if (sameValues(list, fields, current.fields ?? {})) return current;
      throw new ConflictError<T>(await toModel(current));
    }
  }

  private async patchFields(list: ListName, id: string, fields: Fields, etag: string | undefined): Promise<ListItem> {
    const headers: Record<string, string> = etag ? { 'If-Match': etag } : {};
    const url = `${await this.listPath(list)}/items/${encodeURIComponent(id)}/fields`;
    const response = await this.transport.request<Fields>('PATCH', url, { body: fields, headers });
    const body = response.body ?? {};
    const eTag = (body['@odata.etag'] as string | undefined) ?? response.headers.get('ETag') ?? undefined;
    return { id, eTag, fields: body };
  }

  private async deleteItem(list: ListName, id: string): Promise<void> {
    try {
      await this.transport.request('DELETE', `${await this.listPath(list)}/items/${encodeURIComponent(id)}`);
    } catch (error) {
      // Already gone (perhaps by our own earlier attempt): the goal is reached.
      if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
    }
  }
}

/** The same version: ETags compared as the emulator and SharePoint do, weak prefix and quotes aside. */
function sameETag(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** Two values of one setting alike (lists in order; an absent list and an empty one are the same). */
function sameSetting(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Do the stored fields hold what we sent? Empty text, null and absent are the same to SharePoint. */
function sameValues(list: ListName, sent: Fields, stored: Fields): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
  const dateOnly = new Set(SCHEMA[list].columns.filter((c) => c.kind === 'dateOnly').map((c) => c.name as string));
  return Object.entries(sent).every(([k, v]) => {
    // A date-only column answers midnight in the site's time zone, not the noon UTC we sent (dateOnly.ts).
    if (dateOnly.has(k)) return sameDateOnly(v, stored[k]);
    const a = norm(v);
    const b = norm(stored[k]);
    if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d\d-\d\dT/.test(a)) return Date.parse(a) === Date.parse(b);
    return a === b;
  });
}

/** Items by client id, the lowest id where copies share one (see keepFirstCopy). */
function firstCopies(items: ListItem[]): Map<string, ListItem> {
  const byClientId = new Map<string, ListItem>();
  for (const item of items) {
    const key = String(item.fields?.clientId ?? '');
    const kept = byClientId.get(key);
    if (!kept || Number(item.id) < Number(kept.id)) byClientId.set(key, item);
  }
  return byClientId;
}
