import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ownedBy } from '../../core/agenda';
import type { AgendaItem, Official, Partner } from '../../core/model';
import { NOTE_LIMITS, newClientId, type NoteDraft } from '../../core/noteDraft';
import { feedbackDueDate, feedbackMail, newFeedbackReference, parseFeedbackReply } from '../../core/partnerFeedback';
import type { Host } from '../../hosts/Host';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  ask: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * "Vraag de partner om feedback": opens a new email (the host's new-message form) to the partner's
 * contacts with the review questions and a reference, and puts "feedback asked" on the partner's
 * agenda (direction partner, due after FEEDBACK_ANSWER_DAYS) so the overview's review schedule shows it.
 */
export function AskFeedback({ host, partner, user, now, onAsked }: { host: Host; partner: Partner; user?: Official; now: Date; onAsked(item: AgendaItem): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'warning'; text: string }>();
  if (!host.newMessage) return null;
  const ask = () => {
    const reference = newFeedbackReference(partner.id);
    const mail = feedbackMail(partner.contacts, reference, {
      subject: t('feedback.mail.subject'), greeting: t('feedback.mail.greeting', { partner: partner.name }), intro: t('feedback.mail.intro'),
      closing: t('feedback.mail.closing'), signature: user?.name ?? '', referenceLabel: t('feedback.mail.reference'),
      questions: { goesWell: t('feedback.q.goesWell'), couldImprove: t('feedback.q.couldImprove'), collaborate: t('feedback.q.collaborate'), score: t('feedback.q.score') },
    });
    const result = host.newMessage!({ to: mail.to, subject: mail.subject, htmlBody: mail.html, text: mail.text });
    if (result.status !== 'opened') return setOutcome({ intent: 'warning', text: t('feedback.ask.unavailable', { missing: result.missing.join(', ') }) });
    const id = newClientId();
    onAsked({ id, clientId: id, partnerId: partner.id, topic: t('feedback.topic', { reference }), direction: 'partner', ...ownedBy(user), status: 'open', dueDate: feedbackDueDate(now) });
    const noContacts = mail.to.length === 0 ? ` ${t('feedback.ask.noContacts', { partner: partner.name })}` : '';
    setOutcome({ intent: 'success', text: `${t('feedback.ask.done', { reference, partner: partner.name })}${noContacts}` });
  };
  return (
    <section className={styles.ask} aria-label={t('feedback.ask')} data-testid="ask-feedback">
      <Button onClick={ask} data-testid="ask-feedback-button">{t('feedback.ask')}</Button>
      <Text size={200} className={styles.muted}>{t('feedback.ask.hint', { partner: partner.name })}</Text>
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid="ask-feedback-result">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * The partner's reply to a feedback request is open: offer to put their answers, read from the email's
 * body only on this click, into the note form as a review "in de woorden van de partner". The official
 * edits and logs it; the body itself is not kept (only the draft the official is editing).
 */
export function FeedbackReply({ host, reference, partner, draft, onFill }: { host: Host; reference: string; partner: Partner; draft?: NoteDraft; onFill(draft: NoteDraft): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<'offered' | 'filled' | 'unreadable'>('offered');
  const fill = async () => {
    if (!draft) return;
    const body = await host.readItemBody?.().catch(() => undefined);
    const answers = body ? parseFeedbackReply(body) : { goesWell: '', couldImprove: '', collaborate: '' };
    onFill({
      ...draft,
      kind: 'review',
      title: t('feedback.review.title', { partner: partner.name, reference }).slice(0, NOTE_LIMITS.title),
      summary: (answers.collaborate ? t('feedback.review.summary', { answer: answers.collaborate }) : t('feedback.review.summaryNone')).slice(0, NOTE_LIMITS.summary),
      reviewGoesWell: answers.goesWell.slice(0, NOTE_LIMITS.reviewGoesWell),
      reviewCouldImprove: answers.couldImprove.slice(0, NOTE_LIMITS.reviewCouldImprove),
      reviewScore: answers.score ?? 0,
    });
    setState(body ? 'filled' : 'unreadable');
  };
  return (
    <MessageBar intent="info" data-testid="feedback-reply">
      <MessageBarBody>
        <MessageBarTitle>{t('feedback.reply.title', { reference })}</MessageBarTitle>
        {state === 'offered' ? t('feedback.reply.body', { partner: partner.name }) : state === 'filled' ? t('feedback.reply.filled') : t('feedback.reply.unreadable')}
      </MessageBarBody>
      {state === 'offered' && draft && (
        <MessageBarActions>
          <Button size="small" appearance="primary" onClick={() => void fill()} data-testid="feedback-reply-log">
            {t('feedback.reply.log')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
