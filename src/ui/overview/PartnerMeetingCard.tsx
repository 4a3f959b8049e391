import { Button, Caption1, Card, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { PartnerContext } from '../../core/model';
import { briefing, type PartnerMeeting } from '../../core/weekAhead';
import { MeetingBriefing } from '../briefing/MeetingBriefing';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';

const useStyles = makeStyles({
  meeting: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * One partner meeting of the week ahead with a briefing per partner in it: the official's own
 * (`colleague` absent) or, in a manager's team section, a colleague's, worded about that colleague.
 */
export function PartnerMeetingCard({
  found: { meeting, partners },
  headingId,
  heading,
  testId,
  official,
  colleague,
  reader,
  alsoYours,
  now,
  contextOf,
  onOpen,
}: {
  found: PartnerMeeting;
  headingId: string;
  heading: 'h3' | 'h4';
  testId: string;
  /** Whose meeting it is (address): the briefing's "since your last contact" is theirs. */
  official: string;
  /** The colleague's name, when a manager reads a colleague's meeting. */
  colleague?: string;
  /** The manager reading it (address). */
  reader?: string;
  /** A colleague's meeting the reader takes part in too: their own briefing is with their own meetings, so none here. */
  alsoYours?: boolean;
  now: Date;
  contextOf(partnerId: string): PartnerContext | undefined;
  onOpen(partnerId: string): void;
}) {
  const { t, date, dateTime } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  return (
    <Card className={styles.meeting} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle2 as={heading} id={headingId} className={wrap.anywhere}>
        {meeting.subject || t('weekAhead.noSubject')}
      </Subtitle2>
      <Caption1>{t('weekAhead.when', { time: meeting.allDay ? t('weekAhead.allDay', { date: date(meeting.start) }) : dateTime(meeting.start), partners: partners.map((p) => p.name).join(', ') })}</Caption1>
      {alsoYours && <Text data-testid="week-ahead-also-yours">{t('weekAhead.team.alsoYours')}</Text>}
      {partners.map((p) => {
        const context = alsoYours ? undefined : contextOf(p.id);
        return context || alsoYours ? (
          <div key={p.id} className={styles.meeting}>
            {context && <MeetingBriefing partnerName={p.name} briefing={briefing(context, official, now)} official={official} colleague={colleague} reader={reader} />}
            <div className={styles.actions}>
              <Button size="small" onClick={() => onOpen(p.id)}>
                {t('weekAhead.openPartner', { partner: p.name })}
              </Button>
            </div>
          </div>
        ) : null;
      })}
    </Card>
  );
}
