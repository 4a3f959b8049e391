/**
 * Provisions the lists on the municipality's site: creates what is missing, adds missing columns and
 * indexes to existing lists, never drops or retypes anything, and says what it changed. Safe to run on
 * every start by an administrator (needs Sites.Manage.All); a second run changes nothing.
 */
import type { Message } from '../core/overview/types';
import { GraphRequestError, UnclearOutcomeError } from './graph/errors';
import { batchError, isSuccess, type GraphTransport } from './graph/GraphTransport';
import { graphColumnKind, LIST_NAMES, SCHEMA, toGraphColumnDefinition, toGraphListDefinition, type ColumnSpec, type ListSpec } from './schema';
import { createSiteResolver } from './siteRef';
import { inRegisterRead, partnerFromItem, type ListItem } from './listFields';
import { repairLookup } from './partnerLookup';
import { repairSummaries } from './partnerSummary';
import { itemQueryString } from './graph/odata';
import { AUDIT_TRAIL_STEP, checkConfidentialListSecurity, MANUAL_STEP, type ConfidentialListSecurityReport, type ItemLevelPermissionReader } from './confidentialListSecurity';

export interface SchemaReport {
  siteId: string;
  createdLists: string[];
  /** `List.column` for each column added to an existing list. */
  addedColumns: string[];
  /** `List.column` for each existing column that was made indexed. */
  indexedColumns: string[];
  /** `List.column` for each existing column that was made unique. */
  uniqueColumns: string[];
  /** `List.column` for each existing column given the default value the schema names (e.g. Partners.status: active). */
  defaultedColumns: string[];
  /** `List.column` for each column that no longer enforces unique values (the schema says it must not, e.g. ConfidentialNotes.clientId). */
  relaxedColumns: string[];
  /** Differences left alone because changing them could lose data (e.g. a column of another type), as `setup.problem.*` messages. */
  problems: Message[];
  /** What an administrator must do by hand because Graph cannot (see ConfidentialNotes), as `setup.manual.*` messages. */
  manualSteps: Message[];
  /**
   * Lookup rows written to bring PartnerLookup in step with the register (a backfill when the list was
   * new, a repair when rows were missing, stale or extra); 0 when it already was.
   */
  lookupChanges: number;
  /** Summaries written to bring PartnerSummary in step with the interactions (src/data/partnerSummary.ts); 0 when it already was. */
  summaryChanges: number;
  /**
   * Partners given the status `active` because they had none: added outside the app (SharePoint's own
   * list view, a flow, another Graph client) without one. The app shows such a partner as active, and the
   * register the panes detect with holds only partners whose stored status is active or proposed.
   */
  statusRepairs: number;
  /** Whether ConfidentialNotes is protected by item-level read permission (see confidentialListSecurity.ts). */
  confidentialList?: ConfidentialListSecurityReport;
  changed: boolean;
}

interface GraphList {
  id: string;
  displayName: string;
}

interface GraphColumn extends Record<string, unknown> {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  defaultValue?: { value?: string | null; formula?: string | null } | null;
}

