import type { AgendaItem, PartnerContext } from '../../core/model';
import type { PendingWrite } from '../services';
import type { OverviewEntry } from './useOverviewModel';

/**
 * The overview shows an official's change at once, ahead of the server (the pane instead draws its
 * queued writes over what it read). When the official lets a write go, the overview reads these
 * partners again to show what is stored: the partner itself, and for a decision on a proposed partner
 * the partner it was merged into as well.
 */
export function partnersOfWrite(write: PendingWrite): string[] {
  switch (write.kind) {
    case 'partner':
      return [write.payload.id];
    case 'agenda':
    case 'domainLink':
      return [write.payload.partnerId];
    case 'proposalDecision':
      return [write.payload.partnerId, ...(write.payload.targetId ? [write.payload.targetId] : [])];
    case 'interaction':
      return [];
  }
}

/**
 * The agenda with one partner's stored items put back: an item the server holds is its stored version
 * (also one a merge had moved to another partner); the discarded write's item that the server does not
 * hold (a new item, or one a colleague has since closed) is dropped; the rest stays as it was.
 */
export function withStoredAgenda(all: AgendaItem[], stored: PartnerContext, discarded: PendingWrite): AgendaItem[] {
  const byClientId = new Map(stored.agenda.map((a) => [a.clientId, a]));
  const kept = all
    .filter((a) => byClientId.has(a.clientId) || !(discarded.kind === 'agenda' && a.clientId === discarded.clientId))
    .map((a) => byClientId.get(a.clientId) ?? a);
  const shown = new Set(kept.map((a) => a.clientId));
  return [...kept, ...stored.agenda.filter((a) => !shown.has(a.clientId))];
}

/** The interactions a discarded merge had moved to its target, given back to the partner that holds them. */
export function withStoredOwners(all: OverviewEntry[], stored: PartnerContext): OverviewEntry[] {
  const owner = stored.partner.id;
  const keys = new Set<string | undefined>(stored.interactions.flatMap((i) => [i.id, i.clientId]));
  keys.delete(undefined);
  return all.map((i) => (i.partnerId !== owner && (keys.has(i.id) || keys.has(i.clientId)) ? { ...i, partnerId: owner } : i));
}

/** The interactions without a discarded new note (one the server never stored: no id of its own yet); a discarded correction leaves the stored note. */
export function withoutUnsavedNote(all: OverviewEntry[], clientId: string): OverviewEntry[] {
  return all.filter((i) => !(i.clientId === clientId && (!i.id || i.id === i.clientId)));
}
