import { Dropdown, Field, makeStyles, Option, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { contactTrends, monthTotals } from '../../core/overview';
import { useI18n } from '../shell/I18nContext';
import type { OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  chart: { width: '100%', maxWidth: '820px', height: 'auto' },
  bar: { fill: tokens.colorBrandBackground },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: '10px' },
});

/**
 * A hand-written SVG bar chart of all contacts per month, with the full figures in a table: no chart
 * library we looked at was both small and accessible, and the table is what a screen reader uses.
 */
export function TrendsTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t, choice, locale } = useI18n();
  const styles = useStyles();
  const [by, setBy] = useState<'category' | 'partner'>('category');
  const trends = useMemo(
    () => contactTrends(model.interactions, model.partners, { now: model.now, months: 12, by, limit: by === 'partner' ? 10 : undefined }),
    [model.interactions, model.partners, model.now, by],
  );
  const totals = monthTotals(trends);
  const max = Math.max(1, ...totals);
  const monthLabel = (m: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const seriesLabel = (key: string) => (by === 'category' ? choice('category', key) : partnerName(key));
  const W = 40;
  const H = 160;
  return (
    <div className={styles.root}>
      <Field label={t('trends.by')} size="small">
        <Dropdown size="small" value={by === 'category' ? t('trends.byCategory') : t('trends.byPartner')} selectedOptions={[by]} onOptionSelect={(_, d) => setBy(d.optionValue as 'category' | 'partner')}>
          <Option value="category">{t('trends.byCategory')}</Option>
          <Option value="partner">{t('trends.byPartner')}</Option>
        </Dropdown>
      </Field>
      <Subtitle2 as="h3">{t('trends.chart')}</Subtitle2>
      <svg className={styles.chart} viewBox={`0 0 ${trends.months.length * W} ${H + 20}`} role="img" aria-label={t('trends.chartLabel')}>
        {totals.map((n, i) => {
          const h = (n / max) * (H - 14);
          return (
            <g key={trends.months[i]}>
              <rect className={styles.bar} x={i * W + 6} y={H - h} width={W - 12} height={h} />
              <text className={styles.axis} x={i * W + W / 2} y={H - h - 3} textAnchor="middle">{n}</text>
              <text className={styles.axis} x={i * W + W / 2} y={H + 14} textAnchor="middle">{monthLabel(trends.months[i])}</text>
            </g>
          );
        })}
      </svg>
      <WideTable size="extra-small" aria-label={t('trends.table')} data-testid="trends-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('trends.series')}</TableHeaderCell>
            {trends.months.map((m) => <TableHeaderCell key={m}>{monthLabel(m)}</TableHeaderCell>)}
            <TableHeaderCell>{t('trends.total')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {trends.series.map((s) => (
            <TableRow key={s.key}>
              <TableCell>{seriesLabel(s.key)}</TableCell>
              {s.counts.map((n, i) => <TableCell key={trends.months[i]}>{n}</TableCell>)}
              <TableCell>{s.total}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t('trends.total')}</TableCell>
            {totals.map((n, i) => <TableCell key={trends.months[i]}>{n}</TableCell>)}
            <TableCell>{totals.reduce((a, b) => a + b, 0)}</TableCell>
          </TableRow>
        </TableBody>
      </WideTable>
    </div>
  );
}
