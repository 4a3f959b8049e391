import type { Interaction } from '../model';

/** An interaction as the overview keeps it: who, when, which department and themes, a review's score — no note text. */
export type CompactInteraction = Omit<Interaction, 'summary' | 'followUps' | 'review' | 'sourceLink' | 'etag' | 'loggedAt' | 'edited' | 'withdrawn'> & {
  /** The relationship review's score (not its texts): the attention list and the reviews tab need only this. */
  reviewScore?: number;
};

/**
 * Many interactions as columns rather than objects. 100,000 objects of a dozen fields each cost seconds
 * to structured-clone out of IndexedDB and to collect afterwards. Reading a value back from IndexedDB
 * costs in proportion to its bytes, so the table keeps them few: text that repeats (partner, kind,
 * department, author, themes, but also titles and dates, which repeat a great deal: meeting series, the
 * same hour) is stored once in `words` and referred to by a code per row, and the texts that do not
 * repeat are joined into one string per column (one string is copied in one piece, an array of 100,000
 * strings one string at a time). The first screen's per-partner figures read the codes directly; objects
 * are made only when a view needs them ({@link decodeInteractions}).
 */
export interface InteractionTable {
  format: 4;
  length: number;
  /** Every distinct repeated text once; the code columns index into it. */
  words: TextColumn;
  ids: TextColumn;
  clientIds: PackedTexts;
  /** Only the rows that have a source reference, and their references in that order. */
  sourceRefRows: Uint32Array;
  sourceRefs: PackedTexts;
  partner: Codes;
  kind: Codes;
  department: Codes;
  authorEmail: Codes;
  authorName: Codes;
  /** Code of the themes joined by newlines (themes are single lines, see listFields' splitLines). */
  themes: Codes;
  title: Codes;
  date: Codes;
  /** Bit 0 confidential, bit 1 Woo-relevant. */
  flags: Uint8Array;
  /** 0 where there is no review score (a score of 0 is not carried either, as before); one byte a row while every score is a whole number up to 255. */
  reviewScore: Uint8Array | Float64Array;
}

/**
 * Texts that end in a UUID (client ids are `crypto.randomUUID()`; many source references carry one too):
 * the UUID as 16 bytes instead of 36 characters, the text before it as a code into `words`. A text
 * without a UUID at its end is kept whole, as a code of its own.
 */
export interface PackedTexts {
  /** Per text: the code of what comes before the UUID, or of the whole text when it has none. */
  head: Codes;
  /** Per text: 1 when it ends in a UUID. */
  hasUuid: Uint8Array;
  /** 16 bytes per text (zero where there is no UUID). */
  uuid: Uint8Array;
}

/** Two bytes a row while there are at most 65,536 distinct words, four beyond. */
export type Codes = Uint16Array | Uint32Array;

/**
 * One text per row, joined by {@link SEPARATOR}; as an array only when some text contains the separator
 * itself (nothing a person types, but the cache must not break on it).
 */
export type TextColumn = string | string[];

const SEPARATOR = '\u0000';
const CONFIDENTIAL = 1;
const WOO = 2;

function textColumn(values: string[]): TextColumn {
  return values.some((v) => v.includes(SEPARATOR)) ? values : values.join(SEPARATOR);
}

function texts(column: TextColumn, length: number): string[] {
  if (typeof column !== 'string') return column;
  return length === 0 ? [] : column.split(SEPARATOR);
}

