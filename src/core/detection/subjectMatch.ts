/**
 * Partner names and aliases as whole words in a subject: `Overleg Stichting Portaal` names Portaal,
 * `Portaalsite` does not. Case- and diacritic-insensitive, so `Cordaan` matches `Cordaän`.
 */
import { hasBlankEnd, isAscii } from './host';

/** Outlook caps subjects at 255; anything far beyond is garbage and is cut, not scanned. */
const MAX_SUBJECT_CHARS = 1000;
const MAX_SUBJECT_WORDS = 200;
const MAX_TERM_CHARS = 200;
/** Shorter terms (`AZ`, `De`) would match ordinary words in many subjects. */
export const MIN_TERM_CHARS = 3;

const NON_WORD = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;

/** Lower-case words without diacritics; `ĳ` and full-width forms fold too (NFKD). */
export function words(text: string, maxChars = MAX_SUBJECT_CHARS): string[] {
  let t = text.length > maxChars ? text.slice(0, maxChars) : text;
  t = t.toLowerCase();
  const out: string[] = [];
  if (isAscii(t)) {
    pushAsciiWords(t, out);
    return out;
  }
  for (const p of t.normalize('NFKD').replace(MARKS, '').split(NON_WORD)) if (p) out.push(p);
  return out;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * The runs of `[a-z0-9]` in lower-case ASCII `t`, as `t.split(/[^a-z0-9]+/)` minus the empty pieces,
 * by hand: the regex split and the empty pieces it makes were much of the cost of every subject and
 * of indexing a large register's names.
 */
function pushAsciiWords(t: string, out: string[]): void {
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    if (isAsciiWordChar(t.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(t.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(start === 0 ? t : t.slice(start));
}

interface Phrase {
  partner: number;
  term: string;
}

/** A word trie: a subject is matched in time proportional to its words, however many register
 * terms share a prefix (`Stichting …`, `Gemeente …`). Most nodes have one child, kept inline;
 * a Map is made only where terms branch, which keeps building 10,000 partners cheap. */
class TrieNode {
  // A class with every field set in the constructor gives all nodes one shape: nodes grown from `{}`
  // took a different shape per combination of fields, and the property reads became megamorphic.
  /**
   * Terms that end at this word: the first inline (nearly every node has at most one), any others
   * in `moreEnds`. Inline saves an array and an object per register term, which the index build
   * otherwise allocates and then copies in garbage collection.
   */
  endPartner = -1;
  endTerm = '';
  moreEnds: Phrase[] | undefined = undefined;
  childWord: string | undefined = undefined;
  child: TrieNode | undefined = undefined;
  children: Map<string, TrieNode> | undefined = undefined;
}

function childOf(node: TrieNode, word: string): TrieNode | undefined {
  if (node.childWord === word) return node.child;
  return node.children?.get(word);
}

function addChild(node: TrieNode, word: string): TrieNode {
  const existing = childOf(node, word);
  if (existing) return existing;
  const created = new TrieNode();
  if (node.child === undefined && node.children === undefined) {
    node.childWord = word;
    node.child = created;
  } else (node.children ??= new Map()).set(word, created);
  return created;
}

export class SubjectIndex {
  private readonly root = new Map<string, TrieNode>();

  add(partner: number, term: unknown): void {
    if (typeof term !== 'string') return;
    const trimmed = hasBlankEnd(term) ? term.trim() : term;
    if (trimmed.length < MIN_TERM_CHARS || (trimmed.length < 2 * MIN_TERM_CHARS && [...trimmed].length < MIN_TERM_CHARS)) return;
    const w = words(trimmed, MAX_TERM_CHARS);
    if (w.length === 0) return;
    let node = this.root.get(w[0]);
    if (!node) this.root.set(w[0], (node = new TrieNode()));
    for (let i = 1; i < w.length; i++) node = addChild(node, w[i]);
    if (node.endPartner < 0) {
      node.endPartner = partner;
      node.endTerm = trimmed;
      return;
    }
    // A name and an alias that fold to the same words are one term.
    if (node.endPartner === partner) return;
    const more = node.moreEnds;
    if (more === undefined) node.moreEnds = [{ partner, term: trimmed }];
    else if (!more.some((e) => e.partner === partner)) more.push({ partner, term: trimmed });
  }

  /** Calls `found` for each (partner, term) whose words occur consecutively in `subject`. */
  match(subject: string, found: (partner: number, term: string) => void): void {
    if (typeof subject !== 'string' || subject.length === 0) return;
    const w = words(subject);
    const n = Math.min(w.length, MAX_SUBJECT_WORDS);
    for (let i = 0; i < n; i++) {
      let node = this.root.get(w[i]);
      for (let j = i + 1; node !== undefined; j++) {
        if (node.endPartner >= 0) {
          found(node.endPartner, node.endTerm);
          if (node.moreEnds) for (const p of node.moreEnds) found(p.partner, p.term);
        }
        node = j < n ? childOf(node, w[j]) : undefined;
      }
    }
  }
}
