/**
 * The pane's reads that may start before React has rendered anything: the surface calls
 * `prefetchPaneContext` as soon as its data layer exists, and the pane's hook then picks up the
 * context read already in flight instead of starting its own after the first render.
 *
 * Detection itself (and with it tldts, the public suffix list) is not imported here but loaded by the
 * prefetch once its lookup request is on the network (paneDetection.ts): the request's keys need no
 * suffix list (core/detection/messageKeys.ts), so evaluating it no longer holds the request back.
 */
import type { DetectionResult, PartnerIndex } from '../../core/detection';
import { messageLookupKeys } from '../../core/detection/messageKeys';
import type { Official, PartnerContext } from '../../core/model';
import { officialKey } from '../../core/official';
import type { ContextSnapshot, ContextSnapshots } from '../../data/contextSnapshots';
import type { RegisterData } from '../../data/registerSource';
import type { PartnerRepository } from '../../data/PartnerRepository';
import type { HostItem } from '../../hosts/Host';
import type { Services } from '../services';
import { onIdle } from '../shell/onIdle';
import { markPaneStep } from './paneTiming';

const CHOICE_PREFIX = 'partnerzicht.choice.';

/**
 * The official's partner choice sticks per email or meeting (a known complaint about CRMs that pick
 * silently), and is theirs alone: another official on the same device chooses for themselves.
 */
const choiceKey = (official: Pick<Official, 'email'>, itemId: string) => `${CHOICE_PREFIX}${encodeURIComponent(officialKey(official))}.${itemId}`;

export function readChoice(official: Pick<Official, 'email'>, itemId: string): string | null | undefined {
  // An item without an id (a message being written, not yet saved) cannot be told from the next one.
  if (!itemId) return undefined;
  try {
    const raw = localStorage.getItem(choiceKey(official, itemId));
    return raw === null ? undefined : raw === '' ? null : raw;
  } catch {
    return undefined;
  }
}

export function writeChoice(official: Pick<Official, 'email'>, itemId: string, partnerId: string | undefined): void {
  if (!itemId) return;
  try {
    localStorage.setItem(choiceKey(official, itemId), partnerId ?? '');
  } catch {
    // The choice then lasts for this view only.
  }
}

/**
 * The partner shown: the official's choice for this item, else the only partner a participant belongs to;
 * several wait for a choice. A name found only in the subject is never picked by itself ("Nieuw portaal
 * voor subsidies" from a colleague is not about the partner Portaal), nor does it stand in the way of the
 * one partner the participants show: it is offered beside it (PartnerChooser).
 */
export function selectPartner(detection: DetectionResult | undefined, choice: string | null | undefined): string | undefined {
  if (choice === null) return undefined;
  if (choice !== undefined) return choice;
  const byParticipants = detection?.matches.filter((m) => m.strength === 'participant') ?? [];
  return byParticipants.length === 1 ? byParticipants[0].partnerId : undefined;
}

/**
 * Context reads per partner, shared by the prefetch and the pane; a reload (`round`) reads again.
 * Each answer becomes the device's copy of that context (`saved`), written when the browser is idle.
 */
export class ContextReads {
  private round = 0;
  private reads = new Map<string, Promise<PartnerContext>>();

  constructor(
    private readonly repository: Pick<PartnerRepository, 'getPartnerContext'>,
    private readonly snapshots: Pick<ContextSnapshots, 'get' | 'put'>,
    private readonly now: () => Date,
  ) {}

  read(partnerId: string, round: number): Promise<PartnerContext> {
    if (round !== this.round) {
      this.round = round;
      this.reads = new Map();
    }
    const reads = this.reads;
    let read = reads.get(partnerId);
    if (!read) {
      markPaneStep('context-requested');
      read = this.repository.getPartnerContext(partnerId);
      read.then(
        (context) => {
          markPaneStep('context-received');
          const readAt = this.now().toISOString();
          onIdle(() => this.snapshots.put(partnerId, context, readAt), { timeout: 5000, fallbackMs: 0 });
        },
        () => reads.delete(partnerId),
      );
      reads.set(partnerId, read);
    }
    return read;
  }

  /** This device's copy of the partner's context, from an earlier read. */
  saved(partnerId: string): ContextSnapshot | undefined {
    return this.snapshots.get(partnerId);
  }
}

const contextReadsByRepository = new WeakMap<object, ContextReads>();

/** The one ContextReads of a surface's data layer (the surface's prefetch and the pane share it). */
export function contextReadsFor(services: Pick<Services, 'repository' | 'contextSnapshots' | 'now'>): ContextReads {
  let reads = contextReadsByRepository.get(services.repository);
  if (!reads) {
    reads = new ContextReads(services.repository, services.contextSnapshots, services.now);
    contextReadsByRepository.set(services.repository, reads);
  }
  return reads;
}

/** What the prefetch found: the pane's first render starts from it instead of from nothing. */
export interface PaneStart {
  item: HostItem | undefined;
  user: Official;
  register: RegisterData;
  index: PartnerIndex;
  /**
   * Set when `register` holds only the candidates for this item (its id), see detectWith: the lookup's,
   * or (`fromDevice`) those picked from the register on the device, which the pane indexes whole after
   * its first render.
   */
  partialFor?: string;
  fromDevice?: boolean;
  /**
   * The detected (or chosen) partner's context, when there is one partner to show: Graph's answer, or
   * this device's copy (`savedAt`) while Graph's answer is on its way.
   */
  context?: { partnerId: string; value: PartnerContext; savedAt?: string };
}

