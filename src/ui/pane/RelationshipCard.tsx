import { Badge, Caption1, Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { Interaction, Partner } from '../../core/model';
import { latestReview, rhythmStatus } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';

const useStyles = makeStyles({
  // Labels take what they need up to 40% of the card and wrap beyond it; values wrap anywhere (an owner's
  // email address is one long word): in a 320 px meeting panel nothing is cut off by the card's edge.
  grid: { display: 'grid', gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground3 },
  themes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, minWidth: 0 },
});

export function RelationshipCard({ partner, interactions, now }: { partner: Partner; interactions: Interaction[]; now: Date }) {
  const { t, choice, plural, daysAgo } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const rhythm = rhythmStatus(partner, now);
  const review = latestReview(interactions);
  const ago = daysAgo(rhythm.daysSince ?? 0);
  const rhythmText =
    rhythm.state !== 'no-target'
      ? plural(`card.rhythm.${rhythm.state}`, rhythm.rhythmDays ?? 0, { daysAgo: ago })
      : rhythm.daysSince === undefined
        ? t('card.rhythm.none')
        : t('card.rhythm.no-target', { daysAgo: ago });
  const badge = rhythm.state === 'overdue' || rhythm.state === 'due-soon' || rhythm.state === 'ok' ? rhythm.state : undefined;
  return (
    <Card aria-labelledby="partner-card-title">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="partner-card-title" data-testid="partner-name" className={wrap.anywhere}>
            {partner.name}
          </Subtitle2>
        }
        description={<Caption1>{choice('category', partner.category)}</Caption1>}
      />
      <div className={styles.grid}>
        <Text className={styles.label}>{t('card.owner')}</Text>
        <Text className={wrap.anywhere}>{partner.ownerName ? `${partner.ownerName}${partner.ownerEmail ? ` (${partner.ownerEmail})` : ''}` : t('card.ownerNone')}</Text>
        <Text className={styles.label}>{t('card.rhythm')}</Text>
        <Text className={wrap.anywhere} data-testid="rhythm">
          {rhythmText}{' '}
          {badge && (
            <Badge appearance="tint" className={wrap.badge} color={badge === 'overdue' ? 'danger' : badge === 'due-soon' ? 'warning' : 'success'}>
              {t(`card.rhythm.badge.${badge}`)}
            </Badge>
          )}
        </Text>
        {partner.themes.length > 0 && (
          <>
            <Text className={styles.label}>{t('card.themes')}</Text>
            <span className={styles.themes}>
              {partner.themes.map((theme) => (
                <Badge key={theme} appearance="outline" color="informative" className={wrap.badge}>
                  {theme}
                </Badge>
              ))}
            </span>
          </>
        )}
      </div>
      {review?.review.review && (
        <Text size={200}>
          {t('card.review', { score: review.review.review.score })}
          {review.trend ? ` (${t(`card.review.${review.trend}`)})` : ''}
        </Text>
      )}
    </Card>
  );
}
