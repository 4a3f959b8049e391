import { createContext, Fragment, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createI18n, hasCatalogue, loadCatalogue, type I18n as CoreI18n, type Locale, type MessageKey, type PluralBase } from '../../i18n';

/** What a component says: the language's messages, and messages with elements in their placeholders. */
interface I18n extends CoreI18n {
  /**
   * A message with elements in its placeholders, e.g. a name in `<bdi>` so that text in another
   * script or direction cannot reorder the sentence around it.
   */
  rich(key: MessageKey, params: Record<string, ReactNode>): ReactNode;
}

/** Splits a template at its `{name}` placeholders (odd parts are names) and puts the given nodes there. */
function richText(template: string, params: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/g).map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{part in params ? params[part] : `{${part}}`}</Fragment>));
}

function uiI18n(locale: Locale): I18n {
  const i18n = createI18n(locale);
  return { ...i18n, rich: (key, params) => richText(i18n.t(key), params) };
}

const I18nContext = createContext<I18n>(uiI18n('nl'));

/**
 * The locale to speak now: `wanted` once its catalogue is in (surfaces load it before their first
 * render: startSurface.tsx), until then the one spoken before, so that a switch of language never
 * shows a mix of both.
 */
export function useLoadedLocale(wanted: Locale): Locale {
  const [loaded, setLoaded] = useState<Locale>(() => (hasCatalogue(wanted) ? wanted : 'nl'));
  useEffect(() => {
    let current = true;
    if (hasCatalogue(wanted)) setLoaded(wanted);
    else
      loadCatalogue(wanted).then(
        () => current && setLoaded(wanted),
        // Without the chunk (offline) the surface goes on in the language it speaks.
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [wanted]);
  return hasCatalogue(wanted) ? wanted : loaded;
}

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => uiI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { I18n, MessageKey, PluralBase };
