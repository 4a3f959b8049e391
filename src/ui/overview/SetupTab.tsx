import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SchemaReport } from '../../data/ensureSchema';
import { useI18n } from '../shell/I18nContext';

/** Given by the surface, which knows the data layer: the UI never talks to Graph itself. */
export interface SetupRunner {
  siteRef: string;
  run(): Promise<SchemaReport>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '820px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  // In a column whose items keep their own width, a message bar would be as wide as its text on one line.
  bar: { alignSelf: 'stretch' },
});

export function SetupTab({ setup }: { setup?: SetupRunner }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<{ running: boolean; report?: SchemaReport; error?: string }>({ running: false });
  if (!setup) return <MessageBar intent="info" className={styles.bar}><MessageBarBody>{t('setup.unavailable')}</MessageBarBody></MessageBar>;
  const run = () => {
    setState({ running: true });
    setup.run().then(
      (report) => setState({ running: false, report }),
      (error: unknown) => setState({ running: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const report = state.report;
  const line = (key: 'setup.created' | 'setup.added' | 'setup.indexed' | 'setup.unique' | 'setup.problems', items: string[]) =>
    items.length > 0 && <li>{t(key, { items: items.join(', ') })}</li>;
  return (
    <section className={styles.root} aria-labelledby="setup-title">
      <Subtitle2 as="h3" id="setup-title">{t('setup.title')}</Subtitle2>
      <Text>{t('setup.intro')}</Text>
      <Caption1 className={styles.muted}>{`${t('setup.site')}: ${setup.siteRef}`}</Caption1>
      <Button appearance="primary" onClick={run} disabled={state.running}>{t('setup.run')}</Button>
      {state.running && <Spinner size="tiny" label={t('setup.running')} />}
      {state.error && <MessageBar intent="error" className={styles.bar}><MessageBarBody>{t('setup.failed', { detail: state.error })}</MessageBarBody></MessageBar>}
      {report && (
        <div data-testid="setup-report" aria-live="polite" className={styles.bar}>
          <MessageBar intent="success"><MessageBarBody>{report.changed ? t('setup.changed') : t('setup.unchanged')}</MessageBarBody></MessageBar>
          <ul className={styles.list}>
            {line('setup.created', report.createdLists)}
            {line('setup.added', report.addedColumns)}
            {line('setup.indexed', report.indexedColumns)}
            {line('setup.unique', report.uniqueColumns)}
            {line('setup.problems', report.problems)}
          </ul>
          {report.manualSteps.length > 0 && (
            <>
              <Caption1>{t('setup.manual')}</Caption1>
              <ul className={styles.list}>
                {report.manualSteps.map((step) => <li key={step}>{step}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
      <MessageBar intent="warning" className={styles.bar}><MessageBarBody>{t('setup.permission')}</MessageBarBody></MessageBar>
    </section>
  );
}
