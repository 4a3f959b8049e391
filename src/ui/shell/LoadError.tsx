import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { failureCause, type FailureCause } from '../../data/graph/errors';
import { SignInError, SignInRequiredError } from '../../hosts/auth/signInErrors';
import type { Host } from '../../hosts/Host';
import { useI18n, type MessageKey } from './I18nContext';

/** Finds a sign-in problem even when the Graph client wrapped it in its own error. */
export function signInProblem(error: unknown): SignInError | SignInRequiredError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SignInError || e instanceof SignInRequiredError) return e;
  }
  return undefined;
}

/** Graph's answer says why (no rights, setup needed, busy, a fault): say that; otherwise the connection is the likely cause. */
function loadFailure(cause: FailureCause, t: (key: MessageKey) => string): string {
  return cause === 'connection' || cause === 'unknown' || cause === 'refused' ? t('error.load') : `${t('error.loadFailed')} ${t(`failure.${cause}`)}`;
}

/**
 * What went wrong, in words, with the one action that helps: sign in (a user gesture, so the
 * popup is allowed) or try again.
 */
export function LoadError({ error, host, onRetry }: { error: unknown; host: Pick<Host, 'signIn'>; onRetry(): void }) {
  const { t } = useI18n();
  const [signInError, setSignInError] = useState<unknown>();
  const problem = signInProblem(signInError ?? error);
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const message =
    problem instanceof SignInError
      ? t(`signin.error.${problem.code}`)
      : problem instanceof SignInRequiredError
        ? problem.reason === 'consent-required'
          ? t('signin.error.consent-required')
          : t('signin.required')
        : offline
          ? t('error.loadOffline')
          : loadFailure(failureCause(error), t);
  const signIn = host.signIn && problem ? () => host.signIn?.().then(onRetry, setSignInError) : undefined;
  return (
    <MessageBar intent={problem ? 'warning' : 'error'} data-testid="load-error">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        {signIn ? (
          <Button size="small" appearance="primary" onClick={() => void signIn()}>
            {t('signin.button')}
          </Button>
        ) : (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
