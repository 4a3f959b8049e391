import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PartnerContext, RegisterPartner } from '../../core/model';
import { partnerMeetings, takesPart, WEEK_AHEAD_DAYS } from '../../core/weekAhead';
import type { TeamWeekAhead as TeamAnswer } from '../services';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import { PartnerMeetingCard } from './PartnerMeetingCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBlockStart: tokens.spacingVerticalL },
  colleague: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Team = { status: 'idle' } | { status: 'loading' } | TeamAnswer | { status: 'error' };

/**
 * "Afspraken van mijn medewerkers": a manager's direct reports and, for each, their partner meetings of the next days
 * with the same briefing an official gets for their own, read only from the calendars those colleagues shared with
 * the manager ("Agenda niet met jou gedeeld" for any other: nothing is guessed). A meeting the manager takes part in
 * too is named without a second briefing: the manager's own is with their own meetings. Nothing is read before the manager
 * clicks, because the click asks for the team consent.
 */
export function TeamWeekAhead({
  load,
  partners,
  contextOf,
  manager,
  now,
  onOpen,
}: {
  load(): Promise<TeamAnswer>;
  /** The signed-in manager's address. */
  manager: string;
  partners: readonly RegisterPartner[];
  contextOf(partnerId: string): PartnerContext | undefined;
  now: Date;
  onOpen(partnerId: string): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const [team, setTeam] = useState<Team>({ status: 'idle' });
  const show = () => {
    setTeam({ status: 'loading' });
    load().then(setTeam, () => setTeam({ status: 'error' }));
  };

  return (
    <section className={styles.root} aria-labelledby="week-ahead-team-title" data-testid="week-ahead-team">
      <Subtitle2 as="h2" id="week-ahead-team-title">
        {t('weekAhead.team.title')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t('weekAhead.team.intro', { days: WEEK_AHEAD_DAYS })}</Caption1>
      {(team.status === 'idle' || team.status === 'consent-refused' || team.status === 'error') && (
        <div>
          <Button appearance="primary" onClick={show}>
            {t(team.status === 'error' ? 'common.retry' : 'weekAhead.team.show')}
          </Button>
        </div>
      )}
      {team.status === 'loading' && (
        <Skeleton aria-busy="true" aria-label={t('weekAhead.team.loading')}>
          <SkeletonItem size={24} />
        </Skeleton>
      )}
      {team.status === 'consent-refused' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('weekAhead.team.consentRefused')}</MessageBarBody>
        </MessageBar>
      )}
      {team.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('weekAhead.team.error')}</MessageBarBody>
        </MessageBar>
      )}
      {team.status === 'ready' && team.colleagues.length === 0 && <Text>{t('weekAhead.team.noReports')}</Text>}
      {team.status === 'ready' &&
        team.colleagues.map((colleague) => {
          const found = colleague.calendar === 'shared' ? partnerMeetings(colleague.meetings, partners, colleague.email) : [];
          return (
            <div key={colleague.id} className={styles.colleague} data-testid="week-ahead-colleague">
              <Subtitle2 as="h3" id={`colleague-${colleague.id}`} className={wrap.anywhere}>
                {colleague.name}
              </Subtitle2>
              {colleague.calendar === 'not-shared' ? (
                <Text className={styles.muted} data-testid="week-ahead-not-shared">
                  {t('weekAhead.team.notShared')}
                </Text>
              ) : found.length === 0 ? (
                <Text className={styles.muted}>{t('weekAhead.team.none', { days: WEEK_AHEAD_DAYS })}</Text>
              ) : (
                found.map((f) => (
                  <PartnerMeetingCard
                    key={f.meeting.id}
                    found={f}
                    headingId={`team-meeting-${colleague.id}-${f.meeting.id}`}
                    heading="h4"
                    testId="week-ahead-team-meeting"
                    official={colleague.email}
                    colleague={colleague.name}
                    reader={manager}
                    alsoYours={takesPart(f.meeting, manager)}
                    now={now}
                    contextOf={contextOf}
                    onOpen={onOpen}
                  />
                ))
              )}
            </div>
          );
        })}
    </section>
  );
}
