import { Badge, Dropdown, Field, Link, makeStyles, Option, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { isOverdue, ownerLabel } from '../../core/agenda';
import { AGENDA_STATUSES, type AgendaItem, type AgendaStatus } from '../../core/model';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import type { OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  status: { minWidth: '120px' },
});

/** Every open commitment across partners, grouped by partner or owner, with status changes. */
export function AgendasTab({ model, partnerName, onOpen }: { model: OverviewModel; partnerName(id: string): string; onOpen(id: string): void }) {
  const { t, choice, date } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const [groupBy, setGroupBy] = useState<'partner' | 'owner'>('partner');
  const groups = useMemo(() => {
    const map = new Map<string, AgendaItem[]>();
    for (const item of model.agenda) {
      if (item.status === 'done') continue;
      const key = groupBy === 'partner' ? partnerName(item.partnerId) : ownerLabel(item, model.officialNames) || t('common.none');
      map.set(key, [...(map.get(key) ?? []), item]);
    }
    return [...map.entries()].sort((a, b) => a[0].localeCompare(b[0], 'nl')).map(([key, items]) => [key, items.sort((a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'))] as const);
  }, [model.agenda, model.officialNames, groupBy, partnerName, t]);

  return (
    <div className={styles.root}>
      <Field label={t('agendas.groupBy')} size="small">
        <Dropdown size="small" value={groupBy === 'partner' ? t('agendas.byPartner') : t('agendas.byOwner')} selectedOptions={[groupBy]} onOptionSelect={(_, d) => setGroupBy(d.optionValue as 'partner' | 'owner')}>
          <Option value="partner">{t('agendas.byPartner')}</Option>
          <Option value="owner">{t('agendas.byOwner')}</Option>
        </Dropdown>
      </Field>
      {groups.length === 0 && <Text className={styles.muted}>{t('agendas.empty')}</Text>}
      {groups.map(([key, items]) => (
        <section key={key} className={styles.group} aria-label={key}>
          <Subtitle2 as="h3">{`${key} (${items.length})`}</Subtitle2>
          <WideTable size="small" aria-label={key}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('agendas.col.topic')}</TableHeaderCell>
                <TableHeaderCell>{groupBy === 'partner' ? t('agendas.col.owner') : t('agendas.col.partner')}</TableHeaderCell>
                <TableHeaderCell>{t('agendas.col.due')}</TableHeaderCell>
                <TableHeaderCell>{t('agendas.col.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.clientId || item.id}>
                  <TableCell>
                    {`${choice('agenda.direction', item.direction)} · ${item.topic}`}
                  </TableCell>
                  <TableCell>
                    {groupBy === 'partner' ? ownerLabel(item, model.officialNames) : <Link as="button" onClick={() => onOpen(item.partnerId)}>{partnerName(item.partnerId)}</Link>}
                  </TableCell>
                  <TableCell>
                    {date(item.dueDate)}{' '}
                    {isOverdue(item, model.now) && <Badge appearance="tint" color="danger" className={wrap.oneLine}>{t('agendas.overdue')}</Badge>}
                  </TableCell>
                  <TableCell>
                    <Dropdown
                      size="small"
                      className={styles.status}
                      aria-label={t('agendas.statusOf', { topic: item.topic })}
                      value={choice('agenda.status', item.status)}
                      selectedOptions={[item.status]}
                      onOptionSelect={(_, d) => d.optionValue && d.optionValue !== item.status && void model.saveAgendaItem({ ...item, status: d.optionValue as AgendaStatus })}
                    >
                      {AGENDA_STATUSES.map((s) => <Option key={s} value={s}>{t(`agenda.status.${s}`)}</Option>)}
                    </Dropdown>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
        </section>
      ))}
    </div>
  );
}
