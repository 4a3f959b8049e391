import type { AgendaItem, DomainLink, Interaction, InteractionTexts, Partner, PartnerContext, ProposalDecision, RegisterPartner, Settings } from '../core/model';

/** Options of the create/update methods; used by the write queue. */
export interface SaveOptions {
  /**
   * An earlier attempt may have been carried out (timeout, dropped connection, 5xx, a reload while
   * sending): look the client id up before creating, and create only if it is absent.
   */
  afterUnclearFailure?: boolean;
  /**
   * The audit trail's key for this action (the write queue's action id): recording it again after a
   * retry finds the entry already there (see auditedRepository.ts).
   */
  actionId?: string;
}

/** What a decision on a proposal changed: the proposal as decided, and for a merge the partner it went into. */
export interface ProposalOutcome {
  proposal: Partner;
  target?: Partner;
}

export interface ListOptions {
  /** Reports progress while paging, with the number of items loaded so far. */
  onProgress?: (loaded: number) => void;
}

/**
 * Where partner data lives. Every surface talks to this interface only; the production
 * implementation reads and writes SharePoint lists through Microsoft Graph.
 */
export interface PartnerRepository {
  getSettings(): Promise<Settings>;
  /**
   * The register the panes detect with (active and proposed partners), paged through as needed: only
   * the columns detection and the partner chooser use, because on a pane's first open this is the
   * largest response it waits for.
   */
  listRegister(): Promise<RegisterPartner[]>;
  /**
   * What a cold pane detects with instead of the register (issue 19): the settings and the register
   * partners whose lookup keys (normalised address, registrable domain: core/detection lookupKeys.ts)
   * are among `keys`, in one round trip. Throws when the site has no lookup (yet).
   */
  readDetectionCandidates?(keys: readonly string[]): Promise<{ partners: RegisterPartner[]; settings: Settings }>;
  /**
   * Rewrites the lookup rows of these partners from the Partners list as it now is (a pane saw them out
   * of step with the register: changed by something other than the app). Never throws.
   */
  repairLookupFor?(partnerIds: readonly string[]): Promise<void>;
  /** One partner with recent interactions and open agenda items, in one round trip. */
  getPartnerContext(partnerId: string, options?: { interactionLimit?: number }): Promise<PartnerContext>;
  /**
   * Every note logged for one email or meeting, by any official (withdrawn ones too), under any of the
   * references it may have been logged with.
   */
  findInteractionsBySource(sourceRefs: readonly string[]): Promise<Interaction[]>;
  /**
   * Without an etag, creates the interaction, idempotent by `clientId`: when an item with this client
   * id already exists it is returned instead of creating a second one. With an etag, writes its
   * author's correction or withdrawal with If-Match on it (a ConflictError carries the current version
   * when someone changed it first). Nothing else is written: the partner's figures are derived where
   * they are read (core/partnerFigures.ts), so concurrent officials never conflict over them.
   */
  saveInteraction(interaction: Interaction, options?: SaveOptions): Promise<Interaction>;
  /** Creates (idempotent by clientId) or updates (with If-Match on `etag`) an agenda item. */
  saveAgendaItem(item: AgendaItem, options?: SaveOptions): Promise<AgendaItem>;
  /**
   * Creates or updates (with If-Match on `etag`) a partner. Without an etag it is a create, idempotent
   * by `partner.id` (a client-generated id until the server's id is known). lastContact and
   * interactionCount are never written (derived where read).
   */
  savePartner(partner: Partner, options?: SaveOptions): Promise<Partner>;
  /**
   * Adds the domain to the partner's domains as they are on the server now (read, then written with
   * If-Match; read again when someone else was first). Idempotent: a domain already there is no write.
   */
  linkDomain(link: DomainLink, options?: SaveOptions): Promise<Partner>;
  /**
   * Carries out a register owner's decision on a proposed partner, idempotently (a retry after an
   * unclear failure finishes what the first attempt started): accept makes it active; merge adds its
   * domains, aliases and contacts to the target (If-Match, read again when someone else was first),
   * moves its interactions, agenda items and readable confidential notes there and recounts both;
   * reject takes it out of the register. The proposal is marked last, with who decided, when and why.
   * A proposal someone else already decided otherwise is a ConflictError carrying that version.
   */
  decideProposal(decision: ProposalDecision, options?: SaveOptions): Promise<ProposalOutcome>;
  /** The partners this official proposed, decided or not (the pane tells the proposer the outcome). */
  listProposalsBy(email: string): Promise<Partner[]>;

  /**
   * Follow-ups and review answers of every interaction, for the CSV export. A confidential
   * interaction's texts are in ConfidentialNotes (its author's only) and are not read.
   */
  listInteractionTexts(options?: ListOptions): Promise<InteractionTexts[]>;
  /** All interactions of one partner, newest first (the partner page). */
  listInteractions(partnerId: string, options?: ListOptions): Promise<Interaction[]>;
  /** Removes an interaction (and its confidential note); the partner's figures follow on their next read. */
  deleteInteraction(interaction: Interaction): Promise<void>;
  /** Removes an agenda item (a reviewed destruction); already gone counts as done. */
  deleteAgendaItem(item: Pick<AgendaItem, 'id' | 'clientId'>): Promise<void>;
  /** All agenda items of one partner, open and done. */
  listAgenda(partnerId: string): Promise<AgendaItem[]>;
  /**
   * Writes the settings given; the others stay as the server has them. Answers the settings as they now are.
   * With `base` (what the editor began from), a list someone else saved since, to something else, is not
   * overwritten: the save throws `SettingsConflictError` with what is stored now.
   */
  saveSettings(change: Partial<Settings>, options?: { base?: Partial<Settings> }): Promise<Settings>;
}

/** A settings save that would undo a colleague's save of the same list (see `saveSettings`). */
export class SettingsConflictError extends Error {
  constructor(
    readonly current: Settings,
    readonly lists: string[],
  ) {
    super(`settings changed meanwhile: ${lists.join(', ')}`);
    this.name = 'SettingsConflictError';
  }
}

/** An update refused because someone else changed the item first (HTTP 412). */
export class ConflictError<T> extends Error {
  constructor(readonly current: T | undefined) {
    super('conflict');
    this.name = 'ConflictError';
  }
}
