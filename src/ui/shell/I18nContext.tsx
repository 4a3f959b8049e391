import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createI18n, type I18n, type Locale, type MessageKey, type PluralBase } from '../../i18n';

const I18nContext = createContext<I18n>(createI18n('nl'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { I18n, MessageKey, PluralBase };