export async function ensureSchema(
  transport: GraphTransport,
  siteRef: string,
  options: { readItemLevelPermissions?: ItemLevelPermissionReader } = {},
): Promise<SchemaReport> {
  const siteId = await createSiteResolver(transport, siteRef)();
  const site = `/sites/${siteId}`;
  const report: SchemaReport = { siteId, createdLists: [], addedColumns: [], indexedColumns: [], uniqueColumns: [], relaxedColumns: [], defaultedColumns: [], lookupChanges: 0, summaryChanges: 0, statusRepairs: 0, problems: [], manualSteps: [], changed: false };
  const existingLists = await transport.getAll<GraphList>(`${site}/lists?$select=id,displayName`);
  const listIds = new Map<string, string>();

  for (const name of LIST_NAMES) {
    const spec: ListSpec = SCHEMA[name];
    let list: GraphList | undefined = existingLists.find((l) => l.displayName.toLowerCase() === spec.displayName.toLowerCase());
    if (!list) {
      list = await createOnce<GraphList>(
        () => transport.request<GraphList>('POST', `${site}/lists`, { body: toGraphListDefinition(spec) }).then((r) => r.body),
        async () => (await transport.getAll<GraphList>(`${site}/lists?$select=id,displayName`)).find((l) => l.displayName === spec.displayName),
      );
      report.createdLists.push(spec.displayName);
    }
    // A new list is checked as an existing one: creates have been reported to drop columns
    // (https://github.com/microsoftgraph/microsoft-graph-docs/issues/11966); what is missing is added.
    const listId: string = list.id;
    listIds.set(name, listId);
    await ensureColumns(transport, `${site}/lists/${listId}`, spec, report);
  }
  // The lookup is derived from Partners: filled on a site that had partners before it existed, and
  // repaired where a partner write's sync did not get through (src/data/partnerLookup.ts).
  const partnerItems = await readAllPartners(transport, site);
  report.statusRepairs = await repairMissingStatus(transport, site, partnerItems);
  const partners = partnerItems.map(partnerFromItem);
  // Rows for exactly the partners the register's read holds (their status as stored, without case).
  const inRegister = partners.filter((_, n) => inRegisterRead(partnerItems[n].fields));
  report.lookupChanges = await repairLookup(transport, `${site}/lists/${SCHEMA.PartnerLookup.displayName}`, inRegister);
  // The summaries are derived from Interactions: filled on a site that had notes before, and repaired
  // where a background recount did not get through (src/data/partnerSummary.ts).
  const listPath = (name: 'Interactions' | 'PartnerSummary') => `${site}/lists/${SCHEMA[name].displayName}`;
  report.summaryChanges = await repairSummaries(transport, { interactions: listPath('Interactions'), summaries: listPath('PartnerSummary') }, partners.map((p) => p.id));
  // Graph cannot set item-level read permission: check what can be seen and warn unless verifiably restricted.
  const confidential = await checkConfidentialListSecurity(transport, siteRef, { ...options, siteId });
  report.confidentialList = confidential;
  // Unverified or missing: only the step itself; otherwise what was found, then the step.
  if (confidential.status === 'unverified' || confidential.status === 'missing') report.manualSteps.push(MANUAL_STEP);
  else if (confidential.status !== 'restricted') report.manualSteps.push(...confidential.warnings);
  // The trail: officials add entries and change none of anyone else's (WriteSecurity = 2), which Graph
  // cannot set or read either; verified where something can read it (the emulator), else a manual step.
  const trailId = listIds.get('AuditTrail');
  const trail = trailId && options.readItemLevelPermissions ? await options.readItemLevelPermissions({ siteId, listId: trailId }) : undefined;
  if (trail?.writeSecurity !== 2 && trail?.writeSecurity !== 4) report.manualSteps.push(AUDIT_TRAIL_STEP);
  report.changed = report.createdLists.length + report.addedColumns.length + report.indexedColumns.length + report.uniqueColumns.length + report.relaxedColumns.length + report.defaultedColumns.length + report.lookupChanges + report.summaryChanges + report.statusRepairs > 0;
  return report;
}

/** Every Partners item, any status (paged at 5,000): a partner that left the register must lose its rows. */
async function readAllPartners(transport: GraphTransport, site: string): Promise<ListItem[]> {
  const select = ['Title', 'aliases', 'domains', 'contacts', 'status'] as const;
  return transport.getAll<ListItem>(`${site}/lists/${SCHEMA.Partners.displayName}/items?${itemQueryString('Partners', { select, eTag: false, top: 5000 })}`);
}

/**
 * Writes `active` into the status of every partner that has none (see SchemaReport.statusRepairs), and
 * into the items read, so what follows (the lookup's repair) sees them as the register will.
 */
