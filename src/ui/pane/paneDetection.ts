/**
 * The pane's detection: which partner an item shows. Its own module because it pulls in core/detection
 * and with it tldts (the public suffix list, most of the detection code's weight): the prefetch loads it
 * only once its lookup request is on the network (paneReads.ts); the pane's component imports it as usual.
 */
import { detectPartners, participantMatches, type DetectionResult, type PartnerIndex } from '../../core/detection';
import type { Official, PartnerContext } from '../../core/model';
import type { HostItem } from '../../hosts/Host';
import { readChoice, selectPartner, type ContextReads } from './paneReads';

export { buildPartnerIndex, candidatesForKeys } from '../../core/detection';

/**
 * Detection with what the pane has: the whole register, or (a cold open, issue 19) only the partners
 * the lookup found for one item (`partialFor`, its id). Over those, only participant matches are the
 * register's (src/core/detection/lookupKeys.ts); a subject-only match, and any other item, wait for
 * the register, which is read in the background (undefined until then).
 */
export function detectWith(index: PartnerIndex, partialFor: string | undefined, item: HostItem): DetectionResult | undefined {
  if (partialFor === undefined) return detectPartners(index, item);
  return partialFor === item.id ? participantMatches(detectPartners(index, item)) : undefined;
}

/** Starts (or joins) the context read of the partner this item shows this official, if it shows one partner. */
export function readShownContext(
  reads: ContextReads,
  index: PartnerIndex,
  item: HostItem,
  official: Official,
  round: number,
  partialFor?: string,
): { partnerId: string; read: Promise<PartnerContext> } | undefined {
  const partnerId = selectPartner(detectWith(index, partialFor, item), readChoice(official, item.id));
  return partnerId ? { partnerId, read: reads.read(partnerId, round) } : undefined;
}
