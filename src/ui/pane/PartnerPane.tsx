import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Skeleton, SkeletonItem, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { TagResult } from '../../hosts/Host';
import { draftToInteraction, followUpAgendaItems, newClientId, type NoteDraft } from '../../core/noteDraft';
import type { AgendaItem, Interaction, Partner } from '../../core/model';
import type { Services } from '../services';
import { useAfterPaint } from '../shell/useAfterPaint';
import { useI18n } from '../shell/I18nContext';
import { LoadError } from '../shell/LoadError';
import { useOnline } from '../shell/useOnline';
import { PartnerChooser } from './PartnerChooser';
import { RelationshipCard } from './RelationshipCard';
import type { TimelineEntry } from './Timeline';
import { rememberDepartment, useNoteDraft } from './useNoteDraft';
import { usePartnerPane } from './usePartnerPane';
import { useProposalOutcomes } from './useProposalOutcomes';

// Below the relationship card, and only needed once it shows: their own chunk (preloaded by the page,
// see webpack.config.js), evaluated after the card is on screen.
const PaneDetails = lazy(() => import(/* webpackChunkName: "pane-details" */ './PaneDetails'));
const LinkDomain = lazy(() => import(/* webpackChunkName: "pane-details" */ './LinkDomain').then((m) => ({ default: m.LinkDomain })));

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: '720px', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  unknown: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

function PaneSkeleton() {
  const styles = useStyles();
  return (
    <Skeleton aria-busy="true" className={styles.skeleton} data-testid="pane-skeleton">
      <SkeletonItem size={28} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
      <SkeletonItem size={64} />
      <SkeletonItem size={64} />
    </Skeleton>
  );
}

/**
 * Said above a context that is not Graph's current answer: this device's copy (or the previous answer)
 * while Graph is asked, and why it could not be brought up to date when Graph failed. Offline that is
 * no error to act on: the pane says it shows the device's copy, and reads again when the connection is back.
 */
function SavedContextNote({ readAt, error, online, host, onRetry }: { readAt: string; error: unknown; online: boolean; host: Services['host']; onRetry(): void }) {
  const i18n = useI18n();
  const styles = useStyles();
  const offline = !online && error;
  return (
    <>
      {error && !offline ? <LoadError error={error} host={host} onRetry={onRetry} /> : null}
      <Text size={200} className={styles.muted} data-testid="context-saved">
        {i18n.t(offline ? 'context.saved.offline' : error ? 'context.saved.asOf' : 'context.saved.updating', { time: i18n.dateTime(readAt) })}
      </Text>
    </>
  );
}

