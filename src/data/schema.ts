/**
 * The SharePoint lists that hold partner data, as typed Graph column definitions.
 *
 * Internal column names are English and never change (code and queries use them); display names are
 * Dutch (what officials see in SharePoint). Every query builds its `$select` and `$filter`
 * from this file only, so a column name never comes from user input, and a filter or sort on a column
 * that is not indexed cannot be written (see `filterableColumn`).
 *
 * Multi-valued values (aliases, domains, contact addresses, themes, settings) are stored as
 * newline-separated multi-line text rather than multi-choice or multi-lookup columns: the values are
 * free-form (a choice column needs a fixed vocabulary), multi-valued lookups cannot be indexed or
 * filtered through Graph anyway and are awkward to write, and we never query on them server-side —
 * matching an address to a partner happens in the core on the cached register. Multi-line text also
 * has no 255-character limit.
 */
import { AUDIT_ACTIONS, AUDIT_RESULTS, AUDIT_SURFACES } from '../core/audit';
import { AGENDA_DIRECTIONS, AGENDA_STATUSES, INTERACTION_KINDS, PARTNER_CATEGORIES, PARTNER_STATUSES, PROPOSAL_DECISIONS } from '../core/model';

export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'dateOnly' | 'choice';

export interface ColumnSpec {
  readonly name: string;
  readonly displayName: string;
  readonly kind: ColumnKind;
  /** Needed for every column used in `$filter` (Graph refuses others). */
  readonly indexed?: boolean;
  /** Enforced by SharePoint; only possible on indexed columns. */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  /**
   * What SharePoint fills in where an item is created without a value (columnDefinition `defaultValue`,
   * learn.microsoft.com/graph/api/resources/defaultcolumnvalue): SharePoint's own new-item form shows it
   * already chosen, so a partner added there by hand is in the register the app reads.
   */
  readonly defaultValue?: string;
  /** Built into every generic list (Title): never created by `ensureSchema`. */
  readonly builtIn?: boolean;
}

export interface ListSpec {
  /**
   * Stable English name the code addresses the list by (Graph accepts a list's display name in place
   * of its id). Kept English so it does not depend on the site's language.
   */
  readonly displayName: string;
  /** Dutch description shown in SharePoint. */
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * 'own': users may read only items they created (SharePoint list ReadSecurity = 2). Graph cannot set
   * this (it is a SharePoint REST property), so ensureSchema reports it as a manual step when the list
   * is created; see `ensureSchema`.
   */
  readonly readSecurity?: 'all' | 'own';
  /**
   * 'own': users may create items and edit only items they created (SharePoint list WriteSecurity = 2).
   * Graph cannot set this either (same manual step as readSecurity; see docs/audit-trail.md).
   */
  readonly writeSecurity?: 'all' | 'own';
  /** listItem properties (beside id and eTag) that reads of this list bring back. */
  readonly itemProperties?: readonly string[];
}

const title = (displayName: string) => ({ name: 'Title', displayName, kind: 'text', builtIn: true }) as const;
/** Every list has one: generated on the client before the first send, makes creates idempotent. */
const clientId = (displayName = 'Client-id') => ({ name: 'clientId', displayName, kind: 'text', indexed: true, unique: true }) as const;

