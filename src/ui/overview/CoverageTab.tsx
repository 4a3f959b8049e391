import { Button, Caption1, Dropdown, Field, Link, makeStyles, mergeClasses, Option, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowUp16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cellInteractions, cellKey, coverageMatrix, lastMonths, parallelContacts, singleDepartmentPartners, type CoverageDimension } from '../../core/overview';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import type { OverviewModel } from './useOverviewModel';

const PERIODS = [3, 6, 12, 24];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  controls: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { padding: tokens.spacingHorizontalXS, textAlign: 'left', fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  // An inline-block, so that the header cell is as tall as the turned name (an inline box would run up into the caption).
  colHead: { display: 'inline-block', writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap', verticalAlign: 'bottom' },
  td: { padding: 0, textAlign: 'center', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, minWidth: '32px' },
  cell: {
    width: '100%', minHeight: '28px', border: 'none', cursor: 'pointer', backgroundColor: 'transparent', color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase200,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  detail: {
    scrollMarginTop: tokens.spacingVerticalM,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Three steps of one brand colour: readable in light, dark and high contrast (the number is always shown too).
  low: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  mid: { backgroundColor: tokens.colorBrandBackgroundHover, color: tokens.colorNeutralForegroundOnBrand },
  high: { backgroundColor: tokens.colorBrandBackgroundPressed, color: tokens.colorNeutralForegroundOnBrand },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForeground1}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CoverageTab({ model, partnerName, onOpen }: { model: OverviewModel; partnerName(id: string): string; onOpen(partnerId: string): void }) {
  const { t, choice, plural, date } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const [dimension, setDimension] = useState<CoverageDimension>('department');
  const [months, setMonths] = useState(12);
  const [selected, setSelected] = useState<{ row: string; partnerId: string }>();
  const period = useMemo(() => lastMonths(model.now, months), [model.now, months]);
  const matrix = useMemo(() => coverageMatrix(model.interactions, model.partners, period, dimension), [model.interactions, model.partners, period, dimension]);
  const single = useMemo(() => singleDepartmentPartners(coverageMatrix(model.interactions, model.partners, period, 'department')), [model.interactions, model.partners, period]);
  const parallel = useMemo(() => {
    const active = new Set(model.partners.filter((p) => p.status !== 'inactive').map((p) => p.id));
    return parallelContacts(model.interactions.filter((i) => active.has(i.partnerId)), period);
  }, [model.interactions, model.partners, period]);
  // The interactions open below the whole table, out of sight: the reader (and a screen reader's focus) is
  // taken to them, a region named by its heading, and can go back to the number they came from.
  const detailRegion = useRef<HTMLElement>(null);
  const openedFrom = useRef<HTMLButtonElement>();
  useEffect(() => {
    if (!selected) return;
    detailRegion.current?.scrollIntoView({ block: 'start' });
    detailRegion.current?.focus({ preventScroll: true });
  }, [selected]);
  const detail = selected ? cellInteractions(model.interactions, selected.row, selected.partnerId, period, dimension) : [];
  const rowWord = t(`coverage.row.${dimension}`);

  const level = (n: number) => (n === 0 ? undefined : n / matrix.max > 0.66 ? styles.high : n / matrix.max > 0.33 ? styles.mid : styles.low);
  return (
    <div className={styles.root}>
      <div className={styles.controls}>
        <Field label={t('coverage.dimension')} size="small">
          <Dropdown size="small" value={t(`coverage.dimension.${dimension}`)} selectedOptions={[dimension]} onOptionSelect={(_, d) => (setDimension(d.optionValue as CoverageDimension), setSelected(undefined))}>
            <Option value="department">{t('coverage.dimension.department')}</Option>
            <Option value="theme">{t('coverage.dimension.theme')}</Option>
          </Dropdown>
        </Field>
        <Field label={t('coverage.period')} size="small">
          <Dropdown size="small" value={plural('coverage.months', months)} selectedOptions={[String(months)]} onOptionSelect={(_, d) => (setMonths(Number(d.optionValue)), setSelected(undefined))}>
            {PERIODS.map((m) => (
              <Option key={m} value={String(m)}>
                {plural('coverage.months', m)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {matrix.columns.length === 0 ? (
        <Text className={styles.muted}>{t('coverage.empty')}</Text>
      ) : (
        <div className={styles.scroll}>
          {/* Partners are rows (there are many), departments or themes columns (there are few): same matrix, readable. */}
          <table className={styles.table} data-testid="coverage-table">
            <caption className={styles.muted}>{t('coverage.caption', { dimension: rowWord, period: plural('coverage.months', months) })}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>{t('overview.col.name')}</th>
                {matrix.rows.map((row) => (
                  <th key={row} scope="col" className={styles.th}>
                    <span className={styles.colHead}>{row}</span>
                  </th>
                ))}
                <th scope="col" className={styles.th}>{t('coverage.total')}</th>
              </tr>
            </thead>
            <tbody>
              {matrix.columns.map((partnerId) => {
                const name = partnerName(partnerId);
                return (
                  <tr key={partnerId}>
                    <th scope="row" className={styles.th}>{name}</th>
                    {matrix.rows.map((row) => {
                      const count = matrix.counts.get(cellKey(row, partnerId)) ?? 0;
                      const label = plural('coverage.cell', count, { row, partner: name });
                      const isSelected = selected?.row === row && selected.partnerId === partnerId;
                      return (
                        <td key={row} className={mergeClasses(styles.td, level(count))}>
                          {count > 0 && (
                            <button
                              type="button"
                              className={mergeClasses(styles.cell, level(count), isSelected && styles.selected)}
                              title={label}
                              aria-label={label}
                              aria-pressed={isSelected}
                              data-testid="coverage-cell"
                              onClick={(event) => {
                                openedFrom.current = event.currentTarget;
                                setSelected({ row, partnerId });
                              }}
                            >
                              {count}
                            </button>
                          )}
                        </td>
                      );
                    })}
                    <td className={styles.td}>{matrix.columnTotals.get(partnerId)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <section aria-labelledby="coverage-detail-title" data-testid="coverage-detail" className={mergeClasses(styles.section, styles.detail)} ref={detailRegion} tabIndex={-1}>
          <Subtitle2 as="h3" block id="coverage-detail-title" className={wrap.anywhere}>
            {t('coverage.detail', { row: selected.row, partner: partnerName(selected.partnerId) })}
          </Subtitle2>
          <ul className={styles.list}>
            {detail.map((i) => (
              <li key={i.id} data-testid="coverage-detail-item" className={wrap.anywhere}>
                <Text>{`${date(i.date)} · ${choice('kind', i.kind)} · ${i.department} · ${i.authorName}: ${i.title}`}</Text>
              </li>
            ))}
          </ul>
          <Link as="button" onClick={() => onOpen(selected.partnerId)}>
            {partnerName(selected.partnerId)}
          </Link>
          <Button appearance="subtle" size="small" icon={<ArrowUp16Regular />} onClick={() => openedFrom.current?.focus()}>
            {t('coverage.backToTable')}
          </Button>
        </section>
      )}
      <section aria-labelledby="coverage-single-title" className={styles.section}>
        <Subtitle2 as="h3" block id="coverage-single-title">{t('coverage.single.title')}</Subtitle2>
        <ul className={styles.list} data-testid="coverage-single">
          {single.map((s) => (
            <li key={s.partnerId}>{t('coverage.single.row', { partner: partnerName(s.partnerId), department: s.department })}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="coverage-parallel-title" className={styles.section}>
        <Subtitle2 as="h3" block id="coverage-parallel-title">{t('coverage.parallel.title')}</Subtitle2>
        <Caption1 block className={styles.muted}>{t('coverage.parallel.explain')}</Caption1>
        <ul className={styles.list} data-testid="coverage-parallel">
          {parallel.slice(0, 50).map((p) => (
            <li key={`${p.partnerId}:${p.departments.join()}`}>
              {t('coverage.parallel.row', { partner: partnerName(p.partnerId), a: p.departments[0], b: p.departments[1], themes: p.themes.join(', ') })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
