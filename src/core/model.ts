/**
 * The domain model shared by every surface. Pure data: no host, UI or Graph types here.
 * Dates are ISO 8601 strings (UTC) so values travel unchanged between SharePoint, IndexedDB and the UI.
 */

export const PARTNER_CATEGORIES = [
  'woningcorporatie',
  'ziekenhuis',
  'zorg',
  'onderwijs',
  'bedrijf',
  'buurgemeente',
  'verbonden-partij',
  'overig',
] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

export const PARTNER_STATUSES = ['active', 'proposed', 'inactive'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export interface Partner {
  /** Stable id (SharePoint item id of the Partners list, or a slug in fixtures). */
  id: string;
  name: string;
  category: PartnerCategory;
  aliases: string[];
  /** Registrable domains in normalised ASCII form, e.g. `portaal.nl`. */
  domains: string[];
  /** Known contact addresses, lower-case. */
  contacts: string[];
  /** The names of contact persons where known, by address (stored with the address: see core/contacts.ts). */
  contactNames?: Record<string, string>;
  ownerEmail?: string;
  ownerName?: string;
  /**
   * How the owner wants to hear of colleagues' notes and overdue agenda items (core/ownerNotice.ts): each one, a
   * daily digest, or nothing; unset means each. A column on the partner because the sender's client reads it
   * with the partner it is logging about anyway, and the choice belongs with the ownership of that partner.
   */
  ownerNotify?: 'each' | 'digest' | 'none';
  themes: string[];
  description?: string;
  /** Target number of days between contacts. */
  rhythmDays?: number;
  status: PartnerStatus;
  /**
   * Derived where read, never stored (core/partnerFigures.ts): the overview from its copy of every
   * interaction, a pane's context from the interactions it read (newest first; its count is of those).
   */
  lastContact?: string;
  interactionCount: number;
  /** SharePoint ETag, needed for conflict-safe updates. */
  etag?: string;
  /** Set when an official proposed this partner from a pane: who, when, and the register owner's decision. */
  proposal?: Proposal;
}

export const PROPOSAL_DECISIONS = ['accepted', 'merged', 'rejected'] as const;
export type ProposalDecisionKind = (typeof PROPOSAL_DECISIONS)[number];

/**
 * A partner proposed from a pane. It stays `proposed` (detected, so the official can log notes on it)
 * until a register owner decides: accepted makes it `active`; merged moves its domains, aliases,
 * contacts and interactions onto an existing partner; rejected takes it out of the register. A merged
 * or rejected proposal is kept (`inactive`, with the decision) so the proposer can be told and nothing
 * is lost.
 */
export interface Proposal {
  byEmail: string;
  byName: string;
  at: string;
  decision?: {
    kind: ProposalDecisionKind;
    byEmail: string;
    byName: string;
    at: string;
    /** Why, for a rejection (required there); optional otherwise. */
    reason?: string;
    /** For a merge: the partner it became part of. */
    mergedInto?: string;
  };
}

/** A register owner's decision on a proposal, as the write queue sends it (one per proposal). */
export interface ProposalDecision {
  clientId: string;
  /** The proposal. */
  partnerId: string;
  kind: ProposalDecisionKind;
  /** For a merge: the existing partner it is merged into. */
  targetId?: string;
  reason?: string;
  byEmail: string;
  byName: string;
  at: string;
}

export function proposalDecision(decision: Omit<ProposalDecision, 'clientId'>): ProposalDecision {
  return { clientId: `decision:${decision.partnerId}`, ...decision };
}

/** What the panes detect with and offer to choose from: the register without the overview's columns. */
export type RegisterPartner = Pick<Partner, 'id' | 'name' | 'aliases' | 'domains' | 'contacts'>;

/**
 * "This domain belongs to that partner", decided in a pane. It is added to the partner's domains as
 * the server has them when it is sent, so it never overwrites what others changed meanwhile.
 */
export interface DomainLink {
  /** One link per partner and domain: linking the same domain twice is the same write. */
  clientId: string;
  partnerId: string;
  /** Normalised registrable domain, as in `Partner.domains`. */
  domain: string;
}

export function domainLink(partnerId: string, domain: string): DomainLink {
  return { clientId: `domain:${partnerId}:${domain}`, partnerId, domain };
}

export const INTERACTION_KINDS = ['meeting', 'email', 'call', 'visit', 'note', 'review'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface RelationshipReview {
  goesWell: string;
  couldImprove: string;
  /** 1–5, the partner's own view of the collaboration. */
  score: number;
}

/** Who changed a note, and when (ISO 8601, to the second as SharePoint stores it). */
export interface NoteMark {
  at: string;
  byName: string;
  byEmail: string;
}

export interface Interaction {
  /** Server id once saved; equals clientId while only queued locally. */
  id: string;
  /** Generated on the client before the first send; unique, makes creates idempotent. */
  clientId: string;
  partnerId: string;
  date: string;
  kind: InteractionKind;
  department: string;
  authorEmail: string;
  authorName: string;
  themes: string[];
  title: string;
  /** Short summary written by the official; never a copy of an email body. Empty when hidden (confidential). */
  summary: string;
  followUps?: string;
  confidential: boolean;
  wooRelevant: boolean;
  /**
   * The email (its Message-ID, else the Outlook item id) or Teams meeting it was logged from: each
   * official logs an email or meeting once, and sees which colleagues logged it too.
   */
  sourceRef?: string;
  /** Link back to the email or meeting. */
  sourceLink?: string;
  review?: RelationshipReview;
  /** When it was logged: the list item's creation time. Absent while only queued on this device. */
  loggedAt?: string;
  /** The author's last correction. */
  edited?: NoteMark;
  /**
   * Withdrawn by its author: the record stays (with who, when and why) but no longer counts as a
   * contact in the partner's figures.
   */
  withdrawn?: NoteMark & { reason: string };
  /** SharePoint ETag once saved: a correction is sent with If-Match on it. */
  etag?: string;
}

/** The note texts of one interaction that the CSV export carries: the overview's cache holds none. */
export interface InteractionTexts {
  id: string;
  followUps?: string;
  review?: Pick<RelationshipReview, 'goesWell' | 'couldImprove'>;
}

export const AGENDA_DIRECTIONS = ['wij', 'partner', 'samen'] as const;
export type AgendaDirection = (typeof AGENDA_DIRECTIONS)[number];
export const AGENDA_STATUSES = ['open', 'in-progress', 'done'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export interface AgendaItem {
  id: string;
  clientId: string;
  partnerId: string;
  topic: string;
  direction: AgendaDirection;
  /** Who carries it: an email address where known (older items and typed owners may hold a name). */
  owner: string;
  /** The owner's name as a person reads it, stored when the item is made (`owner` alone is often an address). */
  ownerName?: string;
  status: AgendaStatus;
  /** The day it is due; compare it as a calendar day (see `isOverdue`), not as an instant. */
  dueDate?: string;
  nextStep?: string;
  etag?: string;
}

export interface Settings {
  /** The municipality's own domains: never a partner. */
  internalDomains: string[];
  /** Addresses (or domains) that never match anything. */
  ignoredAddresses: string[];
  departments: string[];
  themes: string[];
  /** Who decides on proposed partners (addresses, lower-case); see ProposalsTab. */
  registerOwners?: string[];
  /** Retention periods in years per kind of record, as an administrator set them (core/retention.ts has the defaults). */
  retention?: Partial<Record<'notes' | 'agenda' | 'reviews' | 'audit', number>>;
}

/** Everything the official's pane shows about one partner. */
export interface PartnerContext {
  partner: Partner;
  interactions: Interaction[];
  agenda: AgendaItem[];
}

/** The signed-in official as the host reports them. */
export interface Official {
  email: string;
  name: string;
}