export const PARTNERS = {
  displayName: 'Partners',
  description: 'Strategische partners van de gemeente',
  columns: [
    title('Naam'),
    clientId(),
    { name: 'category', displayName: 'Categorie', kind: 'choice', choices: PARTNER_CATEGORIES },
    { name: 'aliases', displayName: 'Andere namen', kind: 'note' },
    { name: 'domains', displayName: 'Domeinen', kind: 'note' },
    { name: 'contacts', displayName: 'Contactadressen', kind: 'note' },
    { name: 'ownerEmail', displayName: 'Relatiebeheerder (e-mail)', kind: 'text', indexed: true },
    { name: 'ownerName', displayName: 'Relatiebeheerder', kind: 'text' },
    // The owner's choice of Teams notifications for this partner (core/ownerNotice.ts); empty means each note.
    { name: 'ownerNotify', displayName: 'Meldingen relatiebeheerder', kind: 'choice', choices: ['each', 'digest', 'none'] },
    { name: 'themes', displayName: "Thema's en expertise", kind: 'note' },
    { name: 'description', displayName: 'Omschrijving', kind: 'note' },
    { name: 'rhythmDays', displayName: 'Contactritme (dagen)', kind: 'number' },
    { name: 'status', displayName: 'Status', kind: 'choice', choices: PARTNER_STATUSES, indexed: true, defaultValue: 'active' },
    { name: 'lastContact', displayName: 'Laatste contact', kind: 'dateTime', indexed: true },
    { name: 'interactionCount', displayName: 'Aantal contactmomenten', kind: 'number' },
    // A partner proposed from a pane, and the register owner's decision (see core/model.ts Proposal).
    // Indexed: a pane asks for "my proposals" to tell the proposer the outcome.
    { name: 'proposedBy', displayName: 'Voorgesteld door (e-mail)', kind: 'text', indexed: true },
    { name: 'proposedByName', displayName: 'Voorgesteld door', kind: 'text' },
    { name: 'proposedAt', displayName: 'Voorgesteld op', kind: 'dateTime' },
    { name: 'decision', displayName: 'Besluit over voorstel', kind: 'choice', choices: PROPOSAL_DECISIONS },
    { name: 'decidedBy', displayName: 'Besloten door (e-mail)', kind: 'text' },
    { name: 'decidedByName', displayName: 'Besloten door', kind: 'text' },
    { name: 'decidedAt', displayName: 'Besloten op', kind: 'dateTime' },
    { name: 'decisionReason', displayName: 'Toelichting bij besluit', kind: 'note' },
    { name: 'mergedInto', displayName: 'Samengevoegd met (partner-id)', kind: 'text' },
  ],
} as const satisfies ListSpec;

export const INTERACTIONS = {
  displayName: 'Interactions',
  description: 'Contactmomenten met strategische partners',
  columns: [
    title('Onderwerp'),
    clientId(),
    { name: 'partnerId', displayName: 'Partner', kind: 'text', indexed: true },
    { name: 'date', displayName: 'Datum', kind: 'dateTime', indexed: true },
    { name: 'kind', displayName: 'Soort', kind: 'choice', choices: INTERACTION_KINDS },
    { name: 'department', displayName: 'Afdeling', kind: 'text' },
    { name: 'authorEmail', displayName: 'Auteur (e-mail)', kind: 'text' },
    { name: 'authorName', displayName: 'Auteur', kind: 'text' },
    { name: 'themes', displayName: "Thema's", kind: 'note' },
    { name: 'summary', displayName: 'Samenvatting', kind: 'note' },
    { name: 'followUps', displayName: 'Vervolgacties', kind: 'note' },
    { name: 'confidential', displayName: 'Vertrouwelijk', kind: 'boolean' },
    { name: 'wooRelevant', displayName: 'Woo-relevant', kind: 'boolean' },
    // The email's Message-ID (else Outlook item id) / Teams meeting id: indexed so each official sees who logged it.
    { name: 'sourceRef', displayName: 'Bron (Outlook/Teams-id)', kind: 'text', indexed: true },
    { name: 'sourceLink', displayName: 'Link naar bron', kind: 'note' },
    { name: 'reviewGoesWell', displayName: 'Relatiegesprek: wat gaat goed', kind: 'note' },
    { name: 'reviewCouldImprove', displayName: 'Relatiegesprek: wat kan beter', kind: 'note' },
    { name: 'reviewScore', displayName: 'Relatiegesprek: score (1-5)', kind: 'number' },
    // The author's last correction, and a withdrawal (the item stays, with who, when and why).
    { name: 'editedAt', displayName: 'Bijgewerkt op', kind: 'dateTime' },
    { name: 'editedByName', displayName: 'Bijgewerkt door', kind: 'text' },
    { name: 'editedByEmail', displayName: 'Bijgewerkt door (e-mail)', kind: 'text' },
    { name: 'withdrawnAt', displayName: 'Ingetrokken op', kind: 'dateTime' },
    { name: 'withdrawnByName', displayName: 'Ingetrokken door', kind: 'text' },
    { name: 'withdrawnByEmail', displayName: 'Ingetrokken door (e-mail)', kind: 'text' },
    { name: 'withdrawnReason', displayName: 'Reden van intrekken', kind: 'note' },
  ],
  // When a note was logged is the item's own creation time (listItem.createdDateTime).
  itemProperties: ['createdDateTime'],
} as const satisfies ListSpec;

