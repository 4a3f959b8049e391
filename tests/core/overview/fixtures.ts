import type { AgendaItem, Interaction, Partner } from '../../../src/core/model';

export const now = new Date('2026-11-26T12:00:00Z');

export function partner(over: Partial<Partner> & { id: string }): Partner {
  return { name: over.id, category: 'overig', aliases: [], domains: [], contacts: [], themes: [], status: 'active', interactionCount: 0, ...over };
}

let seq = 0;
export function interaction(over: Partial<Interaction>): Interaction {
  const id = over.id ?? `i${++seq}`;
  return {
    id, clientId: id, partnerId: 'p', date: '2026-11-01T10:00:00Z', kind: 'meeting', department: 'Wonen', authorEmail: 'a@veenhaven.nl',
    authorName: 'Anna', themes: [], title: 't', summary: '', confidential: false, wooRelevant: false, ...over,
  };
}

export function agendaItem(over: Partial<AgendaItem> & { id: string }): AgendaItem {
  return { clientId: over.id, partnerId: 'p', topic: 'topic', direction: 'samen', owner: 'Anna', status: 'open', ...over };
}
