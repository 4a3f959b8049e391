import { Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../ui/shell/AppShell';
import { useI18n } from '../ui/shell/I18nContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXXL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The local demo's start page: links to the three surfaces. */
function StartPage() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{t('start.title')}</Subtitle1>
      <nav className={styles.list}>
        <Link href="outlook.html">{t('start.outlook')}</Link>
        <Link href="meeting.html">{t('start.meeting')}</Link>
        <Link href="overview.html">{t('start.overview')}</Link>
      </nav>
    </main>
  );
}

const host = { locale: navigator.language, theme: 'default' as const, onThemeChange: () => () => undefined };
createRoot(document.getElementById('root') as HTMLElement).render(
  <AppShell host={host}>
    <StartPage />
  </AppShell>,
);
