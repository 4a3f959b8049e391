import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildPartnerIndex, detectPartners, lookupOutOfStep, messageLookupKeys, participantMatches, type DetectionResult } from '../../core/detection';
import type { AgendaItem, AgendaStatus, Interaction, Official, PartnerContext, RegisterPartner, Settings } from '../../core/model';
import { sameRegister, type RegisterData } from '../../data/registerSource';
import { itemSourceRefs, type HostItem } from '../../hosts/Host';
import type { PendingWrite, Services } from '../services';
import { detectWith, readShownContext } from './paneDetection';
import { contextReadsFor, readChoice, selectPartner, takePaneStart, writeChoice } from './paneReads';
import { onIdle } from '../shell/onIdle';
import { markPaneStep } from './paneTiming';

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * The shown partner's context. `stale`: what is on screen is this device's copy (or, during a reload,
 * the previous answer) as read at `readAt`, and Graph has not answered yet; `error`: and it could not.
 */
export type ContextState = { status: 'loading' } | { status: 'ready'; value: PartnerContext; readAt: string; stale?: boolean; error?: unknown } | { status: 'error'; error: unknown };

interface Register {
  partners: RegisterPartner[];
  settings: Settings;
  index: ReturnType<typeof buildPartnerIndex>;
  /**
   * A cold open's start: `partners` are only the lookup's candidates for this item (its id), so
   * detection gives participant matches only and the chooser lists them, until the register arrives.
   */
  partialFor?: string;
}

/** When the register's background reads run: once the browser is idle after the first render, at most 2 s on. */
const AFTER_FIRST_RENDER = { timeout: 2000, fallbackMs: 200 };

/** The register as it will be once the queued partner writes and linked domains have been sent. */
function withQueuedWrites(register: RegisterPartner[], writes: PendingWrite[]): RegisterPartner[] {
  const byId = new Map(register.map((p) => [p.id, p]));
  for (const write of writes) {
    if (write.kind === 'partner') byId.set(write.payload.id, write.payload);
    else if (write.kind === 'domainLink') {
      const partner = byId.get(write.payload.partnerId);
      if (partner && !partner.domains.includes(write.payload.domain)) byId.set(partner.id, { ...partner, domains: [...partner.domains, write.payload.domain] });
    }
  }
  return [...byId.values()];
}

function usePendingWrites(services: Services): PendingWrite[] {
  const [writes, setWrites] = useState(() => services.queue.list());
  useEffect(() => {
    setWrites(services.queue.list());
    return services.queue.subscribe(() => setWrites(services.queue.list()));
  }, [services.queue]);
  return writes;
}

/**
 * A cold open detected from the lookup's rows; the register read after it is the truth. Where the two
 * disagree for this item (rows an outside change left out of step: core/detection lookupOutOfStep), the
 * repository rewrites those partners' rows in the background, so the next cold open finds them.
 */
function repairLookup(repository: Services['repository'], candidates: RegisterPartner[], register: RegisterPartner[], index: Register['index'], item: HostItem): void {
  if (!repository.repairLookupFor) return;
  const matched = participantMatches(detectPartners(index, item)).matches.map((m) => m.partnerId);
  const outOfStep = lookupOutOfStep(candidates, register, matched);
  if (outOfStep.length > 0) void repository.repairLookupFor(outOfStep).catch(() => undefined);
}

