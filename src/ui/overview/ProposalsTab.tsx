import {
  Badge, Button, Caption1, Combobox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Option,
  Spinner, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { proposalDecision, type Partner, type ProposalDecisionKind } from '../../core/model';
import { searchPartners } from '../../core/partnerSearch';
import { decidedProposals, isRegisterOwner, mergeTargets, pendingProposals } from '../../core/proposals';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import type { OverviewModel } from './useOverviewModel';
import type { DraftPort } from '../services';
import { useStoredDraft } from '../pane/useStoredDraft';
import { WideTable } from './WideTable';
import { FailureMessage } from '../shell/FailureMessage';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  dialog: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Owners = { status: 'loading' } | { status: 'ready'; owners: string[] } | { status: 'failed' };
type Asking = { kind: Exclude<ProposalDecisionKind, 'accepted'>; proposal: Partner };

/**
 * "Voorstellen": partners officials proposed from a pane. A register owner (Settings → registerOwners)
 * takes one in, merges it into an existing partner or rejects it with a reason; the proposer reads the
 * outcome in their pane. Everyone else sees the same lists without the buttons, and why.
 */
export function ProposalsTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t, plural, date } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const [owners, setOwners] = useState<Owners>({ status: 'loading' });
  const [asking, setAsking] = useState<Asking>();
  const { repository, queue } = model.services;

  const loadOwners = useCallback(() => {
    setOwners({ status: 'loading' });
    repository.getSettings().then(
      (settings) => setOwners({ status: 'ready', owners: settings.registerOwners ?? [] }),
      () => setOwners({ status: 'failed' }),
    );
  }, [repository]);
  useEffect(loadOwners, [loadOwners]);

  const pending = useMemo(() => pendingProposals(model.partners), [model.partners]);
  const decided = useMemo(() => decidedProposals(model.partners), [model.partners]);
  const decides = owners.status === 'ready' && isRegisterOwner(owners.owners, model.user?.email);
  const writeFor = (proposal: Partner) => model.writes.find((w) => w.kind === 'proposalDecision' && w.payload.partnerId === proposal.id);

  const decide = async (proposal: Partner, kind: ProposalDecisionKind, extra: { targetId?: string; reason?: string } = {}) => {
    if (!model.user) return;
    setAsking(undefined);
    await model.decideProposal(proposalDecision({ partnerId: proposal.id, kind, ...extra, byEmail: model.user.email.toLowerCase(), byName: model.user.name, at: model.services.now().toISOString() }));
  };
  const proposer = (p: Partner) => p.proposal?.byName || p.proposal?.byEmail || t('proposals.unknownProposer');

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="proposals-title">
        <Subtitle2 as="h3" id="proposals-title">
          {t('proposals.title')}
        </Subtitle2>
        <Text>{t('proposals.intro')}</Text>
        {owners.status === 'loading' && <Spinner size="tiny" label={t('proposals.ownersLoading')} />}
        {owners.status === 'failed' && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{t('proposals.ownersFailed')}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={loadOwners}>
                {t('common.retry')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {owners.status === 'ready' && (
          <MessageBar layout="multiline" intent={decides ? 'success' : owners.owners.length ? 'info' : 'warning'} data-testid="proposals-role">
            <MessageBarBody>
              {decides ? t('proposals.owner.you') : owners.owners.length ? t('proposals.owner.others', { owners: owners.owners.join(', ') }) : t('proposals.owner.none')}
            </MessageBarBody>
          </MessageBar>
        )}
        <Text weight="semibold" aria-live="polite" data-testid="proposals-count">
          {pending.length > 0 ? plural('proposals.pending', pending.length) : t('proposals.none')}
        </Text>
        {pending.length > 0 && (
          <WideTable size="small" aria-labelledby="proposals-title" data-testid="proposals-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('proposals.col.name')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.domains')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.by')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.at')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pending.map((p) => {
                const write = writeFor(p);
                return (
                  <TableRow key={p.id} data-testid="proposal-row">
                    <TableCell>{p.name}</TableCell>
                    <TableCell className={wrap.anywhere}>{p.domains.join(', ')}</TableCell>
                    <TableCell>{proposer(p)}</TableCell>
                    <TableCell>{date(p.proposal?.at)}</TableCell>
                    <TableCell>
                      {decides && !write ? (
                        <div className={styles.actions}>
                          <Button size="small" appearance="primary" aria-label={`${t('proposals.accept')}: ${p.name}`} onClick={() => void decide(p, 'accepted').catch(() => undefined)}>
                            {t('proposals.accept')}
                          </Button>
                          <Button size="small" aria-label={`${t('proposals.merge')}: ${p.name}`} onClick={() => setAsking({ kind: 'merged', proposal: p })}>
                            {t('proposals.merge')}
                          </Button>
                          <Button size="small" aria-label={`${t('proposals.reject')}: ${p.name}`} onClick={() => setAsking({ kind: 'rejected', proposal: p })}>
                            {t('proposals.reject')}
                          </Button>
                        </div>
                      ) : (
                        <Caption1 className={styles.muted}>{t('proposals.waiting')}</Caption1>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </WideTable>
        )}
      </section>

      <section className={styles.section} aria-labelledby="proposals-decided">
        <Subtitle2 as="h3" id="proposals-decided">
          {t('proposals.decided.title')}
        </Subtitle2>
        {decided.length === 0 ? (
          <Text className={styles.muted}>{t('proposals.decided.none')}</Text>
        ) : (
          <WideTable size="small" aria-labelledby="proposals-decided" data-testid="proposals-decided-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('proposals.col.name')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.decision')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.by')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.decidedBy')}</TableHeaderCell>
                <TableHeaderCell>{t('proposals.col.reason')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {decided.map((p) => {
                const d = p.proposal!.decision!;
                const write = writeFor(p);
                return (
                  <TableRow key={p.id} data-testid="decided-row">
                    <TableCell>{p.name}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" className={wrap.oneLine} color={d.kind === 'rejected' ? 'danger' : 'success'}>
                        {d.kind === 'merged' ? t('proposals.decision.merged', { target: partnerName(d.mergedInto ?? '') }) : t(`proposals.decision.${d.kind}`)}
                      </Badge>
                      {write && <DecisionWriteState write={write} onRetry={() => void queue.retry(write.clientId)} onDiscard={() => void queue.discard(write.clientId)} />}
                    </TableCell>
                    <TableCell>{proposer(p)}</TableCell>
                    <TableCell>{`${d.byName || d.byEmail} · ${date(d.at)}`}</TableCell>
                    <TableCell>{d.reason ?? ''}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </WideTable>
        )}
      </section>

      {asking && (
        <DecisionDialog
          asking={asking}
          targets={mergeTargets(model.partners, asking.proposal.id)}
          drafts={model.services.drafts}
          onCancel={() => setAsking(undefined)}
          onDecide={(extra) => decide(asking.proposal, asking.kind, extra)}
        />
      )}
    </div>
  );
}

/** A decision the queue has not confirmed yet: on its way, failed (try again) or overtaken by someone else's. */
function DecisionWriteState({ write, onRetry, onDiscard }: { write: OverviewModel['writes'][number]; onRetry(): void; onDiscard(): void }) {
  const { t } = useI18n();
  if (write.state === 'pending' || write.state === 'sending') return <Caption1 data-testid="decision-pending">{` ${t('proposals.state.pending')}`}</Caption1>;
  const actions = (
    <>
      {write.state === 'failed' && (
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
      <Button size="small" onClick={onDiscard}>
        {t('proposals.state.discard')}
      </Button>
    </>
  );
  if (write.state === 'failed') return <FailureMessage lead="proposals.state.failed" cause={write.cause} detail={write.error} testId="decision-problem" actions={actions} />;
  return (
    <MessageBar layout="multiline" intent="error" data-testid="decision-problem">
      <MessageBarBody>{t('proposals.state.conflict')}</MessageBarBody>
      <MessageBarActions>{actions}</MessageBarActions>
    </MessageBar>
  );
}

/**
 * Merge: which existing partner (searchable). Reject: why, in words the proposer will read; kept as a
 * draft per proposal as it is typed (a cancel, a closed tab or a reload keeps it), forgotten once the
 * decision is queued.
 */
export function DecisionDialog({ asking, targets, drafts, onCancel, onDecide }: {
  asking: Asking;
  targets: Partner[];
  drafts: DraftPort;
  onCancel(): void;
  onDecide(extra: { targetId?: string; reason?: string }): Promise<void>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [targetId, setTargetId] = useState('');
  const merging = asking.kind === 'merged';
  const stored = useStoredDraft<{ reason: string }>(drafts, merging ? undefined : `proposal:reject:${asking.proposal.id}`, () => ({ reason: '' }));
  const reason = stored.draft?.reason ?? '';
  const [problem, setProblem] = useState<string>();
  const options = useMemo(() => searchPartners(targets, targetId ? '' : query), [targets, targetId, query]);
  const name = asking.proposal.name;

  const submit = () => {
    if (merging && !targetId) return setProblem(t('proposals.merge.targetMissing'));
    if (!merging && !reason.trim()) return setProblem(t('proposals.reject.reasonMissing'));
    // Forgotten only once the decision is in the queue: a refused enqueue keeps the reason for the next try.
    void onDecide(merging ? { targetId } : { reason: reason.trim() }).then(() => stored.clear(), () => undefined);
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form onSubmit={(e) => (e.preventDefault(), submit())} noValidate>
          <DialogBody>
            <DialogTitle>{t(merging ? 'proposals.merge.title' : 'proposals.reject.title', { name })}</DialogTitle>
            <DialogContent className={styles.dialog}>
              <Text>{t(merging ? 'proposals.merge.body' : 'proposals.reject.body', { name })}</Text>
              {merging ? (
                <Field label={t('proposals.merge.target')} required validationMessage={problem} validationState={problem ? 'error' : 'none'}>
                  <Combobox
                    freeform
                    placeholder={t('reviews.partnerSearch')}
                    value={query}
                    selectedOptions={targetId ? [targetId] : []}
                    onChange={(e) => (setQuery(e.target.value), setTargetId(''))}
                    onOptionSelect={(_, d) => (setTargetId(d.optionValue ?? ''), setQuery(d.optionText ?? ''), setProblem(undefined))}
                  >
                    {options.map((p) => (
                      <Option key={p.id} value={p.id}>
                        {p.name}
                      </Option>
                    ))}
                    {options.length === 0 && (
                      <Option disabled value="" text="">
                        {t('reviews.partnerNoMatch')}
                      </Option>
                    )}
                  </Combobox>
                </Field>
              ) : (
                <Field label={t('proposals.reject.reason')} required validationMessage={problem} validationState={problem ? 'error' : 'none'}>
                  <Textarea value={reason} maxLength={2000} onChange={(_, d) => (stored.change({ reason: d.value }), setProblem(undefined))} />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {t(merging ? 'proposals.merge.submit' : 'proposals.reject.submit')}
              </Button>
              <Button onClick={onCancel}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
