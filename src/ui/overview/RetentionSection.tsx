import {
  Button, Caption1, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, SpinButton, Subtitle2,
  TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Interaction, Settings } from '../../core/model';
import { candidateKey, RETENTION_KINDS, RETENTION_LIMITS, retentionCandidates, retentionPeriods, type DestructionReport, type RetentionCandidate, type RetentionKind, type RetentionPeriods } from '../../core/retention';
import { destroyReviewed } from '../../data/retentionDestruction';
import { SettingsConflictError } from '../../data/PartnerRepository';
import { useI18n, type MessageKey } from '../shell/I18nContext';
import { readInteractionTexts, type OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';
import { FailureMessage, type Failure } from '../shell/FailureMessage';

const SHOWN = 300;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Retention: the periods per kind of record (in the Settings list, set by an administrator; defaults in
 * docs/retention.md), the records past them listed for review, and a destruction of exactly those the
 * records manager selected and confirmed. Its report (what, how many, by whom, when) goes into the trail.
 */
export function RetentionSection({ model, partnerName, onTrailChanged }: { model: OverviewModel; partnerName(id: string): string; onTrailChanged(): void }) {
  const { t, plural, date, dateTime } = useI18n();
  const styles = useStyles();
  const [periods, setPeriods] = useState<RetentionPeriods>(() => retentionPeriods(undefined));
  const [saved, setSaved] = useState(false);
  const [listed, setListed] = useState<RetentionCandidate[]>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<Failure>();
  const [confirming, setConfirming] = useState(false);
  const [report, setReport] = useState<DestructionReport>();
  // The periods as last read or saved: a save is refused when a colleague saved others since (SettingsConflictError).
  const [storedRetention, setStoredRetention] = useState<Settings['retention']>();
  const [overtakenBy, setOvertakenBy] = useState<RetentionPeriods>();

  useEffect(() => {
    let live = true;
    model.services.repository.getSettings().then(
      (s) => {
        if (!live) return;
        setPeriods(retentionPeriods(s.retention));
        setStoredRetention(s.retention);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [model.services]);

  const setPeriod = (kind: RetentionKind, value: number | null | undefined, display?: string) => {
    const n = value ?? Number(display);
    if (Number.isInteger(n) && n >= RETENTION_LIMITS.min && n <= RETENTION_LIMITS.max) setPeriods((p) => ({ ...p, [kind]: n }));
    setSaved(false);
  };
  const savePeriods = async () => {
    setFailed(undefined);
    setBusy(t('retention.saving'));
    try {
      // Only the periods: the lists in the same item are the settings section's, and may have changed since.
      await model.services.repository.saveSettings({ retention: periods }, { base: { retention: storedRetention } });
      setStoredRetention(periods);
      setOvertakenBy(undefined);
      setSaved(true);
      onTrailChanged();
    } catch (error) {
      if (error instanceof SettingsConflictError) {
        // Shown beside the choice on screen, which stays: saving again now replaces the colleague's periods.
        setStoredRetention(error.current.retention);
        setOvertakenBy(retentionPeriods(error.current.retention));
      } else setFailed({ lead: 'retention.saveFailed', error });
    } finally {
      setBusy(undefined);
    }
  };

  const review = async () => {
    setFailed(undefined);
    setReport(undefined);
    setBusy(t('retention.reviewing'));
    try {
      // Every note, withdrawn ones too: the overview's copy leaves those out (they count nowhere), yet they
      // hold personal data all the same and are kept no longer than any other (docs/retention.md).
      const [audit, interactions] = await Promise.all([model.services.audit.listTrail(), readInteractionTexts(model, [])]);
      const found = retentionCandidates({ interactions, agenda: model.agenda, audit }, periods, model.services.now());
      setListed(found);
      setSelected(new Set());
      const counts = RETENTION_KINDS.map((k) => `${k}=${found.filter((c) => c.kind === k).length}`).join(', ');
      await model.services.audit.record({ action: 'retentionReview', detail: `listed ${found.length}; ${counts}; periods ${RETENTION_KINDS.map((k) => `${k} ${periods[k]}y`).join(', ')}` });
      onTrailChanged();
    } catch (error) {
      setFailed({ lead: 'retention.reviewFailed', error });
    } finally {
      setBusy(undefined);
    }
  };

  const destroy = async () => {
    if (!listed) return;
    setConfirming(false);
    setFailed(undefined);
    setBusy(t('retention.destroying'));
    try {
      const { services } = model;
      const done = await destroyReviewed(
        {
          // The overview's own delete, so that the local copy follows; each removal is its own trail entry too.
          repository: { deleteInteraction: (i: Interaction) => model.deleteInteraction(i), deleteAgendaItem: (a) => services.repository.deleteAgendaItem(a) },
          deleteAuditEntry: (id) => services.audit.deleteEntry(id),
          record: (action) => services.audit.record(action),
        },
        { listed, selected, periods, by: { name: model.user?.name ?? '', email: model.user?.email }, now: () => new Date() },
      );
      setReport(done);
      const gone = new Set(done.items.map(candidateKey));
      setListed((all) => all?.filter((c) => !gone.has(candidateKey(c))));
      setSelected(new Set());
      onTrailChanged();
    } catch (error) {
      setFailed({ lead: 'retention.destroyFailed', error });
    } finally {
      setBusy(undefined);
    }
  };

  const toggle = (key: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });
  const allSelected = listed !== undefined && listed.length > 0 && selected.size === listed.length;
  const byKind = useMemo(() => (listed ? RETENTION_KINDS.map((k) => `${t(`retention.kind.${k}` as MessageKey)}: ${listed.filter((c) => c.kind === k).length}`).join(' · ') : ''), [listed, t]);

  return (
    <section className={styles.section} aria-labelledby="retention-title" data-testid="retention">
      <Subtitle2 as="h3" id="retention-title">{t('retention.title')}</Subtitle2>
      <Text>{t('retention.intro')}</Text>
      <div className={styles.row}>
        {RETENTION_KINDS.map((kind) => (
          <Field key={kind} label={t(`retention.period.${kind}` as MessageKey)}>
            <SpinButton value={periods[kind]} min={RETENTION_LIMITS.min} max={RETENTION_LIMITS.max} onChange={(_, d) => setPeriod(kind, d.value, d.displayValue)} data-testid={`retention-period-${kind}`} />
          </Field>
        ))}
        <Button onClick={() => void savePeriods()} disabled={busy !== undefined}>{t('retention.save')}</Button>
      </div>
      {saved && <Caption1 data-testid="retention-saved">{t('retention.saved')}</Caption1>}
      {overtakenBy && (
        <MessageBar layout="multiline" intent="warning" data-testid="retention-conflict">
          <MessageBarBody>{t('retention.conflict', { periods: RETENTION_KINDS.map((k) => `${t(`retention.kind.${k}` as MessageKey)}: ${overtakenBy[k]}`).join(' · ') })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => (setPeriods(overtakenBy), setOvertakenBy(undefined))}>{t('retention.takeStored')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Caption1 className={styles.muted}>{t('retention.hint')}</Caption1>
      <Button appearance="primary" onClick={() => void review()} disabled={busy !== undefined} data-testid="retention-review">{t('retention.review')}</Button>
      {busy && <Spinner size="tiny" label={busy} />}
      {failed && <FailureMessage {...failed} />}
      {listed && (
        <>
          <Text data-testid="retention-listed" aria-live="polite">{plural('retention.listed', listed.length)}{listed.length > 0 ? ` (${byKind})` : ''}</Text>
          {listed.length > 0 && (
            <>
              <Checkbox checked={allSelected ? true : selected.size > 0 ? 'mixed' : false} onChange={(_, d) => setSelected(d.checked === true ? new Set(listed.map(candidateKey)) : new Set())} label={t('retention.selectAll')} />
              <WideTable size="small" aria-labelledby="retention-title" data-testid="retention-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('retention.col.select')}</TableHeaderCell>
                    <TableHeaderCell>{t('retention.col.kind')}</TableHeaderCell>
                    <TableHeaderCell>{t('retention.col.title')}</TableHeaderCell>
                    <TableHeaderCell>{t('retention.col.partner')}</TableHeaderCell>
                    <TableHeaderCell>{t('retention.col.date')}</TableHeaderCell>
                    <TableHeaderCell>{t('retention.col.expired')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {listed.slice(0, SHOWN).map((c) => (
                    <TableRow key={candidateKey(c)} data-testid="retention-row">
                      <TableCell>
                        <Checkbox checked={selected.has(candidateKey(c))} onChange={(_, d) => toggle(candidateKey(c), d.checked === true)} aria-label={t('retention.selectOne', { title: c.title })} />
                      </TableCell>
                      <TableCell>{t(`retention.kind.${c.kind}` as MessageKey)}{c.wooRelevant ? ` · ${t('retention.woo')}` : ''}</TableCell>
                      <TableCell>{c.title}</TableCell>
                      <TableCell>{c.partnerId ? partnerName(c.partnerId) : ''}</TableCell>
                      <TableCell>{date(c.date)}</TableCell>
                      <TableCell>{date(c.expiredOn)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </WideTable>
              {listed.length > SHOWN && <Caption1 className={styles.muted}>{t('audit.more')}</Caption1>}
              <Button onClick={() => setConfirming(true)} disabled={selected.size === 0 || busy !== undefined} data-testid="retention-destroy">
                {plural('retention.destroy', selected.size)}
              </Button>
            </>
          )}
        </>
      )}
      {report && (
        <MessageBar intent={report.failed === 0 ? 'success' : 'warning'} data-testid="retention-report">
          <MessageBarBody>
            {plural('retention.report', report.destroyed, {
              by: report.by.name,
              at: dateTime(report.at),
              kinds: RETENTION_KINDS.map((k) => `${t(`retention.kind.${k}` as MessageKey)} ${report.byKind[k]}`).join(', '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('retention.confirm.title')}</DialogTitle>
            <DialogContent>{plural('retention.confirm.body', selected.size)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void destroy()} data-testid="retention-confirm">{t('retention.confirm.ok')}</Button>
              <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
