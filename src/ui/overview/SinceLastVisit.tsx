import { Button, Caption1, Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { highestId, newSinceLastVisit } from '../../core/sinceLastVisit';
import { deviceLocalStorage } from '../../data/deviceStorage';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import type { OverviewModel } from './useOverviewModel';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const keyOf = (email: string) => `partnerzicht.overview.lastSeen.${email.toLowerCase()}`;

/** The id this device had seen at the official's previous visit; remembers this visit's for the next one. */
function useLastSeenId(model: OverviewModel): number | undefined | null {
  const [lastSeen, setLastSeen] = useState<number | undefined | null>(null);
  const email = model.user?.email;
  useEffect(() => {
    if (!email || !model.interactionsReady) return;
    const storage = deviceLocalStorage();
    let previous: number | undefined;
    try {
      const raw = storage?.getItem(keyOf(email));
      previous = raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
    } catch {
      previous = undefined;
    }
    setLastSeen((current) => (current === null ? previous : current));
    const seen = highestId(model.interactions);
    try {
      if (seen !== undefined) storage?.setItem(keyOf(email), String(Math.max(seen, previous ?? 0)));
    } catch {
      // Storage blocked: the next visit shows the last two weeks again.
    }
  }, [email, model.interactionsReady, model.interactions]);
  return lastSeen;
}

/**
 * "Nieuw sinds je laatste bezoek" (core/sinceLastVisit.ts): the owner's catch-up on their partners, also where a
 * Teams notification could not reach them.
 */
export function SinceLastVisit({ model, partnerName, onOpen }: { model: OverviewModel; partnerName(id: string): string; onOpen(partnerId: string): void }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const lastSeen = useLastSeenId(model);
  const entries = useMemo(
    () => (lastSeen === null || !model.user ? [] : newSinceLastVisit(model.interactions, model.partners, model.user.email, lastSeen, model.now)),
    [lastSeen, model.interactions, model.partners, model.user, model.now],
  );
  if (entries.length === 0) return null;
  return (
    <Card aria-labelledby="since-last-visit-title" data-testid="since-last-visit">
      <Subtitle2 as="h2" id="since-last-visit-title">
        {t('sinceLastVisit.title')}
      </Subtitle2>
      <ul className={styles.list}>
        {entries.map((e) => (
          <li key={e.id}>
            <Caption1 className={wrap.anywhere}>{t('sinceLastVisit.entry', { date: date(e.date), partner: partnerName(e.partnerId), department: e.department, author: e.authorName, title: e.title })}</Caption1>{' '}
            <Button size="small" appearance="transparent" onClick={() => onOpen(e.partnerId)}>
              {t('weekAhead.openPartner', { partner: partnerName(e.partnerId) })}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
