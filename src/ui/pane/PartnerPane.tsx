import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Skeleton, SkeletonItem, Subtitle1, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons';
import { briefing } from '../../core/weekAhead';
import { MeetingBriefing } from '../briefing/MeetingBriefing';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { itemSourceRefs, sourceRefOf, type TagResult } from '../../hosts/Host';
import { knownOfficialNames } from '../../core/agenda';
import { draftToInteraction, followUpAgendaItems, newClientId, type NoteDraft } from '../../core/noteDraft';
import { loggedForItem } from '../../core/notes';
import type { AgendaItem, Partner } from '../../core/model';
import { waitsForOfficial, type Services } from '../services';
import { useAfterPaint } from '../shell/useAfterPaint';
import { useI18n } from '../shell/I18nContext';
import { LoadError } from '../shell/LoadError';
import { rememberDepartment, useDirectoryDepartment } from '../shell/ownDepartment';
import { useOnline } from '../shell/useOnline';
import { findFeedbackReference, referenceIsFor } from '../../core/partnerFeedback';
import { LoggedBanner } from './LoggedBanner';
import { MeetingAttendance } from './MeetingAttendance';
import { AskFeedback, FeedbackReply } from './PartnerFeedback';
import { PartnerChooser } from './PartnerChooser';
import { RelationshipCard } from './RelationshipCard';
import { noteActionsFor, withQueuedNotes } from './timelineEntries';
import { useNoteDraft } from './useNoteDraft';
import { usePartnerPane } from './usePartnerPane';
import { useProposalOutcomes } from './useProposalOutcomes';
import { FailedWrites } from './FailedWrites';

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
        {/* While Graph is asked (a warm open's first render) today's copy says only its time: no Intl (i18n/index.ts). */}
        {offline || error ? i18n.t(offline ? 'context.saved.offline' : 'context.saved.asOf', { time: i18n.dateTime(readAt) }) : i18n.t('context.saved.updating', { time: i18n.timeOrDateTime(readAt) })}
      </Text>
    </>
  );
}

