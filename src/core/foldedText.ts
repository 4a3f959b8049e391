/**
 * Comparing what someone typed with names as people write them: case- and accent-insensitive
 * (`celik` finds `Çelik`, `de vries` finds `De  Vries`: runs of white space count as one), and finding
 * where in the original text a folded match lies, so that it can be replaced there.
 */

const MARKS = /\p{M}+/gu;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Letters that are not a base letter with a mark, so NFKD leaves them as they are, written as people type
 * them without the key: `strasse` finds `Straße`, `sorensen` finds `Sørensen`, `lodz` finds `Łódź`.
 */
const LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const OWN_LETTERS = /[ßøæœłđðþıħ]/g;
const plain = (lower: string) => lower.normalize('NFKD').replace(MARKS, '').replace(OWN_LETTERS, (c) => LETTERS[c]);

function foldChar(c: string): string {
  return plain(c.toLowerCase());
}

/** Lower case, without diacritics (NFKD, so `ĳ` is `ij`; `ß` as `ss`, `ø` as `o`), runs of white space as one space, trimmed. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return (ASCII.test(lower) ? lower : plain(lower)).replace(/\s+/g, ' ').trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// In an address, the local part's punctuation belongs to it too: `jan@x.nl` is not in `p.jan@x.nl`.
const ADDRESS_CHAR = /[\p{L}\p{N}._%+-]/u;

/**
 * Whether the folded `needle` found at `at` in the folded `text` stands as whole words there: `jan de
 * vries` is not in `marjan de vries`, nor `jan@portaal.nl` in `marjan@portaal.nl`.
 */
function isWholeAt(text: string, at: number, needle: string): boolean {
  const part = needle.includes('@') ? ADDRESS_CHAR : WORD_CHAR;
  const before = text[at - 1];
  const after = text[at + needle.length];
  const edge = (c: string | undefined, inside: string | undefined) => c === undefined || !part.test(c) || !part.test(inside ?? '');
  return edge(before, needle[0]) && edge(after, needle[needle.length - 1]);
}

/**
 * Where the folded needles occur in `text` as whole words (see isWholeAt), as [start, end) ranges of the
 * original string, sorted and without overlaps (the longer match wins). Needles are folded already (see `fold`).
 */
export function foldedRanges(text: string, needles: readonly string[]): Array<[number, number]> {
  const wanted = needles.filter((n) => n !== '');
  if (wanted.length === 0 || !text) return [];
  // The folded text, and for each of its characters the original index it came from.
  let folded = '';
  const origin: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const c = String.fromCodePoint(code);
    const f = /\s/.test(c) ? ' ' : foldChar(c);
    if (f === ' ') {
      if (!space) {
        folded += ' ';
        origin.push(i);
      }
      space = true;
    } else {
      space = false;
      for (const part of f) {
        folded += part;
        origin.push(i);
      }
    }
    i += c.length;
  }
  const ends = (index: number) => (index < origin.length ? origin[index] : text.length);
  const found: Array<[number, number]> = [];
  for (const needle of wanted) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) if (isWholeAt(folded, at, needle)) found.push([origin[at], ends(at + needle.length)]);
  }
  return mergeRanges(found);
}

/** Ranges sorted by start, overlapping ones joined. */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Whether any of the folded needles occurs in `value`. */
export function containsFolded(value: string | undefined, needles: readonly string[]): boolean {
  if (!value) return false;
  const folded = fold(value);
  return needles.some((needle) => folded.includes(needle));
}

/** Whether any of the folded needles occurs in `value` as whole words (see isWholeAt): about one person, not another whose name holds theirs. */
export function containsFoldedWords(value: string | undefined, needles: readonly string[]): boolean {
  if (!value) return false;
  const folded = fold(value);
  return needles.some((needle) => {
    if (needle === '') return false;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) if (isWholeAt(folded, at, needle)) return true;
    return false;
  });
}

/**
 * A finder for many folded names at once, for scanning many texts (a Woo request over 100,000 notes
 * with thousands of known people): the names are indexed by their first `prefix` characters, so a
 * text costs one look-up per word start instead of one substring search per name. A name counts only
 * as whole words (so `jan` is not found in `januari`, nor `de groot` in `de grootte`); names shorter than `prefix` are ignored.
 */
export function foldedNameFinder(names: readonly string[], prefix = 3): (text: string | undefined) => boolean {
  const byPrefix = new Map<string, string[]>();
  // Searched from where a word starts: leading punctuation (`'t hart`) is not part of finding a name.
  for (const name of new Set(names.map((n) => n.replace(/^[^\p{L}\p{N}]+/u, '')))) {
    if (name.length < prefix) continue;
    const key = name.slice(0, prefix);
    const list = byPrefix.get(key);
    if (list) list.push(name);
    else byPrefix.set(key, [name]);
  }
  const word = /[\p{L}\p{N}]+/gu;
  const wordChar = /[\p{L}\p{N}]/u;
  return (text) => {
    if (!text || byPrefix.size === 0) return false;
    const folded = fold(text);
    for (const start of folded.matchAll(word)) {
      const at = start.index;
      const candidates = byPrefix.get(folded.slice(at, at + prefix));
      if (candidates?.some((name) => folded.startsWith(name, at) && !wordChar.test(folded[at + name.length] ?? ''))) return true;
    }
    return false;
  };
}

/** `text` with the given ranges (sorted, not overlapping) replaced by `replacement`. */
export function replaceRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>, replacement: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    out += text.slice(from, start) + replacement;
    from = end;
  }
  return out + text.slice(from);
}
