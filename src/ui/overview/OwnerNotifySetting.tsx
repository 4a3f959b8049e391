import { Caption1, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import type { Partner } from '../../core/model';
import { OWNER_NOTIFY_CHOICES, ownerNotifyChoice, type OwnerNotifyChoice } from '../../core/ownerNotice';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The relationship owner's choice of Teams notifications for this partner (core/ownerNotice.ts): each colleague's
 * note, one a day, or none. Only the owner chooses; others see what the owner chose. Stored on the partner
 * (`ownerNotify`), through the write queue like every partner change.
 */
export function OwnerNotifySetting({ partner, official, onChange }: { partner: Partner; official?: string; onChange(choice: OwnerNotifyChoice): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const choice = ownerNotifyChoice(partner);
  const isOwner = !!official && !!partner.ownerEmail && partner.ownerEmail.toLowerCase() === official.toLowerCase();
  if (!partner.ownerEmail) return null;
  if (!isOwner) {
    return (
      <Caption1 className={styles.muted} data-testid="owner-notify-info">
        {t('ownerNotify.info', { choice: t(`ownerNotify.choice.${choice}`) })}
      </Caption1>
    );
  }
  return (
    <div className={styles.root} data-testid="owner-notify">
      <Field label={t('ownerNotify.label')} hint={t('ownerNotify.hint')}>
        <RadioGroup value={choice} onChange={(_, d) => onChange(d.value as OwnerNotifyChoice)}>
          {OWNER_NOTIFY_CHOICES.map((c) => (
            <Radio key={c} value={c} label={t(`ownerNotify.choice.${c}`)} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
