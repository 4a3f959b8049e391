import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { PeopleCheckmark16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { attendedMinutes, partnerAttendees, type MeetingAttendee } from '../../core/meetingAttendance';
import type { RegisterPartner } from '../../core/model';
import type { NoteDraft } from '../../core/noteDraft';
import type { Host } from '../../hosts/Host';
import type { MeetingAttendanceResult } from '../../hosts/meeting/meetingAttendance';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type State = { status: 'idle' } | { status: 'reading' } | { status: 'done'; result: MeetingAttendanceResult; partner: MeetingAttendee[] } | { status: 'error' };

/**
 * After a Teams meeting: "Deelnemers uit het aanwezigheidsrapport halen" fills the note with the partner's
 * people who actually attended (names and minutes, from the meeting's attendance report), and says plainly
 * when there is none to read: not the organizer, no report yet, consent refused. The report is read only from
 * this click (it may ask the organizer for the report's consent); the official edits the note before logging.
 */
export function MeetingAttendance({ host, partner, partnerName, draft, onChange }: {
  host: Pick<Host, 'readMeetingAttendance'>;
  partner: Pick<RegisterPartner, 'domains' | 'contacts'>;
  partnerName: string;
  draft: NoteDraft;
  onChange: (draft: NoteDraft) => void;
}) {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const [state, setState] = useState<State>({ status: 'idle' });
  const read = host.readMeetingAttendance;
  if (!read) return null;

  const run = async () => {
    setState({ status: 'reading' });
    try {
      const result = await read.call(host);
      const people = result.status === 'found' ? partnerAttendees(partner, result.attendees) : [];
      setState({ status: 'done', result, partner: people });
      if (people.length > 0) {
        const line = t('attendance.noteLine', { partner: partnerName, people: people.map((p) => `${p.name ?? p.email} (${plural('attendance.minutes', attendedMinutes(p.seconds))})`).join(', ') });
        // Clicked again: the line is not added twice.
        if (!draft.summary.includes(line)) onChange({ ...draft, summary: draft.summary.trim() ? `${draft.summary.trimEnd()}\n${line}` : line });
      }
    } catch {
      setState({ status: 'error' });
    }
  };

  const message = (() => {
    if (state.status === 'error') return { intent: 'error' as const, text: t('attendance.error') };
    if (state.status !== 'done') return undefined;
    switch (state.result.status) {
      case 'found':
        return state.partner.length ? undefined : { intent: 'info' as const, text: t('attendance.nonePartner', { partner: partnerName }) };
      case 'not-organizer':
        return { intent: 'info' as const, text: t('attendance.notOrganizer') };
      case 'no-report':
        return { intent: 'info' as const, text: t('attendance.noReport') };
      case 'consent-refused':
        return { intent: 'warning' as const, text: t('attendance.consentRefused') };
      case 'not-allowed':
        return { intent: 'warning' as const, text: t('attendance.notAllowed') };
      default:
        return { intent: 'info' as const, text: t('attendance.notFound') };
    }
  })();

  return (
    <section className={styles.section} aria-label={t('attendance.title')} data-testid="meeting-attendance">
      <Button
        size="small"
        appearance="secondary"
        icon={state.status === 'reading' ? <Spinner size="extra-tiny" /> : <PeopleCheckmark16Regular />}
        disabled={state.status === 'reading'}
        onClick={() => void run()}
      >
        {t('attendance.button')}
      </Button>
      <div role="status" aria-live="polite">
        {state.status === 'done' && state.partner.length > 0 && (
          <>
            <Text>{t('attendance.found', { partner: partnerName })}</Text>
            <ul className={styles.list} data-testid="attendance-list">
              {state.partner.map((p) => (
                <li key={p.email}>
                  {p.name ?? p.email} — {plural('attendance.minutes', attendedMinutes(p.seconds))}
                </li>
              ))}
            </ul>
          </>
        )}
        {message && (
          <MessageBar intent={message.intent} data-testid="attendance-message">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
