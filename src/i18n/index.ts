import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';
export { pickLocale, type Locale } from './locale';
import type { Locale } from './locale';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };


export function createTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key] ?? nl[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Picks the `.one`/`.other` variant of a counted message by the locale's plural rules. */
// Intl objects are costly to create (an ICU lookup each) and a timeline formats hundreds of dates:
// one of each per locale.
const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
const dateFormats: Partial<Record<Locale, Intl.DateTimeFormat>> = {};
const dateTimeFormats: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

export function plural(t: Translate, locale: Locale, base: string, count: number, params: Params = {}): string {
  const rules = (pluralRules[locale] ??= new Intl.PluralRules(locale));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as MessageKey, { count, ...params });
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

function formatIso(locale: Locale, iso: string | undefined, formats: Partial<Record<Locale, Intl.DateTimeFormat>>, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (formats[locale] ??= new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', options)).format(date);
}

/** `26 nov 2026`. */
export function formatDate(locale: Locale, iso: string | undefined): string {
  return formatIso(locale, iso, dateFormats, DATE);
}

/** `26 nov 2026, 10:32`: when something was read, to the minute. */
export function formatDateTime(locale: Locale, iso: string | undefined): string {
  return formatIso(locale, iso, dateTimeFormats, DATE_TIME);
}
