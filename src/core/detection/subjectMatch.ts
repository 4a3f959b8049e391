/**
 * Partner names and aliases as whole words in a subject: `Overleg Stichting Portaal` names Portaal,
 * `Portaalsite` does not. Case- and diacritic-insensitive, so `Cordaan` matches `Cordaän`.
 */
import { isAscii } from './host';

/** Outlook caps subjects at 255; anything far beyond is garbage and is cut, not scanned. */
const MAX_SUBJECT_CHARS = 1000;
const MAX_SUBJECT_WORDS = 200;
const MAX_TERM_CHARS = 200;
/** Shorter terms (`AZ`, `De`) would match ordinary words in many subjects. */
export const MIN_TERM_CHARS = 3;

const NON_WORD_ASCII = /[^a-z0-9]+/;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;

/** Lower-case words without diacritics; `ĳ` and full-width forms fold too (NFKD). */
export function words(text: string, maxChars = MAX_SUBJECT_CHARS): string[] {
  let t = text.length > maxChars ? text.slice(0, maxChars) : text;
  t = t.toLowerCase();
  const parts = isAscii(t) ? t.split(NON_WORD_ASCII) : t.normalize('NFKD').replace(MARKS, '').split(NON_WORD);
  const out: string[] = [];
  for (const p of parts) if (p) out.push(p);
  return out;
}

interface Phrase {
  words: string[];
  partner: number;
  term: string;
}

interface FirstWord {
  /** Terms of exactly this one word. */
  one?: Phrase[];
  /** Longer terms by their second word, so a common first word (`stichting`, `gemeente`) does not
   * make every subject check every alias that starts with it. */
  next?: Map<string, Phrase[]>;
}

export class SubjectIndex {
  private readonly byFirst = new Map<string, FirstWord>();
  private readonly seen = new Set<string>();

  add(partner: number, term: unknown): void {
    if (typeof term !== 'string') return;
    const trimmed = term.trim();
    if ([...trimmed].length < MIN_TERM_CHARS) return;
    const w = words(trimmed, MAX_TERM_CHARS);
    if (w.length === 0) return;
    const key = `${partner} ${w.join(' ')}`;
    if (this.seen.has(key)) return; // name and alias that normalise alike
    this.seen.add(key);
    const phrase: Phrase = { words: w, partner, term: trimmed };
    let first = this.byFirst.get(w[0]);
    if (!first) this.byFirst.set(w[0], (first = {}));
    if (w.length === 1) (first.one ??= []).push(phrase);
    else {
      first.next ??= new Map();
      const list = first.next.get(w[1]);
      if (list) list.push(phrase);
      else first.next.set(w[1], [phrase]);
    }
  }

  /** Calls `found` for each (partner, term) whose words occur consecutively in `subject`. */
  match(subject: string, found: (partner: number, term: string) => void): void {
    if (typeof subject !== 'string' || subject.length === 0) return;
    const w = words(subject);
    const n = Math.min(w.length, MAX_SUBJECT_WORDS);
    for (let i = 0; i < n; i++) {
      const first = this.byFirst.get(w[i]);
      if (first === undefined) continue;
      if (first.one) for (const p of first.one) found(p.partner, p.term);
      const candidates = first.next && i + 1 < n ? first.next.get(w[i + 1]) : undefined;
      if (candidates === undefined) continue;
      for (const p of candidates) {
        if (i + p.words.length > n) continue;
        let ok = true;
        for (let j = 2; j < p.words.length && ok; j++) ok = p.words[j] === w[i + j];
        if (ok) found(p.partner, p.term);
      }
    }
  }
}
