import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildPartnerIndex, detectPartners, type DetectionResult } from '../../core/detection';
import type { AgendaItem, AgendaStatus, Interaction, Official, Partner, PartnerContext, Settings } from '../../core/model';
import { sameRegister, type RegisterData } from '../../data/registerSource';
import type { HostItem } from '../../hosts/Host';
import type { PendingWrite, Services } from '../services';

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

interface Register {
  partners: Partner[];
  settings: Settings;
  index: ReturnType<typeof buildPartnerIndex>;
}

const CHOICE_PREFIX = 'partnerzicht.choice.';

/** The user's partner choice sticks per email or meeting (a known complaint about CRMs that pick silently). */
function readChoice(itemId: string): string | null | undefined {
  try {
    const raw = localStorage.getItem(CHOICE_PREFIX + itemId);
    return raw === null ? undefined : raw === '' ? null : raw;
  } catch {
    return undefined;
  }
}

function writeChoice(itemId: string, partnerId: string | undefined): void {
  try {
    localStorage.setItem(CHOICE_PREFIX + itemId, partnerId ?? '');
  } catch {
    // The choice then lasts for this view only.
  }
}

/** The partner shown: the official's choice for this item, else the only match; several wait for a choice. */
function selectPartner(detection: DetectionResult | undefined, choice: string | null | undefined): string | undefined {
  if (choice === null) return undefined;
  return choice ?? (detection?.matches.length === 1 ? detection.matches[0].partnerId : undefined);
}

function usePendingWrites(services: Services): PendingWrite[] {
  const [writes, setWrites] = useState(() => services.queue.list());
  useEffect(() => {
    setWrites(services.queue.list());
    return services.queue.subscribe(() => setWrites(services.queue.list()));
  }, [services.queue]);
  return writes;
}

/** State of the official's pane: item → detection → chosen partner → context, plus the queue's pending writes. */
export function usePartnerPane(services: Services) {
  const { host, repository } = services;
  const [item, setItem] = useState<LoadState<HostItem | undefined>>({ status: 'loading' });
  const [user, setUser] = useState<Official>();
  const [register, setRegister] = useState<LoadState<Register>>({ status: 'loading' });
  const [context, setContext] = useState<LoadState<PartnerContext> | undefined>();
  const [logged, setLogged] = useState<Interaction | undefined>();
  const [choice, setChoice] = useState<string | null | undefined>();
  const [reloadCount, setReloadCount] = useState(0);
  const writes = usePendingWrites(services);

  // The context read starts the moment both the item and the register are known, before React renders
  // that state: one request per partner and reload, which the context effect below then picks up.
  const contextReads = useRef({ reload: 0, reads: new Map<string, Promise<PartnerContext>>() });
  const readContext = useCallback(
    (partnerId: string, reload: number) => {
      // A reload asks Graph again; reads of earlier rounds are dropped.
      if (reload !== contextReads.current.reload) contextReads.current = { reload, reads: new Map() };
      const { reads } = contextReads.current;
      let read = reads.get(partnerId);
      if (!read) {
        read = repository.getPartnerContext(partnerId);
        read.catch(() => reads.delete(partnerId));
        reads.set(partnerId, read);
      }
      return read;
    },
    [repository],
  );
  const known = useRef<{ item?: HostItem; index?: Register['index']; reload: number }>({ reload: 0 });
  const prefetchContext = useCallback(() => {
    const { item: current, index, reload } = known.current;
    if (!current || !index) return;
    const partnerId = selectPartner(detectPartners(index, current), readChoice(current.id));
    if (partnerId) readContext(partnerId, reload).catch(() => undefined);
  }, [readContext]);

  const loadItem = useCallback(() => {
    setItem({ status: 'loading' });
    Promise.all([host.getCurrentItem(), host.getUser()]).then(
      ([current, official]) => {
        known.current.item = current;
        prefetchContext();
        setUser(official);
        setItem({ status: 'ready', value: current });
        setChoice(current ? readChoice(current.id) : undefined);
      },
      (error: unknown) => setItem({ status: 'error', error }),
    );
  }, [host, prefetchContext]);

  useEffect(() => {
    loadItem();
    return host.onItemChanged(loadItem);
  }, [host, loadItem]);

  useEffect(() => {
    let live = true;
    const source = services.register;
    let shown: RegisterData | undefined;
    const show = (data: RegisterData) => {
      // A fresh read that detects and shows alike keeps the state as it is: no second render of the pane.
      if (!live || (shown && sameRegister(shown, data))) return;
      shown = data;
      const index = buildPartnerIndex(data.partners, data.settings);
      known.current = { ...known.current, index, reload: reloadCount };
      prefetchContext();
      setRegister({ status: 'ready', value: { partners: data.partners, settings: data.settings, index } });
    };
    if (reloadCount === 0) {
      // The snapshot from the last open lets detection (and the context read) start before Graph answers.
      source.snapshot().then((snapshot) => snapshot && !shown && show(snapshot), () => undefined);
    } else {
      setRegister({ status: 'loading' });
    }
    source.current(reloadCount > 0).then(show, (error: unknown) => {
      // Offline with a snapshot: keep detecting from it; without one, say why there is nothing.
      if (live && !shown) setRegister({ status: 'error', error });
    });
    return () => {
      live = false;
    };
  }, [services.register, reloadCount, prefetchContext]);

  // Partner changes still in the queue (a linked domain, a proposed partner) count at once.
  const queuedPartners = useMemo(() => writes.filter((w) => w.kind === 'partner').map((w) => w.payload as Partner), [writes]);
  const effectiveRegister = useMemo((): LoadState<Register> => {
    if (register.status !== 'ready' || queuedPartners.length === 0) return register;
    const byId = new Map(register.value.partners.map((p) => [p.id, p]));
    for (const partner of queuedPartners) byId.set(partner.id, partner);
    const partners = [...byId.values()];
    return { status: 'ready', value: { ...register.value, partners, index: buildPartnerIndex(partners, register.value.settings) } };
  }, [register, queuedPartners]);

  const currentItem = item.status === 'ready' ? item.value : undefined;
  const detection: DetectionResult | undefined = useMemo(() => {
    if (!currentItem || effectiveRegister.status !== 'ready') return undefined;
    return detectPartners(effectiveRegister.value.index, currentItem);
  }, [currentItem, effectiveRegister]);

  const selectedId = selectPartner(detection, choice);

  useEffect(() => {
    if (!selectedId) {
      setContext(undefined);
      return;
    }
    let live = true;
    setContext({ status: 'loading' });
    readContext(selectedId, reloadCount).then(
      (value) => live && setContext({ status: 'ready', value }),
      (error: unknown) => live && setContext({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [readContext, selectedId, reloadCount]);

  useEffect(() => {
    if (!currentItem) return setLogged(undefined);
    let live = true;
    repository.findInteractionBySource(currentItem.id).then(
      (found) => live && setLogged(found),
      () => live && setLogged(undefined),
    );
    return () => {
      live = false;
    };
  }, [repository, currentItem, reloadCount]);

  // When the server confirms a queued write, read the saved state back (ids, etags, denormalised figures).
  useEffect(() => services.queue.subscribe((event) => event.type === 'confirmed' && setReloadCount((n) => n + 1)), [services.queue]);

  const choose = useCallback(
    (partnerId: string | undefined) => {
      if (!currentItem) return;
      writeChoice(currentItem.id, partnerId);
      setChoice(partnerId ?? null);
    },
    [currentItem],
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
    writes,
    choose,
    updateAgendaStatus,
    reload: () => {
      loadItem();
      setReloadCount((n) => n + 1);
    },
  };
}
