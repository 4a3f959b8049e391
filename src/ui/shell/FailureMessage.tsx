import { Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Message } from '../../core/overview/types';
import { failureCause, type FailureCause } from '../../data/graph/errors';
import { useI18n, type MessageKey } from './I18nContext';
import { signInProblem } from './LoadError';
import { useWrapStyles } from './wrapStyles';

const useStyles = makeStyles({
  // Its own line under the sentence: it is for whoever the official asks for help.
  technical: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

interface FailureMessageProps {
  /** What did not happen ("De wijziging kon niet worden opgeslagen."), before the cause. */
  lead?: MessageKey | Message;
  /** The error an action threw. */
  error?: unknown;
  /** A queued write's cause and technical message (`PendingWrite.cause`, `.error`), when there is no error object. */
  cause?: FailureCause;
  detail?: string;
  testId?: string;
  /** Buttons that help (try again, discard). */
  actions?: ReactNode;
}

/**
 * A failed action, in the reader's language: what did not happen, why, and what to do (sign in, ask
 * a site owner, run setup, wait, try again), with Graph's own message below as the technical detail
 * for whoever the official asks for help.
 */
export function FailureMessage({ lead, error, cause, detail, testId, actions }: FailureMessageProps) {
  const { t, say } = useI18n();
  const wrap = useWrapStyles();
  const styles = useStyles();
  const signIn = signInProblem(error);
  const why = signIn ? t('failure.signIn') : t(`failure.${cause ?? failureCause(error)}`);
  const technical = detail ?? (error instanceof Error ? error.message : error !== undefined ? String(error) : undefined);
  return (
    <MessageBar layout="multiline" intent={signIn ? 'warning' : 'error'} data-testid={testId}>
      <MessageBarBody className={wrap.anywhere}>
        {lead ? `${typeof lead === 'string' ? t(lead) : say(lead)} ${why}` : why}
        {technical && <Caption1 as="p" className={styles.technical}>{t('failure.detail', { detail: technical })}</Caption1>}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}

/** A failed action as a section keeps it until the next attempt. */
export type Failure = { lead: MessageKey; error: unknown };