export const AGENDA = {
  displayName: 'Agenda',
  description: 'Samenwerkingsagenda: gedeelde onderwerpen, toezeggingen over en weer, volgende stappen',
  columns: [
    title('Onderwerp'),
    clientId(),
    { name: 'partnerId', displayName: 'Partner', kind: 'text', indexed: true },
    { name: 'direction', displayName: 'Richting', kind: 'choice', choices: AGENDA_DIRECTIONS },
    { name: 'owner', displayName: 'Eigenaar', kind: 'text' },
    { name: 'ownerName', displayName: 'Eigenaar (naam)', kind: 'text' },
    { name: 'status', displayName: 'Status', kind: 'choice', choices: AGENDA_STATUSES, indexed: true },
    { name: 'dueDate', displayName: 'Uiterlijk', kind: 'dateOnly' },
    { name: 'nextStep', displayName: 'Volgende stap', kind: 'note' },
  ],
} as const satisfies ListSpec;

/** One item (clientId 'settings'); the unique clientId stops two admins creating two. */
export const SETTINGS = {
  displayName: 'Settings',
  description: 'Instellingen van Partnerzicht',
  columns: [
    title('Naam'),
    clientId(),
    { name: 'internalDomains', displayName: 'Eigen domeinen', kind: 'note' },
    { name: 'ignoredAddresses', displayName: 'Nooit koppelen', kind: 'note' },
    { name: 'departments', displayName: 'Afdelingen', kind: 'note' },
    { name: 'themes', displayName: "Thema's", kind: 'note' },
    { name: 'registerOwners', displayName: 'Registerbeheerders (e-mail)', kind: 'note' },
    // Retention periods in years per kind of record, set by an administrator (docs/retention.md).
    { name: 'retentionNotesYears', displayName: 'Bewaartermijn contactmomenten (jaren)', kind: 'number' },
    { name: 'retentionAgendaYears', displayName: 'Bewaartermijn agendapunten (jaren)', kind: 'number' },
    { name: 'retentionReviewsYears', displayName: 'Bewaartermijn relatiegesprekken (jaren)', kind: 'number' },
    { name: 'retentionAuditYears', displayName: 'Bewaartermijn audittrail (jaren)', kind: 'number' },
  ],
} as const satisfies ListSpec;

/**
 * The audit trail: one item per action (who, what, when, result, surface), never a note's text. Officials
 * add items and may change none of anyone else's (item-level permissions WriteSecurity = 2, set by hand:
 * docs/audit-trail.md); an author's own change shows as a later version (lastModifiedDateTime after
 * createdDateTime) and is flagged as altered in the trail view. Who did it is SharePoint's own
 * `createdBy` (set by the server, not by the app), beside the actor columns written for reading outside the app.
 */
export const AUDIT_TRAIL = {
  displayName: 'AuditTrail',
  description: 'Audittrail van Partnerzicht: wie deed wat, wanneer, met welk resultaat (zonder inhoud van notities)',
  writeSecurity: 'own',
  columns: [
    title('Handeling'),
    // The action's idempotency key (a queued write's action id): indexed, not unique, since the list has
    // item-level permissions; looked up before every create, as in ConfidentialNotes.
    { ...clientId('Handeling (client-id)'), unique: false },
    { name: 'action', displayName: 'Soort handeling', kind: 'choice', choices: AUDIT_ACTIONS, indexed: true },
    { name: 'targetList', displayName: 'Lijst', kind: 'text' },
    { name: 'targetId', displayName: 'Item-id', kind: 'text' },
    { name: 'actorEmail', displayName: 'Gebruiker (e-mail)', kind: 'text' },
    { name: 'actorName', displayName: 'Gebruiker', kind: 'text' },
    { name: 'occurredAt', displayName: 'Tijdstip', kind: 'dateTime', indexed: true },
    { name: 'result', displayName: 'Resultaat', kind: 'choice', choices: AUDIT_RESULTS },
    { name: 'surface', displayName: 'Onderdeel', kind: 'choice', choices: AUDIT_SURFACES },
    // Counts, filters and ids only (e.g. "12 items; period 2024-01-01..2024-12-31"): never a note's text.
    { name: 'detail', displayName: 'Toelichting', kind: 'note' },
  ],
  itemProperties: ['createdDateTime', 'lastModifiedDateTime', 'createdBy'],
} as const satisfies ListSpec;

/**
 * The text of confidential interactions. Protected by SharePoint item-level read permission (each
 * official reads only the items they created), not by hiding it in the UI: the Interactions item keeps
 * an empty summary and `confidential: true`. Keyed by the interaction's client id.
 */
