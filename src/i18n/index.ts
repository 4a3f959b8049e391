import { choiceMessage, type ChoiceGroup, type Message } from '../core/overview/types';
import { composeMessages } from './composeMessages';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';
export { pickLocale, type Locale } from './locale';
import type { Locale } from './locale';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
/** The base of a counted message: `queue.pending` for `queue.pending.one` / `queue.pending.other`. */
export type PluralBase = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

// Dutch is in every surface's first script: it is the default and every other catalogue falls back on it.
// English is a chunk of its own, loaded only for an official whose host speaks English (about 50 KB
// of a cold pane's script otherwise parsed for nothing; bench:open, issue 19).
const catalogues: Partial<Record<Locale, Record<MessageKey, string>>> = { nl };
const loaders: Record<Exclude<Locale, 'nl'>, () => Promise<Record<MessageKey, string>>> = {
  en: () => import(/* webpackChunkName: "i18n-en" */ './en').then((m) => m.en),
};
const loading: Partial<Record<Locale, Promise<void>>> = {};

export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Loads the locale's messages once; until they are in, its translator speaks Dutch. */
export function loadCatalogue(locale: Locale): Promise<void> {
  if (locale === 'nl' || hasCatalogue(locale)) return Promise.resolve();
  return (loading[locale] ??= loaders[locale]().then(
    (messages) => {
      catalogues[locale] = messages;
    },
    (error: unknown) => {
      // A chunk that did not load may load on the next try (the network came back).
      delete loading[locale];
      throw error;
    },
  ));
}


export function createTranslator(locale: Locale): Translate {
  return (key, params) => {
    // Looked up on each call: a translator made before its catalogue arrived speaks it once it is in.
    const template = (catalogues[locale] ?? nl)[key] ?? nl[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Picks the `.one`/`.other` variant of a counted message by the locale's plural rules. */
// Intl objects are costly to create (an ICU lookup each) and a timeline formats hundreds of dates:
// one of each per locale.
const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
const numericDateFormats: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

export function plural(t: Translate, locale: Locale, base: string, count: number, params: Params = {}): string {
  const rules = (pluralRules[locale] ??= new Intl.PluralRules(locale));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as MessageKey, { count, ...params });
}

const NUMERIC_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

function formatIso(locale: Locale, iso: string | undefined, formats: Partial<Record<Locale, Intl.DateTimeFormat>>, options: Intl.DateTimeFormatOptions): string {
  const date = dateOf(iso);
  return date ? (formats[locale] ??= new Intl.DateTimeFormat(tag(locale), options)).format(date) : '';
}

/**
 * The months as `Intl.DateTimeFormat` writes them short in nl-NL and en-GB (CLDR; tests/i18n/i18n.test.ts
 * compares every month with Intl). The pane's first render writes dates (its department contacts, the
 * device copy's note), and the first Intl.DateTimeFormat of a page loads ICU's date data: 35-80 ms at 4x
 * CPU (CPU profiles of the pane, issue 19). Calendar fields are the device's, as Intl's default time zone.
 */
const SHORT_MONTHS: Record<Locale, readonly string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};
const pad2 = (n: number) => String(n).padStart(2, '0');

function dateOf(iso: string | undefined): Date | undefined {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

const writeDate = (locale: Locale, date: Date) => `${date.getDate()} ${SHORT_MONTHS[locale][date.getMonth()]} ${date.getFullYear()}`;
const writeTime = (date: Date) => `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;

/** `26 nov 2026`. */
export function formatDate(locale: Locale, iso: string | undefined): string {
  const date = dateOf(iso);
  return date ? writeDate(locale, date) : '';
}

/** `26 nov 2026, 10:32`: when something was read, to the minute. */
export function formatDateTime(locale: Locale, iso: string | undefined): string {
  const date = dateOf(iso);
  return date ? `${writeDate(locale, date)}, ${writeTime(date)}` : '';
}

/**
 * `10:32` for a moment earlier today (on this device's clock), else `formatDateTime`. Today's time is
 * written without Intl: both languages write it as 2-digit hours and minutes, and the first
 * Intl.DateTimeFormat of a page loads ICU's date data, 60-80 ms at 4x CPU, which was the warm pane's
 * first render (its "up to date as of …" note, bench:open, issue 19).
 */
export function formatTimeOrDateTime(locale: Locale, iso: string | undefined, now: Date = new Date()): string {
  const date = dateOf(iso);
  if (!date) return '';
  return date.toDateString() === now.toDateString() ? writeTime(date) : `${writeDate(locale, date)}, ${writeTime(date)}`;
}

/** `26-11-2026` (nl) / `26/11/2026` (en): what a spreadsheet in that language reads as a date (CSV exports). */
export function formatNumericDate(locale: Locale, iso: string | undefined): string {
  return formatIso(locale, iso, numericDateFormats, NUMERIC_DATE);
}

/**
 * Whole calendar days ago as a person says it: `vandaag`, `gisteren`, `3 dagen geleden` / `today`,
 * `yesterday`, `3 days ago`, in the words of Outlook's compose notification (composeMessages.ts), so
 * the pane and the notification say it alike. Not Intl.RelativeTimeFormat: creating one for nl-NL
 * loads its ICU data, 60-90 ms at 4x CPU in the pane's first render (bench:open, issue 19). Days
 * from 2 on are always the plural form in both languages.
 */
export function formatDaysAgo(locale: Locale, days: number): string {
  const m = composeMessages[locale];
  const n = Math.max(0, Math.round(days));
  if (n === 0) return m.today;
  if (n === 1) return m.yesterday;
  return m.daysAgoOther.replace('{count}', String(n));
}

/** Whether the catalogues have this message (every key is in the Dutch one). */
function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

/** Everything a surface says, in one language. */
export interface I18n {
  locale: Locale;
  t: Translate;
  plural(base: PluralBase, count: number, params?: Params): string;
  date(iso: string | undefined): string;
  dateTime(iso: string | undefined): string;
  /** `10:32` earlier today, else as `dateTime`. */
  timeOrDateTime(iso: string | undefined): string;
  /** `26-11-2026`: a date as a spreadsheet in this language reads it. */
  numericDate(iso: string | undefined): string;
  /** `vandaag`, `gisteren`, `3 dagen geleden`. */
  daysAgo(days: number): string;
  /** A choice column's value in this language (`choiceMessage`). */
  choice(group: ChoiceGroup, value: string): string;
  /** A core message in this language: counted when it has a count, `date` and `daysAgo` parameters said as a person reads them. */
  say(message: Message): string;
}

export function createI18n(locale: Locale): I18n {
  const t = createTranslator(locale);
  const i18n: I18n = {
    locale,
    t,
    plural: (base, count, params) => plural(t, locale, base, count, params),
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
    timeOrDateTime: (iso) => formatTimeOrDateTime(locale, iso),
    numericDate: (iso) => formatNumericDate(locale, iso),
    daysAgo: (days) => formatDaysAgo(locale, days),
    choice: (group, value) => i18n.say(choiceMessage(group, value)),
    say: (message) => {
      const params = { ...(message.params ?? {}) };
      if (typeof params.date === 'string') params.date = i18n.date(params.date);
      if (typeof params.daysAgo === 'number') params.daysAgo = i18n.daysAgo(params.daysAgo);
      if (message.fallback !== undefined && !hasMessage(message.key)) return message.fallback;
      return message.count === undefined ? t(message.key as MessageKey, params) : i18n.plural(message.key as PluralBase, message.count, params);
    },
  };
  return i18n;
}
