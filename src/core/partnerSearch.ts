import type { Partner } from './model';

/** Whether a partner answers to what the official typed: its name, an alias or one of its domains. */
export function partnerMatchesQuery(partner: Pick<Partner, 'name' | 'aliases' | 'domains'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return partner.name.toLowerCase().includes(q) || partner.aliases.some((a) => a.toLowerCase().includes(q)) || partner.domains.some((d) => d.includes(q));
}

/** The partners a picker offers for a query, capped so a register of thousands stays a short list. */
export function searchPartners<P extends Pick<Partner, 'name' | 'aliases' | 'domains'>>(partners: P[], query: string, limit = 50): P[] {
  const hits: P[] = [];
  for (const partner of partners) {
    if (hits.length >= limit) break;
    if (partnerMatchesQuery(partner, query)) hits.push(partner);
  }
  return hits;
}
