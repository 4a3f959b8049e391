import type { Partner } from '../model';
import { rhythmStatus, type RhythmState } from '../relationship';
import { DAY_MS, type InteractionFacts, type Message } from './types';

export interface Vraagstuk {
  title: string;
  themes: string[];
  /** Free text; words in it are matched against partners' descriptions and contact titles. */
  text?: string;
}

export interface Suggestion {
  partnerId: string;
  score: number;
  /** What the ranking is made of; the reader is shown `explanation`, never these figures. */
  parts: { expertise: number; contacts: number; warmth: number; words: number };
  /** Why, as short reasons (catalogue key + params) covering every part of the ranking; the UI joins them with ", ". */
  explanation: Message[];
}

/** A contact's weight halves every 180 days: last month's conversation says more than one two years ago. */
const HALF_LIFE_DAYS = 180;
const WEIGHTS = { expertise: 3, contacts: 1, warmth: 1, words: 0.5 } as const;
const MAX_WORD_HITS = 4;

/** Words too common in Dutch policy prose to say anything about a partner. */
const STOPWORDS = new Set(
  'de het een en van in op voor met door over naar bij aan als dat die dit deze wat wie hoe ook nog niet wel zijn worden wordt kan kunnen moet moeten om tot uit onze ons wij we gemeente gemeentelijk gemeentelijke the and for with about'.split(' '),
);

/** Lower-case words of at least four letters, without diacritics, minus stopwords. */
export function keywords(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4 && !STOPWORDS.has(w));
  return [...new Set(words)];
}

/**
 * Which partners could think along on a current issue, best first. The score adds three things:
 * - expertise: the themes that are among the partner's registered themes (the register is
 *   where an owner writes what a partner knows about);
 * - contacts: interactions about those themes, each weighted by recency (half-life 180 days), so a
 *   partner the municipality actually talks to about the subject ranks above one that only lists it;
 * - warmth: a named owner, contact within rhythm, and the latest review score when known — a warm
 *   relationship is easier to ask.
 * Words of the title and free text found in the partner's description add a little, as a tie-breaker.
 * Partners with neither expertise nor contacts about the themes are not suggested; nor inactive ones.
 */
export function suggestPartners(
  vraagstuk: Vraagstuk,
  data: { partners: Partner[]; interactions: InteractionFacts[]; now: Date },
  limit = 10,
): Suggestion[] {
  const words = keywords(`${vraagstuk.title} ${vraagstuk.text ?? ''}`);
  // A theme named in the text counts as chosen: "afstoten van vastgoed" is about vastgoed.
  const themes = new Set(vraagstuk.themes.map((t) => t.toLowerCase()));
  const nowMs = data.now.getTime();
  const year = data.now.getUTCFullYear();
  const byPartner = new Map<string, InteractionFacts[]>();
  for (const i of data.interactions) {
    const list = byPartner.get(i.partnerId);
    if (list) list.push(i);
    else byPartner.set(i.partnerId, [i]);
  }
  for (const p of data.partners) for (const t of p.themes) if (words.includes(t.toLowerCase())) themes.add(t.toLowerCase());
  if (themes.size === 0 && words.length === 0) return [];

  const suggestions: Suggestion[] = [];
  for (const partner of data.partners) {
    if (partner.status === 'inactive') continue;
    const matchedThemes = partner.themes.filter((t) => themes.has(t.toLowerCase()));
    const own = byPartner.get(partner.id) ?? [];
    const about = own.filter((i) => i.themes.some((t) => themes.has(t.toLowerCase())));
    const contacts = about.reduce((sum, i) => sum + Math.pow(0.5, Math.max(0, nowMs - Date.parse(i.date)) / DAY_MS / HALF_LIFE_DAYS), 0);
    const description = new Set(keywords(`${partner.description ?? ''} ${partner.name} ${partner.aliases.join(' ')}`));
    const wordHits = words.filter((w) => description.has(w) || [...description].some((d) => d.length >= 6 && w.length >= 6 && (d.startsWith(w) || w.startsWith(d))));
    if (matchedThemes.length === 0 && about.length === 0 && wordHits.length === 0) continue;

    const rhythm = rhythmStatus(partner, data.now);
    const reviews = own.filter((i) => i.review).sort((a, b) => b.date.localeCompare(a.date));
    const reviewScore = reviews[0]?.review?.score;
    let warmth = 0;
    if (partner.ownerEmail || partner.ownerName) warmth += 0.5;
    if (rhythm.state === 'ok' || rhythm.state === 'due-soon' || (rhythm.state === 'no-target' && (rhythm.daysSince ?? Infinity) < 90)) warmth += 1;
    if (rhythm.state === 'overdue' || rhythm.state === 'never') warmth -= 0.5;
    if (reviewScore !== undefined) warmth += (reviewScore - 3) * 0.5;

    const parts = { expertise: matchedThemes.length, contacts, warmth, words: Math.min(MAX_WORD_HITS, wordHits.length) };
    const score = WEIGHTS.expertise * parts.expertise + WEIGHTS.contacts * parts.contacts + WEIGHTS.warmth * parts.warmth + WEIGHTS.words * parts.words;
    suggestions.push({ partnerId: partner.id, score: Math.round(score * 100) / 100, parts, explanation: explain(partner, about, matchedThemes, themes, year, reviewScore, wordHits, rhythm.state) });
  }
  const names = new Map(data.partners.map((p) => [p.id, p.name]));
  return suggestions.sort((a, b) => b.score - a.score || (names.get(a.partnerId) ?? '').localeCompare(names.get(b.partnerId) ?? '', 'nl')).slice(0, limit);
}

function explain(
  partner: Partner,
  about: InteractionFacts[],
  matchedThemes: string[],
  themes: Set<string>,
  year: number,
  reviewScore: number | undefined,
  wordHits: string[],
  rhythm: RhythmState,
): Message[] {
  const parts: Message[] = [];
  const thisYear = about.filter((i) => i.date.startsWith(String(year)));
  // Name the theme(s) the contacts were actually about, most frequent first.
  const themeCounts = new Map<string, number>();
  for (const i of about) for (const t of i.themes) if (themes.has(t.toLowerCase())) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
  const topThemes = [...themeCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([t]) => t).join(' / ');
  if (thisYear.length > 0) {
    parts.push({ key: 'suggest.reason.contactsYear', count: thisYear.length, params: { themes: topThemes, year } });
  } else if (about.length > 0) {
    const last = about.reduce((a, b) => (a.date > b.date ? a : b));
    parts.push({ key: 'suggest.reason.lastContact', params: { themes: topThemes, date: last.date } });
  }
  if (matchedThemes.length > 0) parts.push({ key: 'suggest.reason.expertise', params: { themes: matchedThemes.join(', ') } });
  if (wordHits.length > 0) parts.push({ key: 'suggest.reason.words', params: { words: wordHits.slice(0, 3).join(', ') } });
  if (reviewScore !== undefined) parts.push({ key: 'suggest.reason.review', params: { score: reviewScore } });
  // The warmth the ranking weighs, said as a person would: in touch as agreed, or gone quiet.
  if (rhythm === 'ok' || rhythm === 'due-soon') parts.push({ key: 'suggest.reason.inRhythm' });
  else if (rhythm === 'overdue') parts.push({ key: 'suggest.reason.pastRhythm' });
  parts.push(partner.ownerName || partner.ownerEmail ? { key: 'suggest.reason.owner', params: { owner: partner.ownerName ?? partner.ownerEmail ?? '' } } : { key: 'suggest.reason.noOwner' });
  return parts;
}
