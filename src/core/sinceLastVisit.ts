/**
 * "Nieuw sinds je laatste bezoek": what colleagues logged on the partners an official owns since they last opened
 * the overview. It is the owner's own catch-up, and where a Teams notification could not reach them (the app not
 * installed for them, a digest, or no notifications chosen) they still find every note. Derived from the overview's
 * copy of the interactions: SharePoint list item ids only grow, so "since the last visit" is "an id above the highest
 * one seen then"; the first visit shows the last `firstVisitDays` days by contact date.
 */
import type { InteractionFacts } from './overview/types';
import type { Partner } from './model';

export const FIRST_VISIT_DAYS = 14;
export const SINCE_LAST_VISIT_LIMIT = 20;

const serverId = (id: string): number | undefined => (/^\d+$/.test(id) ? Number(id) : undefined);

/** The highest server id among the entries (notes only queued on this device have none). */
export function highestId(entries: readonly Pick<InteractionFacts, 'id'>[]): number | undefined {
  let max: number | undefined;
  for (const e of entries) {
    const id = serverId(e.id);
    if (id !== undefined && (max === undefined || id > max)) max = id;
  }
  return max;
}

export function newSinceLastVisit<T extends InteractionFacts>(
  entries: readonly T[],
  partners: readonly Pick<Partner, 'id' | 'ownerEmail'>[],
  owner: string,
  lastSeenId: number | undefined,
  now: Date,
  limit = SINCE_LAST_VISIT_LIMIT,
): T[] {
  const me = owner.toLowerCase();
  const mine = new Set(partners.filter((p) => p.ownerEmail?.toLowerCase() === me).map((p) => p.id));
  if (mine.size === 0) return [];
  const since = now.getTime() - FIRST_VISIT_DAYS * 86_400_000;
  return entries
    .filter((e) => mine.has(e.partnerId) && (e.authorEmail ?? '').toLowerCase() !== me)
    .filter((e) => {
      const id = serverId(e.id);
      if (id === undefined) return false;
      return lastSeenId === undefined ? Date.parse(e.date) >= since : id > lastSeenId;
    })
    .sort((a, b) => Number(b.id) - Number(a.id))
    .slice(0, limit);
}
