import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Host } from '../../hosts/Host';
import { pickLocale } from '../../i18n';
import { hostTheme } from './hostThemes';
import { I18nProvider, useLoadedLocale } from './I18nContext';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

/** Theme and language follow the host, and change with it. */
export function AppShell({ host, children }: { host: Pick<Host, 'theme' | 'locale' | 'onThemeChange'>; children: ReactNode }) {
  // The demo host can also switch language; both are re-read whenever the host reports a change.
  const [{ theme, hostLocale }, setLook] = useState({ theme: host.theme, hostLocale: host.locale });
  useEffect(() => host.onThemeChange((next) => setLook({ theme: next, hostLocale: host.locale })), [host]);
  const locale = useLoadedLocale(pickLocale(hostLocale));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const styles = useStyles();
  return (
    // Layout styles sit on an inner div: Fluent copies the provider's className onto every portal
    // (dropdown lists, popovers), where a full-height background would cover the page.
    <FluentProvider theme={hostTheme(theme)} data-theme={theme}>
      <div className={styles.root}>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </div>
    </FluentProvider>
  );
}
