import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgendaItem, Interaction, Official, Partner, ProposalDecision } from '../../core/model';
import { knownOfficialNames } from '../../core/agenda';
import { byName } from '../../core/nameOrder';
import type { ProposalOutcome } from '../../data/PartnerRepository';
import { figuresByPartner, withFigures, type PartnerFigures } from '../../core/partnerFigures';
import { figuresFromSummaries, type PartnerSummary } from '../../core/overview/partnerSummary';
import { decidedProposal, mergedIdentifiers } from '../../core/proposals';
import type { FirstScreenDigest, InteractionFacts, InteractionTable } from '../../core/overview';
import type { PendingWrite, Services } from '../services';
import { materialiseInteractions } from './materialiseInteractions';
import { afterNextPaint } from '../shell/useAfterPaint';
import { failureCause } from '../../data/graph/errors';
import { partnersOfWrite, withoutUnsavedNote, withStoredAgenda, withStoredOwners } from './serverVersion';

/** An interaction as the overview holds it: the cache's facts, plus a review score once loaded. */
export type OverviewEntry = InteractionFacts & Partial<Interaction>;

export interface OverviewModel {
  services: Services;
  now: Date;
  user?: Official;
  partners: Partner[];
  /** Empty until `interactionsReady`: they are made into objects after the first screen is up. */
  interactions: OverviewEntry[];
  interactionsReady: boolean;
  /**
   * The interactions as the cache's columns, for the first screen's figures; only while it holds exactly
   * what `interactions` hold (or will hold): the first local change drops it.
   */
  interactionTable?: InteractionTable;
  agenda: AgendaItem[];
  /**
   * On a first-ever open, until every interaction has arrived: each partner's summary (the first screen's
   * figures, src/data/partnerSummary.ts) and how far the read of the interactions has come.
   */
  firstScreen?: { summaries: PartnerSummary[]; loaded: number; expected: number };
  /** Officials' names by address (partner owners, interaction authors, the signed-in official): agenda owners are shown by name. */
  officialNames: ReadonlyMap<string, string>;
  writes: PendingWrite[];
  /** Saved through the write queue; the local copy changes at once. */
  savePartner(partner: Partner): Promise<void>;
  saveAgendaItem(item: AgendaItem): Promise<void>;
  addInteraction(interaction: Interaction): Promise<void>;
  /** Straight to the repository (deletes are not queued), then the local copy. */
  deleteInteraction(interaction: Interaction): Promise<void>;
  /** A register owner's decision on a proposed partner, through the write queue; the local copy shows it at once. */
  decideProposal(decision: ProposalDecision): Promise<void>;
}

/**
 * `figures`: each partner's last contact and count, derived from the interactions held (core/partnerFigures.ts):
 * from the load until the objects exist, then from them, so a note added or withdrawn here shows at once.
 */
type InteractionState = { list: OverviewEntry[]; table?: InteractionTable; ready: boolean; figures: ReadonlyMap<string, PartnerFigures> };

const NO_FIGURES: ReadonlyMap<string, PartnerFigures> = new Map();

/**
 * `digest`: on a first-ever open, the site's first-screen digest (core/overview/firstScreenDigest.ts),
 * shown while the lists behind it load.
 */
type Load = { status: 'loading'; loaded: number; digest?: FirstScreenDigest } | { status: 'failed'; error: unknown } | { status: 'ready' };

/** Concurrency-limited map, so a background read never floods Graph (it throttles past a few at once). */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>, onDone?: (done: number) => void): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
        onDone?.(++done);
      }
    }),
  );
  return results;
}

/**
 * The notes of the given partners (default: every partner the overview knows, also those only notes
 * name), read again with their texts: the overview's copy holds none. For the privacy and Woo searches.
 */
export async function readInteractionTexts(model: Pick<OverviewModel, 'partners' | 'interactions' | 'services'>, partnerIds: readonly string[], onDone?: (done: number) => void): Promise<Interaction[]> {
  const ids = partnerIds.length > 0 ? [...partnerIds] : [...new Set([...model.partners.map((p) => p.id), ...model.interactions.map((i) => i.partnerId)])];
  return (await mapLimited(ids, 4, (id) => model.services.repository.listInteractions(id), onDone)).flat();
}

