import { randomUUID } from 'node:crypto';
import { GraphError, badRequest } from './errors';
import { DEFAULT_SITE_TIME_ZONE, dayInZone, midnightInZone } from './timeZone';

/**
 * Column definitions as Graph's `columnDefinition` describes them, and the per-type rules
 * SharePoint applies to values (coercion, 255-character single-line text, what can be indexed).
 */

/**
 * A multiple-lines-of-text column holds at most 63,999 characters ("List and library column types and
 * options", support.microsoft.com: Multiple lines of text, maximum length). Whether a live tenant refuses
 * a longer value through Graph or cuts it is not documented; the app never sends one (core/fieldLimits.ts).
 */
const NOTE_MAX_CHARS = 63_999;

export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'choice' | 'lookup' | 'other';

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  columnGroup: string;
  /** The type facet exactly as given (`text`, `number`, `choice`, …) and its settings. */
  facet: string;
  facetValue: Record<string, unknown>;
  kind: ColumnKind;
  /** `defaultValue.value`: what an item created without this field gets (ListStore.create). */
  defaultValue?: string;
  /** Built in to every list (Title); cannot be re-created. */
  builtIn?: boolean;
}

const FACETS = ['text', 'number', 'boolean', 'dateTime', 'choice', 'currency', 'personOrGroup', 'lookup', 'hyperlinkOrPicture', 'calculated', 'term', 'geolocation', 'thumbnail', 'contentApprovalStatus', 'hyperlink'] as const;

