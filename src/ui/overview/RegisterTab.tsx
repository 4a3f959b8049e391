import {
  Badge, Button, Caption1, Dropdown, Field, Input, Link, makeStyles, Option, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { Search16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { byName, nameCollator } from '../../core/nameOrder';
import { partnerMatchesQuery } from '../../core/partnerSearch';
import { PARTNER_CATEGORIES, type Partner } from '../../core/model';
import type { ActivityByPartner, DigestRow } from '../../core/overview';
import { rhythmStatus, type RhythmState, type RhythmStatus } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import type { OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';

/** Paged rather than virtualised: 1,000 partners filter and sort in memory in a few ms; the DOM shows 50. */
const PAGE_SIZE = 50;
const RHYTHM_STATES: RhythmState[] = ['overdue', 'due-soon', 'ok', 'never', 'no-target'];
type SortColumn = 'name' | 'category' | 'owner' | 'lastContact' | 'rhythm' | 'count';
const NO_OWNER = '\u0000none';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  filter: { minWidth: '160px' },
  // Wide enough for its placeholder ("Zoek op naam, alias of domein"), and the whole row on a narrow screen.
  search: { flexGrow: 1, flexBasis: '20rem', maxWidth: '32rem', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  pager: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

function FilterDropdown({ label, value, options, onChange }: { label: string; value: string; options: Array<[string, string]>; onChange(value: string): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const current = options.find(([v]) => v === value)?.[1] ?? t('common.all');
  return (
    <Field label={label} size="small" className={styles.filter}>
      <Dropdown size="small" value={value ? current : t('common.all')} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(d.optionValue ?? '')}>
        <Option value="">{t('common.all')}</Option>
        {options.map(([v, text]) => (
          <Option key={v} value={v}>
            {text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** `activity`: per partner, the departments in touch over the last 12 months (see Overview). */
export function RegisterTab({ model, activity, onOpen }: { model: OverviewModel; activity?: ActivityByPartner; onOpen(partnerId: string): void }) {
  const { t, choice, plural } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [theme, setTheme] = useState('');
  const [owner, setOwner] = useState('');
  const [department, setDepartment] = useState('');
  const [rhythm, setRhythm] = useState('');
  const [sort, setSort] = useState<{ column: SortColumn; direction: 'ascending' | 'descending' }>({ column: 'name', direction: 'ascending' });
  const [page, setPage] = useState(0);
  const { now } = model;

  const active = useMemo(() => model.partners.filter((p) => p.status !== 'inactive'), [model.partners]);
  const themes = useMemo(() => [...new Set(active.flatMap((p) => p.themes))].sort(), [active]);
  // A category an administrator added to the column in SharePoint filters too, after the app's own.
  const categories = useMemo(() => {
    const known = new Set<string>(PARTNER_CATEGORIES);
    return [...PARTNER_CATEGORIES, ...[...new Set(active.map((p) => p.category))].filter((c) => !known.has(c)).sort(nameCollator.compare)];
  }, [active]);
  const owners = useMemo(() => [...new Set(active.map((p) => p.ownerName).filter((o): o is string => !!o))].sort(nameCollator.compare), [active]);
  const departments = useMemo(() => [...new Set([...(activity?.values() ?? [])].flatMap((a) => [...a.departments]))].sort(nameCollator.compare), [activity]);

  // The register by name (one pass: the model's partners come in this order): filters keep this order,
  // and the other columns' sorts break their ties by it, with numbers instead of the collator.
  const sorted = useMemo(() => byName(active), [active]);
  const nameRank = useMemo(() => new Map(sorted.map((p, i) => [p.id, i])), [sorted]);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = sorted
      .filter((p) => partnerMatchesQuery(p, q))
      .filter((p) => !category || p.category === category)
      .filter((p) => !theme || p.themes.includes(theme))
      .filter((p) => !owner || (owner === NO_OWNER ? !p.ownerName && !p.ownerEmail : p.ownerName === owner))
      .filter((p) => !department || activity?.get(p.id)?.departments.has(department))
      .map((p) => ({ partner: p, rhythm: rhythmStatus(p, now) }))
      .filter((r) => !rhythm || r.rhythm.state === rhythm);
    const key = (r: (typeof list)[number]): string | number => {
      switch (sort.column) {
        case 'category': return choice('category', r.partner.category);
        case 'owner': return r.partner.ownerName ?? '';
        case 'lastContact': return r.partner.lastContact ?? '';
        case 'rhythm': return RHYTHM_STATES.indexOf(r.rhythm.state);
        case 'count': return r.partner.interactionCount;
        default: return r.partner.name;
      }
    };
    const sign = sort.direction === 'ascending' ? 1 : -1;
    if (sort.column === 'name') return sign === 1 ? list : list.reverse();
    const rank = (r: (typeof list)[number]) => nameRank.get(r.partner.id) ?? 0;
    return list.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : nameCollator.compare(String(x), String(y));
      return sign * c || rank(a) - rank(b);
    });
  }, [sorted, nameRank, query, category, theme, owner, department, rhythm, sort, activity, now, choice]);
  const quiet = rows.filter((r) => r.rhythm.state === 'overdue').length;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);

  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(0);
  };

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Field label={t('overview.search')} size="small" className={styles.search}>
          <Input size="small" contentBefore={<Search16Regular />} placeholder={t('overview.search')} value={query} onChange={(_, d) => filter(setQuery)(d.value)} />
        </Field>
        <FilterDropdown label={t('overview.filter.category')} value={category} onChange={filter(setCategory)} options={categories.map((c) => [c, choice('category', c)])} />
        <FilterDropdown label={t('overview.filter.theme')} value={theme} onChange={filter(setTheme)} options={themes.map((x) => [x, x])} />
        <FilterDropdown label={t('overview.filter.owner')} value={owner} onChange={filter(setOwner)} options={[[NO_OWNER, t('overview.filter.noOwner')], ...owners.map((x): [string, string] => [x, x])]} />
        <FilterDropdown label={t('overview.filter.department')} value={department} onChange={filter(setDepartment)} options={departments.map((x) => [x, x])} />
        <FilterDropdown label={t('overview.filter.rhythm')} value={rhythm} onChange={filter(setRhythm)} options={RHYTHM_STATES.map((s) => [s, rhythmLabel(t, s)])} />
      </div>
      <Caption1 className={styles.muted} data-testid="overview-count" aria-live="polite">
        {plural('overview.count', rows.length)} · {t('overview.quiet', { count: quiet })}
      </Caption1>
      {rows.length === 0 ? (
        <Text className={styles.muted}>{t('overview.empty')}</Text>
      ) : (
        <RegisterTable
          rows={rows.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE)}
          sort={sort}
          onSort={(column) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' }))}
          onOpen={onOpen}
        />
      )}
      {pages > 1 && (
        <nav className={styles.pager} aria-label={t('overview.page', { page: shownPage + 1, pages })}>
          <Button size="small" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
            {t('overview.prev')}
          </Button>
          <Caption1>{t('overview.page', { page: shownPage + 1, pages })}</Caption1>
          <Button size="small" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)}>
            {t('overview.next')}
          </Button>
        </nav>
      )}
    </div>
  );
}

/**
 * One page of register rows. Sortable and with each name a button where `onSort` and `onOpen` are given;
 * without them (the first screen from the site's digest, FirstScreenDigestView) plain text.
 */
export function RegisterTable({ rows, sort, onSort, onOpen }: {
  rows: ReadonlyArray<{ partner: DigestRow; rhythm: RhythmStatus }>;
  sort?: { column: SortColumn; direction: 'ascending' | 'descending' };
  onSort?(column: SortColumn): void;
  onOpen?(partnerId: string): void;
}) {
  const { t, choice, date } = useI18n();
  const wrap = useWrapStyles();
  const header = (column: SortColumn, label: string) =>
    onSort ? (
      <TableHeaderCell sortDirection={sort?.column === column ? sort.direction : undefined} onClick={() => onSort(column)}>
        {label}
      </TableHeaderCell>
    ) : (
      <TableHeaderCell>{label}</TableHeaderCell>
    );
  return (
    <WideTable size="small" sortable={!!onSort} aria-label={t('overview.title')} data-testid="overview-table">
      <TableHeader>
        <TableRow>
          {header('name', t('overview.col.name'))}
          {header('category', t('overview.col.category'))}
          {header('owner', t('overview.col.owner'))}
          {header('lastContact', t('overview.col.lastContact'))}
          {header('rhythm', t('overview.col.rhythm'))}
          {header('count', t('overview.col.count'))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ partner, rhythm: r }) => (
          <TableRow key={partner.id}>
            <TableCell>
              {onOpen ? (
                <Link as="button" onClick={() => onOpen(partner.id)}>
                  {partner.name}
                </Link>
              ) : (
                partner.name
              )}
            </TableCell>
            <TableCell>{choice('category', partner.category)}</TableCell>
            <TableCell>{partner.ownerName ?? t('card.ownerNone')}</TableCell>
            <TableCell>{date(partner.lastContact)}</TableCell>
            <TableCell>
              <Badge appearance="tint" className={wrap.oneLine} color={r.state === 'overdue' ? 'danger' : r.state === 'due-soon' ? 'warning' : r.state === 'ok' ? 'success' : 'subtle'}>
                {rhythmLabel(t, r.state)}
              </Badge>
            </TableCell>
            <TableCell>{partner.interactionCount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

export function rhythmLabel(t: ReturnType<typeof useI18n>['t'], state: RhythmState): string {
  return state === 'never' || state === 'no-target' ? t(`overview.rhythm.${state}`) : t(`card.rhythm.badge.${state}`);
}
