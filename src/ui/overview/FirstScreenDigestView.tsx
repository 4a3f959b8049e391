import { Caption1, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { FirstScreenDigest } from '../../core/overview';
import { rhythmStatus } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';
import { AttentionHeadline } from './AttentionHeadline';
import { RegisterTable } from './RegisterTab';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * A first-ever open's first screen from the site's digest (core/overview/firstScreenDigest.ts): the
 * headline and the register's first page as they stood when a colleague's overview made it, said so,
 * read-only until the live lists replace it (nothing to open or edit without their ETags).
 */
export function FirstScreenDigestView({ digest }: { digest: FirstScreenDigest }) {
  const { t, plural, dateTime } = useI18n();
  const styles = useStyles();
  // As of the moment it was made, like its counts.
  const rows = useMemo(() => {
    const at = new Date(digest.madeAt);
    return digest.rows.map((partner) => ({ partner, rhythm: rhythmStatus(partner, at) }));
  }, [digest]);
  return (
    <div className={styles.root} aria-busy="true" data-testid="overview-digest">
      <AttentionHeadline counts={digest.counts} />
      <Caption1 className={styles.muted} role="status">
        {t('overview.digest.status', { time: dateTime(digest.madeAt) })}
      </Caption1>
      <ProgressBar aria-label={t('overview.digest.progressLabel')} />
      <Caption1 className={styles.muted} data-testid="overview-count">
        {plural('overview.count', digest.total)} · {t('overview.quiet', { count: digest.quiet })}
      </Caption1>
      <RegisterTable rows={rows} />
      {digest.total > rows.length && <Caption1 className={styles.muted}>{t('overview.digest.firstPage')}</Caption1>}
    </div>
  );
}
