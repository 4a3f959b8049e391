/**
 * Every write through the repository leaves one audit trail entry: a PartnerRepository around another
 * that records each create, change, withdrawal, removal and decision after it was carried out.
 *
 * Exactly one entry per action, also through the write queue's retries: the queue gives each write an
 * action id (SaveOptions.actionId) that is the entry's key, and the recorder looks the key up before it
 * creates. When recording fails, the write fails with it (as WriteLandedError: it is stored, so a view
 * keeps showing it) and the queue sends it again: the write itself is idempotent (clientId look-up,
 * If-Match whose own earlier landing counts as success), and the entry is then written once. A write
 * that never succeeds leaves no entry (nothing changed).
 * Direct actions (not queued: a removal, settings) get a key when they start.
 */
import type { AuditAction, AuditActor, AuditSurface } from '../core/audit';
import type { AgendaItem, DomainLink, Interaction, Partner, ProposalDecision, Settings } from '../core/model';
import { newClientId } from '../core/noteDraft';
import type { PartnerRepository, ProposalOutcome, SaveOptions } from './PartnerRepository';
import { WriteLandedError } from './graph/errors';

/** Stores one entry per key (SharePointPartnerRepository.recordAudit). */
export interface AuditStore {
  recordAudit(action: AuditAction, actor: AuditActor, surface?: AuditSurface): Promise<void>;
}

/** Who acts and from where: the signed-in official on this surface. */
export interface AuditRecorderOptions {
  store: AuditStore;
  actor: () => Promise<AuditActor>;
  surface: AuditSurface;
  now?: () => Date;
  newKey?: () => string;
}

/** Records actions for one official on one surface; the UI uses it for exports, searches and reviews. */
export class AuditRecorder {
  private readonly now: () => Date;
  readonly newKey: () => string;

  constructor(private readonly options: AuditRecorderOptions) {
    this.now = options.now ?? (() => new Date());
    this.newKey = options.newKey ?? newClientId;
  }

  get surface(): AuditSurface {
    return this.options.surface;
  }

  /** One entry for this action (same key: the same entry). `key` defaults to a new one: one call, one action. */
  async record(action: Omit<AuditAction, 'key' | 'occurredAt' | 'result'> & Partial<Pick<AuditAction, 'key' | 'occurredAt' | 'result'>>): Promise<void> {
    const full = { ...stripUndefined(action), action: action.action, key: action.key ?? this.newKey(), occurredAt: action.occurredAt ?? this.now().toISOString(), result: action.result ?? 'success' } as AuditAction;
    await this.options.store.recordAudit(full, await this.options.actor(), this.options.surface);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The trail entry of a write that was carried out: its failure says the write itself is stored. */
async function landed(recording: Promise<void>): Promise<void> {
  try {
    await recording;
  } catch (error) {
    throw new WriteLandedError(error);
  }
}

/** The repository with every write recorded; reads pass through. */
export function auditedRepository<R extends PartnerRepository>(inner: R, audit: AuditRecorder): R {
  const key = (options?: SaveOptions) => options?.actionId ?? audit.newKey();
  const writes: Partial<PartnerRepository> = {
    async saveInteraction(interaction: Interaction, options?: SaveOptions) {
      const saved = await inner.saveInteraction(interaction, options);
      const action = !interaction.etag ? 'create' : interaction.withdrawn ? 'withdraw' : 'update';
      await landed(audit.record({ key: key(options), action, list: 'Interactions', itemId: saved.id, detail: interaction.confidential ? 'confidential' : undefined }));
      return saved;
    },
    async saveAgendaItem(item: AgendaItem, options?: SaveOptions) {
      const saved = await inner.saveAgendaItem(item, options);
      await landed(audit.record({ key: key(options), action: item.etag ? 'update' : 'create', list: 'Agenda', itemId: saved.id }));
      return saved;
    },
    async savePartner(partner: Partner, options?: SaveOptions) {
      const saved = await inner.savePartner(partner, options);
      await landed(audit.record({ key: key(options), action: partner.etag ? 'update' : 'create', list: 'Partners', itemId: saved.id }));
      return saved;
    },
    async linkDomain(link: DomainLink, options?: SaveOptions) {
      const saved = await inner.linkDomain(link, options);
      await landed(audit.record({ key: key(options), action: 'update', list: 'Partners', itemId: saved.id, detail: `domain ${link.domain}` }));
      return saved;
    },
    async decideProposal(decision: ProposalDecision, options?: SaveOptions): Promise<ProposalOutcome> {
      const outcome = await inner.decideProposal(decision, options);
      await landed(audit.record({ key: key(options), action: 'decide', list: 'Partners', itemId: decision.partnerId, detail: `${decision.kind}${decision.targetId ? ` into ${decision.targetId}` : ''}` }));
      return outcome;
    },
    async deleteInteraction(interaction: Interaction) {
      const actionKey = audit.newKey();
      await inner.deleteInteraction(interaction);
      await landed(audit.record({ key: actionKey, action: 'delete', list: 'Interactions', itemId: interaction.id }));
    },
    async deleteAgendaItem(item: Pick<AgendaItem, 'id' | 'clientId'>) {
      const actionKey = audit.newKey();
      await inner.deleteAgendaItem(item);
      await landed(audit.record({ key: actionKey, action: 'delete', list: 'Agenda', itemId: item.id }));
    },
    async saveSettings(change: Partial<Settings>, options?: { base?: Partial<Settings> }) {
      const actionKey = audit.newKey();
      const saved = await inner.saveSettings(change, options);
      await landed(audit.record({ key: actionKey, action: 'update', list: 'Settings', itemId: 'settings', detail: `changed: ${Object.keys(change).sort().join(', ')}` }));
      return saved;
    },
  };
  // Everything else (reads, the trail's own calls) is the inner repository's, bound to it.
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in writes) return writes[property as keyof PartnerRepository];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}