/** A register owner decided on one of the official's proposals: said once, until they have seen it. */
function ProposalOutcome({ proposal, targetName, onDismiss }: { proposal: Partner; targetName?: string; onDismiss(): void }) {
  const { t } = useI18n();
  const decision = proposal.proposal!.decision!;
  const params = { name: proposal.name, by: decision.byName || decision.byEmail, target: targetName ?? '…', reason: decision.reason ?? '' };
  return (
    <MessageBar intent={decision.kind === 'rejected' ? 'warning' : 'success'} data-testid="proposal-outcome">
      <MessageBarBody>
        <MessageBarTitle>{t('proposals.outcome.title')}</MessageBarTitle>
        {t(`proposals.outcome.${decision.kind}`, params)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t('proposals.outcome.dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** The official's pane in Outlook and in the Teams meeting side panel: same components on both. */
export function PartnerPane({ services }: { services: Services }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const pane = usePartnerPane(services);
  const item = pane.item.status === 'ready' ? pane.item.value : undefined;
  const note = useNoteDraft(services.drafts, item, services.now);
  const proposals = useProposalOutcomes(services, pane.user);
  const now = services.now();

  const partnerId = pane.selectedId;
  // The relationship card is what the official looks for first: it is committed (and painted) on its
  // own, and the form, contacts, agenda and timeline follow in a background render React can interrupt.
  const showDetails = useAfterPaint(pane.context?.status === 'ready');
  const queued = useMemo(() => pane.writes.filter((w) => w.kind === 'interaction' && w.payload.partnerId === partnerId), [pane.writes, partnerId]);
  const timeline: TimelineEntry[] = useMemo(() => {
    const saved = pane.context?.status === 'ready' ? pane.context.value.interactions : [];
    const pendingIds = new Set(queued.map((w) => w.clientId));
    return [
      ...queued.map((w) => ({ ...(w.payload as Interaction), writeState: w.state })),
      ...saved.filter((i) => !pendingIds.has(i.clientId)),
    ];
  }, [pane.context, queued]);
  // Queued agenda changes show at once, over the saved version, until the server confirms them.
  const queuedAgenda = useMemo(() => pane.writes.filter((w) => w.kind === 'agenda' && w.payload.partnerId === partnerId), [pane.writes, partnerId]);
  const pendingAgendaIds = useMemo(() => new Set(queuedAgenda.map((w) => w.clientId)), [queuedAgenda]);
  const agenda = useMemo(() => {
    const saved = pane.context?.status === 'ready' ? pane.context.value.agenda : [];
    const queuedItems = queuedAgenda.map((w) => w.payload as AgendaItem);
    return [...saved.map((a) => queuedItems.find((q) => q.clientId === a.clientId) ?? a), ...queuedItems.filter((q) => !saved.some((a) => a.clientId === q.clientId))];
  }, [pane.context, queuedAgenda]);
  const queuedForItem = item ? pane.writes.find((w) => w.kind === 'interaction' && w.payload.sourceRef === item.id) : undefined;
  const alreadyLogged = pane.logged ?? (queuedForItem?.payload as Interaction | undefined);

  const [tagResult, setTagResult] = useState<TagResult>();
  const submit = async (draft: NoteDraft) => {
    if (!item || !partnerId || !pane.user) return;
    const interaction = draftToInteraction(draft, { clientId: newClientId(), partnerId, author: pane.user, sourceRef: item.id, sourceLink: item.link });
    rememberDepartment(interaction.department);
    await services.queue.enqueue({ kind: 'interaction', payload: interaction });
    for (const item of followUpAgendaItems(draft, { partnerId, owner: pane.user.email, newId: newClientId })) {
      await services.queue.enqueue({ kind: 'agenda', payload: item });
    }
    await note.clear();
    // Tagging is a convenience in the mailbox; the note is already safe in the queue whatever happens here.
    const partnerName = pane.context?.status === 'ready' ? pane.context.value.partner.name : undefined;
    if (services.host.tagItem && partnerName) {
      services.host.tagItem(partnerName).then(setTagResult, () => undefined);
      void pane.markLogged(interaction.clientId);
    }
  };

  const failedCount = pane.writes.filter((w) => w.state === 'failed' || w.state === 'conflict').length;
  const pendingCount = pane.writes.length - failedCount;
  const online = useOnline();
  // Back online after a read failed offline: read again, as the offline note promised.
  const wasOffline = useRef(!online);
  const readFailed = pane.register.status === 'error' || pane.context?.status === 'error' || (pane.context?.status === 'ready' && pane.context.error !== undefined);
  const { reload } = pane;
  useEffect(() => {
    if (!online) wasOffline.current = true;
    else if (wasOffline.current) {
      wasOffline.current = false;
      if (readFailed) reload();
    }
  }, [online, readFailed, reload]);
  const settings = pane.register.status === 'ready' ? pane.register.value.settings : undefined;

  return (
    <main className={styles.pane} aria-busy={pane.item.status === 'loading' || pane.register.status === 'loading' || (pane.context?.status === 'ready' && pane.context.stale && !pane.context.error)}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{t('app.name')}</Subtitle1>
        {!services.host.followsItemChanges && (
          <Button appearance="subtle" icon={<ArrowClockwise16Regular />} onClick={pane.reload}>
            {t('common.refresh')}
          </Button>
        )}
      </header>
      {!online && (
        <MessageBar intent="warning" data-testid="offline">
          <MessageBarBody>{t('error.offline')}</MessageBarBody>
        </MessageBar>
      )}
      {pendingCount > 0 && (
        <Text size={200} className={styles.muted} aria-live="polite" data-testid="queue-pending">
          {i18n.plural('queue.pending', pendingCount)}
        </Text>
      )}
      {!services.queue.durable && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('error.queueNotDurable')}</MessageBarBody>
        </MessageBar>
      )}
      {failedCount > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{i18n.plural('queue.failed', failedCount)}</MessageBarBody>
        </MessageBar>
      )}
      {proposals.outcomes.map((proposal) => (
        <ProposalOutcome
          key={proposal.id}
          proposal={proposal}
          targetName={pane.register.status === 'ready' ? pane.register.value.partners.find((p) => p.id === proposal.proposal?.decision?.mergedInto)?.name : undefined}
          onDismiss={() => proposals.dismiss(proposal)}
        />
      ))}
      {pane.item.status === 'loading' || pane.register.status === 'loading' ? (
        <PaneSkeleton />
      ) : pane.register.status === 'error' || pane.item.status === 'error' ? (
        <LoadError error={pane.register.status === 'error' ? pane.register.error : pane.item.status === 'error' ? pane.item.error : undefined} host={services.host} onRetry={pane.reload} />
      ) : !item ? (
        <Text className={styles.muted}>{t('item.none')}</Text>
      ) : (
        <>
          {pane.detection && pane.detection.matches.length === 0 && !pane.chosenByUser && (
            <MessageBar intent="info" data-testid="no-partner">
              <MessageBarBody>{t('detect.none', { kind: t(item.kind === 'email' ? 'item.email' : 'item.meeting').toLowerCase() })}</MessageBarBody>
            </MessageBar>
          )}
          {pane.detection && pane.detection.unknownDomains.length > 0 && (
            <section className={styles.unknown} data-testid="unknown-domains">
              <Text size={200} className={styles.muted}>
                {t('detect.unknownDomains', { domains: pane.detection.unknownDomains.join(', ') })}
              </Text>
              {pane.detection.unknownDomains.slice(0, 3).map((domain) => (
                <Suspense key={domain} fallback={null}>
                  <LinkDomain
                    domain={domain}
                    partners={pane.register.status === 'ready' ? pane.register.value.partners : []}
                    onLink={(link) => void services.queue.enqueue({ kind: 'domainLink', payload: link })}
                    onPropose={(partner) => {
                      proposals.expect();
                      void services.queue.enqueue({ kind: 'partner', payload: partner });
                    }}
                    proposer={pane.user}
                    now={services.now}
                  />
                </Suspense>
              ))}
            </section>
          )}
          <PartnerChooser
            matches={pane.detection?.matches ?? []}
            partners={pane.register.value.partners}
            selectedId={partnerId}
            chosenByUser={pane.chosenByUser}
            onChoose={pane.choose}
          />
          {partnerId && pane.context?.status === 'loading' && <PaneSkeleton />}
          {partnerId && pane.context?.status === 'error' && <LoadError error={pane.context.error} host={services.host} onRetry={pane.reload} />}
          {partnerId && pane.context?.status === 'ready' && (
            <>
              {pane.context.stale && <SavedContextNote readAt={pane.context.readAt} error={pane.context.error} online={online} host={services.host} onRetry={pane.reload} />}
              {alreadyLogged && (
                <MessageBar intent="success" data-testid="already-logged">
                  <MessageBarBody>
                    <MessageBarTitle>{t('logged.title')}</MessageBarTitle>
                    {t('logged.body', { kind: t(item.kind === 'email' ? 'item.email' : 'item.meeting').toLowerCase(), date: i18n.date(alreadyLogged.date), author: alreadyLogged.authorName })}
                    <Text as="p" weight="semibold">
                      {alreadyLogged.title}
                    </Text>
                    {alreadyLogged.summary && <Text as="p">{alreadyLogged.summary}</Text>}
                    {pane.loggedMarker && (
                      <Text as="p" size={200} data-testid="logged-marker">
                        {t('logged.marker')}
                      </Text>
                    )}
                  </MessageBarBody>
                </MessageBar>
              )}
              {!alreadyLogged && pane.logged === null && pane.loggedMarker && (
                <MessageBar intent="info" data-testid="logged-marker">
                  <MessageBarBody>
                    <MessageBarTitle>{t('logged.title')}</MessageBarTitle>
                    {t('logged.markerOnly')}
                  </MessageBarBody>
                </MessageBar>
              )}
              {tagResult && (
                <MessageBar intent={tagResult.status === 'tagged' || tagResult.status === 'already-tagged' ? 'success' : 'warning'}>
                  <MessageBarBody>
                    {tagResult.status === 'tagged'
                      ? t('outlook.tag.done', { category: tagResult.category })
                      : tagResult.status === 'already-tagged'
                        ? t('outlook.tag.already', { category: tagResult.category })
                        : tagResult.status === 'category-missing'
                          ? t('outlook.tag.categoryMissing', { category: tagResult.category })
                          : t('outlook.tag.unsupported', { missing: tagResult.missing.join(', ') })}
                  </MessageBarBody>
                </MessageBar>
              )}
              <RelationshipCard partner={pane.context.value.partner} interactions={pane.context.value.interactions} now={now} />
              {showDetails ? (
                <Suspense fallback={<PaneSkeleton />}>
                  <PaneDetails
                    noteForm={
                      note.draft && !alreadyLogged
                        ? {
                            heading: t(item.kind === 'email' ? 'note.logEmail' : 'note.logMeeting'),
                            draft: note.draft,
                            draftSaved: note.saved,
                            departments: settings?.departments ?? [],
                            themes: settings?.themes ?? [],
                            onChange: note.change,
                            onSubmit: (draft) => void submit(draft),
                          }
                        : undefined
                    }
                    interactions={pane.context.value.interactions}
                    now={now}
                    agenda={{
                      items: agenda,
                      pendingIds: pendingAgendaIds,
                      partnerId,
                      defaultOwner: pane.user?.email ?? '',
                      onStatusChange: (agendaItem, status) => void pane.updateAgendaStatus(agendaItem, status),
                      onAdd: (item) => void services.queue.enqueue({ kind: 'agenda', payload: item }),
                    }}
                    timeline={{ entries: timeline, onRetry: (clientId) => void services.queue.retry(clientId) }}
                  />
                </Suspense>
              ) : (
                <PaneSkeleton />
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