async function repairMissingStatus(transport: GraphTransport, site: string, items: ListItem[]): Promise<number> {
  const missing = items.filter((item) => typeof item.fields?.status !== 'string' || item.fields.status === '');
  if (missing.length === 0) return 0;
  const results = await transport.batch(
    missing.map((item) => ({ id: String(item.id), method: 'PATCH', url: `${site}/lists/${SCHEMA.Partners.displayName}/items/${encodeURIComponent(item.id)}/fields`, body: { status: 'active' } })),
  );
  let repaired = 0;
  for (const item of missing) {
    const result = results.get(String(item.id))!;
    // Removed meanwhile: nothing to repair. Anything else is a failure setup reports.
    if (result.status === 404) continue;
    if (!isSuccess(result.status)) throw batchError(result);
    item.fields = { ...item.fields, status: 'active' };
    repaired++;
  }
  return repaired;
}

async function ensureColumns(transport: GraphTransport, listPath: string, spec: ListSpec, report: SchemaReport): Promise<void> {
  const columns = await transport.getAll<GraphColumn>(`${listPath}/columns`);
  for (const column of spec.columns) {
    const label = `${spec.displayName}.${column.name}`;
    const existing = columns.find((c) => c.name === column.name);
    if (!existing) {
      if (column.builtIn) {
        report.problems.push({ key: 'setup.problem.builtInMissing', params: { column: label } });
        continue;
      }
      await createOnce(
        () => transport.request<GraphColumn>('POST', `${listPath}/columns`, { body: toGraphColumnDefinition(column) }).then((r) => r.body),
        async () => (await transport.getAll<GraphColumn>(`${listPath}/columns`)).find((c) => c.name === column.name),
      );
      report.addedColumns.push(label);
      continue;
    }
    if (!column.builtIn && graphColumnKind(existing) !== column.kind) {
      report.problems.push({ key: 'setup.problem.otherType', params: { column: label, actual: graphColumnKind(existing) ?? 'unknown', expected: column.kind } });
      continue;
    }
    await ensureColumnSettings(transport, `${listPath}/columns/${existing.id}`, column, existing, label, report);
  }
}

/** Index, uniqueness and default value as the schema says; a default an administrator chose is kept. */
async function ensureColumnSettings(transport: GraphTransport, columnPath: string, column: ColumnSpec, existing: GraphColumn, label: string, report: SchemaReport): Promise<void> {
  const patch: Record<string, unknown> = {};
  const current = existing.defaultValue;
  if (column.defaultValue !== undefined && !current?.value && !current?.formula) patch.defaultValue = { value: column.defaultValue };
  if (column.indexed && !existing.indexed) patch.indexed = true;
  if (column.unique && !existing.enforceUniqueValues) patch.enforceUniqueValues = true;
  // Explicitly not unique (an earlier release made it so): item-level permissions need it off.
  if (column.unique === false && existing.enforceUniqueValues) patch.enforceUniqueValues = false;
  if (Object.keys(patch).length === 0) return;
  try {
    await transport.request('PATCH', columnPath, { body: patch });
  } catch (error) {
    // Uniqueness fails when duplicates already exist: say so instead of stopping provisioning.
    if (error instanceof GraphRequestError && error.status === 400) {
      report.problems.push({ key: 'setup.problem.notChanged', params: { column: label, detail: error.message } });
      return;
    }
    throw error;
  }
  if (patch.indexed) report.indexedColumns.push(label);
  if (patch.enforceUniqueValues === true) report.uniqueColumns.push(label);
  if (patch.enforceUniqueValues === false) report.relaxedColumns.push(label);
  if (patch.defaultValue) report.defaultedColumns.push(label);
}

/** A create whose outcome is unclear is not sent again before checking whether it happened. */
async function createOnce<T>(create: () => Promise<T>, find: () => Promise<T | undefined>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const conflict = error instanceof GraphRequestError && error.status === 409;
      if (!(error instanceof UnclearOutcomeError) && !conflict) throw error;
      const found = await find();
      if (found) return found;
      if (conflict || attempt >= attempts) throw error;
    }
  }
}
