import type { AgendaItem, Interaction, Partner } from '../../src/core/model';

let counter = 0;
/** A client id as the UI makes them (unique per call). */
export const clientId = (prefix = 'c') => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function newPartner(over: Partial<Partner> = {}): Partner {
  return {
    id: clientId('p'),
    name: 'Woonstichting Portaal',
    category: 'woningcorporatie',
    aliases: ['Portaal'],
    domains: ['portaal.nl'],
    contacts: ['info@portaal.nl'],
    ownerEmail: 'anna.devries@veenhaven.nl',
    ownerName: 'Anna de Vries',
    themes: ['wonen', 'vastgoed'],
    description: 'Grootste corporatie in de gemeente',
    rhythmDays: 60,
    status: 'active',
    interactionCount: 0,
    ...over,
  };
}

export function newInteraction(partnerId: string, over: Partial<Interaction> = {}): Interaction {
  const id = over.clientId ?? clientId('i');
  return {
    id,
    clientId: id,
    partnerId,
    date: '2026-11-01T10:00:00Z',
    kind: 'meeting',
    department: 'Wonen',
    authorEmail: 'anna.devries@veenhaven.nl',
    authorName: 'Anna de Vries',
    themes: ['wonen'],
    title: 'Prestatieafspraken 2027',
    summary: 'Eerste ronde; Portaal wil meedenken over de verkoop van gemeentelijk vastgoed.',
    confidential: false,
    wooRelevant: true,
    ...over,
  };
}

export function newAgendaItem(partnerId: string, over: Partial<AgendaItem> = {}): AgendaItem {
  const id = over.clientId ?? clientId('a');
  return {
    id,
    clientId: id,
    partnerId,
    topic: 'Verkoop gemeentelijk vastgoed',
    direction: 'samen',
    owner: 'Anna de Vries',
    status: 'open',
    dueDate: '2027-01-15T00:00:00Z',
    nextStep: 'Portaal levert een lijst met panden',
    ...over,
  };
}