export const CONFIDENTIAL_NOTES = {
  displayName: 'ConfidentialNotes',
  description: 'Vertrouwelijke samenvattingen van contactmomenten (alleen leesbaar voor de auteur)',
  readSecurity: 'own',
  columns: [
    title('Onderwerp'),
    // Indexed, not unique: SharePoint enforces no unique values on a list with item-level permissions
    // (and sets none on a list with a unique column), which this list needs. One note per interaction is
    // kept by the repository instead: it looks the client id up before every create (createOnce).
    { ...clientId('Contactmoment (client-id)'), unique: false },
    // Lets one partner's notes be fetched in the same $batch as its interactions.
    { name: 'partnerId', displayName: 'Partner', kind: 'text', indexed: true },
    { name: 'summary', displayName: 'Samenvatting', kind: 'note' },
    { name: 'followUps', displayName: 'Vervolgacties', kind: 'note' },
    { name: 'reviewGoesWell', displayName: 'Relatiegesprek: wat gaat goed', kind: 'note' },
    { name: 'reviewCouldImprove', displayName: 'Relatiegesprek: wat kan beter', kind: 'note' },
  ],
} as const satisfies ListSpec;

/**
 * Detection without the register (issue 19): one item per lookup key of a register partner (each
 * contact's normalised address, the registrable domain of each of its domains; core/detection/
 * lookupKeys.ts), carrying the partner's detection columns, so that a pane's cold open reads only the
 * items whose key one of its participants has (`$filter` on the indexed `lookupKey`) instead of the
 * whole register, and detects from them in the same round trip. Derived data: written after each
 * partner write (src/data/partnerLookup.ts), never in its way, and filled or repaired by ensureSchema.
 */
export const PARTNER_LOOKUP = {
  displayName: 'PartnerLookup',
  description: 'Opzoektabel voor partnerherkenning (afgeleid van Partners; wordt door Partnerzicht bijgehouden)',
  columns: [
    title('Sleutel'),
    // `partnerId|key` (hashed when longer than the column holds): one item per key and partner.
    clientId(),
    { name: 'lookupKey', displayName: 'Sleutel (adres of domein)', kind: 'text', indexed: true },
    // Indexed: a partner's own items are found to keep them in step.
    { name: 'partnerId', displayName: 'Partner', kind: 'text', indexed: true },
    { name: 'partnerName', displayName: 'Naam', kind: 'text' },
    { name: 'aliases', displayName: 'Andere namen', kind: 'note' },
    { name: 'domains', displayName: 'Domeinen', kind: 'note' },
    { name: 'contacts', displayName: 'Contactadressen', kind: 'note' },
  ],
} as const satisfies ListSpec;

/**
 * The overview's first screen without every interaction (issue 19): one item per partner with its count,
 * last contact, two newest scored reviews and each department's newest contact
 * (core/overview/partnerSummary.ts). Derived data: recounted in the background after every note written
 * about the partner (src/data/partnerSummary.ts), never in a note's way, filled and repaired by ensureSchema.
 */
export const PARTNER_SUMMARY = {
  displayName: 'PartnerSummary',
  description: 'Samenvatting per partner voor het overzicht (afgeleid van Contactmomenten; wordt door Partnerzicht bijgehouden)',
  columns: [
    title('Partner'),
    // The partner's id: one summary per partner, and the indexed key a recount finds it by.
    clientId('Partner (id)'),
    { name: 'interactionCount', displayName: 'Aantal contactmomenten', kind: 'number' },
    { name: 'lastContact', displayName: 'Laatste contact', kind: 'dateTime' },
    { name: 'facts', displayName: 'Relatiegesprekken en afdelingen', kind: 'note' },
    { name: 'summarisedAt', displayName: 'Geteld op', kind: 'dateTime' },
  ],
} as const satisfies ListSpec;

/**
 * The overview's first screen as one document (issue 19, core/overview/firstScreenDigest.ts): a
 * first-ever open on a large site shows it after one small read, before the lists behind it have
 * arrived. Derived data: made by an overview that holds the whole register, at most once an hour
 * (src/data/overviewDigest.ts); a reader takes the newest, so a few items at most are ever here.
 */
