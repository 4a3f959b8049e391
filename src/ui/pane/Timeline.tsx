import { Badge, Button, Caption1, Dropdown, Field, makeStyles, Option, Subtitle2, Text, tokens } from '@fluentui/react-components';
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
  meta: { color: tokens.colorNeutralForeground3 },
  summary: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
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
      <div className={styles.filters}>
        <Field label={t('timeline.filterTheme')} className={styles.filter} size="small">
          <Dropdown size="small" value={theme || t('common.all')} selectedOptions={[theme]} onOptionSelect={(_, d) => setTheme(d.optionValue ?? '')}>
            <Option value="">{t('common.all')}</Option>
            {themes.map((x) => (
              <Option key={x} value={x}>
                {x}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('timeline.filterDepartment')} className={styles.filter} size="small">
          <Dropdown size="small" value={department || t('common.all')} selectedOptions={[department]} onOptionSelect={(_, d) => setDepartment(d.optionValue ?? '')}>
            <Option value="">{t('common.all')}</Option>
            {departments.map((x) => (
              <Option key={x} value={x}>
                {x}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
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
      <Caption1 className={styles.meta}>
        {date(entry.date)} · {t(`kind.${entry.kind}`)} · {entry.department} · {entry.authorName}
      </Caption1>
      <Text weight="semibold" className={styles.summary}>
        {entry.title}
      </Text>
      {entry.confidential && !entry.summary ? (
        <Text size={200} className={styles.muted}>
          {t('timeline.confidential')}
        </Text>
      ) : (
        entry.summary && <Text size={200} className={styles.summary}>{entry.summary}</Text>
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