const UUID_AT_END = /^([\s\S]*?)([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function packTexts(values: readonly string[], code: (word: string) => number): { head: Uint32Array; hasUuid: Uint8Array; uuid: Uint8Array } {
  const head = new Uint32Array(values.length);
  const hasUuid = new Uint8Array(values.length);
  const uuid = new Uint8Array(values.length * 16);
  values.forEach((value, n) => {
    const m = UUID_AT_END.exec(value);
    if (!m) {
      head[n] = code(value);
      return;
    }
    head[n] = code(m[1]);
    hasUuid[n] = 1;
    const hex = m[2] + m[3] + m[4] + m[5] + m[6];
    for (let b = 0; b < 16; b++) uuid[n * 16 + b] = parseInt(hex.slice(b * 2, b * 2 + 2), 16);
  });
  return { head, hasUuid, uuid };
}

/** Text `n` of a packed column. One at a time: the objects are made in slices, each slice its own texts. */
function unpackText(packed: PackedTexts, words: string[], n: number): string {
  const { head, hasUuid, uuid } = packed;
  if (!hasUuid[n]) return words[head[n]];
  const b = n * 16;
  const x = (i: number) => HEX[uuid[b + i]];
  return `${words[head[n]]}${x(0)}${x(1)}${x(2)}${x(3)}-${x(4)}${x(5)}-${x(6)}${x(7)}-${x(8)}${x(9)}-${x(10)}${x(11)}${x(12)}${x(13)}${x(14)}${x(15)}`;
}

interface TableTexts {
  words: string[];
  ids: string[];
  /** Per row, the index of its source reference in `sourceRefs`, or -1. */
  sourceRefOf: Int32Array;
}

// Split once per table: the objects are made in slices, and the figures read the same columns.
const split = new WeakMap<InteractionTable, Partial<TableTexts>>();

function cached<K extends keyof TableTexts>(table: InteractionTable, key: K, make: () => TableTexts[K]): TableTexts[K] {
  let t = split.get(table);
  if (!t) split.set(table, (t = {}));
  return (t[key] ??= make());
}

/** The distinct texts the code columns refer to (shared: do not change). */
export function tableWords(table: InteractionTable): string[] {
  return cached(table, 'words', () => texts(table.words, table.length === 0 ? 0 : 1));
}

/** The ids, one per row (shared: do not change). */
export function tableIds(table: InteractionTable): string[] {
  return cached(table, 'ids', () => texts(table.ids, table.length));
}

function sourceRefIndex(table: InteractionTable): Int32Array {
  return cached(table, 'sourceRefOf', () => {
    const index = new Int32Array(table.length).fill(-1);
    table.sourceRefRows.forEach((row, n) => (index[row] = n));
    return index;
  });
}

export function encodeInteractions(rows: readonly CompactInteraction[]): InteractionTable {
  const n = rows.length;
  const words: string[] = [];
  const codes = new Map<string, number>();
  const code = (word: string): number => {
    let c = codes.get(word);
    if (c === undefined) {
      c = words.length;
      words.push(word);
      codes.set(word, c);
    }
    return c;
  };
  const columns = { partner: new Uint32Array(n), kind: new Uint32Array(n), department: new Uint32Array(n), authorEmail: new Uint32Array(n), authorName: new Uint32Array(n), themes: new Uint32Array(n), title: new Uint32Array(n), date: new Uint32Array(n) };
  const ids = new Array<string>(n);
  const clientIds = new Array<string>(n);
  const refRows: number[] = [];
  const refs: string[] = [];
  const flags = new Uint8Array(n);
  const reviewScore = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    ids[r] = i.id;
    clientIds[r] = i.clientId;
    if (i.sourceRef !== undefined) {
      refRows.push(r);
      refs.push(i.sourceRef);
    }
    columns.partner[r] = code(i.partnerId);
    columns.kind[r] = code(i.kind);
    columns.department[r] = code(i.department);
    columns.authorEmail[r] = code(i.authorEmail);
    columns.authorName[r] = code(i.authorName);
    columns.themes[r] = code(i.themes.join('\n'));
    columns.title[r] = code(i.title);
    columns.date[r] = code(i.date);
    flags[r] = (i.confidential ? CONFIDENTIAL : 0) | (i.wooRelevant ? WOO : 0);
    reviewScore[r] = i.reviewScore || 0;
  }
  const packedClientIds = packTexts(clientIds, code);
  const packedRefs = packTexts(refs, code);
  const narrow = (c: Uint32Array): Codes => (words.length <= 0x10000 ? Uint16Array.from(c) : c);
  const pack = (p: ReturnType<typeof packTexts>): PackedTexts => ({ ...p, head: narrow(p.head) });
  const smallScores = reviewScore.every((x) => Number.isInteger(x) && x >= 0 && x <= 255);
  return {
    format: 4,
    length: n,
    words: textColumn(words),
    ids: textColumn(ids),
    clientIds: pack(packedClientIds),
    sourceRefRows: Uint32Array.from(refRows),
    sourceRefs: pack(packedRefs),
    partner: narrow(columns.partner),
    kind: narrow(columns.kind),
    department: narrow(columns.department),
    authorEmail: narrow(columns.authorEmail),
    authorName: narrow(columns.authorName),
    themes: narrow(columns.themes),
    title: narrow(columns.title),
    date: narrow(columns.date),
    flags,
    reviewScore: smallScores ? Uint8Array.from(reviewScore) : reviewScore,
  };
}

/** Rows `from` (inclusive) to `to` (exclusive) as objects, field for field what was encoded. */
export function decodeInteractions(table: InteractionTable, from = 0, to = table.length): CompactInteraction[] {
  const words = tableWords(table);
  const ids = tableIds(table);
  const refOf = sourceRefIndex(table);
  // Each row gets its own themes array: callers may treat them as theirs.
  const themeLists = new Map<number, string[]>();
  const themesOf = (c: number) => {
    let list = themeLists.get(c);
    if (!list) themeLists.set(c, (list = words[c] === '' ? [] : words[c].split('\n')));
    return list.slice();
  };
  const end = Math.min(to, table.length);
  const out: CompactInteraction[] = [];
  for (let r = from; r < end; r++) {
    const flags = table.flags[r];
    const row: CompactInteraction = {
      id: ids[r],
      clientId: unpackText(table.clientIds, words, r),
      partnerId: words[table.partner[r]],
      date: words[table.date[r]],
      kind: words[table.kind[r]] as Interaction['kind'],
      department: words[table.department[r]],
      authorEmail: words[table.authorEmail[r]],
      authorName: words[table.authorName[r]],
      themes: themesOf(table.themes[r]),
      title: words[table.title[r]],
      confidential: (flags & CONFIDENTIAL) !== 0,
      wooRelevant: (flags & WOO) !== 0,
      sourceRef: refOf[r] < 0 ? undefined : unpackText(table.sourceRefs, words, refOf[r]),
    };
    const score = table.reviewScore[r];
    if (score) row.reviewScore = score;
    out.push(row);
  }
  return out;
}

/** True when `value` looks like a table this version wrote (anything else is read again in full). */
export function isInteractionTable(value: unknown): value is InteractionTable {
  const t = value as Partial<InteractionTable> | undefined;
  return !!t && t.format === 4 && typeof t.length === 'number' && ArrayBuffer.isView(t.partner) && t.partner.length === t.length && ArrayBuffer.isView(t.date) && ArrayBuffer.isView(t.sourceRefRows);
}