/** Fields every item has, which Graph lets you read but not write. `ID`, `Created`, `Modified` are indexed. */
export const SYSTEM_FIELDS: Record<string, { kind: ColumnKind; indexed: boolean }> = {
  ID: { kind: 'number', indexed: true },
  id: { kind: 'number', indexed: true },
  Created: { kind: 'dateTime', indexed: true },
  Modified: { kind: 'dateTime', indexed: true },
  Author: { kind: 'other', indexed: false },
  Editor: { kind: 'other', indexed: false },
  AuthorLookupId: { kind: 'other', indexed: false },
  EditorLookupId: { kind: 'other', indexed: false },
  ContentType: { kind: 'other', indexed: false },
  _UIVersionString: { kind: 'other', indexed: false },
  Attachments: { kind: 'other', indexed: false },
  Edit: { kind: 'other', indexed: false },
  LinkTitle: { kind: 'other', indexed: false },
  LinkTitleNoMenu: { kind: 'other', indexed: false },
  ItemChildCount: { kind: 'other', indexed: false },
  FolderChildCount: { kind: 'other', indexed: false },
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

export function titleColumn(): ColumnDef {
  return {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', // SharePoint's fixed id for Title
    name: 'Title',
    displayName: 'Title',
    description: '',
    indexed: false,
    enforceUniqueValues: false,
    required: false,
    hidden: false,
    readOnly: false,
    columnGroup: 'Custom Columns',
    facet: 'text',
    facetValue: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
    kind: 'text',
    builtIn: true,
  };
}

/** Builds a column from a POSTed `columnDefinition`, refusing what SharePoint refuses. */
/** The columnDefinition properties the emulator implements in a create or update; others are refused, not ignored. */
const COLUMN_PROPERTIES = ['name', 'displayName', 'description', 'indexed', 'enforceUniqueValues', 'required', 'hidden', 'columnGroup', 'defaultValue', ...FACETS];

/**
 * A column's `defaultValue` (defaultColumnValue: `value` or `formula`, "either … at a time",
 * learn.microsoft.com/graph/api/resources/defaultcolumnvalue), checked as a value of the column. Formulas are
 * not implemented by the emulator and refused rather than ignored; `null` clears the default.
 */
function defaultFromRequest(col: ColumnDef, given: unknown): string | undefined {
  if (given === null) return undefined;
  if (typeof given !== 'object' || Array.isArray(given)) throw badRequest("The column's defaultValue must be a defaultColumnValue object.");
  const { value, formula, ...rest } = given as Record<string, unknown>;
  checkBodyProperties(rest, [], 'microsoft.graph.defaultColumnValue');
  if (value != null && formula != null) throw badRequest('A default value can be either a value or a formula, not both.');
  if (formula != null) throw badRequest('Default value formulas are not implemented by the emulator.', 'notImplemented');
  if (value == null) return undefined;
  if (typeof value !== 'string') throw badRequest('The default value must be a string.');
  if (col.kind === 'choice' && !col.facetValue.allowTextEntry && !(Array.isArray(col.facetValue.choices) && col.facetValue.choices.includes(value))) {
    throw badRequest(`The default value '${value}' is not one of the choices of column '${col.name}'.`);
  }
  coerceValue(col, value);
  return value;
}

export function checkBodyProperties(body: Record<string, unknown>, known: readonly string[], type: string): void {
  for (const k of Object.keys(body)) {
    if (k.includes('@odata')) continue;
    if (!known.includes(k)) throw badRequest(`The property '${k}' does not exist on type '${type}' or is not implemented by the emulator. Make sure to only use property names that are defined by the type.`, 'BadRequest');
  }
}

export function columnFromRequest(body: unknown): ColumnDef {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The column definition must be a JSON object.');
  const b = body as Record<string, unknown>;
  checkBodyProperties(b, COLUMN_PROPERTIES, 'microsoft.graph.columnDefinition');
  const name = typeof b.name === 'string' ? b.name : undefined;
  if (!name) throw badRequest("The column definition needs a 'name'.");
  if (!NAME.test(name)) throw badRequest(`The column name '${name}' is not valid: use letters, digits and underscores.`);
  if (SYSTEM_FIELDS[name]) throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
  const facet = FACETS.find((f) => b[f] !== undefined && b[f] !== null) ?? 'text';
  const facetValue = (typeof b[facet] === 'object' && b[facet] ? { ...(b[facet] as Record<string, unknown>) } : {}) as Record<string, unknown>;
  if (facet === 'text' && facetValue.maxLength === undefined && !facetValue.allowMultipleLines) facetValue.maxLength = 255;
  const col: ColumnDef = {
    id: randomUUID(),
    name,
    displayName: typeof b.displayName === 'string' && b.displayName ? b.displayName : name,
    description: typeof b.description === 'string' ? b.description : '',
    indexed: b.indexed === true,
    enforceUniqueValues: b.enforceUniqueValues === true,
    required: b.required === true,
    hidden: b.hidden === true,
    readOnly: false,
    columnGroup: typeof b.columnGroup === 'string' ? b.columnGroup : 'Custom Columns',
    facet,
    facetValue,
    kind: kindOf(facet, facetValue),
  };
  checkIndexable(col);
  if (b.defaultValue !== undefined) col.defaultValue = defaultFromRequest(col, b.defaultValue);
  return col;
}

/** Applies a PATCH to a column (Graph lets you change indexed, uniqueness, names, hidden, required). */
export function patchColumn(col: ColumnDef, body: unknown): ColumnDef {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The column definition must be a JSON object.');
  const b = body as Record<string, unknown>;
  checkBodyProperties(b, COLUMN_PROPERTIES, 'microsoft.graph.columnDefinition');
  if (b.name !== undefined && b.name !== col.name) throw badRequest("A column's internal name cannot be changed.");
  for (const f of FACETS) if (f !== col.facet && b[f] !== undefined) throw badRequest(`The column '${col.name}' is not a ${f} column; its type cannot be changed.`);
  const next: ColumnDef = { ...col, facetValue: { ...col.facetValue } };
  if (typeof b.displayName === 'string') next.displayName = b.displayName;
  if (typeof b.description === 'string') next.description = b.description;
  if (typeof b.indexed === 'boolean') next.indexed = b.indexed;
  if (typeof b.enforceUniqueValues === 'boolean') next.enforceUniqueValues = b.enforceUniqueValues;
  if (typeof b.required === 'boolean') next.required = b.required;
  if (typeof b.hidden === 'boolean') next.hidden = b.hidden;
  if (b[col.facet] && typeof b[col.facet] === 'object') Object.assign(next.facetValue, b[col.facet]);
  next.kind = kindOf(next.facet, next.facetValue);
  checkIndexable(next);
  if (b.defaultValue !== undefined) next.defaultValue = defaultFromRequest(next, b.defaultValue);
  return next;
}

function checkIndexable(col: ColumnDef): void {
  if (col.enforceUniqueValues && !col.indexed) {
    throw badRequest(`The column '${col.name}' must be indexed to enforce unique values.`);
  }
  if (col.indexed && col.kind === 'note') {
    throw badRequest(`The column '${col.name}' is a multiple lines of text column, which cannot be indexed.`);
  }
}

function kindOf(facet: string, facetValue: Record<string, unknown>): ColumnKind {
  switch (facet) {
    case 'text':
      return facetValue.allowMultipleLines ? 'note' : 'text';
    case 'number':
    case 'currency':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
    case 'choice':
      return 'choice';
    case 'lookup':
    case 'personOrGroup':
      return 'lookup';
    default:
      return 'other';
  }
}

/** The JSON Graph answers for a column. */
export function columnJson(col: ColumnDef): Record<string, unknown> {
  return {
    columnGroup: col.columnGroup,
    description: col.description,
    displayName: col.displayName,
    enforceUniqueValues: col.enforceUniqueValues,
    hidden: col.hidden,
    id: col.id,
    indexed: col.indexed,
    name: col.name,
    readOnly: col.readOnly,
    required: col.required,
    ...(col.defaultValue !== undefined ? { defaultValue: { value: col.defaultValue } } : {}),
    [col.facet]: col.facetValue,
  };
}

/** Turns a value written to a column into what SharePoint stores (or refuses it with 400). */
export function coerceValue(col: ColumnDef, value: unknown, timeZone: string = DEFAULT_SITE_TIME_ZONE): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => coerceScalar(col, v, timeZone));
  return coerceScalar(col, value, timeZone);
}