/** State of the official's pane: item → detection → chosen partner → context, plus the queue's pending writes. */
export function usePartnerPane(services: Services) {
  const { host, repository, now } = services;
  // What the surface's prefetch already found (paneReads.ts): the first render shows it at once.
  const [start] = useState(() => takePaneStart(repository));
  const [item, setItem] = useState<LoadState<HostItem | undefined>>(start ? { status: 'ready', value: start.item } : { status: 'loading' });
  const [user, setUser] = useState<Official | undefined>(start?.user);
  const [register, setRegister] = useState<LoadState<Register>>(
    start ? { status: 'ready', value: { partners: start.register.partners, settings: start.register.settings, index: start.index, partialFor: start.partialFor } } : { status: 'loading' },
  );
  const [context, setContext] = useState<ContextState | undefined>(() => {
    const first = start?.context;
    return first && { status: 'ready', value: first.value, readAt: first.savedAt ?? now().toISOString(), stale: first.savedAt !== undefined };
  });
  /** Every official's notes on this item; undefined until looked up, [] when none (or Graph could not say). */
  const [logged, setLogged] = useState<Interaction[] | undefined>();
  /** What the host stored on the item when it was logged (Outlook's custom property; the demo's stand-in). */
  const [loggedMarker, setLoggedMarker] = useState<string | undefined>();
  const [choice, setChoice] = useState<string | null | undefined>(start?.item ? readChoice(start.user, start.item.id) : undefined);
  /** The prefetched context, until the context effect has seen it once. */
  const startContext = useRef(start?.context);
  // A reload (the button, a confirmed partner or linked domain) reads everything again; `readRound`
  // also counts confirmed notes and agenda items, after which only the context and the notes on this
  // item are read again, without taking the register (and so the whole pane) off the screen.
  const [reloadCount, setReloadCount] = useState(0);
  const [readRound, setReadRound] = useState(0);
  const writes = usePendingWrites(services);

  // The context read starts the moment both the item and the register are known, before React renders
  // that state (and on a pane's start even before its first render: paneReads.ts); the context effect
  // below picks up the read in flight.
  const contextReads = contextReadsFor(services);
  /** `candidates`: with `partialFor`, the partners the lookup's rows gave for that item. */
  const known = useRef<{ item?: HostItem; user?: Official; index?: Register['index']; partialFor?: string; candidates?: RegisterPartner[]; reload: number }>({
    item: start?.item,
    user: start?.user,
    index: start?.index,
    partialFor: start?.partialFor,
    candidates: start?.partialFor !== undefined && !start.fromDevice ? start.register.partners : undefined,
    reload: 0,
  });
  const prefetchContext = useCallback(() => {
    const { item: current, user: official, index, partialFor, reload } = known.current;
    if (current && official && index) readShownContext(contextReads, index, current, official, reload, partialFor)?.read.catch(() => undefined);
  }, [contextReads]);

  const loadItem = useCallback(() => {
    setItem({ status: 'loading' });
    Promise.all([host.getCurrentItem(), host.getUser()]).then(
      ([current, official]) => {
        markPaneStep('item');
        known.current.item = current;
        known.current.user = official;
        prefetchContext();
        // Started from the lookup (a cold open) and the register not here yet: this item's own lookup.
        const { partialFor } = known.current;
        if (partialFor !== undefined && current && current.id !== partialFor && repository.readDetectionCandidates) {
          repository.readDetectionCandidates(messageLookupKeys(current)).then(
            (found) => {
              if (known.current.partialFor === undefined || known.current.item !== current) return;
              const index = buildPartnerIndex(found.partners, found.settings);
              known.current = { ...known.current, index, partialFor: current.id, candidates: found.partners };
              prefetchContext();
              setRegister((shown) => (shown.status === 'ready' && shown.value.partialFor === undefined ? shown : { status: 'ready', value: { ...found, index, partialFor: current.id } }));
            },
            () => undefined,
          );
        }
        setUser(official);
        setItem({ status: 'ready', value: current });
        setChoice(current ? readChoice(official, current.id) : undefined);
      },
      (error: unknown) => setItem({ status: 'error', error }),
    );
  }, [host, repository, prefetchContext]);

  useEffect(() => {
    // Started from the prefetch, the item is already there; later items come through onItemChanged.
    if (!start) loadItem();
    return host.onItemChanged(loadItem);
  }, [host, loadItem, start]);

  useEffect(() => {
    let live = true;
    const source = services.register;
    // The prefetch's register is on screen already: the snapshot read again is then no change.
    let shown: RegisterData | undefined = reloadCount === 0 ? start?.register : undefined;
    const show = (data: RegisterData, fromGraph = false) => {
      // A fresh read that detects and shows alike keeps the state as it is: no second render of the pane.
      // Not after a start from part of the register, even if that part was all of it: detection is partial.
      if (!live || (shown && known.current.partialFor === undefined && sameRegister(shown, data))) return;
      shown = data;
      const index = buildPartnerIndex(data.partners, data.settings);
      const { item: current, partialFor, candidates } = known.current;
      if (fromGraph && current && current.id === partialFor && candidates) repairLookup(repository, candidates, data.partners, index, current);
      known.current = { ...known.current, index, partialFor: undefined, candidates: undefined };
      prefetchContext();
      setRegister({ status: 'ready', value: { partners: data.partners, settings: data.settings, index } });
    };
    const readGraph = () =>
      source.current(reloadCount > 0).then(
        (data) => {
          markPaneStep('register-graph');
          show(data, true);
        },
        (error: unknown) => {
          // Offline with a snapshot: keep detecting from it; without one, say why there is nothing.
          if (live && !shown) setRegister({ status: 'error', error });
        },
      );
    let cancelIdle: (() => void) | undefined;
    if (reloadCount === 0) {
      // The snapshot from the last open lets detection (and the context read) start at once; Graph's
      // current register then replaces it when the browser is idle, so reading it does not compete
      // with the context the official is waiting for.
      const fromSnapshot = () =>
        source.snapshot().then(
          (snapshot) => {
            markPaneStep('register-snapshot');
            // A cold start from the lookup (paneReads.ts) has what this item needs: the register (for the
            // chooser, subject matches and other items) follows when the browser is idle, as after a snapshot.
            if (!snapshot && start?.partialFor !== undefined) cancelIdle = onIdle(() => void readGraph(), AFTER_FIRST_RENDER);
            if (!snapshot) return start?.partialFor !== undefined ? undefined : void readGraph();
            show(snapshot);
            cancelIdle = onIdle(() => void readGraph(), AFTER_FIRST_RENDER);
          },
          () => void readGraph(),
        );
      // Started from this item's candidates in the snapshot (paneReads.ts): the whole of it is read and
      // indexed once the first render is on screen, as the lookup's start waits for the register.
      if (start?.fromDevice) cancelIdle = onIdle(() => void fromSnapshot(), AFTER_FIRST_RENDER);
      else void fromSnapshot();
    } else {
      setRegister({ status: 'loading' });
      void readGraph();
    }
    return () => {
      live = false;
      cancelIdle?.();
    };
  }, [services.register, repository, reloadCount, prefetchContext, start]);

  // Register changes still in the queue (a linked domain, a proposed partner) count at once.
  const queuedRegisterWrites = useMemo(() => writes.filter((w) => w.kind === 'partner' || w.kind === 'domainLink'), [writes]);
  const currentItem = item.status === 'ready' ? item.value : undefined;
  const effectiveRegister = useMemo((): LoadState<Register> => {
    // The lookup's candidates of another item detect nothing for this one: loading, until its own
    // lookup (loadItem) or the register has arrived.
    if (register.status === 'ready' && register.value.partialFor !== undefined && currentItem && currentItem.id !== register.value.partialFor) return { status: 'loading' };
    if (register.status !== 'ready' || queuedRegisterWrites.length === 0) return register;
    const partners = withQueuedWrites(register.value.partners, queuedRegisterWrites);
    return { status: 'ready', value: { ...register.value, partners, index: buildPartnerIndex(partners, register.value.settings) } };
  }, [register, queuedRegisterWrites, currentItem]);

  const detection: DetectionResult | undefined = useMemo(() => {
    if (!currentItem || effectiveRegister.status !== 'ready') return undefined;
    return detectWith(effectiveRegister.value.index, effectiveRegister.value.partialFor, currentItem);
  }, [currentItem, effectiveRegister]);

  // A partner shown from part of the register (a cold open's lookup, a warm open's candidates) stays shown
  // when the whole register arrives and adds matches of its own (a partner named in the subject): the
  // official may be reading or typing already, and the chooser then lists the others beside it, the shown
  // one selected. It stays only while it is a match.
  const detected = selectPartner(detection, choice);
  const lookupPick = useRef<{ itemId: string; partnerId: string }>();
  if (detected && currentItem && effectiveRegister.status === 'ready' && effectiveRegister.value.partialFor === currentItem.id) lookupPick.current = { itemId: currentItem.id, partnerId: detected };
  const kept = lookupPick.current;
  const selectedId =
    detected ?? (choice === undefined && kept && kept.itemId === currentItem?.id && detection?.matches.some((m) => m.partnerId === kept.partnerId) ? kept.partnerId : undefined);

  useEffect(() => {
    if (!selectedId) {
      setContext(undefined);
      return;
    }
    const prefetched = startContext.current;
    startContext.current = undefined;
    // Graph's prefetched answer is already in state: no loading step in between.
    if (readRound === 0 && prefetched?.partnerId === selectedId && prefetched.savedAt === undefined) return;
    let live = true;
    const shows = (shown: ContextState | undefined): shown is Extract<ContextState, { status: 'ready' }> => shown?.status === 'ready' && shown.value.partner.id === selectedId;
    // Until Graph answers, what is on screen for this partner stays (a reload), else this device's copy,
    // else the skeleton.
    setContext((shown) => {
      if (shows(shown)) return { ...shown, stale: true, error: undefined };
      const saved = contextReads.saved(selectedId);
      return saved ? { status: 'ready', value: saved.value, readAt: saved.readAt, stale: true } : { status: 'loading' };
    });
    contextReads.read(selectedId, readRound).then(
      (value) => live && setContext({ status: 'ready', value, readAt: now().toISOString() }),
      // A copy on screen stays, with the reason it could not be brought up to date.
      (error: unknown) => live && setContext((shown) => (shows(shown) ? { ...shown, stale: true, error } : { status: 'error', error })),
    );
    return () => {
      live = false;
    };
  }, [contextReads, selectedId, readRound, now]);

  // Every official's notes on this email or meeting: the official's own, and who else logged it.
  const itemRefs = useMemo(() => (currentItem ? itemSourceRefs(currentItem) : []), [currentItem]);
  useEffect(() => {
    if (itemRefs.length === 0) return setLogged(undefined);
    let live = true;
    repository.findInteractionsBySource(itemRefs).then(
      (found) => live && setLogged(found),
      () => live && setLogged([]),
    );
    return () => {
      live = false;
    };
  }, [repository, itemRefs, readRound]);

  useEffect(() => {
    if (!currentItem || !host.readLoggedLink) return setLoggedMarker(undefined);
    let live = true;
    host.readLoggedLink().then(
      (link) => live && setLoggedMarker(link),
      () => live && setLoggedMarker(undefined),
    );
    return () => {
      live = false;
    };
  }, [host, currentItem, reloadCount]);

  /** Marks the item as logged; the marker shows once the host has stored it (it stays when offline). */
  const markLogged = useCallback(
    (link: string) => host.markLogged?.(link).then(() => setLoggedMarker(link), () => undefined),
    [host],
  );

  // When the server confirms a queued write, read the saved state back (ids, etags, the
  // partner's figures, derived from the interactions read). A confirmed note is shown as the server saved it at once: it leaves the queue now, and
  // must not be missing from the timeline (or the banner) until the read comes back.
  useEffect(
    () =>
      services.queue.subscribe((event) => {
        if (event.type !== 'confirmed') return;
        if (event.kind === 'interaction') {
          const saved = event.result as Interaction;
          const upsert = (all: Interaction[]) => [saved, ...all.filter((i) => i.clientId !== saved.clientId)];
          setContext((shown) => (shown?.status === 'ready' && shown.value.partner.id === saved.partnerId ? { ...shown, value: { ...shown.value, interactions: upsert(shown.value.interactions) } } : shown));
          setLogged((all) => (saved.sourceRef && itemRefs.includes(saved.sourceRef) ? upsert(all ?? []) : all));
        }
        if (event.kind === 'partner' || event.kind === 'domainLink' || event.kind === 'proposalDecision') setReloadCount((n) => n + 1);
        known.current.reload += 1;
        setReadRound(known.current.reload);
      }),
    [services.queue, itemRefs],
  );

  const choose = useCallback(
    (partnerId: string | undefined) => {
      if (!currentItem || !user) return;
      writeChoice(user, currentItem.id, partnerId);
      setChoice(partnerId ?? null);
    },
    [currentItem, user],
  );

  const updateAgendaStatus = useCallback(
    (agendaItem: AgendaItem, status: AgendaStatus) => services.queue.enqueue({ kind: 'agenda', payload: { ...agendaItem, status } }),
    [services.queue],
  );

  return {
    item,
    user,
    register: effectiveRegister,
    detection,
    selectedId,
    chosenByUser: choice !== undefined,
    context,
    logged,
    loggedMarker,
    markLogged,
    writes,
    choose,
    updateAgendaStatus,
    reload: () => {
      loadItem();
      setReloadCount((n) => n + 1);
      known.current.reload += 1;
      setReadRound(known.current.reload);
    },
  };
}
