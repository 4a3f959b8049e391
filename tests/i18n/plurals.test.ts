/**
 * Counted text is plural-aware: never "1 relaties" or "1 partners". Every placeholder in the catalogues
 * is classified as a number or as text here, so a new placeholder forces the choice; a message with a
 * number in it is a `.one` / `.other` pair (picked by `plural()`), or is listed below with the reason
 * it reads right for any number.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createI18n, formatDateTime, formatDaysAgo, formatTimeOrDateTime, loadCatalogue } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';

/** Placeholders that are filled with a number as it is. */
const NUMERIC = new Set(['count', 'max', 'min', 'number', 'page', 'pages', 'score', 'days', 'from', 'to', 'year', 'loaded', 'line']);
/**
 * Placeholders filled with text: names, dates, lists, and counted phrases that `plural()` made
 * (`{partners}` is "1 partner" / "3 partners", `{daysAgo}` "gisteren" / "3 dagen geleden").
 */
const TEXT = new Set([
  'a', 'b', 'actual', 'expected', 'address', 'agenda', 'author', 'by', 'categories', 'category', 'choice', 'column', 'columns', 'date', 'daysAgo', 'department', 'departments', 'detail', 'dimension', 'documents', 'domain', 'domains',
  'duplicates', 'field', 'fields', 'identities', 'interactions', 'items', 'kind', 'list', 'mailbox', 'missing', 'name', 'owner', 'owners', 'partner', 'partners', 'people', 'period', 'periods', 'preview', 'problem', 'query', 'reason', 'recipients', 'reference', 'answer', 'subject', 'reviews', 'row', 'step', 'target', 'text',
  'themes', 'time', 'title', 'toImport', 'topic', 'value', 'what', 'when', 'withErrors', 'words',
  // The audit trail and retention: a moment, a list of kinds with their figures, a version label ("2.0").
  'at', 'kinds', 'version', 'received', 'deadline', 'answered',
]);
/** Messages with a number that read right for every number they get. */
const NOT_COUNTED: Record<string, string> = {
  'departments.row': '"3×": a tally, the same for one and many',
  'overview.quiet': '"Stil gevallen: 3": a label and its figure',
  'overview.page': 'page numbers, not a count of things',
  'error.tooLong': '{max} is one of NOTE_LIMITS, 255 and up',
  'csv.row.tooLong': '{max} is a column limit, 255 or 63,999',
  'csv.error.quotes': '"Rij {line}": a row number, not a count',
  'settings.entryTooLong': '{max} is a column limit, 255',
  'settings.listTooLong': '{max} is a column limit, 63,999',
  'csv.error.tooLarge': '"{max} kB": a unit symbol, not a noun',
  'csv.error.tooManyRows': 'said only when {count} exceeds the maximum of 5,000 rows',
  'timeline.more': '"({count} in totaal)": a total in brackets, the same for one and many',
  'card.review': 'a score out of 5, not a count',
  'suggest.reason.review': 'a score out of 5, not a count',
  'attention.reason.reviewDropped': 'two scores, not counts',
  'reviews.titleFor': 'a year',
  'timeline.reviewScore': 'a score out of 5, not a count',
  'note.field.summaryHint.email': '{min} is SUMMARY_MIN_WORDS, three: never one',
  'error.tooFewWords': '{min} is SUMMARY_MIN_WORDS, three: never one',
  'note.field.summaryHint.meeting': '{min} is SUMMARY_MIN_WORDS, three: never one',
  'woo.document': 'a document number in the inventory, not a count',
  'briefing.review': 'a score out of 5, not a count',
  'weekAhead.intro': '{days} is WEEK_AHEAD_DAYS, fourteen: never one',
  'weekAhead.none': '{days} is WEEK_AHEAD_DAYS, fourteen: never one',
  'weekAhead.team.intro': '{days} is WEEK_AHEAD_DAYS, fourteen: never one',
  'weekAhead.team.none': '{days} is WEEK_AHEAD_DAYS, fourteen: never one',
  'reviews.feedback.overdue': '{days} is FEEDBACK_ANSWER_DAYS, twenty-one: never one',
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const counted = (key: string) => /\.(one|other)$/.test(key);

// English is a chunk of its own (src/i18n/index.ts); the surfaces load it before their first render.
beforeAll(() => loadCatalogue('en'));

describe('counted messages', () => {
  it('classifies every placeholder as a number or as text', () => {
    const unknown = new Set(Object.values(nl).flatMap(placeholders).filter((p) => !NUMERIC.has(p) && !TEXT.has(p)));
    expect([...unknown]).toEqual([]);
    expect([...NUMERIC].filter((p) => TEXT.has(p))).toEqual([]);
  });

  it('puts every number in a .one/.other pair unless the list says why it reads right as it is', () => {
    const offenders = Object.entries(nl)
      .filter(([key, text]) => !counted(key) && !(key in NOT_COUNTED) && placeholders(text).some((p) => NUMERIC.has(p)))
      .map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });

  it('keeps the list honest: each entry exists and has a number', () => {
    for (const key of Object.keys(NOT_COUNTED)) {
      const text = (nl as Record<string, string>)[key];
      expect(`${key}: ${text !== undefined && placeholders(text).some((p) => NUMERIC.has(p))}`).toBe(`${key}: true`);
    }
  });

  it('has both forms of every pair, the other form with {count}, in both languages', () => {
    for (const catalogue of [nl, en] as Record<string, string>[]) {
      for (const key of Object.keys(catalogue).filter(counted)) {
        const base = key.replace(/\.(one|other)$/, '');
        expect(`${base}: ${`${base}.one` in catalogue && `${base}.other` in catalogue}`).toBe(`${base}: true`);
        expect(`${base}: ${base in catalogue}`).toBe(`${base}: false`);
        if (key.endsWith('.other')) expect(`${key}: ${placeholders(catalogue[key]).includes('count')}`).toBe(`${key}: true`);
      }
    }
  });

  it('is picked by the language: 1 and 0, 1 and 2', () => {
    const i18n = createI18n('nl');
    expect([0, 1, 2].map((n) => i18n.plural('count.partners', n))).toEqual(['0 partners', '1 partner', '2 partners']);
    expect(createI18n('en').plural('overview.headline.review-dropped', 1)).toBe('1 relationship worse');
    expect(i18n.say({ key: 'attention.reason.pastRhythm', count: 1, params: { daysAgo: 0 } })).toBe('Laatste contact vandaag, ritme 1 dag');
  });

  it('says a moment of today as its time without Intl, and any other moment with its date, as Intl does', () => {
    const now = new Date(2026, 11, 4, 18, 0);
    for (const locale of ['nl', 'en'] as const) {
      const today = new Date(2026, 11, 4, 9, 5).toISOString();
      const time = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(today));
      expect(formatTimeOrDateTime(locale, today, now)).toBe(time);
      expect(formatTimeOrDateTime(locale, today, now)).toBe('09:05');
      const yesterday = new Date(2026, 11, 3, 23, 59).toISOString();
      expect(formatTimeOrDateTime(locale, yesterday, now)).toBe(formatDateTime(locale, yesterday));
    }
    expect(formatTimeOrDateTime('nl', undefined, now)).toBe('');
  });

  it('says days ago as a person does, in both languages', () => {
    expect([0, 1, 2, 5].map((d) => formatDaysAgo('nl', d))).toEqual(['vandaag', 'gisteren', '2 dagen geleden', '5 dagen geleden']);
    expect([0, 1, 2, 5].map((d) => formatDaysAgo('en', d))).toEqual(['today', 'yesterday', '2 days ago', '5 days ago']);
  });

  it('no source picks a .one/.other form itself: plural() chooses by the language', () => {
    const root = path.resolve(__dirname, '../../src');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !dir.endsWith('i18n') ? [path.join(dir, e.name)] : []));
    const keys = new Set(Object.keys(nl).filter(counted));
    const found = files(root).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/['"`]([\w.-]+\.(?:one|other))['"`]/g)].filter((m) => keys.has(m[1])).map((m) => `${path.relative(root, file)}: ${m[1]}`));
    expect(found).toEqual([]);
  });
});