function coerceScalar(col: ColumnDef, value: unknown, timeZone: string): unknown {
  switch (col.kind) {
    case 'text':
    case 'note':
    case 'choice': {
      if (typeof value === 'object') throw badRequest(`The value for field '${col.name}' must be text.`);
      const s = String(value);
      if (s === '') return null;
      const max = typeof col.facetValue.maxLength === 'number' ? col.facetValue.maxLength : col.kind === 'text' ? 255 : col.kind === 'note' ? NOTE_MAX_CHARS : 0;
      if (max > 0 && s.length > max) {
        throw badRequest(`The value for field '${col.name}' is ${s.length} characters long; the column allows at most ${max}.`);
      }
      return s;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw badRequest(`The value '${String(value)}' for field '${col.name}' is not a valid number.`);
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 1 || value === '1' || value === 'true' || value === 'True') return true;
      if (value === 0 || value === '0' || value === 'false' || value === 'False') return false;
      throw badRequest(`The value '${String(value)}' for field '${col.name}' is not a valid boolean.`);
    case 'dateTime': {
      const ms = typeof value === 'string' || typeof value === 'number' ? Date.parse(String(value)) : NaN;
      if (Number.isNaN(ms)) throw badRequest(`The value '${String(value)}' for field '${col.name}' is not a valid date.`);
      if (col.facetValue.format !== 'dateOnly') return isoSeconds(ms);
      // A date-only column keeps the day the value falls on in the site's time zone, and is answered as the
      // UTC instant of that day's midnight there (e.g. 15 March in Amsterdam → 2026-03-14T23:00:00Z).
      const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : dayInZone(ms, timeZone);
      return isoSeconds(midnightInZone(day, timeZone));
    }
    default:
      return value;
  }
}

/** SharePoint keeps dates to the second and answers them in UTC with a Z. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
