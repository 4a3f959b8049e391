import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Message } from '../../core/overview';
import type { SchemaReport } from '../../data/ensureSchema';
import { SignInError } from '../../hosts/auth/signInErrors';
import { FailureMessage } from '../shell/FailureMessage';
import { signInProblem } from '../shell/LoadError';
import { useI18n, type MessageKey } from '../shell/I18nContext';

/** Given by the surface, which knows the data layer: the UI never talks to Graph itself. */
export interface SetupRunner {
  siteRef: string;
  /** Rejects with a sign-in problem (SignInRequiredError) while the setup scope is not consented to. */
  run(): Promise<SchemaReport>;
  /** Asks for the setup scope (Sites.Manage.All) interactively: call from a click (it may open a window). */
  grantAccess?(): Promise<void>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '820px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  // In a column whose items keep their own width, a message bar would be as wide as its text on one line.
  bar: { alignSelf: 'stretch' },
});

export function SetupTab({ setup }: { setup?: SetupRunner }) {
  const { t, say, plural } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<{ running: boolean; report?: SchemaReport; error?: unknown }>({ running: false });
  if (!setup) return <MessageBar layout="multiline" intent="info" className={styles.bar}><MessageBarBody>{t('setup.unavailable')}</MessageBarBody></MessageBar>;
  const run = () => {
    setState({ running: true });
    setup.run().then(
      (report) => setState({ running: false, report }),
      (error: unknown) => setState({ running: false, error }),
    );
  };
  // From the button's click: consent to the setup scope, then run.
  const grant = setup.grantAccess
    ? () => {
        setState({ running: true });
        setup.grantAccess!().then(run, (error: unknown) => setState({ running: false, error }));
      }
    : undefined;
  const report = state.report;
  const line = (key: 'setup.created' | 'setup.added' | 'setup.indexed' | 'setup.unique' | 'setup.relaxed' | 'setup.defaulted', items: string[]) =>
    items.length > 0 && <li>{t(key, { items: items.join(', ') })}</li>;
  // A problem names column kinds by their schema code; the reader gets the word for them.
  const kind = (code: string | number | undefined) => t(`setup.columnKind.${String(code)}` as MessageKey);
  const sayProblem = (m: Message) => say(m.key === 'setup.problem.otherType' ? { ...m, params: { ...m.params, actual: kind(m.params?.actual), expected: kind(m.params?.expected) } } : m);
  const error = state.error;
  const signIn = error !== undefined ? signInProblem(error) : undefined;
  return (
    <section className={styles.root} aria-labelledby="setup-title">
      <Subtitle2 as="h3" id="setup-title">{t('setup.title')}</Subtitle2>
      <Text>{t('setup.intro')}</Text>
      <Caption1 className={styles.muted}>{`${t('setup.site')}: ${setup.siteRef}`}</Caption1>
      <MessageBar layout="multiline" intent="info" className={styles.bar} data-testid="setup-scope"><MessageBarBody>{t('setup.scope')}</MessageBarBody></MessageBar>
      <Button appearance="primary" onClick={run} disabled={state.running}>{t('setup.run')}</Button>
      {state.running && <Spinner size="tiny" label={t('setup.running')} />}
      {signIn && (
        <MessageBar layout="multiline" intent="warning" data-testid="setup-consent" className={styles.bar}>
          <MessageBarBody>
            {signIn instanceof SignInError && signIn.code !== 'consent-required' ? t(`signin.error.${signIn.code}`) : t('setup.consent.needed')}
            {grant && (
              <p>
                <Button appearance="primary" onClick={grant} disabled={state.running}>{t('setup.consent.grant')}</Button>
              </p>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && !signIn && (
        <div className={styles.bar}>
          <FailureMessage lead="setup.failed" error={error} testId="setup-error" />
        </div>
      )}
      {report && (
        <div data-testid="setup-report" aria-live="polite" className={styles.bar}>
          <MessageBar layout="multiline" intent="success"><MessageBarBody>{report.changed ? t('setup.changed') : t('setup.unchanged')}</MessageBarBody></MessageBar>
          <ul className={styles.list}>
            {line('setup.created', report.createdLists)}
            {line('setup.added', report.addedColumns)}
            {line('setup.indexed', report.indexedColumns)}
            {line('setup.unique', report.uniqueColumns)}
            {line('setup.relaxed', report.relaxedColumns)}
            {line('setup.defaulted', report.defaultedColumns)}
            {report.lookupChanges > 0 && <li>{plural('setup.lookup', report.lookupChanges)}</li>}
            {report.summaryChanges > 0 && <li>{plural('setup.summaries', report.summaryChanges)}</li>}
            {report.statusRepairs > 0 && <li>{plural('setup.statusRepairs', report.statusRepairs)}</li>}
            {report.problems.length > 0 && (
              <li>
                {t('setup.problems')}
                <ul className={styles.list}>
                  {report.problems.map((problem, i) => <li key={i}>{sayProblem(problem)}</li>)}
                </ul>
              </li>
            )}
          </ul>
          {report.manualSteps.length > 0 && (
            <>
              <Caption1>{t('setup.manual')}</Caption1>
              <ul className={styles.list}>
                {report.manualSteps.map((step) => <li key={step.key}>{say(step)}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
      <MessageBar layout="multiline" intent="warning" className={styles.bar}><MessageBarBody>{t('setup.permission')}</MessageBarBody></MessageBar>
    </section>
  );
}