export const OVERVIEW_DIGEST = {
  displayName: 'OverviewDigest',
  description: 'Eerste scherm van het overzicht (afgeleid van Partners en PartnerSummary; wordt door Partnerzicht bijgehouden)',
  columns: [
    title('Eerste scherm'),
    { name: 'digest', displayName: 'Inhoud', kind: 'note' },
    { name: 'madeAt', displayName: 'Gemaakt op', kind: 'dateTime' },
  ],
} as const satisfies ListSpec;

export const SCHEMA = {
  Partners: PARTNERS,
  Interactions: INTERACTIONS,
  Agenda: AGENDA,
  Settings: SETTINGS,
  ConfidentialNotes: CONFIDENTIAL_NOTES,
  PartnerLookup: PARTNER_LOOKUP,
  PartnerSummary: PARTNER_SUMMARY,
  OverviewDigest: OVERVIEW_DIGEST,
  AuditTrail: AUDIT_TRAIL,
} as const;

export type ListName = keyof typeof SCHEMA;
type ColumnsOf<L extends ListName> = (typeof SCHEMA)[L]['columns'][number];
/** The whitelist: a column name that exists in list L. */
export type ColumnName<L extends ListName> = ColumnsOf<L>['name'];
/** A column of list L that may appear in `$filter`. */
export type IndexedColumnName<L extends ListName> = Extract<ColumnsOf<L>, { indexed: true }>['name'];

export const LIST_NAMES = Object.keys(SCHEMA) as ListName[];

export function columnSpec<L extends ListName>(list: L, name: string): ColumnSpec {
  const spec = (SCHEMA[list].columns as readonly ColumnSpec[]).find((c) => c.name === name);
  if (!spec) throw new Error(`Column '${name}' is not in the ${list} schema`);
  return spec;
}

/** Runtime guard behind the types: queries may only filter or sort on indexed columns. */
export function filterableColumn<L extends ListName>(list: L, name: IndexedColumnName<L>): string {
  const spec = columnSpec(list, name);
  if (!spec.indexed) throw new Error(`Column '${name}' of ${list} is not indexed; Graph refuses it in $filter/$orderby`);
  return spec.name;
}

/** All column names of a list (for `expand=fields(select=…)`). */
export function allColumns<L extends ListName>(list: L): ColumnName<L>[] {
  return (SCHEMA[list].columns as readonly ColumnSpec[]).map((c) => c.name) as ColumnName<L>[];
}

/** The Graph `columnDefinition` body for one column. */
export function toGraphColumnDefinition(column: ColumnSpec): Record<string, unknown> {
  const body: Record<string, unknown> = { name: column.name, displayName: column.displayName };
  if (column.indexed) body.indexed = true;
  if (column.unique) body.enforceUniqueValues = true;
  if (column.defaultValue !== undefined) body.defaultValue = { value: column.defaultValue };
  switch (column.kind) {
    case 'text':
      body.text = { allowMultipleLines: false, maxLength: 255 };
      break;
    case 'note':
      body.text = { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' };
      break;
    case 'number':
      body.number = {};
      break;
    case 'boolean':
      body.boolean = {};
      break;
    case 'dateTime':
      body.dateTime = { format: 'dateTime' };
      break;
    case 'dateOnly':
      body.dateTime = { format: 'dateOnly' };
      break;
    case 'choice':
      body.choice = { choices: [...(column.choices ?? [])], allowTextEntry: false, displayAs: 'dropDownMenu' };
      break;
  }
  return body;
}

/** The Graph `list` body that creates a list with all its (non-built-in) columns and indexes. */
export function toGraphListDefinition(list: ListSpec): Record<string, unknown> {
  return {
    displayName: list.displayName,
    description: list.description,
    columns: list.columns.filter((c) => !c.builtIn).map(toGraphColumnDefinition),
    list: { template: 'genericList' },
  };
}

/** The Graph facet that says which kind a column definition is, to compare against the spec. */
export function graphColumnKind(definition: Record<string, unknown>): ColumnKind | undefined {
  if (definition.text && typeof definition.text === 'object') {
    return (definition.text as { allowMultipleLines?: boolean }).allowMultipleLines ? 'note' : 'text';
  }
  if (definition.number) return 'number';
  if (definition.boolean) return 'boolean';
  if (definition.choice) return 'choice';
  if (definition.dateTime) {
    return (definition.dateTime as { format?: string }).format === 'dateOnly' ? 'dateOnly' : 'dateTime';
  }
  return undefined;
}
