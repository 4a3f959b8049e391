import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Interaction, PartnerContext } from '../../core/model';
import { partnerMeetings, WEEK_AHEAD_DAYS, type CalendarMeeting } from '../../core/weekAhead';
import { PartnerMeetingCard } from './PartnerMeetingCard';
import { TeamWeekAhead } from './TeamWeekAhead';
import { useI18n } from '../shell/I18nContext';
import type { OverviewModel } from './useOverviewModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Calendar = { status: 'loading' } | { status: 'ready'; meetings: CalendarMeeting[] } | { status: 'error'; denied: boolean };

/**
 * "Mijn komende partnerafspraken": the signed-in official's meetings of the next 14 days (their calendar, through
 * Graph) in which a partner takes part, each with its briefing built from the overview's own copy of the register,
 * interactions and agenda, so no partner is read again; below, for a manager, the same for their direct reports
 * where those shared their calendar (TeamWeekAhead).
 */
export function WeekAheadTab({ model, onOpen }: { model: OverviewModel; onOpen(partnerId: string): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [calendar, setCalendar] = useState<Calendar>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setCalendar({ status: 'loading' });
    model.services.upcomingMeetings().then(
      (meetings) => live && setCalendar({ status: 'ready', meetings }),
      (error: unknown) => live && setCalendar({ status: 'error', denied: (error as { status?: number })?.status === 403 }),
    );
    return () => {
      live = false;
    };
  }, [model.services, attempt]);

  const official = model.user?.email ?? '';
  const active = useMemo(() => model.partners.filter((p) => p.status !== 'inactive'), [model.partners]);
  const found = useMemo(() => (calendar.status === 'ready' ? partnerMeetings(calendar.meetings, active, official) : []), [calendar, active, official]);
  const contextOf = (partnerId: string): PartnerContext | undefined => {
    const partner = model.partners.find((p) => p.id === partnerId);
    if (!partner) return undefined;
    // The overview's entries carry what a briefing reads (author, date, department, title, review, withdrawal).
    const interactions = model.interactions.filter((i) => i.partnerId === partnerId).map((i) => ({ authorEmail: '', summary: '', confidential: false, ...i }) as Interaction);
    return { partner, interactions, agenda: model.agenda.filter((a) => a.partnerId === partnerId) };
  };

  return (
    <section className={styles.root} aria-labelledby="week-ahead-title" data-testid="week-ahead">
      <Subtitle2 as="h2" id="week-ahead-title">
        {t('weekAhead.title')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t('weekAhead.intro', { days: WEEK_AHEAD_DAYS })}</Caption1>
      {calendar.status === 'loading' && (
        <Skeleton aria-busy="true" aria-label={t('weekAhead.loading')}>
          <SkeletonItem size={24} />
          <SkeletonItem size={24} />
        </Skeleton>
      )}
      {calendar.status === 'error' && (
        <MessageBar intent={calendar.denied ? 'warning' : 'error'}>
          <MessageBarBody>{t(calendar.denied ? 'weekAhead.notAllowed' : 'weekAhead.error')}</MessageBarBody>
          {!calendar.denied && (
            <Button appearance="transparent" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </Button>
          )}
        </MessageBar>
      )}
      {calendar.status === 'ready' && found.length === 0 && <Text>{t('weekAhead.none', { days: WEEK_AHEAD_DAYS })}</Text>}
      {calendar.status === 'ready' &&
        found.map((f) => (
          <PartnerMeetingCard key={f.meeting.id} found={f} headingId={`meeting-${f.meeting.id}`} heading="h3" testId="week-ahead-meeting" official={official} now={model.now} contextOf={contextOf} onOpen={onOpen} />
        ))}
      {model.services.teamMeetings && <TeamWeekAhead load={model.services.teamMeetings} partners={active} contextOf={contextOf} manager={official} now={model.now} onOpen={onOpen} />}
    </section>
  );
}
