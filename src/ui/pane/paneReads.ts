/**
 * The pane's reads that may start before React has rendered anything: the surface calls
 * `prefetchPaneContext` as soon as its data layer exists, and the pane's hook then picks up the
 * context read already in flight instead of starting its own after the first render.
 */
import { buildPartnerIndex, detectPartners, type DetectionResult, type PartnerIndex } from '../../core/detection';
import type { Official, PartnerContext } from '../../core/model';
import type { RegisterData } from '../../data/registerSource';
import type { PartnerRepository } from '../../data/PartnerRepository';
import type { HostItem } from '../../hosts/Host';
import type { Services } from '../services';
import { markPaneStep } from './paneTiming';

const CHOICE_PREFIX = 'partnerzicht.choice.';

/** The user's partner choice sticks per email or meeting (a known complaint about CRMs that pick silently). */
export function readChoice(itemId: string): string | null | undefined {
  try {
    const raw = localStorage.getItem(CHOICE_PREFIX + itemId);
    return raw === null ? undefined : raw === '' ? null : raw;
  } catch {
    return undefined;
  }
}

export function writeChoice(itemId: string, partnerId: string | undefined): void {
  try {
    localStorage.setItem(CHOICE_PREFIX + itemId, partnerId ?? '');
  } catch {
    // The choice then lasts for this view only.
  }
}

/** The partner shown: the official's choice for this item, else the only match; several wait for a choice. */
export function selectPartner(detection: DetectionResult | undefined, choice: string | null | undefined): string | undefined {
  if (choice === null) return undefined;
  return choice ?? (detection?.matches.length === 1 ? detection.matches[0].partnerId : undefined);
}

/** Context reads per partner, shared by the prefetch and the pane; a reload (`round`) reads again. */
export class ContextReads {
  private round = 0;
  private reads = new Map<string, Promise<PartnerContext>>();

  constructor(private readonly repository: Pick<PartnerRepository, 'getPartnerContext'>) {}

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
        () => markPaneStep('context-received'),
        () => reads.delete(partnerId),
      );
      reads.set(partnerId, read);
    }
    return read;
  }
}

/** Starts (or joins) the context read of the partner this item shows, if it shows one partner. */
export function readShownContext(reads: ContextReads, index: PartnerIndex, item: HostItem, round: number): { partnerId: string; read: Promise<PartnerContext> } | undefined {
  const partnerId = selectPartner(detectPartners(index, item), readChoice(item.id));
  return partnerId ? { partnerId, read: reads.read(partnerId, round) } : undefined;
}

const contextReadsByRepository = new WeakMap<object, ContextReads>();

/** The one ContextReads of a repository (the surface's prefetch and the pane share it). */
export function contextReadsFor(repository: Services['repository']): ContextReads {
  let reads = contextReadsByRepository.get(repository);
  if (!reads) {
    reads = new ContextReads(repository);
    contextReadsByRepository.set(repository, reads);
  }
  return reads;
}

/** What the prefetch found: the pane's first render starts from it instead of from nothing. */
export interface PaneStart {
  item: HostItem | undefined;
  user: Official;
  register: RegisterData;
  index: PartnerIndex;
  /** The detected (or chosen) partner's context, when there is one partner to show. */
  context?: { partnerId: string; value: PartnerContext };
}

const starts = new WeakMap<object, PaneStart>();

/**
 * Detects the partner of the host's current item from the register snapshot (or, on a first open,
 * the register Graph returns) and reads its context: all before the pane's first render, which the
 * surface holds back (a little while, see startSurface.tsx) so that it renders the result at once.
 */
export async function prefetchPaneContext(services: Pick<Services, 'host' | 'repository' | 'register'>): Promise<void> {
  const [item, user, register] = await Promise.all([
    services.host.getCurrentItem() as Promise<HostItem | undefined>,
    services.host.getUser(),
    services.register.first(),
  ]);
  const index = buildPartnerIndex(register.partners, register.settings);
  const start: PaneStart = { item, user, register, index };
  const shown = item && readShownContext(contextReadsFor(services.repository), index, item, 0);
  if (shown) start.context = { partnerId: shown.partnerId, value: await shown.read };
  starts.set(services.repository, start);
}

/** The prefetch's result for this repository, once (a later mount starts from scratch). */
export function takePaneStart(repository: Services['repository']): PaneStart | undefined {
  const start = starts.get(repository);
  starts.delete(repository);
  return start;
}
