import { Badge, Dropdown, Field, Link, makeStyles, Option, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { ATTENTION_REASONS, type AttentionItem, type AttentionReason } from '../../core/overview';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import { useMessage } from './messages';
import { WideTable } from './WideTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filter: { maxWidth: '240px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AttentionTabProps {
  items: AttentionItem[];
  /** The kind shown; '' for all. Kept by the overview, so its headline can open the list filtered. */
  reason: AttentionReason | '';
  onReasonChange(reason: AttentionReason | ''): void;
  partnerName(id: string): string;
  onOpen(partnerId: string): void;
}

export function AttentionTab({ items, reason, onReasonChange, partnerName, onOpen }: AttentionTabProps) {
  const { t } = useI18n();
  const say = useMessage();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const shown = useMemo(() => items.filter((i) => !reason || i.reason === reason), [items, reason]);
  return (
    <div className={styles.root}>
      <Field label={t('attention.filter')} size="small" className={styles.filter}>
        <Dropdown size="small" value={reason ? t(`attention.kind.${reason}`) : t('common.all')} selectedOptions={[reason]} onOptionSelect={(_, d) => onReasonChange((d.optionValue ?? '') as AttentionReason | '')}>
          <Option value="">{t('common.all')}</Option>
          {ATTENTION_REASONS.map((r) => (
            <Option key={r} value={r}>
              {`${t(`attention.kind.${r}`)} (${items.filter((i) => i.reason === r).length})`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {shown.length === 0 ? (
        <Text className={styles.muted}>{t('attention.empty')}</Text>
      ) : (
        <WideTable size="small" aria-label={t('attention.title')} data-testid="attention-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('attention.col.partner')}</TableHeaderCell>
              <TableHeaderCell>{t('attention.col.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('attention.col.detail')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((item) => (
              <TableRow key={`${item.reason}:${item.partnerId}:${item.agendaItemId ?? ''}`} data-reason={item.reason}>
                <TableCell>
                  <Link as="button" onClick={() => onOpen(item.partnerId)}>
                    {partnerName(item.partnerId)}
                  </Link>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" className={wrap.oneLine} color={item.reason === 'review-dropped' || item.reason === 'past-rhythm' ? 'danger' : item.reason === 'overdue-agenda' ? 'warning' : 'informative'}>
                    {t(`attention.kind.${item.reason}`)}
                  </Badge>
                </TableCell>
                <TableCell>{say(item.message)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      )}
    </div>
  );
}
