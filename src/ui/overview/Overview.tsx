import {
  Badge, Caption1, Input, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Subtitle1, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { Search16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { Partner } from '../../core/model';
import { rhythmStatus } from '../../core/relationship';
import type { Services } from '../services';
import { useI18n } from '../shell/I18nContext';

const PAGE_SIZE = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

function matchesQuery(partner: Partner, q: string): boolean {
  return (
    partner.name.toLowerCase().includes(q) || partner.aliases.some((a) => a.toLowerCase().includes(q)) || partner.domains.some((d) => d.includes(q))
  );
}

/** The manager's landscape: every partner, its owner and how the contact rhythm stands. */
export function Overview({ services }: { services: Services }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const [partners, setPartners] = useState<Partner[] | undefined>();
  const [loaded, setLoaded] = useState(0);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const now = services.now();

  useEffect(() => {
    services
      .loadOverview((progress) => progress.list === 'Interactions' && setLoaded(progress.loaded))
      .then((data) => setPartners(data.partners.filter((p) => p.status !== 'inactive')), () => setFailed(true));
  }, [services]);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (partners ?? [])
      .filter((p) => !q || matchesQuery(p, q))
      .map((p) => ({ partner: p, rhythm: rhythmStatus(p, now) }))
      .sort((a, b) => a.partner.name.localeCompare(b.partner.name, 'nl'));
  }, [partners, query, now]);
  const quiet = rows.filter((r) => r.rhythm.state === 'overdue').length;

  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{t('overview.title')}</Subtitle1>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{t('error.load')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Input contentBefore={<Search16Regular />} placeholder={t('overview.search')} aria-label={t('overview.search')} value={query} onChange={(_, d) => setQuery(d.value)} />
        {partners && (
          <Caption1 className={styles.muted} data-testid="overview-count">
            {t('overview.count', { count: rows.length })} · {t('overview.quiet', { count: quiet })}
          </Caption1>
        )}
      </div>
      {!partners && !failed ? (
        <Skeleton aria-busy="true" aria-label={t('overview.loading', { count: loaded })}>
          {loaded > 0 && <Caption1 className={styles.muted}>{t('overview.loading', { count: loaded })}</Caption1>}
          {Array.from({ length: 8 }, (_, i) => (
            <SkeletonItem key={i} size={24} />
          ))}
        </Skeleton>
      ) : rows.length === 0 ? (
        <Text className={styles.muted}>{t('overview.empty')}</Text>
      ) : (
        <Table size="small" aria-label={t('overview.title')} data-testid="overview-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('overview.col.name')}</TableHeaderCell>
              <TableHeaderCell>{t('overview.col.category')}</TableHeaderCell>
              <TableHeaderCell>{t('overview.col.owner')}</TableHeaderCell>
              <TableHeaderCell>{t('overview.col.lastContact')}</TableHeaderCell>
              <TableHeaderCell>{t('overview.col.rhythm')}</TableHeaderCell>
              <TableHeaderCell>{t('overview.col.count')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, PAGE_SIZE).map(({ partner, rhythm }) => (
              <TableRow key={partner.id}>
                <TableCell>{partner.name}</TableCell>
                <TableCell>{t(`category.${partner.category}`)}</TableCell>
                <TableCell>{partner.ownerName ?? t('card.ownerNone')}</TableCell>
                <TableCell>{date(partner.lastContact)}</TableCell>
                <TableCell>
                  {(rhythm.state === 'overdue' || rhythm.state === 'due-soon' || rhythm.state === 'ok') && (
                    <Badge appearance="tint" color={rhythm.state === 'overdue' ? 'danger' : rhythm.state === 'due-soon' ? 'warning' : 'success'}>
                      {t(`card.rhythm.badge.${rhythm.state}`)}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{partner.interactionCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </main>
  );
}
