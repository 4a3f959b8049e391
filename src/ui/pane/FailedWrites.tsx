import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import type { Message } from '../../core/overview/types';
import { FailureMessage } from '../shell/FailureMessage';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import type { PendingWrite, WriteQueuePort } from '../services';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
});

/** What a queued write was, in words the official recognises ("Agendapunt "Parkeerdek""). */
function whatItWas(write: PendingWrite, partnerName: (id: string) => string | undefined): Message {
  switch (write.kind) {
    case 'interaction':
      return { key: 'failedWrite.interaction', params: { title: write.payload.title } };
    case 'agenda':
      return { key: 'failedWrite.agenda', params: { topic: write.payload.topic } };
    case 'partner':
      return { key: 'failedWrite.partner', params: { name: write.payload.name } };
    case 'domainLink':
      return { key: 'failedWrite.domainLink', params: { domain: write.payload.domain, partner: partnerName(write.payload.partnerId) ?? write.payload.partnerId } };
    case 'proposalDecision':
      return { key: 'failedWrite.proposalDecision', params: { partner: partnerName(write.payload.partnerId) ?? write.payload.partnerId } };
  }
}

/**
 * The writes the queue gave up on that no other part of the pane shows (a note of the partner on screen
 * has its own row in the timeline): what each was, why, and what the official can do about it — send it
 * again once the cause is gone, keep their version over a colleague's, or let it go.
 */
export function FailedWrites({ writes, queue, partnerName }: { writes: PendingWrite[]; queue: Pick<WriteQueuePort, 'retry' | 'discard'>; partnerName(id: string): string | undefined }) {
  const { t, say } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  if (writes.length === 0) return null;
  return (
    <ul className={styles.list} data-testid="failed-writes">
      {writes.map((write) => {
        const what = say(whatItWas(write, partnerName));
        const discard = (
          <Button size="small" onClick={() => void queue.discard(write.clientId)}>
            {t('failedWrite.discard')}
          </Button>
        );
        return (
          <li key={write.clientId}>
            {write.state === 'conflict' ? (
              <MessageBar layout="multiline" intent="warning" data-testid="failed-write">
                <MessageBarBody className={wrap.anywhere}>{t('failedWrite.conflict', { what })}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={() => void queue.retry(write.clientId, { keepMine: true })}>{t('failedWrite.keepMine')}</Button>
                  {discard}
                </MessageBarActions>
              </MessageBar>
            ) : (
              <FailureMessage
                lead={{ key: write.landed ? 'failedWrite.landed' : 'failedWrite.failed', params: { what } }}
                cause={write.cause}
                detail={write.error}
                testId="failed-write"
                actions={
                  <>
                    <Button size="small" onClick={() => void queue.retry(write.clientId)}>{t('common.retry')}</Button>
                    {discard}
                  </>
                }
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
