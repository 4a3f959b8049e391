import { Caption1, makeStyles, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../core/audit';
import { useI18n } from '../shell/I18nContext';
import type { OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '100%' },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A handled inzageverzoek as its trail entry logs it (`received=… deadline=… answered=…`). */
export function handledRequests(entries: readonly AuditEntry[]): Array<{ id: string; by: string; received: string; deadline: string; answered: string; onTime: boolean }> {
  return entries
    .filter((e) => e.action === 'avgExport' && /received=\d{4}-\d\d-\d\d/.test(e.detail ?? ''))
    .map((e) => {
      const get = (name: string) => (e.detail ?? '').match(new RegExp(`${name}=(\\d{4}-\\d\\d-\\d\\d)`))?.[1] ?? '';
      const [received, deadline, answered] = [get('received'), get('deadline'), get('answered')];
      return { id: e.id, by: e.actor.name, received, deadline, answered, onTime: answered !== '' && answered <= deadline };
    })
    .sort((a, b) => b.received.localeCompare(a.received));
}

/** The log of answered inzageverzoeken with their dates, the one-month deadline and whether it was met. */
export function InzageLog({ model, refreshKey }: { model: OverviewModel; refreshKey: number }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const [log, setLog] = useState<ReturnType<typeof handledRequests>>();
  useEffect(() => {
    let live = true;
    model.services.audit.listTrail().then((entries) => live && setLog(handledRequests(entries)), () => undefined);
    return () => {
      live = false;
    };
  }, [model.services, refreshKey]);
  return (
    <section className={styles.section} aria-labelledby="inzage-log-title" data-testid="inzage-log">
      <Subtitle2 as="h3" id="inzage-log-title">{t('inzage.log.title')}</Subtitle2>
      {log && log.length === 0 && <Caption1>{t('inzage.log.none')}</Caption1>}
      {log && log.length > 0 && (
        <WideTable size="small" aria-labelledby="inzage-log-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('inzage.log.received')}</TableHeaderCell>
              <TableHeaderCell>{t('inzage.log.deadline')}</TableHeaderCell>
              <TableHeaderCell>{t('inzage.log.answered')}</TableHeaderCell>
              <TableHeaderCell>{t('inzage.log.by')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {log.map((r) => (
              <TableRow key={r.id} data-testid="inzage-log-row">
                <TableCell>{date(r.received)}</TableCell>
                <TableCell>{date(r.deadline)}</TableCell>
                <TableCell>
                  {date(r.answered)} {r.onTime ? t('inzage.log.onTime') : <span className={styles.late}>{t('inzage.log.late')}</span>}
                </TableCell>
                <TableCell>{r.by}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      )}
    </section>
  );
}
