import { makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useI18n } from './I18nContext';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL } });

export function MeetingConfig() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{t('config.title')}</Subtitle1>
      <Text>{t('config.body')}</Text>
      <Text>{t('config.ready')}</Text>
    </main>
  );
}
