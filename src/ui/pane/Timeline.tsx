import { Badge, Button, Dropdown, Field, makeStyles, mergeClasses, Option, Subtitle2, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { findFeedbackReference } from '../../core/partnerFeedback';
import { memo, useEffect, useMemo, useState } from 'react';
import { contentHidden } from '../../core/notes';
import { filterTimeline, sortTimeline } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';
import { NoteChanges, storedChanges, type ChangeMode } from './NoteChanges';
import type { NoteActions, TimelineEntry } from './timelineEntries';
import { FailureMessage } from '../shell/FailureMessage';

export type { TimelineEntry } from './timelineEntries';

const PAGE = 20;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filter: { minWidth: '120px', flexGrow: 1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  withdrawn: { borderLeftColor: tokens.colorNeutralStroke1 },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  // A row is plain elements with Fluent's type ramp rather than Text components: "show more" on a long
  // history renders twenty rows at a time, and each Text costs a component of hooks.
  rowMeta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  rowTitle: { ...typographyStyles.body1Strong, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  struck: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  rowSummary: { ...typographyStyles.caption1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  rowLabel: { ...typographyStyles.caption1Strong },
  rowMuted: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

/**
 * A partner's notes, newest first, with everything an official wrote in them: summary, a review's
 * answers and score, follow-ups, the Woo flag, and who corrected or withdrew a note. With `actions`,
 * the official corrects and withdraws their own notes here.
 */
export function Timeline({ entries, actions }: { entries: TimelineEntry[]; actions?: NoteActions }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [theme, setTheme] = useState('');
  const [department, setDepartment] = useState('');
  const [shown, setShown] = useState(PAGE);
  const themes = useMemo(() => [...new Set(entries.flatMap((e) => e.themes))].sort(), [entries]);
  const departments = useMemo(() => [...new Set(entries.map((e) => e.department).filter(Boolean))].sort(), [entries]);
  const visible = useMemo(() => sortTimeline(filterTimeline(entries, { theme, department })) as TimelineEntry[], [entries, theme, department]);
  // A correction or withdrawal left half-typed (the pane was closed) opens again where it was.
  const [reopen, setReopen] = useState<Map<string, ChangeMode>>(new Map());
  const drafts = actions?.drafts;
  useEffect(() => {
    let live = true;
    drafts?.list().then((list) => live && setReopen(storedChanges(list)), () => undefined);
    return () => {
      live = false;
    };
  }, [drafts]);
  return (
    <section aria-labelledby="timeline-title">
      <Subtitle2 as="h3" id="timeline-title">
        {t('timeline.title')}
      </Subtitle2>
      <TimelineFilters themes={themes} departments={departments} theme={theme} department={department} onTheme={setTheme} onDepartment={setDepartment} />
      {visible.length === 0 ? (
        <Text className={styles.muted}>{t('timeline.empty')}</Text>
      ) : (
        <ul className={styles.list} data-testid="timeline">
          {visible.slice(0, shown).map((entry) => (
            <TimelineRow key={entry.clientId || entry.id} entry={entry} actions={actions} reopen={reopen.get(entry.clientId)} />
          ))}
        </ul>
      )}
      {visible.length > shown && (
        <Button appearance="subtle" onClick={() => setShown((n) => n + PAGE)}>
          {t('timeline.more', { count: visible.length })}
        </Button>
      )}
    </section>
  );
}

/**
 * One entry; memoised, so "show more" renders only the rows it adds, and a row re-renders only when its
 * own entry (or its write state) changes. What the official typed is shown in `dir="auto"` elements
 * and names in `<bdi>`, so text in another direction (Arabic, Hebrew) never reorders the line around it.
 */
const TimelineRow = memo(function TimelineRow({ entry, actions, reopen }: { entry: TimelineEntry; actions?: NoteActions; reopen?: ChangeMode }) {
  const { t, choice, rich, date, dateTime } = useI18n();
  const styles = useStyles();
  const hidden = contentHidden(entry);
  const failed = entry.writeState === 'failed' || entry.writeState === 'conflict';
  return (
    <li className={mergeClasses(styles.item, entry.withdrawn && styles.withdrawn)} data-testid="timeline-item">
      <span className={styles.rowMeta}>
        {date(entry.date)} · {choice('kind', entry.kind)} · <bdi>{entry.department}</bdi> · <bdi>{entry.authorName}</bdi>
        {entry.wooRelevant && <> · <span data-testid="note-woo">{t('timeline.woo')}</span></>}
      </span>
      <span className={mergeClasses(styles.rowTitle, entry.withdrawn && styles.struck)} dir="auto">
        {entry.title}
      </span>
      {hidden ? (
        <span className={styles.rowMuted}>{t('timeline.confidential')}</span>
      ) : (
        entry.summary && (
          <span className={styles.rowSummary} dir="auto">
            {entry.summary}
          </span>
        )
      )}
      {entry.review && (
        <>
          {entry.kind === 'review' && findFeedbackReference(entry.title) && (
            // Logged from the partner's reply to a feedback request: their words, not the official's account.
            <span>
              <Badge appearance="tint" color="brand" data-testid="note-partners-words">{t('feedback.partnersWords')}</Badge>
            </span>
          )}
          {entry.review.score > 0 && <span className={styles.rowLabel}>{t('timeline.reviewScore', { score: entry.review.score })}</span>}
          <Answer label={t('reviews.goesWell')} text={entry.review.goesWell} testId="note-goes-well" />
          <Answer label={t('reviews.couldImprove')} text={entry.review.couldImprove} testId="note-could-improve" />
        </>
      )}
      <Answer label={t('timeline.followUps')} text={entry.followUps} testId="note-follow-ups" />
      {entry.edited && (
        <span className={styles.rowMeta} data-testid="note-edited">
          {rich('timeline.edited', { name: <bdi>{entry.edited.byName}</bdi>, when: dateTime(entry.edited.at) })}
        </span>
      )}
      {entry.withdrawn && (
        <span className={styles.rowMeta} data-testid="note-withdrawn">
          {rich('timeline.withdrawn', { name: <bdi>{entry.withdrawn.byName}</bdi>, when: dateTime(entry.withdrawn.at), reason: <bdi>{entry.withdrawn.reason}</bdi> })}
        </span>
      )}
      {entry.writeState && (
        <span>
          <Badge appearance="tint" color={failed ? 'danger' : 'informative'} data-testid="write-state">
            {entry.writeState === 'conflict' ? t('timeline.conflict') : failed ? t('timeline.failed') : t('timeline.pending')}
          </Badge>
        </span>
      )}
      {entry.writeState === 'failed' && (
        <FailureMessage
          cause={entry.failure?.cause}
          detail={entry.failure?.error}
          testId="write-failure"
          actions={
            actions && (
              <Button size="small" onClick={() => void actions.retry(entry.clientId)}>
                {t('common.retry')}
              </Button>
            )
          }
        />
      )}
      {actions && <NoteChanges entry={entry} actions={actions} reopen={reopen} />}
    </li>
  );
});

/** A labelled answer the official wrote (a review's, the follow-ups), when there is one. */
function Answer({ label, text, testId }: { label: string; text: string | undefined; testId: string }) {
  const styles = useStyles();
  if (!text) return null;
  return (
    <p className={styles.rowSummary} data-testid={testId}>
      <span className={styles.rowLabel}>{label}: </span>
      <bdi>{text}</bdi>
    </p>
  );
}

/** The two filters; memoised, so paging through a long history does not render them again. */
const TimelineFilters = memo(function TimelineFilters(props: {
  themes: string[];
  departments: string[];
  theme: string;
  department: string;
  onTheme(theme: string): void;
  onDepartment(department: string): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.filters}>
      <FilterField label={t('timeline.filterTheme')} values={props.themes} value={props.theme} onSelect={props.onTheme} />
      <FilterField label={t('timeline.filterDepartment')} values={props.departments} value={props.department} onSelect={props.onDepartment} />
    </div>
  );
});

/** One filter: "all" (the empty value) or one of `values`. */
function FilterField({ label, values, value, onSelect }: { label: string; values: string[]; value: string; onSelect(value: string): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Field label={label} className={styles.filter} size="small">
      <Dropdown size="small" value={value || t('common.all')} selectedOptions={[value]} onOptionSelect={(_, d) => onSelect(d.optionValue ?? '')}>
        <Option value="">{t('common.all')}</Option>
        {values.map((x) => (
          <Option key={x} value={x}>
            {x}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