export function useOverviewModel(services: Services): { load: Load; model: OverviewModel; reload(): void } {
  const [load, setLoad] = useState<Load>({ status: 'loading', loaded: 0 });
  // Bumped by `reload` after a failed load: the load runs again.
  const [attempt, setAttempt] = useState(0);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [ix, setIx] = useState<InteractionState>({ list: [], ready: false, figures: NO_FIGURES });
  // Changes made before the objects exist (e.g. a confirmed queued write) wait for them.
  const pending = useRef<Array<(all: OverviewEntry[]) => OverviewEntry[]>>([]);
  const ready = useRef(false);
  const setInteractions = useCallback((update: (all: OverviewEntry[]) => OverviewEntry[]) => {
    if (ready.current)
      setIx((s) => {
        const list = update(s.list);
        return { list, ready: true, figures: figuresByPartner(list) };
      });
    else {
      pending.current.push(update);
      setIx((s) => ({ ...s, table: undefined }));
    }
  }, []);
  const [agenda, setAgenda] = useState<AgendaItem[]>([]);
  const [writes, setWrites] = useState<PendingWrite[]>(() => services.queue.list());
  const [user, setUser] = useState<Official>();
  const [firstScreen, setFirstScreen] = useState<OverviewModel['firstScreen']>();
  const firstPainted = useRef<() => void>();
  // Set with the state that shows a first screen (the digest, or the summaries); resolved once it is painted.
  const shownDigest = load.status === 'loading' ? load.digest : undefined;
  useEffect(() => {
    if ((!firstScreen && !shownDigest) || !firstPainted.current) return;
    const resolve = firstPainted.current;
    firstPainted.current = undefined;
    void afterNextPaint().then(resolve);
  }, [firstScreen, shownDigest]);
  const now = useMemo(() => services.now(), [services]);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    ready.current = false;
    pending.current = [];
    let cancelled = false;
    void services.host.getUser().then((u) => mounted.current && setUser(u), () => undefined);
    // Shown before the interactions (a first-ever open): partners and agenda stay as the tab holds them then,
    // with the official's own changes since; the full load brings the interactions and their figures.
    let shownFirst = false;
    services
      .loadOverview(
        (progress) => {
          // One number for the reader: the interactions are what take long on a cold cache.
          if (progress.list !== 'Interactions') return;
          if (shownFirst) setFirstScreen((f) => f && { ...f, loaded: progress.loaded });
          else setLoad((l) => ({ status: 'loading', loaded: progress.loaded, ...(l.status === 'loading' && l.digest ? { digest: l.digest } : {}) }));
        },
        (first) => {
          if (!mounted.current) return;
          if ('digest' in first) {
            setLoad({ status: 'loading', loaded: 0, digest: first.digest });
            return new Promise<void>((resolve) => (firstPainted.current = resolve));
          }
          shownFirst = true;
          setPartners(first.partners);
          setAgenda(first.agenda);
          setIx({ list: [], ready: false, figures: figuresFromSummaries(first.summaries) });
          setFirstScreen({ summaries: first.summaries, loaded: 0, expected: first.interactions });
          setLoad({ status: 'ready' });
          // The interactions are read once this is on screen (see OverviewCache.load).
          return new Promise<void>((resolve) => (firstPainted.current = resolve));
        },
      )
      .then(
        (data) => {
          if (!mounted.current) return;
          if (!shownFirst) {
            setPartners(data.partners);
            setAgenda(data.agenda);
          }
          setFirstScreen(undefined);
          setIx({ list: [], table: pending.current.length > 0 ? undefined : data.interactionTable, ready: false, figures: new Map(data.partners.map((p) => [p.id, { lastContact: p.lastContact, interactionCount: p.interactionCount }])) });
          setLoad({ status: 'ready' });
          // After the register is on screen, in slices, so the tab stays responsive meanwhile.
          void materialiseInteractions(data.interactionTable, () => cancelled || !mounted.current).then((list) => {
            if (!list) return;
            const updated = pending.current.reduce((all, update) => update(all), list);
            pending.current = [];
            ready.current = true;
            setIx((s) => ({ list: updated, table: s.table, ready: true, figures: figuresByPartner(updated) }));
          });
        },
        (error: unknown) => mounted.current && setLoad({ status: 'failed', error }),
      );
    /** What the server stores for the partners a discarded write had changed on screen (see serverVersion.ts). */
    const putBackStored = async (write: PendingWrite) => {
      // An unsaved note counted in the figures: it never reached the list (one that landed, and only its
      // audit entry failed, is stored: it stays).
      if (write.kind === 'interaction' && !write.landed) setInteractions((all) => withoutUnsavedNote(all, write.clientId));
      const ids = partnersOfWrite(write);
      // A merge had moved all of the proposal's interactions: all of them are read back, not the newest few.
      const options = write.kind === 'proposalDecision' ? { interactionLimit: Number.MAX_SAFE_INTEGER } : { interactionLimit: 0 };
      const reads = await Promise.allSettled(
        ids.map(async (id) => {
          // The context holds the open agenda items; a merge had moved the proposal's closed ones too (read beside it).
          if (!(write.kind === 'proposalDecision' && id === write.payload.partnerId)) return services.repository.getPartnerContext(id, options);
          const [stored, agenda] = await Promise.all([services.repository.getPartnerContext(id, options), services.repository.listAgenda(id)]);
          return { ...stored, agenda };
        }),
      );
      if (!mounted.current) return;
      reads.forEach((read, index) => {
        if (read.status === 'fulfilled') {
          const stored = read.value;
          setPartners((all) => confirm(all, stored.partner.id, stored.partner, (p) => p.id));
          setAgenda((all) => withStoredAgenda(all, stored, write));
          if (write.kind === 'proposalDecision') setInteractions((all) => withStoredOwners(all, stored));
        } else if (failureCause(read.reason) === 'notFound') {
          // A new partner that was never created.
          setPartners((all) => all.filter((p) => p.id !== ids[index]));
        } else {
          // What is stored cannot be told now: everything is read again (a failure says so, with a retry).
          setAttempt((n) => n + 1);
        }
      });
    };
    const unsubscribe = services.queue.subscribe((event) => {
      if (!mounted.current) return;
      setWrites(services.queue.list());
      if (event.type === 'discarded') void putBackStored(event.write);
      if (event.type !== 'confirmed') return;
      // The server's version carries the new ETag; the next edit of the same item needs it.
      // A new partner's id changes from the client-generated one to the server's: match on the queue's key.
      if (event.kind === 'partner') setPartners((all) => confirm(all, event.clientId, event.result as Partner, (p) => p.id));
      // A domain linked in a pane (sent from here when the overview opened first) comes back as the whole partner.
      if (event.kind === 'domainLink') setPartners((all) => confirm(all, (event.result as Partner).id, event.result as Partner, (p) => p.id));
      if (event.kind === 'agenda') setAgenda((all) => confirm(all, event.clientId, event.result as AgendaItem, (a) => a.clientId));
      if (event.kind === 'interaction') {
        const saved = event.result as Interaction;
        // A withdrawn note no longer counts anywhere in the overview (as the cache leaves it out too).
        setInteractions((all) => (saved.withdrawn ? all.filter((i) => (i.clientId ?? i.id) !== event.clientId) : confirm(all, event.clientId, saved, (i) => i.clientId ?? i.id)));
      }
      if (event.kind === 'proposalDecision') {
        const { proposal, target } = event.result as ProposalOutcome;
        setPartners((all) => [proposal, ...(target ? [target] : [])].reduce((list, p) => confirm(list, p.id, p, (x) => x.id), all));
      }
    });
    return () => {
      cancelled = true;
      mounted.current = false;
      // A read waiting for a first screen that will not be painted now goes on.
      firstPainted.current?.();
      firstPainted.current = undefined;
      unsubscribe();
    };
  }, [services, setInteractions, attempt]);

  const savePartner = useCallback(
    async (partner: Partner) => {
      setPartners((all) => replace(all, partner, (p) => p.id));
      await services.queue.enqueue({ kind: 'partner', payload: partner });
    },
    [services],
  );
  const saveAgendaItem = useCallback(
    async (item: AgendaItem) => {
      setAgenda((all) => replace(all, item, (a) => a.clientId));
      await services.queue.enqueue({ kind: 'agenda', payload: item });
    },
    [services],
  );
  const addInteraction = useCallback(
    async (interaction: Interaction) => {
      setInteractions((all) => [...all, interaction]);
      await services.queue.enqueue({ kind: 'interaction', payload: interaction });
    },
    [services, setInteractions],
  );
  const deleteInteraction = useCallback(
    async (interaction: Interaction) => {
      await services.repository.deleteInteraction(interaction);
      setInteractions((all) => all.filter((i) => (i.clientId ?? i.id) !== interaction.clientId && i.id !== interaction.id));
    },
    [services, setInteractions],
  );

  const decideProposal = useCallback(
    async (decision: ProposalDecision) => {
      const { partnerId: proposalId, targetId } = decision;
      setPartners((all) => {
        const proposal = all.find((p) => p.id === proposalId);
        const target = targetId ? all.find((p) => p.id === targetId) : undefined;
        const gained = proposal && target && mergedIdentifiers(target, proposal);
        return all.map((p) => (p === proposal ? decidedProposal(p, decision) : p === target && gained ? { ...p, ...gained } : p));
      });
      if (decision.kind === 'merged' && targetId) {
        setInteractions((all) => all.map((i) => (i.partnerId === proposalId ? { ...i, partnerId: targetId } : i)));
        setAgenda((all) => all.map((a) => (a.partnerId === proposalId ? { ...a, partnerId: targetId } : a)));
      }
      await services.queue.enqueue({ kind: 'proposalDecision', payload: decision });
    },
    [services, setInteractions],
  );

  const officialNames = useMemo(() => knownOfficialNames({ partners, interactions: ix.list, officials: [user] }), [partners, ix.list, user]);
  // By name once per change of the partners, so the views that order them by name again (register,
  // attention) pay one pass each (core/nameOrder.ts), also when only the figures change.
  const ordered = useMemo(() => byName(partners), [partners]);
  // A partner the queue confirmed comes back without figures (they are never stored): they are always these.
  const shown = useMemo(() => ordered.map((p) => withFigures(p, ix.figures.get(p.id))), [ordered, ix.figures]);
  const model = useMemo<OverviewModel>(
    () => ({
      services, now, user, partners: shown, interactions: ix.list, interactionsReady: ix.ready, interactionTable: ix.table, agenda, firstScreen, officialNames, writes,
      savePartner, saveAgendaItem, addInteraction, deleteInteraction, decideProposal,
    }),
    [services, now, user, shown, ix, agenda, firstScreen, officialNames, writes, savePartner, saveAgendaItem, addInteraction, deleteInteraction, decideProposal],
  );
  const reload = useCallback(() => {
    setLoad({ status: 'loading', loaded: 0 });
    setAttempt((n) => n + 1);
  }, []);
  return { load, model, reload };
}

function replace<T>(all: T[], item: T, key: (x: T) => string | undefined): T[] {
  const k = key(item);
  const index = all.findIndex((x) => key(x) === k);
  if (index < 0) return [...all, item];
  const copy = [...all];
  copy[index] = { ...copy[index], ...item };
  return copy;
}

function confirm<T>(all: T[], clientId: string, result: T, key: (x: T) => string | undefined): T[] {
  const index = all.findIndex((x) => key(x) === clientId);
  if (index < 0) return replace(all, result, key);
  const copy = [...all];
  copy[index] = result;
  return copy;
}