/** What tagging the item with its partner category did, as the official reads it. */
function TagResultNote({ result }: { result: TagResult }) {
  const { t } = useI18n();
  const text = (() => {
    switch (result.status) {
      case 'tagged':
        return t('outlook.tag.done', { category: result.category });
      case 'already-tagged':
        return t('outlook.tag.already', { category: result.category });
      case 'category-missing':
        return t('outlook.tag.categoryMissing', { category: result.category });
      case 'shared-category-missing':
        return t('outlook.tag.sharedCategoryMissing', { category: result.category, mailbox: result.mailbox });
      case 'not-in-compose':
        return t('outlook.tag.notInCompose');
      case 'unsupported':
        return t('outlook.tag.unsupported', { missing: result.missing.join(', ') });
    }
  })();
  const intent = result.status === 'tagged' || result.status === 'already-tagged' ? 'success' : result.status === 'not-in-compose' ? 'info' : 'warning';
  return (
    <MessageBar intent={intent} data-testid="tag-result">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
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
  const proposals = useProposalOutcomes(services, pane.user);
  const now = services.now();

  const partnerId = pane.selectedId;
  // The relationship card is what the official looks for first: it is committed (and painted) on its
  // own, and the form, contacts, agenda and timeline follow in a background render React can interrupt.
  const showDetails = useAfterPaint(pane.context?.status === 'ready');
  const settings = pane.register.status === 'ready' ? pane.register.value.settings : undefined;
  // Asked once the card is painted: the form below it is the first to need it.
  const directoryDepartment = useDirectoryDepartment(services, showDetails, settings?.departments);
  const note = useNoteDraft(services.drafts, item, services.now, directoryDepartment);
  const timeline = useMemo(() => withQueuedNotes(pane.context?.status === 'ready' ? pane.context.value.interactions : [], pane.writes, partnerId), [pane.context, pane.writes, partnerId]);
  // Queued agenda changes show at once, over the saved version, until the server confirms them.
  const queuedAgenda = useMemo(() => pane.writes.filter((w) => w.kind === 'agenda' && w.payload.partnerId === partnerId), [pane.writes, partnerId]);
  const pendingAgendaIds = useMemo(() => new Set(queuedAgenda.filter((w) => !waitsForOfficial(w)).map((w) => w.clientId)), [queuedAgenda]);
  const failedAgendaIds = useMemo(() => new Set(queuedAgenda.filter(waitsForOfficial).map((w) => w.clientId)), [queuedAgenda]);
  const agenda = useMemo(() => {
    const saved = pane.context?.status === 'ready' ? pane.context.value.agenda : [];
    const queuedItems = queuedAgenda.map((w) => w.payload as AgendaItem);
    return [...saved.map((a) => queuedItems.find((q) => q.clientId === a.clientId) ?? a), ...queuedItems.filter((q) => !saved.some((a) => a.clientId === q.clientId))];
  }, [pane.context, queuedAgenda]);
  // Agenda owners are shown by name: the officials this context and the signed-in official name.
  const officialNames = useMemo(
    () =>
      knownOfficialNames({
        partners: pane.context?.status === 'ready' ? [pane.context.value.partner] : [],
        interactions: pane.context?.status === 'ready' ? pane.context.value.interactions : [],
        officials: [pane.user],
      }),
    [pane.context, pane.user],
  );
  // Who logged this email or meeting: the notes Graph has for it, with this official's queued ones over them.
  const logged = useMemo(() => {
    const refs = item ? itemSourceRefs(item) : [];
    const queuedHere = pane.writes.flatMap((w) =>
      w.kind === 'interaction' && w.payload.sourceRef && refs.includes(w.payload.sourceRef) ? [{ ...w.payload, loggedAt: w.payload.loggedAt ?? w.enqueuedAt }] : [],
    );
    const queuedIds = new Set(queuedHere.map((n) => n.clientId));
    return loggedForItem([...queuedHere, ...(pane.logged ?? []).filter((n) => !queuedIds.has(n.clientId))], pane.user);
  }, [item, pane.writes, pane.logged, pane.user]);

  // The partner's reply to a feedback request: its reference in the subject, made for this partner or on its agenda.
  // A reply whose subject the partner changed is looked for in the body, only while this partner has an open
  // request (the body is read into memory for the reference and not kept).
  const readItemBody = services.host.readItemBody;
  const openRequests = useMemo(() => agenda.filter((a) => a.status !== 'done' && findFeedbackReference(a.topic)), [agenda]);
  const [bodyRef, setBodyRef] = useState<{ itemId: string; reference?: string }>();
  const subjectRef = item?.kind === 'email' && !item.compose ? findFeedbackReference(item.subject) : undefined;
  const lookInBody = item?.kind === 'email' && !item.compose && !subjectRef && openRequests.length > 0 && !!readItemBody;
  useEffect(() => {
    if (!lookInBody || !item || bodyRef?.itemId === item.id) return;
    let current = true;
    void readItemBody!()
      .catch(() => undefined)
      .then((body) => current && setBodyRef({ itemId: item.id, reference: findFeedbackReference(body) }));
    return () => {
      current = false;
    };
  }, [lookInBody, item, bodyRef, readItemBody]);
  const feedbackRef = useMemo(() => {
    const reference = subjectRef ?? (bodyRef && bodyRef.itemId === item?.id ? bodyRef.reference : undefined);
    if (!reference || !partnerId) return undefined;
    return referenceIsFor(reference, partnerId) || agenda.some((a) => findFeedbackReference(a.topic) === reference) ? reference : undefined;
  }, [subjectRef, bodyRef, item, partnerId, agenda]);

  const [tagResult, setTagResult] = useState<TagResult>();
  const [notQueued, setNotQueued] = useState(false);
  // One note per click: a second submit while the first is being queued is the same click repeated.
  const submitting = useRef(false);
  const submit = async (draft: NoteDraft) => {
    if (!item || !partnerId || !pane.user || submitting.current) return;
    submitting.current = true;
    const interaction = draftToInteraction(draft, { clientId: newClientId(), partnerId, author: pane.user, sourceRef: sourceRefOf(item), sourceLink: item.link });
    rememberDepartment(interaction.department);
    try {
      await services.queue.enqueue({ kind: 'interaction', payload: interaction });
      for (const item of followUpAgendaItems(draft, { partnerId, owner: pane.user, newId: newClientId })) {
        await services.queue.enqueue({ kind: 'agenda', payload: item });
      }
      // The partner answered: their feedback request on the agenda is done (the review schedule shows "answered").
      if (draft.kind === 'review' && feedbackRef) {
        for (const asked of agenda.filter((a) => a.status !== 'done' && findFeedbackReference(a.topic) === feedbackRef)) void pane.updateAgendaStatus(asked, 'done');
      }
      await note.clear();
      setNotQueued(false);
    } catch {
      // Not kept, not even on this device (its storage is full): the form keeps what was typed.
      setNotQueued(true);
      return;
    } finally {
      submitting.current = false;
    }
    // Tagging is a convenience in the mailbox; the note is already safe in the queue whatever happens here.
    const partnerName = pane.context?.status === 'ready' ? pane.context.value.partner.name : undefined;
    if (services.host.tagItem && partnerName) {
      services.host.tagItem(partnerName).then(setTagResult, () => undefined);
      void pane.markLogged(interaction.clientId);
    }
  };

  const noteActions = useMemo(() => noteActionsFor(services, pane.user, settings), [services, pane.user, settings]);

  const failedCount = pane.writes.filter(waitsForOfficial).length;
  const pendingCount = pane.writes.length - failedCount;
  // A note of the partner on screen says its failure in its timeline row; every other write here.
  const failedElsewhere = useMemo(
    () => pane.writes.filter((w) => waitsForOfficial(w) && !(w.kind === 'interaction' && w.payload.partnerId === partnerId)),
    [pane.writes, partnerId],
  );
  const registerName = (id: string) => (pane.register.status === 'ready' ? pane.register.value.partners.find((p) => p.id === id)?.name : undefined);
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
      {notQueued && (
        <MessageBar intent="error" data-testid="note-not-queued">
          <MessageBarBody>{t('note.notQueued')}</MessageBarBody>
        </MessageBar>
      )}
      {failedCount > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{i18n.plural('queue.failed', failedCount)}</MessageBarBody>
        </MessageBar>
      )}
      <FailedWrites writes={failedElsewhere} queue={services.queue} partnerName={registerName} />
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
              <LoggedBanner mine={logged.mine} others={logged.others} marker={pane.loggedMarker} />
              {!logged.mine && pane.logged !== undefined && pane.loggedMarker && (
                <MessageBar intent="info" data-testid="logged-marker">
                  <MessageBarBody>
                    <MessageBarTitle>{t('logged.title')}</MessageBarTitle>
                    {t('logged.markerOnly')}
                  </MessageBarBody>
                </MessageBar>
              )}
              {tagResult && <TagResultNote result={tagResult} />}
              <RelationshipCard partner={pane.context.value.partner} interactions={pane.context.value.interactions} now={now} />
              {feedbackRef && !logged.mine && (
                <FeedbackReply host={services.host} reference={feedbackRef} partner={pane.context.value.partner} draft={note.draft} onFill={note.change} />
              )}
              {!item.compose && (
                <AskFeedback
                  host={services.host}
                  partner={pane.context.value.partner}
                  user={pane.user}
                  now={now}
                  onAsked={(asked) => void services.queue.enqueue({ kind: 'agenda', payload: asked })}
                />
              )}
              {item.kind === 'meeting' && (
                // An appointment or Teams meeting: the week ahead's briefing for this partner, from the context just read.
                <section aria-labelledby="pane-briefing-title">
                  <Subtitle2 as="h2" id="pane-briefing-title">
                    {t('briefing.paneTitle')}
                  </Subtitle2>
                  <MeetingBriefing
                    partnerName={pane.context.value.partner.name}
                    briefing={briefing(pane.context.value, pane.user?.email ?? '', now)}
                    official={pane.user?.email}
                    testId="pane-briefing"
                  />
                </section>
              )}
              {item.kind === 'meeting' && services.host.readMeetingAttendance && note.draft && !logged.mine && (
                // After a Teams meeting: the partner's attendees from its attendance report, into the note.
                <MeetingAttendance
                  host={services.host}
                  partner={pane.context.value.partner}
                  partnerName={pane.context.value.partner.name}
                  draft={note.draft}
                  onChange={note.change}
                />
              )}
              {showDetails ? (
                <Suspense fallback={<PaneSkeleton />}>
                  <PaneDetails
                    noteForm={
                      note.draft && !logged.mine
                        ? {
                            heading: t(item.kind === 'email' ? 'note.logEmail' : 'note.logMeeting'),
                            itemKind: item.kind,
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
                      failedIds: failedAgendaIds,
                      partnerId,
                      user: pane.user,
                      names: officialNames,
                      now,
                      onStatusChange: (agendaItem, status) => void pane.updateAgendaStatus(agendaItem, status),
                      onAdd: (item) => void services.queue.enqueue({ kind: 'agenda', payload: item }),
                      drafts: services.drafts,
                    }}
                    timeline={{ entries: timeline, actions: noteActions }}
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
