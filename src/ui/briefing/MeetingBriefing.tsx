import { Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Briefing } from '../../core/weekAhead';
import { safeHref } from '../../core/safeHref';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * A Teams call with the owner: `https://teams.microsoft.com/l/call/0/0?users=<address>` ("Deep link to an audio or
 * video call", https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-teams).
 */
function teamsCallLink(email: string): string | undefined {
  return safeHref(`https://teams.microsoft.com/l/call/0/0?users=${encodeURIComponent(email)}`);
}

/**
 * The one-screen briefing for a partner in a meeting: what colleagues did since the official's last contact,
 * the open agenda both ways, the latest review, and who owns the relationship (to call before the meeting).
 * `colleague` names whose briefing it is when it is not the reader's own (a manager's view of a report's meeting;
 * `official` is then that colleague's address and `reader` the manager's, who is never offered a call to themself).
 */
export function MeetingBriefing({
  partnerName,
  briefing,
  official,
  colleague,
  reader,
  testId,
}: {
  partnerName: string;
  briefing: Briefing;
  official?: string;
  colleague?: string;
  reader?: string;
  testId?: string;
}) {
  const { t, plural, date } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const owns = (email: string | undefined) => !!email && briefing.owner?.email?.toLowerCase() === email.toLowerCase();
  const ownerIsMe = owns(official);
  const ownerIsReader = !!colleague && owns(reader);
  const call = briefing.owner?.email && !ownerIsMe && !ownerIsReader ? teamsCallLink(briefing.owner.email) : undefined;
  const ownerName = briefing.owner?.name ?? briefing.owner?.email ?? '';
  return (
    <section className={styles.root} aria-label={t('briefing.title', { partner: partnerName })} data-testid={testId ?? 'briefing'}>
      <Text weight="semibold" className={wrap.anywhere}>
        {t('briefing.title', { partner: partnerName })}
      </Text>
      <Text size={200}>
        {colleague
          ? briefing.myLastContact
            ? t('briefing.theirLast', { name: colleague, date: date(briefing.myLastContact) })
            : t('briefing.theirNone', { name: colleague })
          : briefing.myLastContact
            ? t('briefing.myLast', { date: date(briefing.myLastContact) })
            : t('briefing.myNone')}
      </Text>
      {briefing.sinceMyLastContact.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t('briefing.sinceNone')}
        </Text>
      ) : (
        <>
          <Text size={200}>{plural('briefing.since', briefing.sinceCount, { departments: briefing.departments.join(', ') })}</Text>
          <ul className={styles.list} data-testid="briefing-since">
            {briefing.sinceMyLastContact.map((i) => (
              <li key={i.id}>
                <Caption1 className={wrap.anywhere}>{t('briefing.entry', { date: date(i.date), department: i.department, author: i.authorName, title: i.title })}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {briefing.openOurs.length === 0 && briefing.openTheirs.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t('briefing.agendaNone')}
        </Text>
      ) : (
        <>
          <Text size={200} data-testid="briefing-agenda">
            {plural('briefing.openOurs', briefing.openOurs.length)} · {plural('briefing.openTheirs', briefing.openTheirs.length)}
            {briefing.overdue > 0 ? ` · ${plural('briefing.overdue', briefing.overdue)}` : ''}
          </Text>
          <ul className={styles.list}>
            {[...new Map([...briefing.openOurs, ...briefing.openTheirs].map((a) => [a.id, a])).values()].slice(0, 6).map((a) => (
              <li key={a.id}>
                <Caption1 className={wrap.anywhere}>
                  {a.topic}
                  {a.dueDate ? ` (${t('briefing.due', { date: date(a.dueDate) })})` : ''}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Text size={200}>
        {briefing.latestReview?.review
          ? t('briefing.review', { date: date(briefing.latestReview.date), score: briefing.latestReview.review.score })
          : t('briefing.reviewNone')}
      </Text>
      <Text size={200} className={wrap.anywhere} data-testid="briefing-owner">
        {!briefing.owner
          ? t('briefing.ownerNone')
          : ownerIsMe
            ? colleague
              ? t('briefing.ownerThem', { name: colleague })
              : t('briefing.ownerYou')
            : ownerIsReader
              ? t('briefing.ownerYou')
              : t('briefing.owner', { name: ownerName })}
        {call && (
          <>
            {' '}
            <Link href={call} target="_blank" rel="noreferrer">
              {t('briefing.call', { name: ownerName })}
            </Link>
          </>
        )}
      </Text>
    </section>
  );
}
