import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, formatDate, formatDateTime, plural, type Locale, type MessageKey, type Params, type Translate } from '../../i18n';

export interface I18n {
  locale: Locale;
  t: Translate;
  /**
   * A message with elements in its placeholders, e.g. a name in `<bdi>` so that text in another
   * script or direction cannot reorder the sentence around it.
   */
  rich(key: MessageKey, params: Record<string, ReactNode>): ReactNode;
  plural(base: string, count: number, params?: Params): string;
  date(iso: string | undefined): string;
  dateTime(iso: string | undefined): string;
}

/** Splits a template at its `{name}` placeholders (odd parts are names) and puts the given nodes there. */
function richText(template: string, params: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/g).map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{part in params ? params[part] : `{${part}}`}</Fragment>));
}

function createI18n(locale: Locale): I18n {
  const t = createTranslator(locale);
  return {
    locale,
    t,
    rich: (key, params) => richText(t(key), params),
    plural: (base, count, params) => plural(t, locale, base, count, params),
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
  };
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
