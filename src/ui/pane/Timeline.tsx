import { Badge, Button, Dropdown, Field, makeStyles, Option, Subtitle2, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { memo, useMemo, useState } from 'react';
import type { Interaction } from '../../core/model';
import type { WriteState } from '../services';
import { filterTimeline, sortTimeline } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';

export type TimelineEntry = Interaction & { writeState?: WriteState };

const PAGE = 20;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filter: { minWidth: '120px', flexGrow: 1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  // A row is plain elements with Fluent's type ramp rather than Text components: "show more" on a long
  // history renders twenty rows at a time, and each Text costs a component of hooks.
  rowMeta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  rowTitle: { ...typographyStyles.body1Strong, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  rowSummary: { ...typographyStyles.caption1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  rowMuted: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export function Timeline({ entries, onRetry }: { entries: TimelineEntry[]; onRetry?: (clientId: string) => void }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const [theme, setTheme] = useState('');
  const [department, setDepartment] = useState('');
  const [shown, setShown] = useState(PAGE);
  const themes = useMemo(() => [...new Set(entries.flatMap((e) => e.themes))].sort(), [entries]);
  const departments = useMemo(() => [...new Set(entries.map((e) => e.department).filter(Boolean))].sort(), [entries]);
  const visible = useMemo(() => sortTimeline(filterTimeline(entries, { theme, department })) as TimelineEntry[], [entries, theme, department]);
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
            <TimelineRow key={entry.clientId || entry.id} entry={entry} onRetry={onRetry} />
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
 * own entry (or its write state) changes.
 */
const TimelineRow = memo(function TimelineRow({ entry, onRetry }: { entry: TimelineEntry; onRetry?: (clientId: string) => void }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  return (
    <li className={styles.item} data-testid="timeline-item">
      <span className={styles.rowMeta}>
        {date(entry.date)} · {t(`kind.${entry.kind}`)} · {entry.department} · {entry.authorName}
      </span>
      <span className={styles.rowTitle}>{entry.title}</span>
      {entry.confidential && !entry.summary ? (
        <span className={styles.rowMuted}>{t('timeline.confidential')}</span>
      ) : (
        entry.summary && <span className={styles.rowSummary}>{entry.summary}</span>
      )}
      {entry.writeState && (
        <span>
          <Badge appearance="tint" color={entry.writeState === 'failed' || entry.writeState === 'conflict' ? 'danger' : 'informative'} data-testid="write-state">
            {entry.writeState === 'failed' || entry.writeState === 'conflict' ? t('timeline.failed') : t('timeline.pending')}
          </Badge>
          {entry.writeState === 'failed' && onRetry && (
            <Button size="small" appearance="subtle" onClick={() => onRetry(entry.clientId)}>
              {t('common.retry')}
            </Button>
          )}
        </span>
      )}
    </li>
  );
});

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