const starts = new WeakMap<object, PaneStart>();

/**
 * What a cold open (no register snapshot on the device) detects with: only the partners the
 * PartnerLookup list finds for the item's participants, with the settings, in one `$batch`
 * (SharePointPartnerRepository.readDetectionCandidates), instead of the whole register. A site whose
 * lookup is not there yet (setup not run since the upgrade) gets the register, as before.
 */
async function coldStart(services: Pick<Services, 'repository' | 'register' | 'now'>, item: HostItem | undefined, waiting: () => void): Promise<{ register: RegisterData; partialFor?: string }> {
  if (item && services.repository.readDetectionCandidates) {
    try {
      const found = services.repository.readDetectionCandidates(messageLookupKeys(item));
      waiting();
      return { register: { ...(await found), readAt: services.now().toISOString() }, partialFor: item.id };
    } catch {
      // No lookup on this site (yet), or it could not be read: the register detects as before.
    }
  }
  const register = services.register.current();
  waiting();
  return { register: await register };
}

/**
 * Detects the partner of the host's current item from the register snapshot (or, on a first open,
 * from the lookup's candidates for its participants) and reads its context: all before the pane's
 * first render, which the surface holds back (a little while, see startSurface.tsx) so that it
 * renders the result at once. The whole register is then read in the background (usePartnerPane).
 * `waiting` is called as soon as a read is on the network (the surface then loads the pane's own code).
 */
export async function prefetchPaneContext(services: Pick<Services, 'host' | 'repository' | 'register' | 'contextSnapshots' | 'now'>, waiting: () => void = () => undefined): Promise<void> {
  // Detection's chunk is loaded (and evaluated: tldts is most of it) once the first read is out.
  let detection: Promise<typeof import('./paneDetection')> | undefined;
  const loadDetection = () => (detection ??= import(/* webpackChunkName: "pane-detection" */ './paneDetection'));
  const onNetwork = () => {
    void loadDetection().catch(() => undefined);
    waiting();
  };
  try {
    const current = services.host.getCurrentItem() as Promise<HostItem | undefined>;
    // A large register on the device is read by its item's keys (RegisterSource.snapshotFor), the rest of it
    // after the first render; a smaller one whole, beside the host's item.
    const bucketed = services.register.hasKeyBuckets?.() === true;
    let keys: string[] | undefined;
    const keysOf = (i: HostItem) => (keys ??= messageLookupKeys(i));
    const [item, user, part, whole] = await Promise.all([
      current,
      services.host.getUser(),
      bucketed ? current.then((i) => (i ? services.register.snapshotFor?.(keysOf(i)) : undefined)) : undefined,
      bucketed ? undefined : services.register.snapshot(),
    ]);
    // No buckets of this snapshot's read (or no item): the whole snapshot, as for a smaller register.
    let snapshot = part ? undefined : (whole ?? (await services.register.snapshot()));
    // With the register on the device nothing the first render needs is on the network any more.
    if (part || snapshot) onNetwork();
    const reads = contextReadsFor(services);
    // The official chose this item's partner before: its context does not wait for detection.
    const chosen = item && readChoice(user, item.id);
    if (chosen) reads.read(chosen, 0).catch(() => undefined);
    const device = part ?? snapshot;
    let { register, partialFor } = device ? { register: device, partialFor: undefined as string | undefined } : await coldStart(services, item, onNetwork);
    // The lookup's single candidate is, but for the settings' internal and ignored addresses, the partner
    // detection will show: its context is asked for now, not after detection's chunk has loaded and run
    // (tens of milliseconds at 4x CPU). Detection still decides what is shown; a read it does not confirm
    // is dropped. Not when the official chose this item's partner, or chose none.
    if (partialFor !== undefined && chosen === undefined && register.partners.length === 1) reads.read(register.partners[0].id, 0).catch(() => undefined);
    const { buildPartnerIndex, candidatesForKeys, detectWith, readShownContext } = await loadDetection();
    let index: PartnerIndex | undefined;
    let fromDevice = false;
    if (device && item) {
      // With the register on the device, only the partners this item's participants can meet are indexed
      // before the first render (indexing all 50,000 was most of a warm open). Only participant matches come
      // from part of the register: with none, the whole register decides (a partner in the subject, or none).
      const picked = candidatesForKeys(device.partners, keysOf(item));
      const partial = buildPartnerIndex(picked, device.settings);
      if (detectWith(partial, item.id, item)?.matches.length) {
        register = { ...device, partners: picked };
        index = partial;
        partialFor = item.id;
        fromDevice = true;
      } else if (part) {
        snapshot = await services.register.snapshot();
        ({ register, partialFor } = snapshot ? { register: snapshot, partialFor: undefined } : await coldStart(services, item, onNetwork));
      }
    }
    index ??= buildPartnerIndex(register.partners, register.settings);
    const start: PaneStart = { item, user, register, index, partialFor, fromDevice };
    const shown = item && readShownContext(reads, index, item, user, 0, partialFor);
    const saved = shown && reads.saved(shown.partnerId);
    if (shown) start.context = saved ? { partnerId: shown.partnerId, value: saved.value, savedAt: saved.readAt } : { partnerId: shown.partnerId, value: await shown.read };
    starts.set(services.repository, start);
  } finally {
    waiting();
  }
}

/** The prefetch's result for this repository, once (a later mount starts from scratch). */
export function takePaneStart(repository: Services['repository']): PaneStart | undefined {
  const start = starts.get(repository);
  starts.delete(repository);
  return start;
}
