import { defaultParser } from '@odata/parser';
import { badRequest } from './errors';

/**
 * Turns `$filter` and `$orderby` text into a small tree the list store can evaluate.
 * The grammar is OData's, parsed by `@odata/parser` (an ABNF-faithful parser) — this module
 * only maps its token tree onto the handful of shapes SharePoint list queries support
 * (comparisons on `fields/X`, and/or/not, startswith) and decodes the literals.
 *
 * One wrinkle: the parser works on URL text, where `%27` is a quote and `%20` a space. We hand
 * it the already-decoded query value, so a literal `%` the client meant as a character would be
 * misread; every `%` is therefore re-escaped to `%25` before parsing and unescaped in literals.
 */

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'datetime'; value: number; raw: string }
  | { type: 'null' };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; field: string; value: Literal }
  | { kind: 'startswith'; field: string; value: string };

export interface OrderByTerm {
  field: string;
  descending: boolean;
}

interface Token {
  type: string;
  value: unknown;
  raw: string;
}

const COMPARE_TYPES: Record<string, CompareOp> = {
  EqualsExpression: 'eq',
  NotEqualsExpression: 'ne',
  GreaterThanExpression: 'gt',
  GreaterOrEqualsExpression: 'ge',
  LesserThanExpression: 'lt',
  LesserOrEqualsExpression: 'le',
};
const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

/** Item-level properties that Graph lets you address outside `fields/`, mapped to their SharePoint field. */
const ITEM_PROPERTIES: Record<string, string> = { id: 'ID', createdDateTime: 'Created', lastModifiedDateTime: 'Modified' };

