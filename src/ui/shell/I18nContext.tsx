import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, formatDate, formatDateTime, plural, type Locale, type MessageKey, type Params, type Translate } from '../../i18n';

export interface I18n {
  locale: Locale;
  t: Translate;
  plural(base: string, count: number, params?: Params): string;
  date(iso: string | undefined): string;
  dateTime(iso: string | undefined): string;
}

function createI18n(locale: Locale): I18n {
  const t = createTranslator(locale);
  return { locale, t, plural: (base, count, params) => plural(t, locale, base, count, params), date: (iso) => formatDate(locale, iso), dateTime: (iso) => formatDateTime(locale, iso) };
}

const I18nContext = createContext<I18n>(createI18n('nl'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { MessageKey };
