import {
  Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner,
  SpinButton, Subtitle2, Text, tokens,
} from '@fluentui/react-components';
import { ArrowDownload16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { calendarDay } from '../../core/calendarDay';
import { formatContact } from '../../core/contacts';
import type { Interaction } from '../../core/model';
import { findPerson, inzageAnswer, inzageDeadline, inzageHtml, inzageJson, isSearchable, personExport, removalPlan, type PersonFindings } from '../../core/overview';
import type { CsvWords } from '../../core/csv/csvExport';
import { InzageLog } from './InzageLog';
import { useI18n, type MessageKey } from '../shell/I18nContext';
import { downloadText } from './messages';
import { mapLimited, readInteractionTexts, type OverviewModel } from './useOverviewModel';
import { WooRequestSection } from './WooRequestSection';
import { AuditTrailSection } from './AuditTrailSection';
import { RetentionSection } from './RetentionSection';
import { FailureMessage, type Failure } from '../shell/FailureMessage';
import { writesSettled } from '../shell/writesSettled';
import type { FailureCause } from '../../data/graph/errors';

/** Where the data lives, as the report names it (the lists are on the municipality's own site). */
const SHAREPOINT_SITE = 'SharePoint';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** How long an AVG removal waits for the site to confirm its queued changes before it says they are still on their way. */
const REMOVAL_WAIT_MS = 30_000;

/** AVG requests: find, export and remove what is stored about one person; Woo requests; and the retention flag. */

export function PrivacyTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t, plural, date, numericDate, say, locale } = useI18n();
  // The day the request came in: the answer is due one month later (AVG art. 12(3)).
  // Today on the official's calendar (toISOString's day is the day before until 01:00 or 02:00 in Amsterdam).
  const [receivedOn, setReceivedOn] = useState(() => calendarDay(model.now));
  const validReceived = /^\d{4}-\d\d-\d\d$/.test(receivedOn);
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [progress, setProgress] = useState<number>();
  const [findings, setFindings] = useState<PersonFindings>();
  const [confirming, setConfirming] = useState(false);
  const [removed, setRemoved] = useState<string>();
  const [failed, setFailed] = useState<Partial<Failure> & { lead: MessageKey; cause?: FailureCause; detail?: string }>();
  // Bumped when this tab recorded something, so the trail below shows it.
  const [trailVersion, setTrailVersion] = useState(0);
  const trailChanged = () => setTrailVersion((v) => v + 1);
  // The trail holds counts, never the person searched for (that would put their name in one more place).
  // What the privacy officer is accountable for must be in the trail: a failed entry is said, never swallowed.
  const logFailed = (error: unknown) => setFailed({ lead: 'privacy.logFailed', error });
  const record = (action: 'avgSearch' | 'avgExport' | 'avgRemoval', f: PersonFindings, result: 'success' | 'partial' | 'failed' = 'success') =>
    model.services.audit
      .record({ action, result, detail: `partners ${f.partners.length}, interactions ${f.interactions.length}, agenda ${f.agenda.length}, confidential not searchable ${f.unreadable}` })
      .then(trailChanged, logFailed);

  // Summaries and follow-ups are not in the overview cache; a person search must read them all.
  const search = async () => {
    if (!isSearchable({ text: query })) return;
    setRemoved(undefined);
    setFailed(undefined);
    setFindings(undefined);
    setProgress(0);
    try {
      const interactions = await readInteractionTexts(model, [], setProgress);
      const found = findPerson({ text: query }, { partners: model.partners, interactions, agenda: model.agenda });
      setFindings(found);
      void record('avgSearch', found);
    } catch (error) {
      setFailed({ lead: 'privacy.searchFailed', error });
    } finally {
      setProgress(undefined);
    }
  };
  const remove = async () => {
    if (!findings) return;
    setConfirming(false);
    setProgress(0);
    try {
      const plan = removalPlan(findings, t('privacy.placeholder'));
      for (const partner of plan.partnerUpdates) await model.savePartner(partner);
      for (const item of plan.agendaUpdates) await model.saveAgendaItem(item);
      await mapLimited(plan.interactionDeletions, 4, (i: Interaction) => model.deleteInteraction(i), setProgress);
      // The partner and agenda changes go through the write queue: done only once the site holds them.
      const queued = [...plan.partnerUpdates.map((p) => p.id), ...plan.agendaUpdates.map((a) => a.clientId)];
      const outcome = await writesSettled(model.services.queue, queued, REMOVAL_WAIT_MS);
      // The overview's first-screen digest may hold the name too (as a partner's owner): it goes, and the
      // next open makes a new one from the register as it is then. Its failure is the removal's.
      await model.services.forgetOverviewDigest?.();
      if (outcome.state !== 'confirmed') {
        void record('avgRemoval', findings, 'partial');
        setFailed(outcome.state === 'stuck' ? { lead: 'privacy.removeStuck', cause: outcome.write.cause, detail: outcome.write.error } : { lead: 'privacy.removeWaiting', cause: 'connection' });
        return;
      }
      setRemoved(findings.query);
      setFindings(undefined);
      void record('avgRemoval', findings);
    } catch (error) {
      void record('avgRemoval', findings, 'partial');
      setFailed({ lead: 'privacy.removeFailed', error });
    } finally {
      setProgress(undefined);
    }
  };
  // The answer to an inzageverzoek: a readable report and JSON with the same data; its trail entry is the log.
  const answer = (format: 'html' | 'json') => {
    if (!findings || !validReceived) return;
    const exportedAt = new Date();
    const result = inzageAnswer(findings, { exportedAt, redacted: t('privacy.export.redacted'), partnerName, receivedOn, site: SHAREPOINT_SITE });
    const words: CsvWords = { say, date: (iso) => date(iso) || numericDate(iso) };
    // The official's day: an answer sent at 00:30 on the day after the deadline is late (InzageLog reads this).
    const stamp = calendarDay(exportedAt);
    if (format === 'html') downloadText(`inzageverzoek-${stamp}.html`, inzageHtml(result, words, locale), 'text/html');
    else downloadText(`inzageverzoek-${stamp}.json`, inzageJson(result), 'application/json');
    void model.services.audit
      .record({ action: 'avgExport', detail: `inzage ${format}; received=${result.request.receivedOn} deadline=${result.request.deadline} answered=${stamp}; partners ${findings.partners.length}, interactions ${findings.interactions.length}, agenda ${findings.agenda.length}` })
      .then(trailChanged, logFailed);
  };
  const counted = (f: PersonFindings) => ({
    partners: plural('count.partners', f.partners.length),
    interactions: plural('count.interactions', f.interactions.length),
    agenda: plural('count.agendaItems', f.agenda.length),
  });
  const fields = (list: string[]) => t('privacy.matchedIn', { fields: list.map((f) => t(`privacy.field.${f}` as MessageKey)).join(', ') });
  const empty = findings && findings.partners.length + findings.interactions.length + findings.agenda.length === 0;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="privacy-title">
        <Subtitle2 as="h3" id="privacy-title">{t('privacy.title')}</Subtitle2>
        <Text>{t('privacy.intro')}</Text>
        <form className={styles.row} onSubmit={(e) => (e.preventDefault(), void search())}>
          <Field label={t('privacy.query')}>
            <Input value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Field label={t('inzage.received')} hint={validReceived ? t('inzage.deadline', { date: date(inzageDeadline(receivedOn)) }) : undefined}>
            <Input type="date" value={receivedOn} onChange={(_, d) => setReceivedOn(d.value)} data-testid="inzage-received" />
          </Field>
          <Button appearance="primary" type="submit" disabled={!isSearchable({ text: query }) || progress !== undefined}>
            {t('privacy.search')}
          </Button>
        </form>
        {progress !== undefined && <Spinner size="tiny" label={findings ? t('privacy.removing') : plural('privacy.searching', progress)} />}
        {failed && <FailureMessage {...failed} />}
        {removed && <MessageBar intent="success" data-testid="privacy-removed"><MessageBarBody>{t('privacy.removed', { query: removed })}</MessageBarBody></MessageBar>}
        {empty && <Text data-testid="privacy-none">{t('privacy.none', { query: findings.query })}</Text>}
        {findings && findings.unreadable > 0 && (
          <MessageBar intent="warning" data-testid="privacy-unreadable">
            <MessageBarBody>{plural('privacy.unreadable', findings.unreadable)}</MessageBarBody>
          </MessageBar>
        )}
        {findings && !empty && (
          <div className={styles.section} data-testid="privacy-findings" aria-live="polite">
            <Text weight="semibold" data-testid="privacy-found">
              {t('privacy.found', counted(findings))}
            </Text>
            <Caption1 className={styles.muted} data-testid="privacy-identities">{t('privacy.identities', { identities: findings.identities.join(', ') })}</Caption1>
            {findings.partners.length > 0 && (
              <>
                <Caption1>{t('privacy.section.partners')}</Caption1>
                <ul className={styles.list}>
                  {findings.partners.map(({ partner, roles, contacts }) => (
                    <li key={partner.id}>{`${partner.name} — ${roles.map((r) => t(`privacy.role.${r}` as MessageKey)).join(', ')}${contacts.length > 0 ? ` (${contacts.map(formatContact).join(', ')})` : ''}`}</li>
                  ))}
                </ul>
              </>
            )}
            {findings.interactions.length > 0 && (
              <>
                <Caption1>{t('privacy.section.interactions')}</Caption1>
                <ul className={styles.list}>
                  {findings.interactions.slice(0, 100).map(({ interaction: i, fields: f }) => (
                    <li key={i.id}>{`${date(i.date)} · ${partnerName(i.partnerId)} · ${i.title} (${fields(f)})`}</li>
                  ))}
                </ul>
              </>
            )}
            {findings.agenda.length > 0 && (
              <>
                <Caption1>{t('privacy.section.agenda')}</Caption1>
                <ul className={styles.list}>
                  {findings.agenda.map(({ item, fields: f }) => (
                    <li key={item.clientId}>{`${partnerName(item.partnerId)} · ${item.topic} (${fields(f)})`}</li>
                  ))}
                </ul>
              </>
            )}
            <div className={styles.row}>
              <Button icon={<ArrowDownload16Regular />} onClick={() => {
                  downloadText(`avg-export-${model.now.toISOString().slice(0, 10)}.json`, personExport(findings, { exportedAt: new Date(), redacted: t('privacy.export.redacted'), partnerName }), 'application/json');
                  void record('avgExport', findings);
                }}>
                {t('privacy.export')}
              </Button>
              <Button icon={<ArrowDownload16Regular />} disabled={!validReceived} onClick={() => answer('html')}>
                {t('inzage.answerHtml')}
              </Button>
              <Button icon={<ArrowDownload16Regular />} disabled={!validReceived} onClick={() => answer('json')}>
                {t('inzage.answerJson')}
              </Button>
              <Button icon={<Delete16Regular />} onClick={() => setConfirming(true)}>
                {t('privacy.remove')}
              </Button>
            </div>
          </div>
        )}
        <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('privacy.confirm.title', { query: findings?.query ?? '' })}</DialogTitle>
              <DialogContent>
                {findings && t('privacy.confirm.body', counted(findings))}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void remove()}>{t('privacy.confirm.ok')}</Button>
                <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </section>
      <WooRequestSection model={model} partnerName={partnerName} onRecorded={trailChanged} />
      <RetentionSection model={model} partnerName={partnerName} onTrailChanged={trailChanged} />
      <InzageLog model={model} refreshKey={trailVersion} />
      <AuditTrailSection model={model} refreshKey={trailVersion} />
    </div>
  );
}