// Control characters are not allowed raw in URL text either (the client sent them percent-encoded):
// they are re-encoded the same way. Every `%XX` in the escaped text is then one of ours.
const escapePercent = (s: string) =>
  s.replace(/%/g, '%25').replace(/[\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const unescapePercent = (s: string) => s.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export function parseFilter(text: string): FilterNode {
  let root: Token;
  try {
    root = defaultParser.filter(escapePercent(text)) as unknown as Token;
  } catch (e) {
    throw badRequest(`Invalid filter clause: ${(e as Error).message}`);
  }
  if (!root) throw badRequest('Invalid filter clause');
  return toNode(root);
}

export function parseOrderBy(text: string): OrderByTerm[] {
  let root: Token;
  try {
    root = defaultParser.query(`$orderby=${escapePercent(text)}`) as unknown as Token;
  } catch (e) {
    throw badRequest(`Invalid orderby clause: ${(e as Error).message}`);
  }
  const options = (root?.value as { options?: Token[] })?.options ?? [];
  const orderBy = options.find((o) => o.type === 'OrderBy');
  const items = (orderBy?.value as { items?: Token[] })?.items ?? [];
  if (!items.length) throw badRequest('Invalid orderby clause');
  return items.map((item) => {
    const v = item.value as { expr: Token; direction: number };
    const field = fieldOf(v.expr);
    if (!field) throw badRequest(`Invalid orderby clause: '${v.expr.raw}' is not a field`);
    return { field, descending: v.direction < 0 };
  });
}

/** Every field name the filter mentions (for the indexed-column check). */
export function filterFields(node: FilterNode, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      filterFields(node.left, out);
      filterFields(node.right, out);
      break;
    case 'not':
      filterFields(node.operand, out);
      break;
    default:
      out.add(node.field);
  }
  return out;
}

function toNode(t: Token): FilterNode {
  switch (t.type) {
    case 'CommonExpression':
    case 'BoolParenExpression':
    case 'ParenExpression':
      return toNode(t.value as Token);
    case 'AndExpression':
    case 'OrExpression':
    case 'NotExpression':
      return regroup(flatten(t, []));
    case 'MethodCallExpression':
      return methodCall(t);
    default: {
      const op = COMPARE_TYPES[t.type];
      if (!op) throw badRequest(`Invalid filter clause: '${t.raw}' is not supported`);
      const { left, right } = t.value as { left: Token; right: Token };
      const lf = fieldOf(left);
      const rf = fieldOf(right);
      if (lf && !rf) return { kind: 'compare', op, field: lf, value: literalOf(right) };
      if (rf && !lf) return { kind: 'compare', op: FLIPPED[op], field: rf, value: literalOf(left) };
      throw badRequest(`Invalid filter clause: '${t.raw}' must compare one field with one value`);
    }
  }
}

/*
 * @odata/parser 0.2.14 lets `not` swallow everything to its right (`not A and B` comes back as
 * `not (A and B)`), while OData gives `not` the highest precedence, then `and`, then `or`.
 * So the boolean layer of its tree is flattened back into source order (an in-order walk;
 * parenthesised groups stay whole) and regrouped with the right precedence.
 */
type Flat = 'and' | 'or' | 'not' | FilterNode;

function flatten(t: Token, out: Flat[]): Flat[] {
  if (t.type === 'AndExpression' || t.type === 'OrExpression') {
    const v = t.value as { left: Token; right: Token };
    flatten(v.left, out);
    out.push(t.type === 'AndExpression' ? 'and' : 'or');
    flatten(v.right, out);
  } else if (t.type === 'NotExpression') {
    out.push('not');
    flatten(t.value as Token, out);
  } else if (t.type === 'CommonExpression') {
    flatten(t.value as Token, out);
  } else {
    out.push(toNode(t)); // comparisons, functions and parenthesised groups are whole operands
  }
  return out;
}

function regroup(flat: Flat[]): FilterNode {
  // or-separated runs of and-separated runs of (not* operand)
  const ors: FilterNode[] = [];
  let ands: FilterNode[] = [];
  let negations = 0;
  for (const f of flat) {
    if (f === 'not') negations++;
    else if (f === 'and' || f === 'or') {
      if (f === 'or') {
        ors.push(ands.reduce((l, r) => ({ kind: 'and', left: l, right: r })));
        ands = [];
      }
    } else {
      let node: FilterNode = f;
      for (; negations > 0; negations--) node = { kind: 'not', operand: node };
      ands.push(node);
    }
  }
  ors.push(ands.reduce((l, r) => ({ kind: 'and', left: l, right: r })));
  return ors.reduce((l, r) => ({ kind: 'or', left: l, right: r }));
}

function methodCall(t: Token): FilterNode {
  const v = t.value as { method: string; parameters: Token[] };
  if (v.method !== 'startswith' || v.parameters.length !== 2) {
    throw badRequest(`Invalid filter clause: the function '${v.method}' is not supported for list items`);
  }
  const field = fieldOf(v.parameters[0]);
  const lit = literalOf(v.parameters[1]);
  if (!field || lit.type !== 'string') throw badRequest('Invalid filter clause: startswith takes a field and a string');
  return { kind: 'startswith', field, value: lit.value };
}

/** `fields/X` → X; `id`/`createdDateTime`/`lastModifiedDateTime` → ID/Created/Modified; else undefined. */
function fieldOf(t: Token): string | undefined {
  let tok = t;
  while (tok.type === 'CommonExpression' || tok.type === 'ParenExpression') tok = tok.value as Token;
  if (tok.type !== 'FirstMemberExpression' && tok.type !== 'MemberExpression') return undefined;
  const path = unescapePercent(tok.raw).split('/');
  if (path.length === 2 && path[0] === 'fields' && path[1]) return path[1];
  if (path.length === 1 && ITEM_PROPERTIES[path[0]]) return ITEM_PROPERTIES[path[0]];
  throw badRequest(`Invalid filter clause: '${path.join('/')}' is not a supported property; use fields/<name>`);
}

function literalOf(t: Token): Literal {
  let tok = t;
  while (tok.type === 'CommonExpression' || tok.type === 'ParenExpression') tok = tok.value as Token;
  if (tok.type !== 'Literal') throw badRequest(`Invalid filter clause: '${tok.raw}' is not a literal value`);
  const raw = tok.raw;
  switch (tok.value) {
    case 'Edm.String':
      return { type: 'string', value: unescapePercent(raw.slice(1, -1).replace(/''/g, "'")) };
    case 'Edm.Boolean':
      return { type: 'boolean', value: raw.toLowerCase() === 'true' };
    case 'null':
      return { type: 'null' };
    case 'Edm.Guid':
      return { type: 'string', value: raw };
    case 'Edm.DateTimeOffset':
    case 'Edm.Date': {
      const ms = Date.parse(tok.value === 'Edm.Date' ? `${raw}T00:00:00Z` : raw);
      if (Number.isNaN(ms)) throw badRequest(`Invalid filter clause: '${raw}' is not a valid date`);
      return { type: 'datetime', value: ms, raw };
    }
    case 'Edm.SByte':
    case 'Edm.Byte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
    case 'Edm.Double':
    case 'Edm.Single': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw badRequest(`Invalid filter clause: '${raw}' is not a number`);
      return { type: 'number', value: n };
    }
    default:
      throw badRequest(`Invalid filter clause: literals of type ${String(tok.value)} are not supported`);
  }
}
