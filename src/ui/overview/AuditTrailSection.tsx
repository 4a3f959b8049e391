import {
  Badge, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { ArrowDownload16Regular, ArrowSync16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AUDIT_ACTIONS, AUDITED_LISTS, auditActors, filterAuditTrail, type AuditActionKind, type AuditEntry } from '../../core/audit';
import { auditCsv } from '../../core/csv/auditCsv';
import type { CsvWords } from '../../core/csv/csvExport';
import { useI18n, type MessageKey } from '../shell/I18nContext';
import { downloadText, useMessage } from './messages';
import type { OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';
import { FailureMessage, type Failure } from '../shell/FailureMessage';

const SHOWN = 200;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The audit trail (AuditTrail list): who did what, on which list and item, when, with what result and
 * from where, filtered by period, actor, action and list, exported as CSV (which is itself recorded).
 * An entry changed after it was written is flagged: officials cannot change others' entries, an author
 * could change their own, and SharePoint's modification date then gives it away (docs/audit-trail.md).
 */
export function AuditTrailSection({ model, refreshKey }: { model: OverviewModel; refreshKey?: number }) {
  const { t, plural, dateTime, numericDate } = useI18n();
  const say = useMessage();
  const styles = useStyles();
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [failed, setFailed] = useState<Failure>();
  const [loading, setLoading] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<AuditActionKind | ''>('');
  const [list, setList] = useState('');

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(undefined);
    try {
      setEntries(await model.services.audit.listTrail());
    } catch (error) {
      setFailed({ lead: 'audit.loadFailed', error });
    } finally {
      setLoading(false);
    }
  }, [model.services]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const shown = useMemo(() => (entries ? filterAuditTrail(entries, { from: from || undefined, to: to || undefined, actor, action, list: list || undefined }) : []), [entries, from, to, actor, action, list]);
  const actors = useMemo(() => (entries ? auditActors(entries) : []), [entries]);
  const altered = shown.filter((e) => e.altered).length;

  const exportCsv = async () => {
    const words: CsvWords = { say, date: numericDate };
    downloadText(`audittrail-${model.now.toISOString().slice(0, 10)}.csv`, auditCsv(shown, words), 'text/csv;charset=utf-8');
    await model.services.audit
      .record({ action: 'export', list: 'AuditTrail', detail: `${shown.length} entries; filter from=${from || '-'} to=${to || '-'} actor=${actor || '-'} action=${action || '-'} list=${list || '-'}` })
      .catch(() => undefined);
    void load();
  };

  return (
    <section className={styles.section} aria-labelledby="audit-title" data-testid="audit-trail">
      <Subtitle2 as="h3" id="audit-title">{t('audit.title')}</Subtitle2>
      <Text>{t('audit.intro')}</Text>
      <div className={styles.row}>
        <Field label={t('audit.filter.from')}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('audit.filter.to')}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
        <Field label={t('audit.filter.actor')}>
          <Select value={actor} onChange={(_, d) => setActor(d.value)} data-testid="audit-actor">
            <option value="">{t('audit.filter.all')}</option>
            {actors.map((a) => (
              <option key={a.id ?? a.email ?? a.name} value={a.email ?? a.name}>{a.name}</option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.filter.action')}>
          <Select value={action} onChange={(_, d) => setAction(d.value as AuditActionKind | '')} data-testid="audit-action">
            <option value="">{t('audit.filter.all')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>{t(`audit.action.${a}` as MessageKey)}</option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.filter.list')}>
          <Select value={list} onChange={(_, d) => setList(d.value)} data-testid="audit-list">
            <option value="">{t('audit.filter.all')}</option>
            {AUDITED_LISTS.map((l) => (
              <option key={l} value={l}>{l}</option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowSync16Regular />} onClick={() => void load()} disabled={loading}>{t('audit.reload')}</Button>
        <Button icon={<ArrowDownload16Regular />} onClick={() => void exportCsv()} disabled={!entries || shown.length === 0}>{t('audit.export')}</Button>
      </div>
      {loading && <Spinner size="tiny" label={t('audit.loading')} />}
      {failed && <FailureMessage {...failed} />}
      {entries && (
        <Text data-testid="audit-count" aria-live="polite">
          {plural('audit.count', shown.length)}
          {altered > 0 ? ` ${plural('audit.alteredCount', altered)}` : ''}
        </Text>
      )}
      {shown.length > 0 && (
        <WideTable size="small" aria-labelledby="audit-title" data-testid="audit-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('audit.csv.when')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.actor')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.action')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.list')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.item')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.result')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.surface')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.csv.detail')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.slice(0, SHOWN).map((e) => (
              <TableRow key={e.id} data-testid="audit-row">
                <TableCell>{dateTime(e.occurredAt)}</TableCell>
                <TableCell>{e.actor.name}</TableCell>
                <TableCell>
                  {t(`audit.action.${e.action}` as MessageKey)}
                  {e.altered && <Badge appearance="tint" color="danger" data-testid="audit-altered">{t('audit.altered')}</Badge>}
                </TableCell>
                <TableCell>{e.list ?? ''}</TableCell>
                <TableCell>{e.itemId ?? ''}</TableCell>
                <TableCell>{t(`audit.result.${e.result}` as MessageKey)}</TableCell>
                <TableCell>{e.surface ? t(`audit.surface.${e.surface}` as MessageKey) : ''}</TableCell>
                <TableCell>{e.detail ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      )}
      {shown.length > SHOWN && <Caption1 className={styles.muted}>{t('audit.more')}</Caption1>}
    </section>
  );
}
