import { makeStyles, MessageBar, MessageBarBody, tokens, typographyStyles } from '@fluentui/react-components';
import type { Interaction } from '../../core/model';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  line: { ...typographyStyles.body1, margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  headline: { ...typographyStyles.body1Strong, margin: 0 },
  others: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * Who logged this email or meeting, and when they logged it: the official's own note (then the form
 * is not offered again), and colleagues' notes on the same item. Each sentence is its own element,
 * and what officials typed (a subject in Arabic or Hebrew, a name) is isolated (`dir="auto"`,
 * `<bdi>`), so it cannot reorder the sentence around it. `marker`: what the host stored on the item
 * when it was logged (Outlook's custom property).
 */
export function LoggedBanner({ mine, others, marker }: { mine?: Interaction; others: Interaction[]; marker?: string }) {
  const { t, rich, dateTime } = useI18n();
  const styles = useStyles();
  if (!mine && others.length === 0) return null;
  return (
    <MessageBar intent={mine ? 'success' : 'info'} layout="multiline" data-testid="already-logged">
      <MessageBarBody>
        {mine && (
          <>
            <p className={styles.headline} data-testid="logged-mine">
              {t('logged.byMe', { when: dateTime(mine.loggedAt) })}
            </p>
            <p className={styles.line} dir="auto" data-testid="logged-title">
              {mine.title}
            </p>
            {mine.summary && (
              <p className={styles.line} dir="auto">
                {mine.summary}
              </p>
            )}
            {marker && (
              <p className={styles.line} data-testid="logged-marker">
                {t('logged.marker')}
              </p>
            )}
          </>
        )}
        {others.length > 0 && (
          <ul className={styles.others}>
            {others.map((note) => (
              <li key={note.clientId} className={styles.line} data-testid="logged-other">
                {rich('logged.byColleague', { author: <bdi>{note.authorName}</bdi>, department: <bdi>{note.department}</bdi>, when: dateTime(note.loggedAt), title: <bdi>{note.title}</bdi> })}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
